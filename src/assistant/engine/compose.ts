// Turns an engine result into the answer the migrant reads: in their language, short, with steps, where
// to call (never more than five numbers), and numbered sources. Plain text for the API, parts for pages.
import type { Translate } from '../../lib/i18n/messages.js';
import type { Locale } from '../../lib/i18n/locales.js';
import { nearbyCategory } from '../nearby.js';
import type { EngineResult } from './engine.js';
import type { ArticleText, KArticle, KContact, Knowledge } from './knowledge.js';

export interface ComposedContact {
  name: string;
  phone: string;
  altPhone: string | null;
  hours: string;
  url: string | null;
}

export interface Composed {
  kind: EngineResult['kind'];
  locale: Locale;
  /** Language of the article text itself: English when the reader's locale has no version yet. */
  textLocale: Locale;
  articleId: string | null;
  title: string | null;
  lead: string | null;
  summary: string;
  steps: string[];
  bring: string[];
  contacts: ComposedContact[];
  sources: Array<{ title: string; url: string }>;
  notes: string[];
  options: Array<{ id: string; title: string; summary: string }>;
  reviewed: string | null;
  /** Places that help with this answer in the asker's city, when the question named one. */
  nearby: { region: string; category: string } | null;
  text: string;
}

const MAX_NUMBERS = 5;

export function pickText(article: KArticle, locale: Locale): { text: ArticleText; locale: Locale } | null {
  const own = article.texts.get(locale);
  if (own) return { text: own, locale };
  const en = article.texts.get('en');
  return en ? { text: en, locale: 'en' } : null;
}

function contactFor(c: KContact, locale: Locale): ComposedContact {
  return { name: c.names[locale] ?? c.names.en ?? c.phone, phone: c.phone, altPhone: c.altPhone, hours: c.hours[locale] ?? c.hours.en ?? '', url: c.url };
}

/** Adds contacts while the answer stays within five distinct phone numbers. */
function limitedContacts(ids: string[], k: Knowledge, locale: Locale, already: Set<string>): ComposedContact[] {
  const out: ComposedContact[] = [];
  for (const id of ids) {
    const c = k.contacts.get(id);
    if (!c) continue;
    const nums = [c.phone, ...(c.altPhone ? [c.altPhone] : [])].filter((n) => !already.has(n));
    if (already.size + nums.length > MAX_NUMBERS) continue;
    nums.forEach((n) => already.add(n));
    out.push(contactFor(c, locale));
  }
  return out;
}

export function compose(r: EngineResult, k: Knowledge, tFor: (l: Locale) => Translate): Composed {
  const locale = r.locale;
  const t = tFor(locale);
  const numbers = new Set<string>();
  const base: Composed = {
    kind: r.kind, locale, textLocale: locale, articleId: r.article?.id ?? null, title: null, lead: null, summary: '', steps: [], bring: [],
    contacts: [], sources: [], notes: [], options: [], reviewed: null, nearby: null, text: '',
  };
  if (r.otherLanguage) base.notes.push(t('assistant.other_language'));

  if (r.kind === 'decline') {
    base.title = t('assistant.decline.title');
    base.summary = r.decline ? (r.safetyMessage ?? '') : '';
    return finish(base, t);
  }

  if (r.kind === 'emergency' && r.emergency) {
    r.emergency.call.forEach((n) => numbers.add(n));
    base.lead = `${r.emergency.call.join(' · ')} — ${r.safetyMessage ?? ''}`.trim();
  }

  if (r.kind === 'handoff' || r.kind === 'clarify') {
    base.summary = r.kind === 'clarify' ? t('assistant.clarify') : t('assistant.not_sure');
    for (const c of r.candidates) {
      const a = k.articles.get(c.id);
      const picked = a && pickText(a, locale);
      if (picked) base.options.push({ id: c.id, title: picked.text.title, summary: picked.text.answer });
    }
    if (r.kind === 'handoff') base.notes.push(t('assistant.counselor_lines'));
    base.contacts = r.kind === 'handoff' ? limitedContacts(['1345', 'danuri'], k, locale, numbers) : [];
    base.sources = r.candidates.flatMap((c) => k.articles.get(c.id)?.sources.slice(0, 1) ?? []).map(sourceOf);
    return finish(base, t);
  }

  const article = r.article;
  const picked = article && pickText(article, locale);
  if (!article || !picked) {
    base.summary = t('assistant.not_sure');
    return finish(base, t);
  }
  const { text } = picked;
  base.textLocale = picked.locale;
  if (picked.locale !== locale) base.notes.push(t('assistant.fallback_en'));
  else if (text.status === 'machine' && locale !== 'ko') base.notes.push(t('assistant.machine'));
  else if (text.status === 'outdated') base.notes.push(t('assistant.outdated'));
  base.title = text.title;
  base.summary = text.answer;
  base.steps = text.steps;
  base.bring = text.bring;
  base.contacts = limitedContacts(article.contacts, k, locale, numbers);
  base.sources = article.sources.map(sourceOf);
  base.reviewed = article.reviewed;
  const category = nearbyCategory(article);
  if (category && r.entities.regions[0]) base.nearby = { region: r.entities.regions[0], category };
  return finish(base, t);
}

const sourceOf = (s: { publisher: string; title: string; url: string }) => ({ title: `${s.publisher}: ${s.title}`, url: s.url });

/** (Re)builds the plain-text answer from the parts, e.g. after an LLM rewrote the summary. */
export function finish(c: Composed, t: Translate): Composed {
  const parts: string[] = [];
  if (c.lead) parts.push(c.lead);
  if (c.title && c.kind !== 'decline') parts.push(c.title);
  if (c.summary) parts.push(c.summary);
  for (const [i, o] of c.options.entries()) parts.push(`${i + 1}. ${o.title} — ${o.summary}`);
  if (c.steps.length) parts.push(`${t('assistant.steps')}:\n${c.steps.map((s, i) => `${i + 1}. ${s}`).join('\n')}`);
  if (c.bring.length) parts.push(`${t('assistant.bring')}: ${c.bring.join(', ')}`);
  if (c.contacts.length) {
    parts.push(
      `${t('assistant.contacts')}:\n${c.contacts
        .map((x) => `- ${x.name}${x.name.includes(x.phone) ? '' : ` ${x.phone}`}${x.hours ? ` (${x.hours})` : ''}`)
        .join('\n')}`,
    );
  }
  if (c.sources.length) parts.push(`${t('assistant.sources')}:\n${c.sources.map((s, i) => `[${i + 1}] ${s.title} — ${s.url}`).join('\n')}`);
  if (c.notes.length) parts.push(c.notes.join(' '));
  c.text = parts.join('\n\n');
  return c;
}
