// Builds the Hono app: wires the middleware in order and mounts each feature's sub-app. No logic here.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { etag } from 'hono/etag';
import { accountRoutes } from './accounts/routes.js';
import { assistantRoutes } from './assistant/routes.js';
import { caseIntakeRoutes } from './cases/intake-routes.js';
import { casesRoutes, caseStaffRoutes } from './cases/mount.js';
import { open311Routes } from './cases/open311/routes.js';
import { imageUploadLimit, isImageUpload } from './community/images/upload-form.js';
import { communityRoutes } from './community/routes.js';
import { sessionLoader } from './accounts/session-middleware.js';
import { homeRoutes } from './home/routes.js';
import { COOKIE, setAppCookie } from './lib/http/cookies.js';
import { compress } from './lib/http/compress.js';
import { csrf } from './lib/http/csrf.js';
import type { AppEnv, Deps } from './lib/http/env.js';
import { errorJson, HttpError } from './lib/http/errors.js';
import { wantsJson } from './lib/http/input.js';
import { requestContext } from './lib/http/request-context.js';
import { securityHeaders } from './lib/http/security-headers.js';
import { staticAssets } from './lib/http/static-assets.js';
import { LOCALE_ROUTE } from './lib/i18n/locales.js';
import { openApiDocument } from './lib/openapi/document.js';
import { ErrorPage } from './lib/views/error-page.js';
import { pageCtx } from './lib/views/page-context.js';
import { render } from './lib/views/render.js';
import { opsRoutes } from './ops/routes.js';
import { placesRoutes } from './places/routes.js';
import { programsRoutes } from './programs/routes.js';
import { programStaffRoutes } from './programs/staff/routes.js';
import { aggregationRoutes } from './programs/aggregation/routes.js';
import { pushRoutes } from './push/routes.js';
import { assistantStaffRoutes } from './assistant/staff-routes.js';
import { staffRoutes } from './staff/routes.js';
import { translationRoutes } from './translation/routes.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: Deps) {
  const { config } = deps;
  const app = new Hono<AppEnv>();

  const fail = (c: Context<AppEnv>, err: HttpError) => {
    if (wantsJson(c)) return errorJson(c, err);
    for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
    const p = pageCtx(c, config.BASE_URL);
    const message =
      err.code === 'csrf_failed'
        ? p.t('error.csrf')
        : err.status === 429
          ? p.t('error.rate', { seconds: Number(err.headers['Retry-After'] ?? 60) })
          : undefined;
    return render(c, ErrorPage({ p, status: err.status, message }), err.status);
  };

  app.onError((err, c) => {
    if (err instanceof HttpError) return fail(c, err);
    c.get('log')?.error({ err }, 'unhandled error');
    // Never leak internals: a generic message in the visitor's language, with the request id for support.
    return fail(c, new HttpError(500, 'internal', `Internal error (request ${c.get('requestId') ?? '-'}).`));
  });
  app.notFound((c) => fail(c, new HttpError(404, 'not_found', wantsJson(c) ? 'Not found.' : c.get('t')('error.404.body'))));

  app.use('*', requestContext(deps.logger, deps.metrics));
  app.use('*', compress());
  // Map tiles come from the configured tile server: only its origin is added to img-src.
  app.use('*', securityHeaders({ https: config.secureCookies, extraImgSrc: [new URL(config.MAP_TILE_URL.replace(/\{[a-z]\}/g, '0')).origin] }));
  app.route('/', opsRoutes(deps));
  app.route('/', staticAssets());
  // Case filing takes attachments: it applies its own larger body limit, then sessions and CSRF itself.
  app.route('/', caseIntakeRoutes(deps));
  const globalLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    },
  });
  // New-post forms may carry up to 4 images: they get their own larger limit instead of the global one.
  const imageLimit = imageUploadLimit(config);
  app.use('*', (c, next) => (isImageUpload(c) ? imageLimit(c, next) : globalLimit(c, next)));
  app.use('*', etag({ weak: true }));
  // Open311 authenticates partners by API key and uses no cookies: no session, no CSRF (plain form posts).
  app.route('/', open311Routes(deps));
  app.use('*', sessionLoader(deps.dbh.db));
  app.use('*', csrf({ secret: config.SESSION_SECRET, baseUrl: config.BASE_URL, secure: config.secureCookies }));
  // Remember the language the visitor is reading in, so `/` brings them back to it.
  app.use(`${LOCALE_ROUTE}/*`, async (c, next) => {
    const locale = c.get('locale');
    if (c.req.method === 'GET' && getCookie(c, COOKIE.locale) !== locale) {
      setAppCookie(c, COOKIE.locale, locale, { secure: config.secureCookies, maxAgeSec: 365 * 86400 });
    }
    await next();
  });

  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument(config.BASE_URL)));
  app.route('/', accountRoutes(deps));
  app.route('/', assistantRoutes(deps));
  app.route('/', placesRoutes(deps));
  app.route('/', communityRoutes(deps));
  app.route('/', programsRoutes(deps));
  app.route('/', pushRoutes(deps));
  app.route('/', translationRoutes(deps));
  app.route('/', casesRoutes(deps));
  app.route('/', caseStaffRoutes(deps));
  app.route('/', programStaffRoutes(deps));
  app.route('/', aggregationRoutes(deps));
  app.route('/', assistantStaffRoutes(deps));
  app.route('/', staffRoutes(deps));
  app.route('/', homeRoutes(deps));
  return app;
}
