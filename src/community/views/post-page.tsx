// One post: original or translation (the original one click away), likes, bookmarks, report, author tools,
// the moderator's reason and the single appeal when hidden, and comments with one level of replies.
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { CommentRow, PostRow } from '../queries.js';
import type { Space } from '../spaces.js';
import type { EventValue } from '../event-draft.js';
import { EventBox } from './event-parts.js';
import { PostImages } from '../images/views/post-images.js';
import { authorLabel, Byline, Markdown, ReportForm } from './parts.js';

export interface Translated {
  title: string;
  body: string;
  translated: boolean;
}

export interface PostPageProps {
  p: PageCtx;
  post: PostRow;
  space: Space;
  comments: CommentRow[];
  flags: { liked: boolean; bookmarked: boolean };
  translation: Translated | null;
  notice?: string | undefined;
  canModerate: boolean;
  /** The post's event, when it is one, and the name of its city/county. */
  event?: EventValue | null;
  eventRegion?: string | undefined;
}

function Appeal({ p, action, appeal, reason }: { p: PageCtx; action: string; appeal: string | null; reason: string | null }) {
  return (
    <div class="notice notice-danger">
      <p>
        {p.t('community.hidden.notice')} <q dir="auto">{reason ?? ''}</q>
      </p>
      {appeal ? (
        <p>{p.t('community.appeal.sent')}</p>
      ) : (
        <form method="post" action={action} class="stack">
          <CsrfField p={p} />
          <label class="field-label" for={`appeal-${action}`}>{p.t('community.appeal.label')}</label>
          <textarea id={`appeal-${action}`} name="text" class="input" rows={3} maxlength={2000} required></textarea>
          <button type="submit" class="btn btn-secondary">{p.t('community.appeal.submit')}</button>
        </form>
      )}
    </div>
  );
}

function Comment({ p, c, replies, postId }: { p: PageCtx; c: CommentRow; replies: CommentRow[]; postId: number }) {
  const mine = p.user?.id === c.authorId;
  const cBase = href(p, `/community/comments/${c.id}`);
  if (c.status === 'hidden' && !mine) return <li class="comment comment-hidden">{p.t('community.comment.hidden')}</li>;
  return (
    <li class="comment" id={`c${c.id}`}>
      <Byline p={p} name={c.authorName} at={c.createdAt} edited={Boolean(c.editedAt)} visa={c.authorVisa} />
      {c.status === 'hidden' ? <Appeal p={p} action={`${cBase}/appeal`} appeal={c.appeal} reason={c.hiddenReason} /> : null}
      <Markdown source={c.body} lang={c.language} />
      {p.user ? (
        <div class="comment-tools">
          {mine ? (
            <>
              <details>
                <summary>{p.t('community.edit')}</summary>
                <form method="post" action={`${cBase}/edit`} class="stack">
                  <CsrfField p={p} />
                  <label class="field-label" for={`ce-${c.id}`}>{p.t('community.f.body')}</label>
                  <textarea id={`ce-${c.id}`} name="body" class="input" rows={3} maxlength={5000} dir="auto">{c.body}</textarea>
                  <button type="submit" class="btn btn-secondary">{p.t('community.save')}</button>
                </form>
              </details>
              <form method="post" action={`${cBase}/delete`}>
                <CsrfField p={p} />
                <button type="submit" class="btn btn-tertiary">{p.t('community.delete')}</button>
              </form>
            </>
          ) : (
            <>
              <ReportForm p={p} action={`${cBase}/report`} id={`rc-${c.id}`} />
              {c.authorName ? <BlockForm p={p} name={c.authorName} postId={postId} /> : null}
            </>
          )}
          {c.parentId === null ? (
            <details>
              <summary>{p.t('community.comment.reply')}</summary>
              <CommentForm p={p} postId={postId} parentId={c.id} />
            </details>
          ) : null}
        </div>
      ) : null}
      {replies.length ? (
        <ul class="replies">
          {replies.map((r) => <Comment p={p} c={r} replies={[]} postId={postId} />)}
        </ul>
      ) : null}
    </li>
  );
}

/** Blocking hides this member's posts and comments from the blocker only; undone on the blocked-members page. */
function BlockForm({ p, name, postId }: { p: PageCtx; name: string; postId: number }) {
  return (
    <form method="post" action={href(p, '/community/blocks')}>
      <CsrfField p={p} />
      <input type="hidden" name="username" value={name} />
      <input type="hidden" name="back" value={String(postId)} />
      <button type="submit" class="btn btn-tertiary">{p.t('community.block', { name: authorLabel(p, name) })}</button>
    </form>
  );
}

function CommentForm({ p, postId, parentId }: { p: PageCtx; postId: number; parentId?: number }) {
  const id = `cf-${parentId ?? 'top'}`;
  return (
    <form method="post" action={href(p, `/community/posts/${postId}/comments`)} class="stack">
      <CsrfField p={p} />
      {parentId ? <input type="hidden" name="parentId" value={String(parentId)} /> : null}
      <label class="field-label" for={id}>{p.t(parentId ? 'community.comment.reply' : 'community.comment.add')}</label>
      <textarea id={id} name="body" class="input" rows={3} maxlength={5000} required dir="auto"></textarea>
      <button type="submit" class="btn btn-secondary">{p.t('community.comment.submit')}</button>
    </form>
  );
}

export function PostPage(props: PostPageProps) {
  const { p, post, space, translation } = props;
  const { t } = p;
  const mine = p.user?.id === post.authorId;
  const base = href(p, `/community/posts/${post.id}`);
  const shown = translation?.translated ? translation : { title: post.title, body: post.body };
  const top = props.comments.filter((c) => c.parentId === null);
  return (
    <Layout p={p} title={post.title}>
      <article class="container prose community-post">
        <nav class="breadcrumb" aria-label={t('community.title')}>
          <a href={href(p, '/community')}>{t('community.title')}</a> › <a href={href(p, `/community/${space.slug}`)}>{space.name}</a>
        </nav>
        {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
        {post.status === 'hidden' ? <Appeal p={p} action={`${base}/appeal`} appeal={post.appeal} reason={post.hiddenReason} /> : null}
        <h1 lang={translation?.translated ? p.locale : (post.language ?? undefined)} dir="auto">{shown.title}</h1>
        <p class="meta"><span class="badge">{t(`community.topic.${post.topic}`)}</span></p>
        <Byline p={p} name={post.authorName} at={post.createdAt} edited={Boolean(post.editedAt)} visa={post.authorVisa} />
        {props.event ? <EventBox p={p} postId={post.id} event={props.event} regionName={props.eventRegion} /> : null}
        {post.language && post.language !== p.locale ? (
          <p class="translate-bar">
            {translation ? (
              <>
                {translation.translated ? <span class="note machine-label">{t('community.translated')}</span> : <span class="note">{t('community.translation_unavailable')}</span>}{' '}
                <a href={base}>{t('community.show_original')}</a>
              </>
            ) : (
              <a href={`${base}?translate=1`}>{t('community.translate')}</a>
            )}
          </p>
        ) : null}
        <Markdown source={shown.body} lang={translation?.translated ? p.locale : post.language} />
        <PostImages p={p} images={post.images} />
        {p.user ? (
          <div class="post-tools">
            <form method="post" action={`${base}/like`}>
              <CsrfField p={p} />
              <input type="hidden" name="on" value={props.flags.liked ? 'no' : 'yes'} />
              <button type="submit" class="btn btn-secondary" aria-pressed={props.flags.liked ? 'true' : 'false'}>{t('community.like', { count: post.likeCount })}</button>
            </form>
            <form method="post" action={`${base}/bookmark`}>
              <CsrfField p={p} />
              <input type="hidden" name="on" value={props.flags.bookmarked ? 'no' : 'yes'} />
              <button type="submit" class="btn btn-secondary" aria-pressed={props.flags.bookmarked ? 'true' : 'false'}>{t(props.flags.bookmarked ? 'community.unbookmark' : 'community.bookmark')}</button>
            </form>
            {mine ? (
              <>
                <a class="btn btn-secondary" href={`${base}/edit`}>{t('community.edit')}</a>
                <form method="post" action={`${base}/delete`}>
                  <CsrfField p={p} />
                  <button type="submit" class="btn btn-tertiary">{t('community.delete')}</button>
                </form>
              </>
            ) : (
              <>
                <ReportForm p={p} action={`${base}/report`} id="rp" />
                {post.authorName ? (
                  <form method="post" action={href(p, '/community/blocks')}>
                    <CsrfField p={p} />
                    <input type="hidden" name="username" value={post.authorName} />
                    <input type="hidden" name="back" value={String(post.id)} />
                    <button type="submit" class="btn btn-tertiary">{t('community.block', { name: authorLabel(p, post.authorName) })}</button>
                  </form>
                ) : null}
              </>
            )}
          </div>
        ) : null}
        {props.canModerate ? <p><a href={href(p, '/community/moderation')}>{t('community.mod.title')}</a></p> : null}
        <section aria-labelledby="comments-title">
          <h2 id="comments-title">{t('community.comments', { count: post.commentCount })}</h2>
          <ul class="comments">
            {top.map((c) => <Comment p={p} c={c} replies={props.comments.filter((r) => r.parentId === c.id)} postId={post.id} />)}
          </ul>
          {p.user ? <CommentForm p={p} postId={post.id} /> : <p><a href={href(p, '/login')}>{t('community.login_to_post')}</a></p>}
        </section>
      </article>
    </Layout>
  );
}
