// JSON shapes of the community API (one place, so the pages and the OpenAPI document agree).
import { renderMarkdown } from './markdown.js';
import { imageUrl } from './images/image-view.js';
import type { EventValue } from './event-draft.js';
import type { CommentRow, PostRow } from './queries.js';

export const postJson = (base: string, locale: string, p: PostRow) => ({
  id: p.id,
  space: p.spaceSlug,
  topic: p.topic,
  title: p.title,
  body: p.body,
  bodyHtml: renderMarkdown(p.body),
  language: p.language,
  // A deleted account shows as null: the client labels it "deleted user".
  author: p.authorName || null,
  // Only when the author opted in to show their visa type (My Ieum); null otherwise.
  authorVisa: p.authorVisa,
  status: p.status,
  likeCount: p.likeCount,
  commentCount: p.commentCount,
  createdAt: p.createdAt.toISOString(),
  editedAt: p.editedAt?.toISOString() ?? null,
  url: `${base}/${locale}/community/posts/${p.id}`,
  images: p.images.map((i) => ({
    // The id is what PATCH /api/v1/posts/{id} takes in removeImages and alts.
    id: i.id,
    url: `${base}${imageUrl(i.id)}`,
    width: i.width,
    height: i.height,
    bytes: i.bytes,
    thumbnail: { url: `${base}${imageUrl(i.id, true)}`, width: i.thumbWidth, height: i.thumbHeight },
    alt: i.alt,
  })),
});

export const commentJson = (c: CommentRow) => ({
  id: c.id,
  parentId: c.parentId,
  author: c.authorName || null,
  authorVisa: c.authorVisa,
  status: c.status,
  body: c.status === 'visible' ? c.body : null,
  bodyHtml: c.status === 'visible' ? renderMarkdown(c.body) : null,
  language: c.language,
  createdAt: c.createdAt.toISOString(),
  editedAt: c.editedAt?.toISOString() ?? null,
});

/** A post's event: instants in UTC (ISO 8601); the wall-clock times are Asia/Seoul. null when not an event. */
export const eventJson = (e: EventValue | null) =>
  e ? { startsAt: e.startsAt.toISOString(), endsAt: e.endsAt?.toISOString() ?? null, timeZone: 'Asia/Seoul', place: e.place, address: e.address, region: e.regionCode } : null;
