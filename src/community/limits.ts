// Rate-limit middleware for community writes: one limit per member (keyed by account id) and one per address.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../lib/http/env.js';
import { rateLimit } from '../lib/http/rate-limit.js';

type Pair = 'Post' | 'Comment' | 'Report';

export function communityLimits(deps: Deps): Record<Pair, MiddlewareHandler<AppEnv>> {
  const { db } = deps.dbh;
  const trustProxy = deps.config.TRUST_PROXY;
  const pair = (k: Pair): MiddlewareHandler<AppEnv> => {
    // Anonymous requests are refused later (401); they still count against their address.
    const member = rateLimit(db, deps.limits[`community${k}`], { trustProxy, subject: (c) => `user:${c.get('user')?.id ?? 'anon'}` });
    const address = rateLimit(db, deps.limits[`community${k}Ip`], { trustProxy });
    return async (c, next) => {
      await address(c, async () => {
        await member(c, next);
      });
    };
  };
  return { Post: pair('Post'), Comment: pair('Comment'), Report: pair('Report') };
}
