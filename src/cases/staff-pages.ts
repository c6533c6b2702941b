// Staff pages for cases: the queue, one case and its actions (plain form posts), statistics (+ CSV) and
// counseling records. Admin-only center management is in admin-pages.ts.
import { staffPageGuard } from '../staff/guard.js';
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { HttpError } from '../lib/http/errors.js';
import { readBody } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx, type PageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listRegions } from '../places/queries.js';
import { staffCase } from './access.js';
import { centerIdsOf, isCaseStaff, listCenters } from './centers.js';
import { staffView } from './get-case.js';
import { staffQueue } from './list-cases.js';
import { addRecord, listRecords } from './records.js';
import { assignInput, noteInput, queueQuery, recordInput, replyInput, statsQuery, statusInput, transferInput } from './schema.js';
import { serveAttachment } from './serve-attachment.js';
import { addNote, assignCase, changeStatus, replyToCase, transferCase, type StaffDeps } from './staff-actions.js';
import { caseStats, statsCsv, type Dimension } from './stats.js';
import { localeName, nationalityLabel } from './views/labels.js';
import { RecordsPage } from './views/records-page.js';
import { StaffCasePage } from './views/staff-case-page.js';
import { StaffQueuePage } from './views/staff-queue-page.js';
import { StatsPage } from './views/stats-page.js';

const ID = ':id{[0-9a-f-]+}';
const ACTION_ERRORS = new Set(['bad_transition', 'not_center_staff', 'same_center', 'unknown_center', 'case_anonymized']);

export function staffCasePages(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const { config } = deps;
  const base = config.BASE_URL;
  const S = `${LOCALE_ROUTE}/staff/cases`;
  const sdeps = (c: Context<AppEnv>): StaffDeps => ({ db, mail: { enabled: Boolean(config.SMTP_URL), baseUrl: base }, defaultFirstResponseHours: config.CASE_FIRST_RESPONSE_HOURS, requestId: c.get('requestId') });

  // Center staff and admins only; the page says why when it refuses.
  const gate = staffPageGuard(base, isCaseStaff);
  app.use(S, gate);
  app.use(`${S}/*`, gate);

  const ownCenters = async (p: PageCtx) => {
    const ids = await centerIdsOf(db, p.user!);
    const all = await listCenters(db);
    return ids === null ? all : all.filter((c) => ids.includes(c.id));
  };

  app.get(S, async (c) => {
    const p = pageCtx(c, base);
    const parsed = queueQuery.safeParse(c.req.query());
    const filter = parsed.success ? parsed.data : {};
    const [items, regions, centers] = await Promise.all([staffQueue(db, p.user!, filter, c.get('requestId')), listRegions(db, p.locale), ownCenters(p)]);
    return render(c, StaffQueuePage({ p, items, filter, regions, centers }), parsed.success ? 200 : 400);
  });

  const DONE: Record<string, string> = { reply: 'cases.staff.done.reply', note: 'cases.staff.done.note', status: 'cases.staff.done.status', assign: 'cases.staff.done.assign', transfer: 'cases.staff.done.transfer' };

  app.get(`${S}/${ID}`, async (c) => {
    const p = pageCtx(c, base);
    const { row } = await staffCase(db, p.user, c.req.param('id'));
    const v = await staffView(db, row, { actor: p.user, via: p.user!.role === 'admin' ? 'admin' : 'staff', surface: 'page', requestId: c.get('requestId') });
    const region = (await listRegions(db, p.locale)).find((r) => r.code === v.regionCode);
    const done = DONE[c.req.query('done') ?? ''];
    const error = c.req.query('error');
    return render(c, StaffCasePage({ p, v, regionName: region?.name ?? v.regionCode, notice: done ? p.t(done) : undefined, error: error ? p.t(ACTION_ERRORS.has(error) ? `cases.err.${error}` : 'cases.err.invalid') : undefined }));
  });

  /** Runs a staff action from a form; success and refusal both come back to the case page. */
  const act = (name: string, fn: (c: Context<AppEnv>, caseId: string, body: Record<string, unknown>) => Promise<unknown>) =>
    app.post(`${S}/${ID}/${name}`, async (c) => {
      const p = pageCtx(c, base);
      const { row } = await staffCase(db, p.user, c.req.param('id'));
      const back = href(p, `/staff/cases/${row.id}`);
      try {
        await fn(c, row.id, await readBody(c));
      } catch (err) {
        if (err instanceof HttpError && (err.status === 400 || err.status === 409)) return c.redirect(`${back}?error=${encodeURIComponent(err.code)}`, 303);
        throw err;
      }
      // Transferred to a center this staff member does not serve: the case is no longer theirs to see.
      if (name === 'transfer' && !(await staffCase(db, p.user, row.id).then(() => true, () => false))) return c.redirect(`${href(p, '/staff/cases')}`, 303);
      return c.redirect(`${back}?done=${name}`, 303);
    });
  const parse = <T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, body: unknown): T => {
    const r = schema.safeParse(body);
    if (!r.success) throw new HttpError(400, 'invalid_input', 'Invalid input.');
    return r.data;
  };
  act('reply', (c, id, body) => replyToCase(sdeps(c), c.get('user')!, id, parse(replyInput, body)));
  act('note', (c, id, body) => addNote(sdeps(c), c.get('user')!, id, parse(noteInput, body).body));
  act('status', (c, id, body) => changeStatus(sdeps(c), c.get('user')!, id, parse(statusInput, body).status));
  act('assign', (c, id, body) => assignCase(sdeps(c), c.get('user')!, id, parse(assignInput, body).assigneeId));
  act('transfer', (c, id, body) => transferCase(sdeps(c), c.get('user')!, id, parse(transferInput, body)));

  app.get(`${S}/${ID}/attachments/:att`, async (c) => {
    const user = c.get('user');
    const { row } = await staffCase(db, user, c.req.param('id'));
    return serveAttachment(c, db, config.DATA_DIR, row.id, c.req.param('att'), { actor: user, via: user?.role === 'admin' ? 'admin' : 'staff', surface: 'attachment', requestId: c.get('requestId') });
  });

  // ---- Statistics ----
  const labeller = async (p: PageCtx) => {
    const regions = new Map((await listRegions(db, p.locale)).map((r) => [r.code, r.name]));
    return (d: Dimension, v: string): string => {
      if (v === 'unknown') return p.t('cases.nationality.unknown');
      if (d === 'category') return p.t(`cases.category.${v}`);
      if (d === 'region') return regions.get(v) ?? v;
      if (d === 'nationality') return nationalityLabel(p, v);
      if (d === 'language') return localeName(v);
      if (d === 'channel') return p.t(`cases.channel.${v}`);
      return v;
    };
  };
  app.get(`${S}/stats`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = statsQuery.safeParse(c.req.query());
    const q = parsed.success ? parsed.data : {};
    const [stats, label, centers] = await Promise.all([caseStats(db, p.user!, q, c.get('requestId')), labeller(p), ownCenters(p)]);
    return render(c, StatsPage({ p, stats, label, centers, center: q.center }), parsed.success ? 200 : 400);
  });
  app.get(`${S}/stats.csv`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = statsQuery.safeParse(c.req.query());
    if (!parsed.success) throw new HttpError(400, 'invalid_input', 'from/to must be YYYY-MM.');
    const stats = await caseStats(db, p.user!, parsed.data, c.get('requestId'));
    c.header('Content-Disposition', 'attachment; filename="ieum-case-stats.csv"');
    c.header('Cache-Control', 'private, no-store');
    // A byte-order mark so spreadsheet programs read the Korean labels as UTF-8.
    return c.body(`\uFEFF${statsCsv(stats, await labeller(p))}`, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  // ---- Counseling records ----
  app.get(`${S}/records`, async (c) => {
    const p = pageCtx(c, base);
    const [centers, regions, records] = await Promise.all([ownCenters(p), listRegions(db, p.locale), listRecords(db, p.user!)]);
    return render(c, RecordsPage({ p, centers, regions, records, notice: c.req.query('done') ? p.t('cases.records.saved') : undefined }));
  });
  app.post(`${S}/records`, async (c) => {
    const p = pageCtx(c, base);
    const parsed = recordInput.safeParse(await readBody(c));
    if (!parsed.success) {
      const [centers, regions, records] = await Promise.all([ownCenters(p), listRegions(db, p.locale), listRecords(db, p.user!)]);
      return render(c, RecordsPage({ p, centers, regions, records, error: p.t('cases.err.invalid') }), 400);
    }
    await addRecord(db, p.user!, parsed.data, c.get('requestId'));
    return c.redirect(`${href(p, '/staff/cases/records')}?done=1`, 303);
  });

  return app;
}
