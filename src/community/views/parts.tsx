// Shared pieces of the community pages: author line, post summary, report form, topic labels.
import { raw } from 'hono/html';
import { formatDate } from '../../lib/i18n/format.js';
import { CsrfField } from '../../lib/views/forms.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { PostThumb } from '../images/views/post-images.js';
import { renderMarkdown } from '../markdown.js';
import type { PostRow } from '../queries.js';
import { REPORT_REASONS, TOPICS } from '../tables.js';

/** A deleted account's content shows "deleted user"; nothing else about authors (no nationality; the visa only opted in). */
export const authorLabel = (p: PageCtx, name: string) => (name ? name : p.t('community.deleted_user'));

/** The author's visa type, present only when they chose to show it in My Ieum (null otherwise). */
export function VisaBadge({ p, visa }: { p: PageCtx; visa: string | null | undefined }) {
  if (!visa) return null;
  return (
    <span class="badge" dir="ltr">
      <span class="visually-hidden">{p.t('community.visa_badge')} </span>
      {visa}
    </span>
  );
}

/** Markdown rendered through the sanitizer; the only place community HTML reaches a page. */
export const Markdown = ({ source, lang }: { source: string; lang?: string | null | undefined }) => (
  <div class="ugc" lang={lang ?? undefined} dir="auto">
    {raw(renderMarkdown(source))}
  </div>
);

export function Byline({ p, name, at, edited, visa }: { p: PageCtx; name: string; at: Date; edited: boolean; visa?: string | null }) {
  return (
    <p class="byline">
      <span class="author">{authorLabel(p, name)}</span> <VisaBadge p={p} visa={visa} /> · <time datetime={at.toISOString()}>{formatDate(p.locale, at, 'long')}</time>
      {edited ? <span class="badge">{p.t('community.edited')}</span> : null}
    </p>
  );
}

export function PostSummary({ p, post }: { p: PageCtx; post: PostRow }) {
  return (
    <li class="post-summary">
      <PostThumb images={post.images} />
      <h3>
        <a href={href(p, `/community/posts/${post.id}`)} lang={post.language ?? undefined} dir="auto">
          {post.title}
        </a>
      </h3>
      <p class="meta">
        <span class="badge">{p.t(`community.topic.${post.topic}`)}</span> {authorLabel(p, post.authorName)} <VisaBadge p={p} visa={post.authorVisa} /> · {p.t('community.counts', { count: post.likeCount })} · {p.t('community.comments', { count: post.commentCount })}
      </p>
    </li>
  );
}

export function TopicSelect({ p, value, id, withAll }: { p: PageCtx; value?: string | undefined; id: string; withAll?: boolean }) {
  return (
    <div class="field">
      <label class="field-label" for={id}>{p.t('community.topic.label')}</label>
      <select id={id} name="topic" class="input">
        {withAll ? <option value="">{p.t('community.topic.all')}</option> : null}
        {TOPICS.map((tp) => <option value={tp} selected={value === tp}>{p.t(`community.topic.${tp}`)}</option>)}
      </select>
    </div>
  );
}

export function ReportForm({ p, action, id }: { p: PageCtx; action: string; id: string }) {
  return (
    <details class="report">
      <summary>{p.t('community.report')}</summary>
      <form method="post" action={action} class="stack">
        <CsrfField p={p} />
        <label class="field-label" for={`${id}-reason`}>{p.t('community.report.reason')}</label>
        <select id={`${id}-reason`} name="reason" class="input">
          {REPORT_REASONS.map((r) => <option value={r}>{p.t(`community.report.reason.${r}`)}</option>)}
        </select>
        <label class="field-label" for={`${id}-note`}>{p.t('community.report.note')}</label>
        <input id={`${id}-note`} name="note" class="input" maxlength={1000} />
        <button type="submit" class="btn btn-secondary">{p.t('community.report.submit')}</button>
      </form>
    </details>
  );
}

export function PersonalDataWarning({ p, kinds }: { p: PageCtx; kinds: string }) {
  return (
    <div class="notice notice-danger" role="alert">
      <p>
        {p.t('community.personal.warning')} <span dir="ltr">{kinds}</span>
      </p>
      <input type="hidden" name="warned" value="1" />
      <div class="check">
        <input type="checkbox" id="pd-confirm" name="confirmPersonalData" value="yes" />
        <label for="pd-confirm">{p.t('community.personal.confirm')}</label>
      </div>
    </div>
  );
}
