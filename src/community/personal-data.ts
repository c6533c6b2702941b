// Warns before publishing what looks like personal data (registration or passport numbers, phone numbers,
// emails), reusing the assistant's redaction patterns. The name rule is left out: "저는 …" is ordinary Korean.
import { RULES } from '../assistant/redact.js';

export type PersonalKind = 'email' | 'id-number' | 'passport' | 'phone';

export function findPersonalData(text: string): PersonalKind[] {
  const found = new Set<PersonalKind>();
  for (const [re, label] of RULES) {
    re.lastIndex = 0;
    if (new RegExp(re.source, re.flags).test(text)) found.add(label.slice(1, -1) as PersonalKind);
  }
  return [...found];
}

/** Replaces each match with its label ([phone], [id-number]…), for authors who did not confirm. */
export function maskPersonalData(text: string): string {
  let out = text;
  for (const [re, sub] of RULES) out = out.replace(new RegExp(re.source, re.flags), sub);
  return out;
}
