// The staff page of the assistant's analytics (editors and admins). Viewing it is audited: the questions are
// redacted, but they are still people's own words.
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../lib/audit.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { LOCALE_ROUTE, LOCALES } from '../lib/i18n/locales.js';
import { pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { staffPageGuard } from '../staff/guard.js';
import { canViewAssistantAnalytics } from '../staff/access.js';
import { getAnalytics } from './get-analytics.js';
import { AnalyticsPage } from './views/analytics-page.js';

const query = z.object({
  days: z.enum(['7', '30', '90']).catch('30').transform(Number),
  lang: z.enum(LOCALES).optional().catch(undefined),
});

export function assistantStaffRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = deps.config.BASE_URL;
  app.get(`${LOCALE_ROUTE}/staff/assistant`, staffPageGuard(base, canViewAssistantAnalytics), async (c) => {
    const p = pageCtx(c, base);
    const q = query.parse(c.req.query());
    const a = await getAnalytics(deps.dbh.db, { days: q.days, locale: q.lang ?? null, uiLocale: p.locale, retentionDays: deps.config.CHAT_LOG_RETENTION_DAYS });
    await audit(deps.dbh.db, { actor: p.user, action: 'assistant.analytics.view', entityType: 'chat_logs', entityId: null, details: { days: q.days, locale: q.lang ?? null }, requestId: c.get('requestId') });
    return render(c, AnalyticsPage({ p, a }));
  });
  return app;
}
