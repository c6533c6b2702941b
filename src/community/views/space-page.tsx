// One space: topic filter, search within the space, newest posts (keyset pages) and the new-post form.
import { CsrfField, ErrorSummary, Field } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { PostRow } from '../queries.js';
import type { Space } from '../spaces.js';
import type { EventFieldsInput } from '../event-draft.js';
import { EventFieldset, type RegionOption } from './event-parts.js';
import { ImageFields, type ImageFieldsView } from '../images/views/image-fields.js';
import { ExistingImages, type ExistingImagesView } from '../images/views/existing-images.js';
import { PersonalDataWarning, PostSummary, TopicSelect } from './parts.js';

export interface DraftView {
  title?: string;
  body?: string;
  topic?: string;
  errors?: Record<string, string>;
  personalKinds?: string;
  event?: EventFieldsInput;
}

export function PostForm({ p, action, draft, submit, regions, images, existing }: { p: PageCtx; action: string; draft: DraftView; submit: string; regions?: RegionOption[] | undefined; images?: ImageFieldsView | undefined; existing?: ExistingImagesView | undefined }) {
  const errors = Object.entries(draft.errors ?? {}).map(([field, message]) => ({ field: `pf-${field}`, message }));
  return (
    <form method="post" action={action} class="stack" novalidate enctype={images ? 'multipart/form-data' : undefined}>
      <CsrfField p={p} />
      <ErrorSummary p={p} errors={errors} />
      {draft.personalKinds ? <PersonalDataWarning p={p} kinds={draft.personalKinds} /> : null}
      <TopicSelect p={p} id="pf-topic" value={draft.topic} />
      <Field id="pf-title" name="title" label={p.t('community.f.title')} value={draft.title} required maxlength={200} dir="auto" error={draft.errors?.title} />
      <div class="field">
        <label class="field-label" for="pf-body">{p.t('community.f.body')}</label>
        <p class="field-hint" id="pf-body-hint">{p.t('community.f.body.hint')}</p>
        <textarea id="pf-body" name="body" class="input" rows={8} maxlength={20000} required dir="auto" aria-describedby="pf-body-hint">{draft.body ?? ''}</textarea>
      </div>
      <EventFieldset p={p} draft={draft.event ?? {}} errors={draft.errors ?? {}} regions={regions} />
      {existing ? <ExistingImages p={p} v={{ ...existing, errors: draft.errors }} /> : null}
      {images ? <ImageFields p={p} v={images} /> : null}
      <button type="submit" class="btn btn-primary">{submit}</button>
    </form>
  );
}

export function SpacePage(props: { p: PageCtx; space: Space; posts: PostRow[]; next: string | null; topic?: string | undefined; q?: string | undefined; draft?: DraftView; canPost: boolean; regions?: RegionOption[] | undefined; images?: ImageFieldsView | undefined }) {
  const { p, space } = props;
  const { t } = p;
  const base = href(p, `/community/${space.slug}`);
  const more = new URLSearchParams({ ...(props.topic ? { topic: props.topic } : {}), ...(props.q ? { q: props.q } : {}), ...(props.next ? { cursor: props.next } : {}) });
  return (
    <Layout p={p} title={space.name}>
      <div class="container">
        <nav class="breadcrumb" aria-label={t('community.title')}>
          <a href={href(p, '/community')}>{t('community.title')}</a>
        </nav>
        <h1>{space.name}</h1>
        {space.regionCode ? <p><a href={`${href(p, '/community/events')}?region=${space.regionCode}`}>{t('community.events.in_region', { region: space.name })}</a></p> : null}
        <form method="get" action={base} class="search-form" role="search">
          <TopicSelect p={p} id="sf-topic" value={props.topic} withAll />
          <label class="field-label" for="sq">{t('community.search.in_space')}</label>
          <input id="sq" name="q" type="search" class="input" value={props.q ?? ''} maxlength={100} />
          <button type="submit" class="btn btn-secondary">{t('community.search.submit')}</button>
        </form>
        {props.posts.length ? <ul class="post-list">{props.posts.map((post) => <PostSummary p={p} post={post} />)}</ul> : <p>{t('community.empty')}</p>}
        {props.next ? <p><a href={`${base}?${more.toString()}`}>{t('community.more')}</a></p> : null}
        <section class="card" aria-labelledby="new-title" id="new-post">
          <h2 id="new-title">{t('community.new.title')}</h2>
          {props.canPost ? <PostForm p={p} action={`${base}/posts`} draft={props.draft ?? {}} submit={t('community.f.submit')} regions={props.regions} images={props.images} /> : <p><a href={href(p, '/login')}>{t('community.login_to_post')}</a></p>}
        </section>
      </div>
    </Layout>
  );
}
