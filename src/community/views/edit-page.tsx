// Editing one's own post (the post then carries an "edited" mark): text, event fields and images.
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { ExistingImagesView } from '../images/views/existing-images.js';
import type { ImageFieldsView } from '../images/views/image-fields.js';
import type { RegionOption } from './event-parts.js';
import { PostForm, type DraftView } from './space-page.js';

export function EditPostPage({ p, id, draft, regions, images, existing }: { p: PageCtx; id: number; draft: DraftView; regions?: RegionOption[] | undefined; images?: ImageFieldsView | undefined; existing?: ExistingImagesView | undefined }) {
  return (
    <Layout p={p} title={p.t('community.edit')} noindex>
      <div class="container narrow">
        <h1>{p.t('community.edit')}</h1>
        <PostForm p={p} action={href(p, `/community/posts/${id}/edit`)} draft={draft} submit={p.t('community.save')} regions={regions} images={images} existing={existing} />
      </div>
    </Layout>
  );
}
