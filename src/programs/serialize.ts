// The JSON shape of a program in the API (API-CONTRACTS.md "Programs and me": id, title, sourceUrl,
// lastVerified, eligibility, deadline?, reasons?), with localized reason texts.
import type { Translate } from '../lib/i18n/messages.js';
import type { Reason } from './eligibility.js';
import type { ListedProgram } from './list-programs.js';

export function reasonText(t: Translate, r: Reason): string {
  if (r.code === 'open_to_all') return t('programs.reason.open_to_all');
  const values = r.code === 'family' ? r.values.map((v) => t(`programs.family.${v}`)) : r.code === 'age' ? [`${r.values[0]}–${r.values[1]}`] : r.values;
  return t(`programs.reason.${r.code}.${r.kind}`, { section: values.join(', ') });
}

export function programJson(l: ListedProgram, t: Translate, baseUrl: string, locale: string) {
  const p = l.program;
  return {
    id: p.id,
    title: p.text.title,
    summary: p.text.summary,
    locale: p.text.locale,
    translation: { locale: p.text.locale, status: p.text.status, fallback: p.fallback },
    level: p.level,
    provider: { name: locale === 'ko' ? p.providerKo : p.providerEn, nameKo: p.providerKo, url: p.providerUrl },
    categories: p.categories,
    eligibility: { ...p.eligibility, conditions: p.text.conditions },
    application: { period: p.rolling ? 'rolling' : { opens: p.opensOn, closes: p.closesOn }, how: p.text.how, documents: p.text.documents },
    status: l.status,
    ...(l.deadline ? { deadline: l.deadline } : {}),
    ...(l.reasons ? { reasons: l.reasons.map((r) => ({ ...r, text: reasonText(t, r) })) } : {}),
    contacts: p.contacts,
    sourceUrl: p.sourceUrl,
    sources: p.sources,
    lastVerified: p.lastVerified,
    url: `${baseUrl}/${locale}/programs/${p.id}`,
  };
}
