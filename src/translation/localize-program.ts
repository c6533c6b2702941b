// Programs without a curated text in the reader's locale: a labelled machine translation from the Korean
// original within the page's render budget, kept in program_translations with status 'machine' (so lists,
// the API and the staff see it); otherwise the curated English with its note. Lists never call a provider:
// they show what the memory already holds.
import { sql } from 'kysely';
import type { Queryable } from '../lib/db/types.js';
import type { Locale } from '../lib/i18n/locales.js';
import type { Program, ProgramText } from '../programs/model.js';
import { loadProgram } from '../programs/queries.js';
import '../programs/tables.js';
import { resultsUrl, translateContentFields } from './content.js';
import { translationServiceFor } from './runtime.js';
import type { MachineNote } from './views/machine-note.js';

/** Whether the reader's text is ours to machine-translate: not Korean, and nothing an editor wrote or reviewed. */
const wantsMachine = (program: Program, locale: string) => locale !== 'ko' && program.ko !== null && (program.fallback || program.text.status !== 'reviewed');

const fieldsOf = (ko: ProgramText): Record<string, string> => {
  const f: Record<string, string> = { title: ko.title, summary: ko.summary };
  if (ko.body) f.body = ko.body;
  if (ko.conditions) f.conditions = ko.conditions;
  if (ko.how) f.how = ko.how;
  ko.documents.forEach((d, i) => (f[`documents.${i}`] = d));
  return f;
};

/** The program text made of the translated fields (a field left untranslated keeps the Korean). */
const machineText = (ko: ProgramText, f: Record<string, string>, locale: string): ProgramText => ({
  locale,
  title: f.title ?? ko.title,
  summary: f.summary ?? ko.summary,
  body: ko.body ? (f.body ?? ko.body) : null,
  conditions: ko.conditions ? (f.conditions ?? ko.conditions) : null,
  how: ko.how ? (f.how ?? ko.how) : null,
  documents: ko.documents.map((d, i) => f[`documents.${i}`] ?? d),
  status: 'machine',
});

const sameText = (a: ProgramText, b: ProgramText) =>
  a.title === b.title && a.summary === b.summary && a.body === b.body && a.conditions === b.conditions && a.how === b.how && JSON.stringify(a.documents) === JSON.stringify(b.documents);

async function storeMachineText(db: Queryable, programId: string, text: ProgramText): Promise<void> {
  // The Korean row carries the hash of the Korean text (set by the seeder and the editor): the translation
  // was made from that text, and becomes outdated when it changes.
  const ko = await db.selectFrom('program_translations').select('source_hash').where('program_id', '=', programId).where('locale', '=', 'ko').executeTakeFirst();
  const sourceHash = ko?.source_hash ?? null;
  const row = { title: text.title, summary: text.summary, body: text.body, conditions: text.conditions, how: text.how, documents: JSON.stringify(text.documents), status: 'machine' as const, source_hash: sourceHash };
  // Never over a text an editor wrote or reviewed (one may have been saved since the page was loaded).
  await db
    .insertInto('program_translations')
    .values({ program_id: programId, locale: text.locale, ...row })
    .onConflict((oc) => oc.columns(['program_id', 'locale']).doUpdateSet({ ...row, updated_at: sql`now()` }).where('program_translations.status', '<>', 'reviewed'))
    .execute();
}

export async function machineTranslatedProgram(db: Queryable, program: Program, locale: Locale, budgetMs: number): Promise<{ program: Program; machine: MachineNote | null; provider?: string | undefined }> {
  if (!wantsMachine(program, locale)) return { program, machine: null };
  const ko = program.ko!;
  const originalHref = `/ko/programs/${program.id}`;
  // A machine text stored earlier is shown with its label when nothing better is to be had right now.
  const stored = program.fallback ? null : { program, machine: { state: 'done' as const, from: 'ko', originalHref } };
  const r = await translateContentFields(db, { ref: { type: 'program', id: program.id }, source: 'ko', target: locale, fields: fieldsOf(ko), budgetMs });
  if (r.state === 'pending') return { program, machine: { state: 'pending', from: 'ko', originalHref, pollUrl: resultsUrl(r.pending) } };
  if (r.state !== 'done') return stored ?? { program, machine: null };
  const text = machineText(ko, r.fields, locale);
  // Written only when it differs (first translation, a newer Korean text, an editor's correction in review).
  if (program.fallback || program.text.status !== 'machine' || !sameText(program.text, text)) await storeMachineText(db, program.id, text);
  return { program: { ...program, text, fallback: false }, machine: { state: 'done', from: 'ko', originalHref }, provider: r.provider };
}

/**
 * Lists: programs still in English get their title and summary from the memory when both are there (made
 * when someone opened the program, or by an earlier list). No provider call, one query for the page.
 */
export async function rememberedProgramTitles(db: Queryable, programs: Program[], locale: string): Promise<Program[]> {
  const service = translationServiceFor(db);
  if (locale === 'ko' || !service?.configured || !service.canTranslate('ko', locale)) return programs;
  const todo = programs.filter((p) => p.fallback && p.ko);
  if (!todo.length) return programs;
  const found = await service.peek({ texts: todo.flatMap((p) => [p.ko!.title, p.ko!.summary]), source: 'ko', target: locale, format: 'text' });
  const byId = new Map<string, { title: string; summary: string }>();
  todo.forEach((p, i) => {
    const [title, summary] = [found[2 * i], found[2 * i + 1]];
    if (title?.translated && summary?.translated) byId.set(p.id, { title: title.text, summary: summary.text });
  });
  return programs.map((p) => {
    const t = byId.get(p.id);
    // status 'machine' makes the list show its machine-translation label.
    return t ? { ...p, fallback: false, text: { ...p.text, locale, title: t.title, summary: t.summary, status: 'machine' as const } } : p;
  });
}

/** The same for the list's entries (each carries its program). */
export async function withRememberedTitles<L extends { program: Program }>(db: Queryable, listed: L[], locale: string): Promise<L[]> {
  const shown = await rememberedProgramTitles(db, listed.map((l) => l.program), locale);
  return listed.map((l, i) => (shown[i] === l.program ? l : { ...l, program: shown[i]! }));
}

/** How the API says a text is machine-translated: from which language, where the original is, what to poll. */
export function machineJson(machine: MachineNote | null, baseUrl: string) {
  if (!machine) return undefined;
  return { state: machine.state, from: machine.from, original: `${baseUrl}${machine.originalHref}`, ...(machine.pollUrl ? { pollUrl: machine.pollUrl } : {}) };
}

/**
 * A list entry in the API: a text that is a machine translation (stored, or titles from the memory) says so
 * the way the detail endpoint does — translation.machine = {state: 'done', from: 'ko', original}.
 */
export function withMachineLabel<J extends { translation: object }>(json: J, program: Program, baseUrl: string): J {
  if (program.fallback || program.text.status !== 'machine' || !program.ko) return json;
  const machine = machineJson({ state: 'done', from: 'ko', originalHref: `/ko/programs/${program.id}` }, baseUrl);
  return { ...json, translation: { ...json.translation, machine } };
}

/**
 * After an editor corrected or approved a memory row in the review queue: every program whose machine text
 * it serves gets that text rebuilt from the memory (overrides win) and stored at once, so lists and the API
 * show the correction without waiting for someone to open the program. It stays a labelled machine text (as
 * for guides); the staff status counts it 'reviewed' once every part was corrected or approved. Writing it in
 * the program editor (?lang=) makes it a reviewed text of our own instead. Memory only, never a provider.
 */
export async function refreshProgramsServedBy(db: Queryable, key: string): Promise<void> {
  const service = translationServiceFor(db);
  const served = await db
    .selectFrom('translation_refs as r')
    .innerJoin('translation_memory as m', 'm.key', 'r.tm_key')
    .innerJoin('translation_memory as c', 'c.base_key', 'm.base_key')
    .select(['r.content_id', 'r.locale'])
    .distinct()
    .where('c.key', '=', key)
    .where('r.content_type', '=', 'program')
    .execute();
  for (const { content_id: id, locale } of served) {
    const program = await loadProgram(db, id, locale);
    if (!program?.ko || program.fallback || program.text.status !== 'machine' || !service?.canTranslate('ko', locale)) continue;
    const fields = fieldsOf(program.ko);
    const names = Object.keys(fields).filter((n) => fields[n]!.trim());
    const found = await service.peek({ texts: names.map((n) => fields[n]!), source: 'ko', target: locale, format: 'text' });
    // Part of it no longer in the memory (e.g. newer Korean): the program page re-translates it on its next view.
    if (found.some((f) => !f?.translated)) continue;
    const text = machineText(program.ko, Object.fromEntries(names.map((n, i) => [n, found[i]!.text])), locale);
    if (!sameText(program.text, text)) await storeMachineText(db, id, text);
  }
}
