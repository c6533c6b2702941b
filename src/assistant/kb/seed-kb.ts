// Loads the bundled knowledge base into the database, idempotently. A re-seed touches only articles whose
// file changed; a translation whose Korean source changed underneath it is marked 'outdated'.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DB, Queryable } from '../../lib/db/types.js';
import '../tables.js';
import type { Article, LocaleText } from './content-schema.js';
import { loadArticles, loadContacts } from './load-content.js';

const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('base64url').slice(0, 22);
export const koSourceHash = (ko: LocaleText) => sha([ko.title, ko.answer, ko.steps ?? [], ko.bring ?? []]);
const textHash = (t: { title: string; answer: string; steps?: string[]; bring?: string[] }) =>
  sha([t.title, t.answer, t.steps ?? [], t.bring ?? []]);

export async function bumpKbRevision(db: Queryable): Promise<void> {
  await sql`update app_state set value = value + 1, updated_at = now() where key = 'kb_revision'`.execute(db);
}

async function upsertArticle(trx: Queryable, a: Article, fileHash: string) {
  const row = {
    id: a.id,
    topic: a.topic,
    rank: a.rank,
    visas: a.visas,
    regions: a.regions,
    keywords: a.keywords,
    contacts: a.contacts,
    sources: JSON.stringify(a.sources),
    reviewed: a.reviewed,
    related: a.related,
    content_hash: fileHash,
  };
  await trx
    .insertInto('kb_articles')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: new Date() }))
    .execute();
  const koHash = koSourceHash(a.i18n.ko!);
  const existing = await trx
    .selectFrom('kb_article_translations')
    .select(['locale', 'title', 'answer', 'steps', 'bring', 'source_hash', 'status'])
    .where('article_id', '=', a.id)
    .execute();
  const byLocale = new Map(existing.map((e) => [e.locale, e]));
  for (const [locale, t] of Object.entries(a.i18n) as Array<[string, LocaleText]>) {
    const prev = byLocale.get(locale);
    const sameText = prev && textHash({ ...prev, steps: prev.steps as unknown as string[], bring: prev.bring as unknown as string[] }) === textHash(t);
    let status: 'machine' | 'reviewed' | 'outdated' = t.status;
    let sourceHash = koHash;
    if (locale !== 'ko' && sameText && prev.source_hash && prev.source_hash !== koHash) {
      status = 'outdated'; // the Korean moved on; this translation did not
      sourceHash = prev.source_hash;
    }
    const values = {
      article_id: a.id,
      locale,
      status,
      title: t.title,
      answer: t.answer,
      steps: JSON.stringify(t.steps ?? []),
      bring: JSON.stringify(t.bring ?? []),
      questions: JSON.stringify(t.questions),
      source_hash: sourceHash,
    };
    await trx
      .insertInto('kb_article_translations')
      .values(values)
      .onConflict((oc) => oc.columns(['article_id', 'locale']).doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
  }
}

export async function seedKnowledgeBase(db: DB): Promise<number> {
  const contacts = loadContacts();
  const articles = loadArticles();
  const known = new Map(
    (await db.selectFrom('kb_articles').select(['id', 'content_hash']).execute()).map((r) => [r.id, r.content_hash]),
  );
  const contactsHash = sha(contacts);
  const storedContacts = await db.selectFrom('kb_contacts').select('id').execute();
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    if (storedContacts.length !== contacts.length || !(await contactsUnchanged(trx, contactsHash))) {
      for (const c of contacts) {
        const row = {
          id: c.id,
          phone: c.phone,
          alt_phone: c.altPhone ?? null,
          url: c.url,
          emergency: c.emergency,
          source: JSON.stringify(c.source),
          names: JSON.stringify(c.names),
          hours: JSON.stringify(c.hours),
        };
        await trx.insertInto('kb_contacts').values(row).onConflict((oc) => oc.column('id').doUpdateSet({ ...row, updated_at: new Date() })).execute();
      }
      await sql`insert into app_state (key, value) values ('kb_contacts_hash', 0) on conflict do nothing`.execute(trx);
      await trx.updateTable('app_state').set({ value: hashToInt(contactsHash) }).where('key', '=', 'kb_contacts_hash').execute();
      changed++;
    }
    for (const a of articles) {
      const fileHash = sha(a);
      if (known.get(a.id) === fileHash) continue;
      await upsertArticle(trx, a, fileHash);
      changed++;
    }
    if (changed) await bumpKbRevision(trx);
  });
  return articles.length;
}

function hashToInt(h: string): number {
  let n = 0;
  for (const ch of h.slice(0, 8)) n = (n * 31 + ch.charCodeAt(0)) % 2_000_000_000;
  return n;
}

async function contactsUnchanged(db: Queryable, hash: string): Promise<boolean> {
  const r = await db.selectFrom('app_state').select('value').where('key', '=', 'kb_contacts_hash').executeTakeFirst();
  return r?.value === hashToInt(hash);
}
