// Editing one's own post (the post then carries an "edited" mark).
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { RegionOption } from './event-parts.js';
import { PostForm, type DraftView } from './space-page.js';

export function EditPostPage({ p, id, draft, regions }: { p: PageCtx; id: number; draft: DraftView; regions?: RegionOption[] | undefined }) {
  return (
    <Layout p={p} title={p.t('community.edit')} noindex>
      <div class="container narrow">
        <h1>{p.t('community.edit')}</h1>
        <PostForm p={p} action={href(p, `/community/posts/${id}/edit`)} draft={draft} submit={p.t('community.save')} regions={regions} />
      </div>
    </Layout>
  );
}
