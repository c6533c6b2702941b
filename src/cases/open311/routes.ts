// Open311 GeoReport v2 under /api/open311/v2/: services, service definitions, POST requests (partner API
// key), and the public read of requests. Mounted before sessions and CSRF in src/server.ts: it uses no
// cookies (API keys only), so there is no session to protect and partners can post plain forms.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Deps } from '../../lib/http/env.js';
import { HttpError } from '../../lib/http/errors.js';
import { hit, rateLimit } from '../../lib/http/rate-limit.js';
import { listRegions } from '../../places/queries.js';
import { NATIONALITIES, type CaseCategory } from '../categories.js';
import { fileCase } from '../file-case.js';
import { DESCRIPTION_MAX, DESCRIPTION_MIN } from '../schema.js';
import { verifyApiKey } from './api-keys.js';
import { MAX_SPAN_DAYS, publicRequests, regionFromRequest, toPublicRequest } from './requests.js';
import { respond, respondError, splitFormat, type Format } from './serialize.js';
import { isServiceCode, serviceDefinition, serviceList } from './services.js';
import { LOCALES } from '../../lib/i18n/locales.js';

const BASE = '/api/open311/v2';
const POST_LIMIT = { name: 'open311-post', max: 120, windowSec: 3600 };
const READ_LIMIT = { name: 'open311-read', max: 300, windowSec: 60 };

const formatOf = (c: Context) => (/\.xml$/.test(new URL(c.req.url).pathname) ? 'xml' : 'json') as Format;

const postForm = z.object({
  service_code: z.string().min(1),
  description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
  email: z.string().trim().max(254).email().optional().or(z.literal('').transform(() => undefined)),
  phone: z.string().trim().regex(/^\+?[\d\s().-]{7,20}$/).optional().or(z.literal('').transform(() => undefined)),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().max(500).optional(),
  address_id: z.string().max(40).optional(),
  'attribute[region]': z.string().optional(),
  'attribute[locale]': z.enum(LOCALES).optional(),
  'attribute[nationality]': z.enum(NATIONALITIES).optional(),
});

const w3Date = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be a W3C datetime with a time zone, e.g. 2026-01-01T00:00:00Z');

export function open311Routes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const { config } = deps;

  app.onError((err, c) => {
    const format = formatOf(c);
    if (err instanceof HttpError) return respondError(c, format, err.status, err.message, err.headers);
    c.get('log')?.error({ err }, 'open311 error');
    return respondError(c, format, 500, `Internal error (request ${c.get('requestId') ?? '-'}).`);
  });

  app.use(`${BASE}/*`, async (c, next) => {
    if (c.req.method === 'GET') return rateLimit(db, READ_LIMIT, { trustProxy: config.TRUST_PROXY })(c, next);
    await next();
  });

  app.get('/api/open311/:file{discovery\\.(?:json|xml)}', (c) =>
    respond(c, formatOf(c), 'discovery', {
      changeset: '2026-01-01T00:00:00Z',
      contact: `${config.BASE_URL}/${c.get('locale')}/about`,
      key_service: 'Ask the operator of this Ieum for an api_key (issued with: npm run ieum -- apikey create --name PARTNER).',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${config.BASE_URL}${BASE}`, changeset: '2026-01-01T00:00:00Z', type: 'production', formats: ['text/xml', 'application/json'] }],
    }),
  );

  app.get(`${BASE}/:file`, async (c) => {
    const parts = splitFormat(c.req.param('file'));
    if (!parts || (parts[0] !== 'services' && parts[0] !== 'requests')) throw new HttpError(404, 'not_found', 'No such resource.');
    const [resource, format] = parts;
    if (resource === 'services') return respond(c, format, 'services', serviceList(c.get('t')));
    return listRequests(c, format);
  });

  app.get(`${BASE}/services/:file`, async (c) => {
    const parts = splitFormat(c.req.param('file'));
    if (!parts || !isServiceCode(parts[0])) throw new HttpError(404, 'not_found', 'service_code not found.');
    const regions = await listRegions(db, c.get('locale'));
    return respond(c, parts[1], 'service_definition', serviceDefinition(parts[0], c.get('t'), c.get('locale'), regions));
  });

  app.get(`${BASE}/requests/:file`, async (c) => {
    const parts = splitFormat(c.req.param('file'));
    if (!parts) throw new HttpError(404, 'not_found', 'No such resource.');
    const rows = await publicRequests(db, { ids: [parts[0]], start: new Date(0), end: new Date() });
    if (!rows.length) throw new HttpError(404, 'not_found', 'service_request_id not found.');
    const regions = new Map((await listRegions(db, c.get('locale'))).map((r) => [r.code, r]));
    return respond(c, parts[1], 'service_requests', rows.map((r) => toPublicRequest(r, c.get('t'), c.get('locale'), regions)));
  });

  async function listRequests(c: Context<AppEnv>, format: Format) {
    const q = c.req.query();
    const parsed = z.object({ start_date: w3Date.optional(), end_date: w3Date.optional() }).safeParse(q);
    if (!parsed.success) throw new HttpError(400, 'invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const end = parsed.data.end_date ? new Date(parsed.data.end_date) : new Date();
    const start = parsed.data.start_date ? new Date(parsed.data.start_date) : new Date(end.getTime() - MAX_SPAN_DAYS * 86_400_000);
    if (start > end) throw new HttpError(400, 'invalid_input', 'start_date must be before end_date.');
    if (end.getTime() - start.getTime() > MAX_SPAN_DAYS * 86_400_000) throw new HttpError(400, 'invalid_input', `The date range may not span more than ${MAX_SPAN_DAYS} days.`);
    const list = (v: string | undefined) => v?.split(',').map((s) => s.trim()).filter(Boolean);
    const codes = list(q.service_code);
    if (codes?.some((s) => !isServiceCode(s))) throw new HttpError(404, 'not_found', 'service_code not found.');
    const statuses = list(q.status);
    if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new HttpError(400, 'invalid_input', 'status must be open or closed.');
    const rows = await publicRequests(db, { ids: list(q.service_request_id), serviceCodes: codes as CaseCategory[] | undefined, start, end, statuses: statuses as Array<'open' | 'closed'> | undefined });
    const regions = new Map((await listRegions(db, c.get('locale'))).map((r) => [r.code, r]));
    return respond(c, format, 'service_requests', rows.map((r) => toPublicRequest(r, c.get('t'), c.get('locale'), regions)));
  }

  app.post(`${BASE}/:file`, async (c) => {
    const parts = splitFormat(c.req.param('file'));
    if (!parts || parts[0] !== 'requests') throw new HttpError(404, 'not_found', 'No such resource.');
    const format = parts[1];
    const body = await readPartnerBody(c);
    const key = await verifyApiKey(db, String(body.api_key ?? c.req.query('api_key') ?? '') || undefined);
    if (!key) throw new HttpError(403, 'forbidden', 'Missing or invalid api_key.');
    const limited = await hit(db, POST_LIMIT, `key:${key.id}`);
    if (!limited.allowed) throw new HttpError(429, 'rate_limited', 'Too many requests for this api_key.', { 'Retry-After': String(limited.retryAfterSec) });
    if (!body.service_code) throw new HttpError(400, 'invalid_input', 'service_code was not provided.');
    if (!isServiceCode(String(body.service_code))) throw new HttpError(404, 'not_found', 'service_code not found.');
    const parsed = postForm.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const v = parsed.data;
    const regions = await listRegions(db, c.get('locale'));
    const region = regionFromRequest(regions, { attribute: v['attribute[region]'], addressId: v.address_id, lat: v.lat, long: v.long, address: v.address_string });
    if (!region) throw new HttpError(400, 'invalid_input', 'attribute[region] (one of the 31 city/county codes) or a location in Gyeonggi is required.');
    const filed = await fileCase(
      { db, dataDir: config.DATA_DIR, defaultFirstResponseHours: config.CASE_FIRST_RESPONSE_HOURS, mail: { enabled: Boolean(config.SMTP_URL), baseUrl: config.BASE_URL }, requestId: c.get('requestId') },
      {
        category: v.service_code as CaseCategory,
        region,
        locale: v['attribute[locale]'] ?? 'ko',
        description: v.description,
        nationality: v['attribute[nationality]'],
        contact: v.email ? { method: 'email', email: v.email } : v.phone ? { method: 'phone', phone: v.phone } : { method: 'ieum' },
        source: 'open311',
        apiKeyId: key.id,
        user: null,
        files: [],
        dedupeSubject: `key:${key.id}`,
      },
    );
    const hours = config.CASE_FIRST_RESPONSE_HOURS;
    return respond(
      c,
      format,
      'service_requests',
      [
        {
          service_request_id: filed.id,
          service_notice: c.get('t')('cases.open311.notice', { count: Math.round((filed.firstResponseDueAt.getTime() - Date.now()) / 3_600_000) || hours }),
          account_id: null,
          // Ieum extension: what the person needs to follow the case on Ieum itself (the PIN is shown once).
          ieum_tracking_code: filed.trackingCode,
          ieum_pin: filed.pin,
        },
      ],
      201,
    );
  });

  app.all(`${BASE}/*`, () => {
    throw new HttpError(404, 'not_found', 'No such resource.');
  });
  return app;
}

/** The spec sends application/x-www-form-urlencoded; JSON is accepted too. */
async function readPartnerBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.startsWith('application/json')) {
      const j = await c.req.json();
      return j && typeof j === 'object' && !Array.isArray(j) ? (j as Record<string, unknown>) : {};
    }
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody();
      return Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string'));
    }
  } catch {
    throw new HttpError(400, 'invalid_input', 'The request body could not be read.');
  }
  throw new HttpError(400, 'invalid_input', 'Send application/x-www-form-urlencoded (or JSON).');
}
