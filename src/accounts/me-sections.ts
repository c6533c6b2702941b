// Sections that other features add to My Ieum (/{locale}/me), rendered by `order` (then registration order).
import type { DB } from '../lib/db/types.js';
import type { PageCtx } from '../lib/views/page-context.js';

export type MeSection = (db: DB, p: PageCtx, query: Record<string, string>) => Promise<unknown>;
const sections: Array<{ fn: MeSection; order: number }> = [];

/** `order`: lower comes first (default 100); "About me" uses 10 so the profile form leads the page. */
export function registerMeSection(fn: MeSection, order = 100) {
  if (sections.some((s) => s.fn === fn)) return;
  sections.push({ fn, order });
  sections.sort((a, b) => a.order - b.order);
}

export async function renderMeSections(db: DB, p: PageCtx, query: Record<string, string>): Promise<unknown[]> {
  return Promise.all(sections.map((s) => s.fn(db, p, query)));
}
