// The one place cases reach machine translation. Until src/translation exists, nothing is translated and
// every text is shown in its original language (the pages say so).
//
// PLUG-IN POINT: when src/translation/ lands with
//   translateText(db, { text, source?, target, format, purpose: 'case' }) → { text, source, target, translated, provider? }
// replace `defaultTranslate` below with a call to it, e.g.
//   import { translateText } from '../translation/translate-text.js';
//   const defaultTranslate: CaseTranslate = (db, r) => translateText(db, r);
// Nothing else in src/cases changes: every caller goes through caseTranslator().
import type { Queryable } from '../lib/db/types.js';

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

const defaultTranslate: CaseTranslate = noTranslation;
let current: CaseTranslate = defaultTranslate;

export const caseTranslator = (): CaseTranslate => current;

/** Tests (and only tests) swap in another implementation of the port; pass nothing to restore. */
export function setCaseTranslator(fn?: CaseTranslate) {
  current = fn ?? defaultTranslate;
}
