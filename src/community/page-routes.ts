// Community HTML pages under /{locale}/community (and the My Ieum section): every form works without JS.
import { Hono, type Context } from 'hono';
import { registerMeSection } from '../accounts/me-sections.js';
import { requireUser } from '../accounts/access.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError, notFound, zodFields } from '../lib/http/errors.js';
import { parseForm, parseInput } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx, type PageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { translateText } from '../translation/translate-text.js';
import { canModerate, requireActiveMember } from './access.js';
import { eventDraftFromBody, eventDraftOf } from './event-draft.js';
import { findEvent, regionOptions, regionsForSpace } from './event-queries.js';
import { storageFor } from '../lib/storage/index.js';
import { imageFieldsView, imageProblem } from './images/form-state.js';
import { createPostWithImages, discardPostImages } from './images/post-images.js';
import { readImageForm } from './images/upload-form.js';
import { readImageChanges } from './images/edit-form.js';
import { editPostWithImages } from './images/edit-post-images.js';
import { MAX_IMAGES } from './images/process-image.js';
import type { ImageView } from './images/image-view.js';
import { communityLimits } from './limits.js';
import { appealDecision, moderate, moderationQueue, reportContent } from './moderate-content.js';
import { communityProfile, findPost, listComments, listPosts, viewerFlags } from './queries.js';
import { listBookmarks, setBlock, setBookmark, setLike } from './react-to-post.js';
import { appealInput, blockInput, commentInput, idParam, listQuery, moderationInput, postInput, profileInput, reportInput } from './schema.js';
import { setCommunityProfile } from './set-profile.js';
import { findSpace, listSpaces } from './spaces.js';
import { CommunityHomePage } from './views/home-page.js';
import { EditPostPage } from './views/edit-page.js';
import { MeCommunitySection } from './views/me-section.js';
import { ModerationPage } from './views/moderation-page.js';
import { PostPage, type Translated } from './views/post-page.js';
import { SpacePage, type DraftView } from './views/space-page.js';
import { addComment, deleteComment, editComment } from './write-comment.js';
import { deletePost } from './write-post.js';

registerMeSection(async (db, p, query) => {
  const [spaces, profile, bookmarks] = await Promise.all([listSpaces(db, p.locale), communityProfile(db, p.user!.id), listBookmarks(db, p.user!.id)]);
  return MeCommunitySection({ p, spaces, profile, bookmarks, saved: query.done === 'community' });
});

const id = (c: Context<AppEnv>) => {
  const r = idParam.safeParse(c.req.param('id'));
  if (!r.success) throw notFound();
  return r.data;
};

/** Turns a refused draft (validation, personal data, link rules) into the re-rendered form's messages. */
function draftFrom(p: PageCtx, body: Record<string, unknown>, err: unknown): DraftView {
  const draft: DraftView = { title: String(body.title ?? ''), body: String(body.body ?? ''), topic: String(body.topic ?? ''), event: eventDraftFromBody(body) };
  const image = imageProblem(p, err);
  if (image) return { ...draft, errors: { [image.field]: image.message } };
  if (err instanceof HttpError && err.code === 'personal_data') return { ...draft, personalKinds: err.fields?.kinds ?? '' };
  // Event fields carry their own message keys (community.event.err.*); other fields get the generic message.
  if (err instanceof HttpError && err.code === 'invalid_input') return { ...draft, errors: Object.fromEntries(Object.entries(err.fields ?? {}).map(([k, v]) => [k, p.t(v.startsWith('community.event.err.') ? v : 'community.f.invalid')])) };
  if (err instanceof HttpError && err.status < 500 && err.status !== 429) return { ...draft, errors: { body: err.message } };
  throw err;
}

export function communityPageRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const limits = communityLimits(deps);
  const storage = storageFor(deps.config);
  const imageLimits = { maxBytes: deps.config.IMAGE_MAX_BYTES, maxPixels: deps.config.IMAGE_MAX_PIXELS };
  const R = `${LOCALE_ROUTE}/community`;
  const postUrl = (p: PageCtx, postId: number, q = '') => `${href(p, `/community/posts/${postId}`)}${q}`;
  // Edit page: one empty slot per free place (at least one, so an image can be swapped in one step).
  const editImagesView = (p: PageCtx, current: ImageView[], o: Parameters<typeof imageFieldsView>[2]) => ({ ...imageFieldsView(p, deps.config, o), slots: Math.max(1, MAX_IMAGES - current.length), adding: true });

  app.get(R, async (c) => {
    const p = pageCtx(c, base);
    const q = listQuery.safeParse(c.req.query());
    const spaces = await listSpaces(db, p.locale);
    const prof = p.user ? await communityProfile(db, p.user.id) : { nationality: null, region: null };
    const mine = spaces.filter((s) => (s.countryCode && s.countryCode === prof.nationality) || (s.regionCode && s.regionCode === prof.region));
    const search = q.success && q.data.q ? await listPosts(db, { q: q.data.q, cursor: q.data.cursor, limit: 20, viewerId: p.user?.id }) : null;
    return render(c, CommunityHomePage({ p, spaces, mine, q: q.success ? q.data.q : undefined, results: search?.posts ?? null, next: search?.next ?? null }));
  });

  app.get(`${R}/moderation`, async (c) => {
    const p = pageCtx(c, base);
    requireUser(c);
    return render(c, ModerationPage({ p, items: await moderationQueue(db, p.user!), done: c.req.query('done') === '1' }));
  });
  app.post(`${R}/moderation`, async (c) => {
    const p = pageCtx(c, base);
    requireUser(c);
    const input = await parseInput(c, moderationInput);
    await moderate(db, p.user!, input, c.get('requestId'));
    if (input.action === 'delete' && input.targetType === 'post') await discardPostImages(db, storage, input.targetId, c.get('log'));
    return c.redirect(`${href(p, '/community/moderation')}?done=1`, 303);
  });

  app.post(`${R}/blocks`, async (c) => {
    const p = pageCtx(c, base);
    const form = await parseForm(c);
    const input = blockInput.parse({ username: form.username });
    await setBlock(db, requireUser(c), input.username, true);
    const back = idParam.safeParse(form.back);
    return c.redirect(back.success ? postUrl(p, back.data, '?done=blocked') : href(p, '/community'), 303);
  });

  app.get(`${R}/posts/:id`, async (c) => {
    const p = pageCtx(c, base);
    const post = await findPost(db, id(c));
    if (!post || post.status === 'deleted') throw notFound();
    const mod = await canModerate(db, p.user, post.spaceId);
    if (post.status === 'hidden' && p.user?.id !== post.authorId && !mod) throw notFound();
    const [space, comments, flags, event] = await Promise.all([findSpace(db, post.spaceSlug, p.locale), listComments(db, post.id, p.user?.id ?? null), viewerFlags(db, post.id, p.user?.id ?? null), findEvent(db, post.id)]);
    const eventRegion = event?.regionCode ? (await regionOptions(db, p.locale)).find((r) => r.code === event.regionCode)?.name : undefined;
    let translation: Translated | null = null;
    if (c.req.query('translate') === '1' && post.language !== p.locale) {
      // Bounded wait: a slow provider shows the original with a note instead of holding the page.
      const opts = { withinMs: 3000 };
      const [tt, tb] = await Promise.all([
        translateText(db, { text: post.title, source: post.language, target: p.locale, format: 'text', purpose: 'community' }, opts),
        translateText(db, { text: post.body, source: post.language, target: p.locale, format: 'text', purpose: 'community' }, opts),
      ]);
      translation = { title: tt.text, body: tb.text, translated: tt.translated || tb.translated };
    }
    const done = c.req.query('done');
    const notice = done ? p.t(`community.done.${done === 'reported' ? 'reported' : done === 'appealed' ? 'appealed' : done === 'blocked' ? 'blocked' : 'saved'}`) : undefined;
    return render(c, PostPage({ p, post, space: space!, comments, flags, translation, notice, canModerate: mod, event, eventRegion }));
  });

  app.get(`${R}/posts/:id/edit`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const post = await findPost(db, id(c));
    if (!post || post.status === 'deleted') throw notFound();
    if (post.authorId !== user.id) throw new HttpError(403, 'forbidden', p.t('community.not_author'));
    const regions = await regionsForSpace(db, p.locale, await findSpace(db, post.spaceSlug, p.locale));
    const images = editImagesView(p, post.images, { tooLarge: c.req.query('error') === 'too_large' });
    return render(c, EditPostPage({ p, id: post.id, draft: { title: post.title, body: post.body, topic: post.topic, event: eventDraftOf(await findEvent(db, post.id)) }, regions, images, existing: { images: post.images } }));
  });
  app.post(`${R}/posts/:id/edit`, limits.Post, async (c) => {
    const p = pageCtx(c, base);
    const user = await requireActiveMember(c, db);
    const body = await parseForm(c);
    const edit = await readImageChanges(c);
    try {
      const input = postInput.safeParse(body);
      if (!input.success) throw new HttpError(400, 'invalid_input', 'invalid', {}, zodFields(input.error));
      await editPostWithImages(db, user, id(c), input.data, edit.changes, { storage, limits: imageLimits, locale: p.locale, personalData: body.warned ? 'mask' : 'warn', log: c.get('log') });
    } catch (err) {
      const post = await findPost(db, id(c));
      // Someone else's (or a missing) post: the plain error page, never that post's images in a form.
      if (!post || post.authorId !== user.id || (err instanceof HttpError && [403, 404].includes(err.status))) throw err;
      const regions = await regionsForSpace(db, p.locale, await findSpace(db, post.spaceSlug, p.locale));
      const images = editImagesView(p, post.images, { form: edit.form, err });
      return render(c, EditPostPage({ p, id: id(c), draft: draftFrom(p, body, err), regions, images, existing: { images: post.images, remove: edit.remove, alts: edit.alts } }), err instanceof HttpError ? err.status : 400);
    }
    return c.redirect(postUrl(p, id(c), '?done=saved'), 303);
  });
  app.post(`${R}/posts/:id/delete`, async (c) => {
    const p = pageCtx(c, base);
    const post = await findPost(db, id(c));
    await deletePost(db, requireUser(c), id(c));
    await discardPostImages(db, storage, id(c), c.get('log'));
    return c.redirect(href(p, post ? `/community/${post.spaceSlug}` : '/community'), 303);
  });
  for (const [kind, fn] of [['like', setLike], ['bookmark', setBookmark]] as const) {
    app.post(`${R}/posts/:id/${kind}`, async (c) => {
      const p = pageCtx(c, base);
      const form = await parseForm(c);
      await fn(db, await requireActiveMember(c, db), id(c), form.on !== 'no');
      return c.redirect(postUrl(p, id(c)), 303);
    });
  }
  app.post(`${R}/posts/:id/comments`, limits.Comment, async (c) => {
    const p = pageCtx(c, base);
    const user = await requireActiveMember(c, db);
    const input = await parseInput(c, commentInput);
    // Forms mask detected personal data (the comment form has no second step); the API does the same.
    const r = await addComment(db, user, id(c), input, { locale: p.locale, personalData: 'mask' });
    return c.redirect(postUrl(p, id(c), `#c${r.id}`), 303);
  });
  for (const type of ['post', 'comment'] as const) {
    app.post(`${R}/${type}s/:id/report`, limits.Report, async (c) => {
      const p = pageCtx(c, base);
      const input = await parseInput(c, reportInput);
      const r = await reportContent(db, await requireActiveMember(c, db), type, id(c), input.reason, input.note);
      return c.redirect(postUrl(p, r.postId, '?done=reported'), 303);
    });
    app.post(`${R}/${type}s/:id/appeal`, async (c) => {
      const p = pageCtx(c, base);
      const input = await parseInput(c, appealInput);
      const r = await appealDecision(db, requireUser(c), type, id(c), input.text);
      return c.redirect(postUrl(p, r.postId, '?done=appealed'), 303);
    });
  }
  app.post(`${R}/comments/:id/edit`, limits.Comment, async (c) => {
    const p = pageCtx(c, base);
    const user = await requireActiveMember(c, db);
    const form = await parseForm(c);
    const r = await editComment(db, user, id(c), { body: String(form.body ?? '').trim().slice(0, 5000) || '-', confirmPersonalData: false }, { locale: p.locale, personalData: 'mask' });
    return c.redirect(postUrl(p, r.postId, `#c${r.id}`), 303);
  });
  app.post(`${R}/comments/:id/delete`, async (c) => {
    const p = pageCtx(c, base);
    const r = await deleteComment(db, requireUser(c), id(c));
    return c.redirect(postUrl(p, r.postId), 303);
  });

  app.get(`${R}/:slug`, async (c) => {
    const p = pageCtx(c, base);
    const space = await findSpace(db, c.req.param('slug'), p.locale);
    if (!space) throw notFound();
    const q = listQuery.safeParse(Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== '')));
    const o = q.success ? q.data : { limit: 20, topic: undefined, q: undefined, cursor: undefined };
    const page = await listPosts(db, { spaceIds: [space.id], topic: o.topic, q: o.q, cursor: o.cursor, limit: o.limit, viewerId: p.user?.id });
    return render(c, SpacePage({ p, space, posts: page.posts, next: page.next, topic: o.topic, q: o.q, canPost: Boolean(p.user), regions: p.user ? await regionsForSpace(db, p.locale, space) : undefined, images: imageFieldsView(p, deps.config, { tooLarge: c.req.query('error') === 'too_large' }) }));
  });
  app.post(`${R}/:slug/posts`, limits.Post, async (c) => {
    const p = pageCtx(c, base);
    const user = await requireActiveMember(c, db);
    const space = await findSpace(db, c.req.param('slug'), p.locale);
    if (!space) throw notFound();
    const body = await parseForm(c);
    const imageForm = await readImageForm(c);
    try {
      const input = postInput.safeParse(body);
      if (!input.success) throw new HttpError(400, 'invalid_input', 'invalid', {}, zodFields(input.error));
      const r = await createPostWithImages(db, user, space.id, input.data, imageForm.uploads, { storage, limits: imageLimits, locale: p.locale, personalData: body.warned ? 'mask' : 'warn', log: c.get('log') });
      return c.redirect(postUrl(p, r.id), 303);
    } catch (err) {
      const draft = draftFrom(p, body, err);
      const page = await listPosts(db, { spaceIds: [space.id], limit: 20, viewerId: user.id });
      return render(c, SpacePage({ p, space, posts: page.posts, next: page.next, draft, canPost: true, regions: await regionsForSpace(db, p.locale, space), images: imageFieldsView(p, deps.config, { form: imageForm, err }) }), err instanceof HttpError ? err.status : 400);
    }
  });

  app.post(`${LOCALE_ROUTE}/me/community`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    await setCommunityProfile(db, user.id, await parseInput(c, profileInput));
    return c.redirect(`${href(p, '/me')}?done=community#community`, 303);
  });
  return app;
}
