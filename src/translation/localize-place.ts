// Place descriptions exist in Korean (and some curated translations): other readers get a labelled
// machine translation within the page's render budget, when a provider is configured.
import type { Queryable } from '../lib/db/types.js';
import type { Locale } from '../lib/i18n/locales.js';
import type { PlaceDetail } from '../places/get-place.js';
import { resultsUrl, translateContentFields } from './content.js';
import type { MachineNote } from './views/machine-note.js';

export async function machineTranslatedPlace(db: Queryable, place: PlaceDetail, locale: Locale, budgetMs: number): Promise<{ place: PlaceDetail; machine: MachineNote | null }> {
  if (locale === 'ko' || !place.description || place.descriptionStatus !== 'original') return { place, machine: null };
  const r = await translateContentFields(db, { ref: { type: 'place', id: place.id }, source: 'ko', target: locale, fields: { description: place.description }, budgetMs });
  const originalHref = `/ko/places/${place.id}`;
  if (r.state === 'pending') return { place, machine: { state: 'pending', from: 'ko', originalHref, pollUrl: resultsUrl(r.pending) } };
  if (r.state !== 'done' || !r.fields.description) return { place, machine: null };
  return { place: { ...place, description: r.fields.description, descriptionStatus: 'machine' }, machine: { state: 'done', from: 'ko', originalHref } };
}
