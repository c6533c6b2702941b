// Who may do what with accounts and the staff area. Handlers call these before any use case.
import type { Context } from 'hono';
import type { AppEnv, Role, SessionUser } from '../lib/http/env.js';
import { forbidden, unauthorized } from '../lib/http/errors.js';

export const STAFF_ROLES: readonly Role[] = ['moderator', 'center_staff', 'editor', 'admin'];

export function requireUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw unauthorized();
  return user;
}

export function requireRole(c: Context<AppEnv>, roles: readonly Role[]): SessionUser {
  const user = requireUser(c);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

export const isStaff = (u: SessionUser | null) => Boolean(u && STAFF_ROLES.includes(u.role));

/** center_staff act only within their bound regions; admins everywhere. */
export function canActInRegion(u: SessionUser, regionCode: string): boolean {
  if (u.role === 'admin') return true;
  return u.role === 'center_staff' && u.regions.includes(regionCode);
}
