// Community JSON API (API-CONTRACTS.md "Community"): spaces, posts, comments, likes, bookmarks, reports,
// moderation, appeals, blocks and the member's community profile.
import { Hono, type Context } from 'hono';
import { requireUser } from '../accounts/access.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { forbidden, notFound } from '../lib/http/errors.js';
import { parseInput, parseQuery } from '../lib/http/input.js';
import { toLocale } from '../lib/i18n/locales.js';
import { canModerate, requireActiveMember } from './access.js';
import { storageFor } from '../lib/storage/index.js';
import { createPostWithImages, discardPostImages } from './images/post-images.js';
import { readImageForm } from './images/upload-form.js';
import { readImageChanges } from './images/edit-form.js';
import { editPostWithImages } from './images/edit-post-images.js';
import { communityLimits } from './limits.js';
import { appealDecision, moderate, moderationQueue, reportContent } from './moderate-content.js';
import { commentJson, eventJson, postJson } from './present.js';
import { findEvent } from './event-queries.js';
import { findPost, listComments, listPosts } from './queries.js';
import { setBlock, setBookmark, setLike } from './react-to-post.js';
import { appealInput, blockInput, commentInput, commentPatch, idParam, listQuery, moderationInput, postInput, postPatch, profileInput, reportInput } from './schema.js';
import { setCommunityProfile } from './set-profile.js';
import { findSpace, listSpaces } from './spaces.js';
import { addComment, deleteComment, editComment } from './write-comment.js';
import { deletePost } from './write-post.js';

const id = (c: Context<AppEnv>) => {
  const r = idParam.safeParse(c.req.param('id'));
  if (!r.success) throw notFound();
  return r.data;
};

export function communityApiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const limits = communityLimits(deps);
  const storage = storageFor(deps.config);
  const imageLimits = { maxBytes: deps.config.IMAGE_MAX_BYTES, maxPixels: deps.config.IMAGE_MAX_PIXELS };
  // Signed-in check first, so anonymous requests get 401 without spending a rate-limit hit.
  const signedIn = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    requireUser(c);
    await next();
  };
  const loc = (c: Context<AppEnv>, q?: string) => toLocale(q) ?? c.get('locale');

  app.get('/api/v1/spaces', async (c) => {
    const locale = loc(c, c.req.query('locale'));
    const spaces = await listSpaces(db, locale);
    return c.json({ locale, spaces: spaces.map((s) => ({ slug: s.slug, kind: s.kind, name: s.name, countryCode: s.countryCode, regionCode: s.regionCode })) });
  });

  app.get('/api/v1/spaces/:slug/posts', async (c) => {
    const q = parseQuery(c, listQuery);
    const locale = loc(c, q.locale);
    const space = await findSpace(db, c.req.param('slug'), locale);
    if (!space) throw notFound();
    const page = await listPosts(db, { spaceIds: [space.id], topic: q.topic, q: q.q, cursor: q.cursor, limit: q.limit, viewerId: c.get('user')?.id });
    return c.json({ posts: page.posts.map((p) => postJson(base, locale, p)), next: page.next });
  });

  app.get('/api/v1/posts', async (c) => {
    const q = parseQuery(c, listQuery);
    const locale = loc(c, q.locale);
    let spaceIds: number[] | undefined;
    if (q.space) {
      const s = await findSpace(db, q.space, locale);
      if (!s) throw notFound();
      spaceIds = [s.id];
    }
    const page = await listPosts(db, { spaceIds, topic: q.topic, q: q.q, cursor: q.cursor, limit: q.limit, viewerId: c.get('user')?.id });
    return c.json({ posts: page.posts.map((p) => postJson(base, locale, p)), next: page.next });
  });

  app.post('/api/v1/spaces/:slug/posts', signedIn, limits.Post, async (c) => {
    const user = await requireActiveMember(c, db);
    const space = await findSpace(db, c.req.param('slug'), c.get('locale'));
    if (!space) throw notFound();
    const input = await parseInput(c, postInput);
    // multipart/form-data may carry up to 4 files named "images" with "alt" texts in the same order.
    const { uploads } = await readImageForm(c);
    const r = await createPostWithImages(db, user, space.id, input, uploads, { storage, limits: imageLimits, locale: c.get('locale'), personalData: 'mask', log: c.get('log') });
    return c.json({ id: r.id, url: `${base}/${c.get('locale')}/community/posts/${r.id}`, masked: r.masked }, 201);
  });

  app.get('/api/v1/posts/:id', async (c) => {
    const post = await findPost(db, id(c));
    const user = c.get('user');
    if (!post || post.status === 'deleted') throw notFound();
    // Hidden posts: only their author (to read the reason and appeal) and moderators of the space.
    if (post.status === 'hidden' && user?.id !== post.authorId && !(await canModerate(db, user, post.spaceId))) throw notFound();
    const [comments, event] = await Promise.all([listComments(db, post.id, user?.id ?? null), findEvent(db, post.id)]);
    return c.json({ post: { ...postJson(base, c.get('locale'), post), event: eventJson(event), hiddenReason: user?.id === post.authorId ? post.hiddenReason : undefined }, comments: comments.filter((x) => x.status === 'visible' || x.authorId === user?.id).map(commentJson) });
  });

  app.patch('/api/v1/posts/:id', signedIn, limits.Post, async (c) => {
    const user = await requireActiveMember(c, db);
    const input = await parseInput(c, postPatch);
    // JSON removeImages/alts, or multipart with new files "images" + "alt" as well (src/community/images).
    const { changes } = await readImageChanges(c);
    const r = await editPostWithImages(db, user, id(c), input, changes, { storage, limits: imageLimits, locale: c.get('locale'), personalData: 'mask', log: c.get('log') });
    return c.json({ id: r.id, url: `${base}/${c.get('locale')}/community/posts/${r.id}`, masked: r.masked });
  });

  app.delete('/api/v1/posts/:id', signedIn, async (c) => {
    // Suspended members may still delete their own posts: removing content is never blocked.
    const user = requireUser(c);
    await deletePost(db, user, id(c));
    await discardPostImages(db, storage, id(c), c.get('log'));
    return c.body(null, 204);
  });

  app.get('/api/v1/posts/:id/comments', async (c) => {
    const post = await findPost(db, id(c));
    if (!post || post.status !== 'visible') throw notFound();
    const user = c.get('user');
    const comments = await listComments(db, post.id, user?.id ?? null);
    return c.json({ comments: comments.filter((x) => x.status === 'visible' || x.authorId === user?.id).map(commentJson) });
  });

  app.post('/api/v1/posts/:id/comments', signedIn, limits.Comment, async (c) => {
    const user = await requireActiveMember(c, db);
    const input = await parseInput(c, commentInput);
    const r = await addComment(db, user, id(c), input, { locale: c.get('locale'), personalData: 'mask' });
    return c.json({ id: r.id, masked: r.masked }, 201);
  });

  app.patch('/api/v1/comments/:id', signedIn, limits.Comment, async (c) => {
    const user = await requireActiveMember(c, db);
    const input = await parseInput(c, commentPatch);
    await editComment(db, user, id(c), input, { locale: c.get('locale'), personalData: 'mask' });
    return c.json({ id: id(c) });
  });

  app.delete('/api/v1/comments/:id', signedIn, async (c) => {
    await deleteComment(db, requireUser(c), id(c));
    return c.body(null, 204);
  });

  for (const [kind, fn] of [['like', setLike], ['bookmark', setBookmark]] as const) {
    app.put(`/api/v1/posts/:id/${kind}`, signedIn, async (c) => {
      await fn(db, await requireActiveMember(c, db), id(c), true);
      return c.body(null, 204);
    });
    app.delete(`/api/v1/posts/:id/${kind}`, signedIn, async (c) => {
      await fn(db, await requireActiveMember(c, db), id(c), false);
      return c.body(null, 204);
    });
  }

  for (const type of ['post', 'comment'] as const) {
    app.post(`/api/v1/${type}s/:id/report`, signedIn, limits.Report, async (c) => {
      const user = await requireActiveMember(c, db);
      const input = await parseInput(c, reportInput);
      await reportContent(db, user, type, id(c), input.reason, input.note);
      return c.json({ reported: true }, 201);
    });
    app.post(`/api/v1/${type}s/:id/appeal`, signedIn, async (c) => {
      // Suspended members may appeal too: that is what appeals are for.
      const input = await parseInput(c, appealInput);
      await appealDecision(db, requireUser(c), type, id(c), input.text);
      return c.json({ appealed: true }, 201);
    });
  }

  app.get('/api/v1/moderation/queue', signedIn, async (c) => c.json({ items: await moderationQueue(db, requireUser(c)) }));
  app.post('/api/v1/moderation/actions', signedIn, async (c) => {
    const user = requireUser(c);
    if (user.role !== 'moderator' && user.role !== 'admin') throw forbidden();
    const input = await parseInput(c, moderationInput);
    await moderate(db, user, input, c.get('requestId'));
    if (input.action === 'delete' && input.targetType === 'post') await discardPostImages(db, storage, input.targetId, c.get('log'));
    return c.json({ done: true });
  });

  app.post('/api/v1/blocks', signedIn, async (c) => {
    const input = await parseInput(c, blockInput);
    await setBlock(db, requireUser(c), input.username, true);
    return c.json({ blocked: true }, 201);
  });
  app.delete('/api/v1/blocks/:username', signedIn, async (c) => {
    await setBlock(db, requireUser(c), c.req.param('username') ?? '', false);
    return c.body(null, 204);
  });

  app.put('/api/v1/community/profile', signedIn, async (c) => {
    const input = await parseInput(c, profileInput);
    await setCommunityProfile(db, requireUser(c).id, input);
    return c.json({ nationality: input.nationality || null, region: input.region || null });
  });
  return app;
}
