// Translation routes: POST /api/v1/translate (contract in API-CONTRACTS.md), GET /api/v1/translate/results
// (what pages poll while a machine translation is being made), and the staff pages.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseInput, parseQuery } from '../lib/http/input.js';
import { rateLimit } from '../lib/http/rate-limit.js';
import { memoryByKeys } from './memory.js';
import { createTranslationService } from './runtime.js';
import { resultsQuery, translateInput } from './schema.js';
import { staffTranslationRoutes } from './staff-routes.js';
import { translateText } from './translate-text.js';

/** The API answers within 3 s whatever the provider does: this long for the provider, the rest for us. */
export const API_WAIT_MS = 2500;
const POLL_LIMIT = { name: 'translate-poll', max: 120, windowSec: 60 };

export function translationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const service = createTranslationService(deps);
  const trustProxy = deps.config.TRUST_PROXY;

  app.post('/api/v1/translate', rateLimit(db, deps.limits.translate, { trustProxy }), async (c) => {
    const input = await parseInput(c, translateInput);
    // Texts sent here are user texts (e.g. a community post): remembered as 'community', never in the review queue.
    const r = await translateText(db, { text: input.text, source: input.source, target: input.target, format: 'text', purpose: 'community' }, { withinMs: API_WAIT_MS });
    return c.json({
      text: r.text,
      source: r.source,
      target: r.target,
      translated: r.translated,
      ...(r.translated && r.provider ? { provider: r.provider } : {}),
      ...(r.translated ? { cached: Boolean(r.cached) } : {}),
    });
  });

  app.get('/api/v1/translate/results', rateLimit(db, POLL_LIMIT, { trustProxy }), async (c) => {
    const { keys } = parseQuery(c, resultsQuery);
    const list = [...new Set(keys.split(','))];
    const found = await memoryByKeys(db, list);
    c.header('Cache-Control', 'no-store');
    return c.json({
      ready: found.size === list.length,
      results: list.map((key) => {
        const f = found.get(key);
        return f ? { key, ready: true, text: f.text, provider: f.provider } : { key, ready: false };
      }),
    });
  });

  app.route('/', staffTranslationRoutes(deps, service));
  return app;
}
