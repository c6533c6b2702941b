// The blocked-members page and unblocking from it (blocking itself is on posts and comments, page-routes.ts).
// Mounted before the community pages so /community/blocks is not read as a space.
import { Hono } from 'hono';
import { requireUser } from '../accounts/access.js';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { parseInput } from '../lib/http/input.js';
import { LOCALE_ROUTE } from '../lib/i18n/locales.js';
import { href, pageCtx } from '../lib/views/page-context.js';
import { render } from '../lib/views/render.js';
import { listBlocked } from './blocks.js';
import { setBlock } from './react-to-post.js';
import { blockInput } from './schema.js';
import { BlocksPage } from './views/blocks-page.js';

export function communityBlockRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const base = deps.config.BASE_URL;
  const R = `${LOCALE_ROUTE}/community/blocks`;

  app.get('/api/v1/blocks', async (c) => {
    const user = requireUser(c);
    return c.json({ blocked: (await listBlocked(db, user.id)).map((b) => ({ username: b.username, since: b.since.toISOString() })) });
  });
  app.get(R, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    return render(c, BlocksPage({ p, blocked: await listBlocked(db, user.id), done: c.req.query('done') === '1' }));
  });
  app.post(`${R}/remove`, async (c) => {
    const p = pageCtx(c, base);
    const user = requireUser(c);
    const input = await parseInput(c, blockInput);
    await setBlock(db, user, input.username, false);
    return c.redirect(`${href(p, '/community/blocks')}?done=1`, 303);
  });
  return app;
}
