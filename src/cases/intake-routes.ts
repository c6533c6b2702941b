// Filing a case: POST /api/v1/cases (JSON, or multipart with files) and the HTML form POST /{locale}/cases/new.
// Mounted in src/server.ts before the global 1 MiB body limit, because attachments need more; so this
// sub-app applies its own larger limit, then the session and CSRF middleware itself.
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { bodyLimit } from 'hono/body-limit';
import { createHash } from 'node:crypto';
import { sessionLoader } from '../accounts/session-middleware.js';
import { COOKIE } from '../lib/http/cookies.js';
import { csrf, csrfError } from '../lib/http/csrf.js';
import { clientIp } from '../lib/http/client-ip.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { badRequest, HttpError, tooMany, validationError, zodFields } from '../lib/http/errors.js';
import { hit } from '../lib/http/rate-limit.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { checkFiles, MAX_UPLOAD_BODY, type IncomingFile } from './attachments.js';
import { centerName } from './centers.js';
import { checkNewCase, fileCase, type FileCaseInput } from './file-case.js';
import { checkAntiAbuse, newCaseProps } from './new-case-form.js';
import { findCenter } from './queries.js';
import { fileCaseForm, fileCaseInput } from './schema.js';
import { FiledPage } from './views/cases-page.js';
import { NewCasePage } from './views/new-case-page.js';

type Form = Record<string, string | File | Array<string | File>>;

const firstString = (v: unknown) => (Array.isArray(v) ? v.find((x) => typeof x === 'string') : typeof v === 'string' ? v : undefined);

async function filesOf(form: Form): Promise<IncomingFile[]> {
  const raw = form.attachments;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const files = list.filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function caseIntakeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const { config } = deps;
  const base = config.BASE_URL;
  const session = sessionLoader(db);
  const csrfCheck = csrf({ secret: config.SESSION_SECRET, baseUrl: config.BASE_URL, secure: config.secureCookies });
  // API clients filing anonymously (no session cookie) may send multipart without a CSRF token: with no
  // ambient credential there is nothing to forge. Foreign origins are still refused; with a session cookie
  // the full CSRF check applies, as everywhere.
  const apiCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (getCookie(c, COOKIE.session)) return csrfCheck(c, next);
    const origin = c.req.header('origin');
    if ((origin !== undefined && origin !== new URL(base).origin && origin !== new URL(c.req.url).origin) || c.req.header('sec-fetch-site') === 'cross-site') throw csrfError();
    c.set('csrfToken', '');
    await next();
  };
  const apiMw = [
    bodyLimit({
      maxSize: MAX_UPLOAD_BODY,
      onError: () => {
        throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_UPLOAD_BODY} bytes.`);
      },
    }),
    session,
    apiCsrf,
  ] as const;
  // Too large: back to the form, which says so (the body was not read, so the fields start empty again).
  const pageMw = [
    bodyLimit({
      maxSize: MAX_UPLOAD_BODY,
      onError: (c) => c.redirect(`/${(c as Context<AppEnv>).get('locale')}/cases/new?error=too_large`, 303),
    }),
    session,
    csrfCheck,
  ] as const;
  const fileDeps = (c: Context<AppEnv>) => ({
    db,
    dataDir: config.DATA_DIR,
    defaultFirstResponseHours: config.CASE_FIRST_RESPONSE_HOURS,
    mail: { enabled: Boolean(config.SMTP_URL), baseUrl: base },
    requestId: c.get('requestId'),
  });
  const subjectOf = (c: Context<AppEnv>) => {
    const u = c.get('user');
    return u ? `user:${u.id}` : `ip:${createHash('sha256').update(clientIp(c, config.TRUST_PROXY)).digest('base64url')}`;
  };
  /** Counted once a filing is otherwise acceptable, so correcting a form does not use it up. */
  const checkRate = async (c: Context<AppEnv>) => {
    const r = await hit(db, deps.limits.caseFile, subjectOf(c));
    if (!r.allowed) throw tooMany(r.retryAfterSec);
  };

  app.post('/api/v1/cases', ...apiMw, async (c) => {
    const type = c.req.header('content-type') ?? '';
    let body: Record<string, unknown>;
    let files: IncomingFile[] = [];
    if (type.startsWith('multipart/form-data')) {
      const form = (await c.req.parseBody({ all: true }).catch(() => {
        throw badRequest('invalid_form', 'The request body is not a valid form.');
      })) as Form;
      body = Object.fromEntries(Object.keys(form).filter((k) => k !== 'attachments' && k !== '_csrf').map((k) => [k, firstString(form[k])]));
      files = await filesOf(form);
    } else if (type.startsWith('application/json')) {
      body = await c.req.json().catch(() => {
        throw badRequest('invalid_json', 'The request body is not valid JSON.');
      });
      if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('invalid_json', 'The request body must be a JSON object.');
    } else {
      throw new HttpError(415, 'unsupported_media_type', 'Send application/json or multipart/form-data.');
    }
    const parsed = fileCaseInput.safeParse(body);
    if (!parsed.success) throw validationError(parsed.error);
    const problem = await checkAntiAbuse(deps, c);
    if (problem) throw badRequest(problem, challengeMessage(problem));
    const checked = checkFiles(files);
    const v = parsed.data;
    await checkNewCase(db, { ...v, dedupeSubject: subjectOf(c) });
    await checkRate(c);
    const user = c.get('user');
    const filed = await fileCase(fileDeps(c), {
      ...v,
      contact: v.contact ?? { method: 'ieum' },
      source: 'api',
      user: user ? { id: user.id, role: user.role } : null,
      files: checked,
      dedupeSubject: subjectOf(c),
    });
    return c.json({ id: filed.id, trackingCode: filed.trackingCode, pin: filed.pin, status: 'received', firstResponseDueAt: filed.firstResponseDueAt.toISOString(), url: `${base}/${v.locale}/cases/track` }, 201);
  });

  app.post(`${LOCALE_ROUTE}/cases/new`, ...pageMw, async (c) => {
    const p = pageCtx(c, base);
    let form: Form;
    try {
      form = (await c.req.parseBody({ all: true })) as Form;
    } catch {
      throw badRequest('invalid_form', 'The request body is not a valid form.');
    }
    const values = Object.fromEntries(Object.keys(form).filter((k) => k !== 'attachments' && k !== '_csrf').map((k) => [k, firstString(form[k])]));
    const again = async (errors: Record<string, string>, status: 400 | 409 | 413 | 429 | 503) =>
      render(c, NewCasePage(await newCaseProps(deps, p, { values, errors, conversation: values.conversation, consented: Boolean(values.conversation) })), status);
    const parsed = fileCaseForm.safeParse(values);
    if (!parsed.success) return again(zodFields(parsed.error), 400);
    const problem = await checkAntiAbuse(deps, c, { challenge: values.challenge, nonce: values.nonce, arithToken: values.arith_token, arithAnswer: values.arith_answer });
    if (problem) return again({ arith_answer: problem }, 400);
    const user = c.get('user');
    const v = parsed.data;
    let input: FileCaseInput;
    try {
      const checked = checkFiles(await filesOf(form));
      await checkNewCase(db, { ...v, dedupeSubject: subjectOf(c) });
      await checkRate(c);
      input = {
        category: v.category,
        region: v.region,
        locale: v.locale,
        description: v.description,
        nationality: v.nationality,
        contact: { method: v.contactMethod, email: v.email, phone: v.phone },
        source: v.conversation ? 'assistant' : 'web',
        conversationId: v.conversation,
        user: user ? { id: user.id, role: user.role } : null,
        files: checked,
        dedupeSubject: subjectOf(c),
      };
      const filed = await fileCase(fileDeps(c), input);
      const center = await findCenter(db, filed.centerId);
      return render(c, FiledPage({ p, trackingCode: filed.trackingCode, pin: filed.pin, centerName: center ? centerName(center, p.locale) : '', dueAt: filed.firstResponseDueAt, member: Boolean(user) }));
    } catch (err) {
      if (!(err instanceof HttpError) || ![400, 409, 413, 429, 503].includes(err.status)) throw err;
      for (const [k, h] of Object.entries(err.headers)) c.header(k, h);
      const field = err.fields ? Object.keys(err.fields)[0]! : '_';
      return again({ [field]: err.code === 'rate_limited' ? 'rate_limited' : (err.fields?.[field] ?? err.code) }, err.status as 400);
    }
  });
  return app;
}

export function challengeMessage(problem: string): string {
  return {
    challenge_required: 'Anonymous filing needs a solved challenge: GET /api/v1/cases/challenge, then send X-Case-Challenge: {challenge}:{nonce}.',
    challenge_invalid: 'The X-Case-Challenge is not valid (signature, difficulty or work).',
    challenge_expired: 'The challenge expired: get a new one.',
    challenge_used: 'This challenge was used already: get a new one.',
  }[problem] ?? 'Challenge failed.';
}
