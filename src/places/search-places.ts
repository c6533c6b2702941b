// Use case: find places near a point, a city/county, or a place name typed in any locale.
import type { Locale } from '../lib/i18n/locales.js';
import type { Category } from './categories.js';
import { openState } from './open-now.js';
import type { IndexedPlace, PlaceIndex } from './place-index.js';
import type { Region } from './queries.js';

export interface PlaceQuery {
  lat?: number | undefined;
  lng?: number | undefined;
  region?: string | undefined;
  q?: string | undefined;
  category?: Category | undefined;
  language?: string | undefined;
  openNow?: boolean;
  free?: boolean;
  walkIn?: boolean;
  limit: number;
  locale: Locale;
}

export interface PlaceHit {
  place: IndexedPlace;
  distanceM: number | null;
  open: 'open' | 'closed' | 'unknown';
}

export interface PlaceSearch {
  origin: { lat: number; lng: number; label: string | null; from: 'coordinates' | 'region' | 'name' } | null;
  hits: PlaceHit[];
}

/** A typed place name that is a city/county (in any locale) becomes that region's point. */
function regionByName(q: string, regions: Region[]): Region | undefined {
  const t = q.trim().toLowerCase();
  return regions.find((r) => [r.name, r.nameKo, r.nameEn, r.nameEn.replace(/-(si|gun)$/i, ''), r.nameKo.replace(/[시군]$/, '')].some((n) => n.toLowerCase() === t));
}

export function searchPlaces(index: PlaceIndex, regions: Region[], q: PlaceQuery, at = new Date()): PlaceSearch {
  let origin: PlaceSearch['origin'] = null;
  if (q.lat !== undefined && q.lng !== undefined) origin = { lat: q.lat, lng: q.lng, label: null, from: 'coordinates' };
  else if (q.region) {
    const r = regions.find((x) => x.code === q.region);
    if (r) origin = { lat: r.lat, lng: r.lng, label: r.name, from: 'region' };
  }
  let textHits: IndexedPlace[] | null = null;
  if (!origin && q.q) {
    const r = regionByName(q.q, regions);
    if (r) origin = { lat: r.lat, lng: r.lng, label: r.name, from: 'name' };
    else textHits = index.text(q.q, 200);
  }
  const filters = { category: q.category, language: q.language, openNow: q.openNow ?? false, free: q.free ?? false, walkIn: q.walkIn ?? false, at };
  if (origin) {
    const near = index.near({ lat: origin.lat, lng: origin.lng, limit: q.limit, ...filters });
    return { origin, hits: near.map((h) => ({ place: h.place, distanceM: h.distanceM, open: openState(h.place.windows, at) })) };
  }
  const pool = textHits ?? [];
  const hits = pool
    .filter((p) => (!q.category || p.category === q.category) && (!q.language || p.languages.includes(q.language)))
    .filter((p) => (!q.free || p.free === true) && (!q.walkIn || p.walkIn === true))
    .filter((p) => !q.openNow || openState(p.windows, at) === 'open')
    .slice(0, q.limit)
    .map((place) => ({ place, distanceM: null, open: openState(place.windows, at) }));
  return { origin: null, hits };
}
