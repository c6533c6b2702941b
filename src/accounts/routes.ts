// Account routes: the JSON API of API-CONTRACTS.md and the equivalent HTML forms.
import { Hono, type Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { COOKIE, setAppCookie } from '../lib/http/cookies.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError, zodFields } from '../lib/http/errors.js';
import { parseInput, readBody } from '../lib/http/input.js';
import { rateLimit } from '../lib/http/rate-limit.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { requireUser } from './access.js';
import { changePassword } from './change-password.js';
import { deleteAccount } from './delete-account.js';
import { logIn } from './log-in.js';
import { changePasswordInput, deleteAccountInput, logInInput, signUpInput } from './schema.js';
import { destroySession, SESSION_TTL_SEC } from './sessions.js';
import { signUp } from './sign-up.js';
import { renderMeSections } from './me-sections.js';
import { LoginPage } from './views/login-page.js';
import { LoginNeededPage, MePage } from './views/me-page.js';
import { SignupPage } from './views/signup-page.js';
import { setupRoutes } from './setup-routes.js';

export function accountRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const secure = deps.config.secureCookies;
  const trustProxy = deps.config.TRUST_PROXY;
  const limitLogin = rateLimit(db, deps.limits.login, { trustProxy });
  const limitSignup = rateLimit(db, deps.limits.signup, { trustProxy });
  const limitPassword = rateLimit(db, deps.limits.password, { trustProxy });
  const base = deps.config.BASE_URL;

  const startSession = (c: Context<AppEnv>, token: string) =>
    setAppCookie(c, COOKIE.session, token, { secure, maxAgeSec: SESSION_TTL_SEC });
  const endSession = async (c: Context<AppEnv>) => {
    const hash = c.get('sessionHash');
    if (hash) await destroySession(db, hash);
    deleteCookie(c, COOKIE.session, { path: '/' });
  };
  const publicUser = (u: { id: number; username: string; role: string }) => ({ id: u.id, username: u.username, role: u.role });

  // ---- JSON API ----
  app.post('/api/v1/auth/signup', limitSignup, async (c) => {
    const input = await parseInput(c, signUpInput);
    const { user, session } = await signUp(db, input, c.get('requestId'));
    startSession(c, session.token);
    return c.json({ user: publicUser(user) }, 201);
  });
  app.post('/api/v1/auth/login', limitLogin, async (c) => {
    const input = await parseInput(c, logInInput);
    const { user, session } = await logIn(db, input, c.get('sessionHash'), c.get('requestId'), deps.limits.loginFailures);
    startSession(c, session.token);
    return c.json({ user: publicUser(user) });
  });
  app.post('/api/v1/auth/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });
  app.get('/api/v1/auth/me', (c) => {
    const user = requireUser(c);
    return c.json({ user: { ...publicUser(user), regions: user.regions, locale: user.locale } });
  });
  app.post('/api/v1/me/password', limitPassword, async (c) => {
    const user = requireUser(c);
    const input = await parseInput(c, changePasswordInput);
    await changePassword(db, user.id, input, c.get('sessionHash'), c.get('requestId'));
    return c.body(null, 204);
  });
  app.delete('/api/v1/me', limitPassword, async (c) => {
    const user = requireUser(c);
    const input = await parseInput(c, deleteAccountInput);
    await deleteAccount(db, user.id, input.password, c.get('requestId'));
    deleteCookie(c, COOKIE.session, { path: '/' });
    return c.body(null, 204);
  });

  // ---- HTML forms ----
  app.get(`${LOCALE_ROUTE}/login`, (c) => render(c, LoginPage({ p: pageCtx(c, base) })));
  app.post(`${LOCALE_ROUTE}/login`, limitLogin, async (c) => {
    const p = pageCtx(c, base);
    const body = await readBody(c);
    const parsed = logInInput.safeParse(body);
    const username = typeof body.username === 'string' ? body.username : '';
    if (!parsed.success) return render(c, LoginPage({ p, username, failed: p.t('auth.login.failed') }), 400);
    try {
      const { session } = await logIn(db, parsed.data, c.get('sessionHash'), c.get('requestId'), deps.limits.loginFailures);
      startSession(c, session.token);
      return c.redirect(href(p, '/me'), 303);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      const failed =
        err.code === 'account_disabled' ? p.t('auth.disabled')
        : err.code === 'account_locked' ? p.t('auth.login.locked', { min: Math.ceil(Number(err.headers?.['Retry-After'] ?? 60) / 60) })
        : p.t('auth.login.failed');
      if (err.headers?.['Retry-After']) c.header('Retry-After', err.headers['Retry-After']);
      return render(c, LoginPage({ p, username, failed }), err.status);
    }
  });

  app.get(`${LOCALE_ROUTE}/signup`, (c) => render(c, SignupPage({ p: pageCtx(c, base) })));
  app.post(`${LOCALE_ROUTE}/signup`, limitSignup, async (c) => {
    const p = pageCtx(c, base);
    const body = await readBody(c);
    const values = { username: String(body.username ?? ''), email: String(body.email ?? '') };
    const parsed = signUpInput.safeParse({ ...body, locale: p.locale });
    if (!parsed.success) return render(c, SignupPage({ p, values, errors: zodFields(parsed.error) }), 400);
    try {
      const { session } = await signUp(db, parsed.data, c.get('requestId'));
      startSession(c, session.token);
      return c.redirect(href(p, '/me'), 303);
    } catch (err) {
      if (!(err instanceof HttpError) || !err.fields) throw err;
      return render(c, SignupPage({ p, values, errors: err.fields }), err.status);
    }
  });

  app.post(`${LOCALE_ROUTE}/logout`, async (c) => {
    await endSession(c);
    return c.redirect(`/${c.get('locale')}/`, 303);
  });

  app.get(`${LOCALE_ROUTE}/me`, async (c) => {
    const p = pageCtx(c, base);
    if (!p.user) return render(c, LoginNeededPage({ p }), 401);
    const done = c.req.query('done');
    const sections = await renderMeSections(db, p, c.req.query());
    return render(c, MePage({ p, notice: done === 'password' ? p.t('me.password.done') : undefined, sections }));
  });
  app.post(`${LOCALE_ROUTE}/me/password`, limitPassword, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const parsed = changePasswordInput.safeParse(await readBody(c));
    if (!parsed.success) return render(c, MePage({ p, errors: zodFields(parsed.error) }), 400);
    try {
      await changePassword(db, user.id, parsed.data, c.get('sessionHash'), c.get('requestId'));
    } catch (err) {
      if (!(err instanceof HttpError) || !err.fields) throw err;
      return render(c, MePage({ p, errors: err.fields }), err.status);
    }
    return c.redirect(`${href(p, '/me')}?done=password`, 303);
  });
  app.post(`${LOCALE_ROUTE}/me/delete`, limitPassword, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const parsed = deleteAccountInput.safeParse(await readBody(c));
    if (!parsed.success) return render(c, MePage({ p, errors: zodFields(parsed.error) }), 400);
    try {
      await deleteAccount(db, user.id, parsed.data.password, c.get('requestId'));
    } catch (err) {
      if (!(err instanceof HttpError) || !err.fields) throw err;
      return render(c, MePage({ p, errors: err.fields }), err.status);
    }
    deleteCookie(c, COOKIE.session, { path: '/' });
    return render(c, LoginPage({ p: { ...p, user: null }, message: p.t('me.delete.done') }));
  });

  app.route('/', setupRoutes(deps));
  return app;
}

