// The image slots of the new-post form: up to four files, each with an optional description (alt text).
// Works without JavaScript; after a refused submission the descriptions are kept and the files must be chosen again.
import type { PageCtx } from '../../../lib/views/page-context.js';
import { MAX_ALT, MAX_IMAGES } from '../process-image.js';

export interface ImageFieldsView {
  maxMb: number;
  alts?: string[];
  /** Slot (1-based) and message of the problem, shown inline and in the form's error summary. */
  error?: { position: number; message: string };
  /** Files were sent but not kept (the form was refused): ask to choose them again. */
  reselect?: boolean;
  /** Edit page: fewer empty slots (room left in the post) and "add images" wording. */
  slots?: number;
  adding?: boolean;
}

export const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

export function ImageFields({ p, v }: { p: PageCtx; v: ImageFieldsView }) {
  const slots = Array.from({ length: v.slots ?? MAX_IMAGES }, (_, i) => i + 1);
  return (
    <fieldset class="image-fields" aria-describedby={`pf-images-hint${v.reselect ? ' pf-images-reselect' : ''}`}>
      <legend class="field-label">{p.t(v.adding ? 'community.image.add_legend' : 'community.image.legend', { max: MAX_IMAGES })}</legend>
      <p class="field-hint" id="pf-images-hint">{p.t('community.image.hint', { mb: v.maxMb })}</p>
      {v.reselect ? (
        <p class="field-message" id="pf-images-reselect" role="status">
          {p.t('community.image.reselect')}
        </p>
      ) : null}
      {slots.map((n) => {
        const error = v.error?.position === n ? v.error.message : undefined;
        return (
          <div class={error ? 'image-slot field field-error' : 'image-slot field'}>
            <label class="field-label" for={`pf-image-${n}`}>{p.t(v.adding ? 'community.image.new_file' : 'community.image.file', { n })}</label>
            {error ? (
              <p class="field-message" id={`pf-image-${n}-error`} role="alert">
                {error}
              </p>
            ) : null}
            <input
              type="file"
              id={`pf-image-${n}`}
              name="images"
              accept={ACCEPT}
              class="input"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `pf-image-${n}-error` : undefined}
            />
            <label class="field-label" for={`pf-alt-${n}`}>{p.t(v.adding ? 'community.image.new_alt' : 'community.image.alt', { n })}</label>
            <input type="text" id={`pf-alt-${n}`} name="alt" class="input" maxlength={MAX_ALT} dir="auto" value={v.alts?.[n - 1] ?? ''} />
          </div>
        );
      })}
    </fieldset>
  );
}
