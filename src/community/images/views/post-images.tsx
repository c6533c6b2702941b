// A post's images on its page (display size, intrinsic width/height so nothing shifts, lazy) and the first
// image's thumbnail in post lists.
import type { PageCtx } from '../../../lib/views/page-context.js';
import { imageUrl, type ImageView } from '../image-view.js';

export function PostImages({ p, images }: { p: PageCtx; images: ImageView[] }) {
  if (!images.length) return null;
  return (
    <ul class="post-images" aria-label={p.t('community.image.list', { count: images.length })}>
      {images.map((img) => (
        <li>
          <figure>
            <img src={imageUrl(img.id)} width={img.width} height={img.height} loading="lazy" decoding="async" alt={img.alt} dir="auto" />
            {/* No description: the image is announced by its position instead of a guessed alt. */}
            {img.alt ? null : <figcaption class="visually-hidden">{p.t('community.image.label', { n: img.position, total: images.length })}</figcaption>}
          </figure>
        </li>
      ))}
    </ul>
  );
}

export function PostThumb({ images }: { images: ImageView[] }) {
  const first = images[0];
  if (!first) return null;
  // Decorative next to the linked title: the post page carries the descriptions.
  return <img class="post-thumb" src={imageUrl(first.id, true)} width={first.thumbWidth} height={first.thumbHeight} loading="lazy" decoding="async" alt="" />;
}
