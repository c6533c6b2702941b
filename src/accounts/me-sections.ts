// Sections that other features add to My Ieum (/{locale}/me), rendered in registration order.
import type { DB } from '../lib/db/types.js';
import type { PageCtx } from '../lib/views/page-context.js';

export type MeSection = (db: DB, p: PageCtx, query: Record<string, string>) => Promise<unknown>;
const sections: MeSection[] = [];

export function registerMeSection(fn: MeSection) {
  if (!sections.includes(fn)) sections.push(fn);
}

export async function renderMeSections(db: DB, p: PageCtx, query: Record<string, string>): Promise<unknown[]> {
  return Promise.all(sections.map((fn) => fn(db, p, query)));
}
