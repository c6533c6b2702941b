// Staff JSON API for cases: the queue (own centers only), one case, reply, note, status, assign, transfer,
// attachments, statistics and counseling records. Moderators and editors get 403; other centers' cases 404.
import { Hono, type Context } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseInput, parseQuery } from '../lib/http/input.js';
import { requireCaseStaff, staffCase } from './access.js';
import { staffView, type ReadContext, type StaffView } from './get-case.js';
import { staffQueue } from './list-cases.js';
import { addRecord, listRecords } from './records.js';
import { assignInput, noteInput, queueQuery, recordInput, replyInput, statsQuery, statusInput, transferInput } from './schema.js';
import { serveAttachment } from './serve-attachment.js';
import { addNote, assignCase, changeStatus, replyToCase, transferCase, type StaffDeps } from './staff-actions.js';
import { caseStats } from './stats.js';

const ID = ':id{[0-9a-f-]+}';

export function staffJson(v: StaffView) {
  return {
    id: v.id,
    trackingCode: v.trackingCode,
    status: v.status,
    nextStatuses: v.next,
    category: v.category,
    region: v.regionCode,
    locale: v.locale,
    nationality: v.nationality,
    description: v.description,
    descriptionKo: v.descriptionKo,
    contact: v.contact,
    source: v.source,
    center: { id: v.centerId, nameKo: v.centerNameKo, nameEn: v.centerNameEn },
    assignee: v.assigneeId ? { id: v.assigneeId, username: v.assignee } : null,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    sla: { state: v.sla.state, dueAt: v.sla.dueAt.toISOString(), minutesLeft: v.sla.minutesLeft },
    messages: v.messages.map((m) => ({ id: m.id, author: m.author, body: m.body, bodyKo: m.bodyKo, createdAt: m.createdAt.toISOString() })),
    notes: v.notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.createdAt.toISOString() })),
    events: v.events.map((e) => ({ ...e, at: e.at.toISOString() })),
    attachments: v.attachments,
  };
}

export function staffApiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const { config } = deps;
  const S = '/api/v1/staff/cases';
  const sdeps = (c: Context<AppEnv>): StaffDeps => ({ db, mail: { enabled: Boolean(config.SMTP_URL), baseUrl: config.BASE_URL }, defaultFirstResponseHours: config.CASE_FIRST_RESPONSE_HOURS, requestId: c.get('requestId') });
  const readCtx = (c: Context<AppEnv>): ReadContext => {
    const u = c.get('user');
    return { actor: u, via: u?.role === 'admin' ? 'admin' : 'staff', surface: 'api', requestId: c.get('requestId') };
  };
  app.use('/api/v1/staff/*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get(S, async (c) => {
    const user = requireCaseStaff(c.get('user'));
    const f = parseQuery(c, queueQuery);
    const items = await staffQueue(db, user, f, c.get('requestId'));
    return c.json({
      cases: items.map((i) => ({
        id: i.id,
        trackingCode: i.trackingCode,
        status: i.status,
        category: i.category,
        region: i.regionCode,
        locale: i.locale,
        center: { id: i.centerId, nameKo: i.centerNameKo, nameEn: i.centerNameEn },
        assignee: i.assignee,
        createdAt: i.createdAt.toISOString(),
        updatedAt: i.updatedAt.toISOString(),
        sla: { state: i.sla.state, dueAt: i.sla.dueAt.toISOString(), minutesLeft: i.sla.minutesLeft },
      })),
    });
  });

  app.get(`${S}/${ID}`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    return c.json(staffJson(await staffView(db, row, readCtx(c))));
  });

  app.post(`${S}/${ID}/replies`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    const input = await parseInput(c, replyInput);
    const r = await replyToCase(sdeps(c), c.get('user')!, row.id, input);
    return c.json({ id: r.messageId, status: r.status }, 201);
  });
  app.post(`${S}/${ID}/notes`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    const input = await parseInput(c, noteInput);
    const r = await addNote(sdeps(c), c.get('user')!, row.id, input.body);
    return c.json({ id: r.noteId }, 201);
  });
  app.post(`${S}/${ID}/status`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    const input = await parseInput(c, statusInput);
    return c.json(await changeStatus(sdeps(c), c.get('user')!, row.id, input.status));
  });
  app.post(`${S}/${ID}/assign`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    const input = await parseInput(c, assignInput);
    await assignCase(sdeps(c), c.get('user')!, row.id, input.assigneeId);
    return c.body(null, 204);
  });
  app.post(`${S}/${ID}/transfer`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    const input = await parseInput(c, transferInput);
    return c.json(await transferCase(sdeps(c), c.get('user')!, row.id, input));
  });
  app.get(`${S}/${ID}/attachments/:att`, async (c) => {
    const { row } = await staffCase(db, c.get('user'), c.req.param('id'));
    return serveAttachment(c, db, config.DATA_DIR, row.id, c.req.param('att'), readCtx(c));
  });

  app.get('/api/v1/staff/case-stats', async (c) => {
    const user = requireCaseStaff(c.get('user'));
    return c.json(await caseStats(db, user, parseQuery(c, statsQuery), c.get('requestId')));
  });
  app.get('/api/v1/staff/counseling-records', async (c) => {
    const user = requireCaseStaff(c.get('user'));
    return c.json({ records: await listRecords(db, user) });
  });
  app.post('/api/v1/staff/counseling-records', async (c) => {
    const user = requireCaseStaff(c.get('user'));
    const input = await parseInput(c, recordInput);
    return c.json({ id: await addRecord(db, user, input, c.get('requestId')) }, 201);
  });
  return app;
}
