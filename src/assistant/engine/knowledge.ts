// The knowledge the engine works from, loaded from the database (so editors' changes apply on every node).
import { sql } from 'kysely';
import type { Queryable } from '../../lib/db/types.js';
import type { Locale } from '../../lib/i18n/locales.js';
import '../tables.js';

export interface ArticleText {
  status: 'machine' | 'reviewed' | 'outdated';
  title: string;
  answer: string;
  steps: string[];
  bring: string[];
  questions: string[];
}

export interface KArticle {
  id: string;
  topic: 'residence' | 'labor' | 'life' | 'emergency';
  rank: number;
  visas: string[];
  regions: string[];
  keywords: string[];
  contacts: string[];
  sources: Array<{ publisher: string; title: string; url: string }>;
  reviewed: string;
  related: string[];
  texts: Map<Locale, ArticleText>;
}

export interface KContact {
  id: string;
  phone: string;
  altPhone: string | null;
  url: string | null;
  emergency: boolean;
  source: { publisher: string; title: string; url: string };
  names: Record<string, string>;
  hours: Record<string, string>;
}

export interface RegionName {
  code: string;
  names: string[];
}

export interface Knowledge {
  revision: number;
  articles: Map<string, KArticle>;
  contacts: Map<string, KContact>;
  regions: RegionName[];
}

export async function kbRevision(db: Queryable): Promise<number> {
  const r = await db.selectFrom('app_state').select('value').where('key', '=', 'kb_revision').executeTakeFirst();
  return Number(r?.value ?? 0);
}

export async function loadKnowledge(db: Queryable): Promise<Knowledge> {
  const revision = await kbRevision(db);
  const rows = await db.selectFrom('kb_articles').selectAll().where('retired_at', 'is', null).execute();
  const texts = await db.selectFrom('kb_article_translations').selectAll().execute();
  const contacts = await db.selectFrom('kb_contacts').selectAll().execute();
  const regions = await sql<{ code: string; name_ko: string; name_en: string; names: string[] }>`
    select r.code, r.name_ko, r.name_en, coalesce(array_agg(t.name) filter (where t.name is not null), '{}') as names
    from regions r left join region_translations t on t.region_code = r.code group by r.code`.execute(db);
  const articles = new Map<string, KArticle>();
  for (const r of rows) {
    articles.set(r.id, {
      id: r.id,
      topic: r.topic as KArticle['topic'],
      rank: r.rank,
      visas: r.visas,
      regions: r.regions,
      keywords: r.keywords,
      contacts: r.contacts,
      sources: r.sources as unknown as KArticle['sources'],
      reviewed: String(r.reviewed).slice(0, 10),
      related: r.related,
      texts: new Map(),
    });
  }
  for (const t of texts) {
    articles.get(t.article_id)?.texts.set(t.locale as Locale, {
      status: t.status,
      title: t.title,
      answer: t.answer,
      steps: t.steps as unknown as string[],
      bring: t.bring as unknown as string[],
      questions: t.questions as unknown as string[],
    });
  }
  return {
    revision,
    articles,
    contacts: new Map(
      contacts.map((c) => [
        c.id,
        {
          id: c.id,
          phone: c.phone,
          altPhone: c.alt_phone,
          url: c.url,
          emergency: c.emergency,
          source: c.source as unknown as KContact['source'],
          names: c.names as unknown as Record<string, string>,
          hours: c.hours as unknown as Record<string, string>,
        },
      ]),
    ),
    regions: regions.rows.map((r) => ({
      code: r.code,
      names: [...new Set([r.name_ko, r.name_en, r.name_en.replace(/-(si|gun)$/i, ''), r.name_ko.replace(/[시군]$/, ''), ...r.names])],
    })),
  };
}
