// The images already in a post, on its edit page: each with its thumbnail, a "remove" checkbox and its
// description (alt text) to change. Plain form fields, so it works without JavaScript.
import type { PageCtx } from '../../../lib/views/page-context.js';
import { imageUrl, type ImageView } from '../image-view.js';
import { MAX_ALT } from '../process-image.js';

export interface ExistingImagesView {
  images: ImageView[];
  /** Ticked "remove" boxes and typed descriptions of a refused submission (kept as the author left them). */
  remove?: number[];
  alts?: Record<string, string>;
  /** Messages by field (`img-<id>-alt`), shared with the form's error summary. */
  errors?: Record<string, string>;
}

export function ExistingImages({ p, v }: { p: PageCtx; v: ExistingImagesView }) {
  if (!v.images.length) return null;
  const total = v.images.length;
  return (
    <fieldset class="image-fields existing-images">
      <legend class="field-label">{p.t('community.image.current', { count: total })}</legend>
      {v.images.map((img) => {
        const base = `pf-img-${img.id}`;
        const error = v.errors?.[`img-${img.id}-alt`];
        const alt = v.alts?.[String(img.id)] ?? img.alt;
        return (
          <div class={error ? 'image-slot field field-error' : 'image-slot field'}>
            {/* The thumbnail shows which picture the fields belong to; its alt is the saved description. */}
            <img class="post-thumb" src={imageUrl(img.id, true)} width={img.thumbWidth} height={img.thumbHeight} loading="lazy" decoding="async" alt={img.alt || p.t('community.image.label', { n: img.position, total })} dir="auto" />
            <div class="check">
              <input type="checkbox" id={`${base}-remove`} name="removeImages" value={String(img.id)} checked={v.remove?.includes(img.id) ?? false} />
              <label for={`${base}-remove`}>{p.t('community.image.remove', { n: img.position })}</label>
            </div>
            <label class="field-label" for={`${base}-alt`}>{p.t('community.image.alt', { n: img.position })}</label>
            {error ? (
              <p class="field-message" id={`${base}-alt-error`} role="alert">
                {error}
              </p>
            ) : null}
            <input
              type="text"
              id={`${base}-alt`}
              name={`alts[${img.id}]`}
              class="input"
              maxlength={MAX_ALT}
              dir="auto"
              value={alt}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${base}-alt-error` : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
