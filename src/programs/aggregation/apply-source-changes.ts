// A source's change to a program that an editor has edited since import: only the fields the SOURCE changed
// (against the version last published from it) are written onto the current program, through the editor's own
// form parser and upsert, so the editor's other fields (English, contacts, eligibility, how to apply) stay.
import { loadContacts } from '../../assistant/kb/load-content.js';
import type { Queryable } from '../../lib/db/types.js';
import { badRequest, notFound } from '../../lib/http/errors.js';
import { upsertProgram } from '../seed-programs.js';
import { loadEditableProgram } from '../staff/queries.js';
import { toContent } from '../staff/save-program-edit.js';
import { parseProgramForm } from '../staff/schema.js';
import { ITEM_FIELDS, type ItemFields } from './item.js';
import type { ProgramImportsTable } from './tables.js';

type ImportRow = Pick<ProgramImportsTable, 'title' | 'summary' | 'body' | 'url' | 'provider' | 'opens_on' | 'closes_on'> & { previous: Record<string, string | null> | null };

let contactIds: Set<string> | null = null;
const knownContacts = () => (contactIds ??= new Set(loadContacts().map((c) => c.id)));

export const importFields = (r: ImportRow): ItemFields => ({ title: r.title, summary: r.summary, body: r.body, url: r.url, provider: r.provider, opensOn: r.opens_on, closesOn: r.closes_on });

/** The item fields the source changed since the version last published from it (all of them without one). */
export function sourceChangedFields(r: ImportRow): Array<(typeof ITEM_FIELDS)[number]> {
  const now = importFields(r);
  return ITEM_FIELDS.filter((f) => !r.previous || (r.previous[f] ?? null) !== now[f]);
}

/** Applies the source's changed fields to the program; returns the names of the program fields written. */
export async function applySourceChanges(trx: Queryable, programId: string, row: ImportRow): Promise<string[]> {
  const current = await loadEditableProgram(trx, programId);
  if (!current) throw notFound('No such program.');
  const v = { ...current.values };
  const now = importFields(row);
  const written: string[] = [];
  for (const f of sourceChangedFields(row)) {
    if (f === 'title') v.titleKo = now.title ?? '';
    else if (f === 'summary') v.summaryKo = now.summary ?? '';
    else if (f === 'body') v.bodyKo = now.body ?? '';
    else if (f === 'provider' && now.provider) v.providerKo = now.provider;
    else if (f === 'url') {
      // Replace the link the source gave before (else the first one); the editor's other sources stay.
      const urls = Array.isArray(v.srcUrl) ? [...v.srcUrl] : [String(v.srcUrl ?? '')];
      const at = Math.max(0, urls.indexOf(row.previous?.url ?? ''));
      urls[at] = now.url ?? '';
      v.srcUrl = urls;
    } else if (f === 'opensOn' || f === 'closesOn') {
      v.period = now.opensOn || now.closesOn ? 'dated' : 'rolling';
      v.opensOn = now.opensOn ?? '';
      v.closesOn = now.closesOn ?? '';
    } else continue;
    written.push(f);
  }
  const parsed = parseProgramForm(v, { id: programId, contactIds: knownContacts() });
  if (!parsed.ok) throw badRequest('invalid_program', `The program would not be valid: ${parsed.errors.map((e) => e.field).join(', ')}`);
  await upsertProgram(trx, toContent(parsed.edit), 'editor');
  return written;
}
