// Cases for migrants: the challenge, reading a case by tracking code + PIN (or as its signed-in owner),
// follow-ups, data export and erasure (API and pages), and the /{locale}/cases pages. Filing itself is in
// intake-routes.ts, staff work in staff-routes.ts, Open311 in open311/routes.ts.
import { Hono, type Context } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { requireUser } from '../accounts/access.js';
import { setAppCookie } from '../lib/http/cookies.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { notFound } from '../lib/http/errors.js';
import { parseInput, readBody } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { CASE_COOKIE, GRANT_TTL_SEC, grantedCase, grantToken, isOwner, openByPin } from './access.js';
import { issueChallenge } from './challenge.js';
import { normalizeTrackingCode } from './codes.js';
import { registerCaseAnonymizer } from './detach-account.js';
import { registerCasesMeSection } from './me-section.js';
import { migrantJson, migrantView, type ReadContext } from './get-case.js';
import { addMigrantMessage, eraseCase } from './migrant-actions.js';
import { newCaseProps } from './new-case-form.js';
import { casesOfUser, findCaseByCode, type CaseRow } from './queries.js';
import { messageInput, trackForm } from './schema.js';
import { serveAttachment } from './serve-attachment.js';
import { CaseStatusPage, ErasedPage } from './views/case-status-page.js';
import { CasesPage, TrackPage } from './views/cases-page.js';
import { NewCasePage } from './views/new-case-page.js';

export function casesRoutes(deps: Deps) {
  registerCaseAnonymizer();
  registerCasesMeSection();
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const { config } = deps;
  const base = config.BASE_URL;
  const secret = config.SESSION_SECRET;
  const readCtx = (c: Context<AppEnv>, via: ReadContext['via'], surface: ReadContext['surface']): ReadContext => ({ actor: c.get('user'), via, surface, requestId: c.get('requestId') });

  // ---- API ----
  app.get('/api/v1/cases/challenge', (c) => {
    // Contract: where no challenge is used, this answers 404.
    if (config.CASE_CHALLENGE_DIFFICULTY === 0) throw notFound('No challenge is used here.');
    const ch = issueChallenge(secret, config.CASE_CHALLENGE_DIFFICULTY);
    c.header('Cache-Control', 'no-store');
    return c.json({ challenge: ch.challenge, difficulty: ch.difficulty, expiresAt: ch.expiresAt.toISOString() });
  });

  /** The owner (signed in) or anyone with the PIN; otherwise, and for a wrong PIN, 404. */
  const apiCase = async (c: Context<AppEnv>): Promise<{ row: CaseRow; via: 'owner' | 'pin' }> => {
    const code = normalizeTrackingCode(c.req.param('code') ?? '');
    const user = c.get('user');
    if (user && code) {
      const row = await findCaseByCode(db, code);
      if (row && isOwner(user, row)) return { row, via: 'owner' };
    }
    const pin = c.req.header('x-case-pin');
    if (pin) {
      const row = await openByPin(db, deps.limits, c, config.TRUST_PROXY, c.req.param('code') ?? '', pin);
      if (row) return { row, via: 'pin' };
    }
    throw notFound();
  };

  app.get('/api/v1/cases/:code', async (c) => {
    const { row, via } = await apiCase(c);
    c.header('Cache-Control', 'no-store');
    return c.json(migrantJson(await migrantView(db, row, readCtx(c, via, 'api')), c.get('locale')));
  });
  app.post('/api/v1/cases/:code/messages', async (c) => {
    const { row } = await apiCase(c);
    const input = await parseInput(c, messageInput);
    const r = await addMigrantMessage(db, row.id, input.body, c.get('user'), c.get('requestId'));
    return c.json({ id: r.messageId, status: r.status }, 201);
  });
  app.get('/api/v1/cases/:code/export', async (c) => {
    const { row, via } = await apiCase(c);
    return exportResponse(c, row, readCtx(c, via, 'export'));
  });
  app.delete('/api/v1/cases/:code', async (c) => {
    const { row } = await apiCase(c);
    await eraseCase(db, config.DATA_DIR, row.id, c.get('user'), c.get('requestId'));
    return c.body(null, 204);
  });
  app.get('/api/v1/cases/:code/attachments/:att', async (c) => {
    const { row, via } = await apiCase(c);
    return serveAttachment(c, db, config.DATA_DIR, row.id, c.req.param('att'), readCtx(c, via, 'attachment'));
  });
  app.get('/api/v1/me/cases', async (c) => {
    const user = requireUser(c);
    const rows = await casesOfUser(db, user.id);
    c.header('Cache-Control', 'no-store');
    return c.json({
      cases: rows.map((r) => ({ id: r.id, trackingCode: r.tracking_code, status: r.status, category: r.category, region: r.region_code, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString() })),
    });
  });

  async function exportResponse(c: Context<AppEnv>, row: CaseRow, read: ReadContext) {
    const v = await migrantView(db, row, read);
    c.header('Content-Disposition', `attachment; filename="${row.tracking_code}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json({ exportedAt: new Date().toISOString(), case: migrantJson(v, c.get('locale')) });
  }

  // ---- Pages ----
  app.get(`${LOCALE_ROUTE}/cases`, (c) => {
    const p = pageCtx(c, base);
    const conv = c.req.query('conversation');
    const fromAssistant = c.req.query('from') === 'assistant' && Boolean(conv && /^[A-Za-z0-9_-]{8,64}$/.test(conv));
    const newHref = fromAssistant ? `${href(p, '/cases/new')}?from=assistant&conversation=${encodeURIComponent(conv!)}` : href(p, '/cases/new');
    return render(c, CasesPage({ p, newHref, fromAssistant }));
  });

  app.get(`${LOCALE_ROUTE}/cases/new`, async (c) => {
    const p = pageCtx(c, base);
    const conv = c.req.query('conversation');
    const conversation = c.req.query('from') === 'assistant' && conv && /^[A-Za-z0-9_-]{8,64}$/.test(conv) ? conv : undefined;
    const errors: Record<string, string> = c.req.query('error') === 'too_large' ? { attachments: 'file_too_large' } : {};
    const props = await newCaseProps(deps, p, { conversation, consented: c.req.query('consent') === '1', errors });
    return render(c, NewCasePage(props), c.req.query('error') ? 413 : 200);
  });

  /** For pages: the signed-in owner's case named by `code`, or the case this browser holds a PIN grant for. */
  const pageCase = async (c: Context<AppEnv>, codeInput?: string): Promise<{ row: CaseRow; via: 'owner' | 'grant' } | null> => {
    const user = c.get('user');
    const code = codeInput ? normalizeTrackingCode(codeInput) : null;
    if (user && code) {
      const row = await findCaseByCode(db, code);
      if (row && isOwner(user, row)) return { row, via: 'owner' };
      return null;
    }
    const row = await grantedCase(db, secret, c);
    return row ? { row, via: 'grant' } : null;
  };
  const back = (c: Context<AppEnv>, via: 'owner' | 'grant', row: CaseRow, done?: string) => {
    const params = new URLSearchParams();
    if (via === 'owner') params.set('code', row.tracking_code);
    if (done) params.set('done', done);
    const qs = params.toString();
    return c.redirect(`${href(pageCtx(c, base), '/cases/track')}${qs ? `?${qs}` : ''}`, 303);
  };

  app.get(`${LOCALE_ROUTE}/cases/track`, async (c) => {
    const p = pageCtx(c, base);
    const found = await pageCase(c, c.req.query('code'));
    if (!found) return render(c, TrackPage({ p, code: c.req.query('code') }));
    const v = await migrantView(db, found.row, readCtx(c, found.via, 'page'));
    const region = (await listRegions(db, p.locale)).find((r) => r.code === v.regionCode);
    const done = c.req.query('done');
    return render(c, CaseStatusPage({ p, v, regionName: region?.name ?? v.regionCode, via: found.via, notice: done === 'message' ? p.t('cases.message.sent') : undefined }));
  });

  app.post(`${LOCALE_ROUTE}/cases/track`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = trackForm.safeParse(await readBody(c));
    if (!parsed.success) return render(c, TrackPage({ p, failed: true }), 400);
    const row = await openByPin(db, deps.limits, c, config.TRUST_PROXY, parsed.data.code, parsed.data.pin);
    // A wrong PIN and an unknown code get the same 404 page.
    if (!row) return render(c, TrackPage({ p, code: parsed.data.code, failed: true }), 404);
    setAppCookie(c, CASE_COOKIE, grantToken(secret, row.id), { secure: config.secureCookies, maxAgeSec: GRANT_TTL_SEC });
    return c.redirect(href(p, '/cases/track'), 303);
  });

  app.post(`${LOCALE_ROUTE}/cases/track/message`, async (c) => {
    const p = pageCtx(c, base);
    const body = await readBody(c);
    const found = await pageCase(c, typeof body.code === 'string' ? body.code : undefined);
    if (!found) return render(c, TrackPage({ p, failed: true }), 404);
    const parsed = messageInput.safeParse(body);
    if (!parsed.success) return back(c, found.via, found.row);
    await addMigrantMessage(db, found.row.id, parsed.data.body, c.get('user'), c.get('requestId'));
    return back(c, found.via, found.row, 'message');
  });

  app.get(`${LOCALE_ROUTE}/cases/track/export`, async (c) => {
    const found = await pageCase(c, c.req.query('code'));
    if (!found) throw notFound();
    return exportResponse(c, found.row, readCtx(c, found.via, 'export'));
  });

  app.get(`${LOCALE_ROUTE}/cases/track/attachments/:att`, async (c) => {
    const found = await pageCase(c, c.req.query('code'));
    if (!found) throw notFound();
    return serveAttachment(c, db, config.DATA_DIR, found.row.id, c.req.param('att'), readCtx(c, found.via, 'attachment'));
  });

  app.post(`${LOCALE_ROUTE}/cases/track/erase`, async (c) => {
    const p = pageCtx(c, base);
    const body = await readBody(c);
    const found = await pageCase(c, typeof body.code === 'string' ? body.code : undefined);
    if (!found) return render(c, TrackPage({ p, failed: true }), 404);
    if (body.confirm !== 'yes') return back(c, found.via, found.row);
    await eraseCase(db, config.DATA_DIR, found.row.id, c.get('user'), c.get('requestId'));
    deleteCookie(c, CASE_COOKIE, { path: '/' });
    return render(c, ErasedPage({ p }));
  });

  app.post(`${LOCALE_ROUTE}/cases/track/leave`, (c) => {
    deleteCookie(c, CASE_COOKIE, { path: '/' });
    return c.redirect(href(pageCtx(c, base), '/cases'), 303);
  });

  return app;
}
