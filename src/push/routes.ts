// Web Push routes: the VAPID public key, subscribing/unsubscribing this browser (session + CSRF like every
// /api/v1/me route), and the service worker at /sw.js (served from the root so its scope is the whole site).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { requireUser } from '../accounts/access.js';
import { assetUrl, PUBLIC_DIR } from '../lib/assets.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseInput } from '../lib/http/input.js';
import { endpointPolicy } from './endpoint.js';
import { subscriptionInput, unsubscribeInput } from './schema.js';
import { subscribePush, unsubscribePush } from './subscribe-push.js';
import { getVapid } from './vapid-keys.js';

export function pushRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const policy = endpointPolicy(deps.config);

  app.get('/api/v1/push/vapid-public-key', async (c) => {
    const { publicKey } = await getVapid(db, deps.config);
    return c.json({ publicKey });
  });

  app.post('/api/v1/me/push-subscriptions', async (c) => {
    const user = requireUser(c);
    const input = await parseInput(c, subscriptionInput);
    const { id } = await subscribePush(db, user.id, input, policy);
    return c.json({ id }, 201);
  });

  app.delete('/api/v1/me/push-subscriptions', async (c) => {
    const user = requireUser(c);
    const { endpoint } = await parseInput(c, unsubscribeInput);
    await unsubscribePush(db, user.id, endpoint);
    return c.body(null, 204);
  });

  // The worker is built with the other client scripts (content-hashed); browsers fetch it by this fixed URL
  // and check it for updates themselves, so it must not be cached for long.
  let worker: Buffer | null | undefined;
  app.get('/sw.js', (c) => {
    if (worker === undefined) {
      const file = path.join(PUBLIC_DIR, path.basename(assetUrl('sw.js')));
      worker = existsSync(file) ? readFileSync(file) : null;
    }
    if (!worker) return c.notFound();
    return c.body(new Uint8Array(worker), 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Service-Worker-Allowed': '/',
    });
  });

  return app;
}
