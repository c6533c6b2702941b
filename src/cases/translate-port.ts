// The one place cases reach machine translation: src/translation's translateText (purpose 'case': personal
// data is redacted before any outside provider and nothing is remembered). Without a configured provider it
// returns the original with translated: false, and the pages show the original only.
//
// PLUG-IN POINT: `defaultTranslate` below is the only line that names src/translation. Every caller in
// src/cases goes through caseTranslator(), so replacing that line (e.g. with `noTranslation`) is all it takes.
import type { Queryable } from '../lib/db/types.js';
import { translateText } from '../translation/translate-text.js';

export interface CaseTranslateRequest {
  text: string;
  source?: string | undefined;
  target: string;
  format: 'text';
  purpose: 'case';
}

export interface CaseTranslateResult {
  text: string;
  source: string;
  target: string;
  translated: boolean;
  provider?: string | undefined;
}

export type CaseTranslate = (db: Queryable, req: CaseTranslateRequest) => Promise<CaseTranslateResult>;

/** No translation: the original comes back, marked untranslated. */
export const noTranslation: CaseTranslate = async (_db, r) => ({ text: r.text, source: r.source ?? 'und', target: r.target, translated: false });

const defaultTranslate: CaseTranslate = (db, r) => translateText(db, r);

export const caseTranslator = (): CaseTranslate => defaultTranslate;
