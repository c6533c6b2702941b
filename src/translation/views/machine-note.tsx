// The label on machine-translated content: "machine-translated from Korean" with a link to the original,
// or, while the translation is still being made, a note that the page polls (translate.js) to fill it in.
import { BCP47, isLocale } from '../../lib/i18n/locales.js';
import type { PageCtx } from '../../lib/views/page-context.js';

export interface MachineNote {
  state: 'done' | 'pending';
  /** Language the text was translated from. */
  from: string;
  /** The original, in that language. */
  originalHref: string;
  /** While pending: the GET endpoint that says when the translation is ready. */
  pollUrl?: string;
}

export function languageName(p: PageCtx, code: string): string {
  try {
    return new Intl.DisplayNames([BCP47[p.locale]], { type: 'language' }).of(isLocale(code) ? BCP47[code] : code) ?? code;
  } catch {
    return code;
  }
}

export function MachineTranslationNote({ p, note }: { p: PageCtx; note: MachineNote | null | undefined }) {
  if (!note) return null;
  if (note.state === 'pending') {
    return (
      <p class="note machine-label" role="status" data-translation-pending={note.pollUrl}>
        {p.t('translation.pending')}
      </p>
    );
  }
  return (
    <p class="note machine-label" data-machine-translated={note.from}>
      {p.t('translation.machine', { language: languageName(p, note.from) })}{' '}
      <a href={note.originalHref} hreflang={isLocale(note.from) ? BCP47[note.from] : note.from}>
        {p.t('translation.original')}
      </a>
    </p>
  );
}
