// Space moderators: the staff page (admins manage, global moderators look) and its JSON API. Unsafe requests
// go through the global CSRF middleware; every change is audited with its reason by the use case.
import { Hono, type Context } from 'hono';
import { requireUser } from '../accounts/access.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { forbidden, HttpError } from '../lib/http/errors.js';
import { parseForm, parseInput } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { ErrorPage } from '../lib/views/error-page.js';
import { staffPageGuard } from '../staff/guard.js';
import { addModerator, canManageModerators, canViewModerators, listModerators, removeModerator } from './manage-moderators.js';
import { moderatorChangeInput } from './schema.js';
import { ModeratorsPage, type ModeratorForm } from './views/moderators-page.js';

/** Which form field a refusal belongs to, so the message shows next to it. */
const FIELD_OF: Record<string, string> = { not_found: 'user', disabled: 'user', moderates_all: 'user', other_role: 'user', global_moderator: 'user', already_moderator: 'user' };

export function communityModeratorRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const P = `${LOCALE_ROUTE}/staff/community/moderators`;
  const guard = staffPageGuard(base, (u) => u.role === 'admin' || u.role === 'moderator');

  app.get('/api/v1/moderation/moderators', async (c) => {
    const user = requireUser(c);
    if (!(await canViewModerators(db, user))) throw forbidden();
    const o = await listModerators(db, c.get('locale'));
    return c.json({ global: o.global, spaces: o.spaces.filter((s) => s.moderators.length).map((s) => ({ space: s.space.slug, moderators: s.moderators })) });
  });
  app.post('/api/v1/spaces/:slug/moderators', async (c) => {
    const user = requireUser(c);
    if (!canManageModerators(user)) throw forbidden();
    const input = await parseInput(c, moderatorChangeInput.omit({ space: true }));
    const r = await addModerator(db, user, { ...input, space: c.req.param('slug') }, c.get('requestId'));
    return c.json(r, 201);
  });
  app.delete('/api/v1/spaces/:slug/moderators/:user', async (c) => {
    const user = requireUser(c);
    if (!canManageModerators(user)) throw forbidden();
    const input = await parseInput(c, moderatorChangeInput.pick({ reason: true }));
    await removeModerator(db, user, { space: c.req.param('slug'), user: c.req.param('user'), reason: input.reason }, c.get('requestId'));
    return c.body(null, 204);
  });

  const page = async (c: Context<AppEnv>, form?: ModeratorForm, status: 200 | 400 | 404 | 409 = 200) => {
    const p = pageCtx(c, base);
    if (!(await canViewModerators(db, p.user))) return render(c, ErrorPage({ p, status: 403 }), 403);
    const done = c.req.query('done');
    return render(c, ModeratorsPage({ p, overview: await listModerators(db, p.locale), canManage: canManageModerators(p.user), form, done }), status);
  };
  app.get(P, guard, (c) => page(c));
  for (const [path, fn, done] of [[P, addModerator, 'added'], [`${P}/remove`, removeModerator, 'removed']] as const) {
    app.post(path, guard, async (c) => {
      const p = pageCtx(c, base);
      if (!canManageModerators(p.user)) return render(c, ErrorPage({ p, status: 403 }), 403);
      const body = await parseForm(c);
      const form: ModeratorForm = { space: String(body.space ?? ''), user: String(body.user ?? ''), reason: String(body.reason ?? '') };
      const input = moderatorChangeInput.safeParse(body);
      if (!input.success) {
        const errors = Object.fromEntries(input.error.issues.map((i) => [String(i.path[0]), p.t(i.path[0] === 'reason' ? 'community.mods.err.reason' : 'community.f.invalid')]));
        return page(c, { ...form, errors }, 400);
      }
      try {
        await fn(db, p.user!, input.data, c.get('requestId'));
      } catch (err) {
        if (!(err instanceof HttpError) || err.status >= 500 || err.status === 403) throw err;
        const field = err.message === 'No such space.' ? 'space' : (FIELD_OF[err.code] ?? 'user');
        return page(c, { ...form, errors: { [field]: p.t(`community.mods.err.${err.code}`) } }, err.status === 404 ? 404 : err.status === 409 ? 409 : 400);
      }
      return c.redirect(`${href(p, '/staff/community/moderators')}?done=${done}`, 303);
    });
  }
  return app;
}
