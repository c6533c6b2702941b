// Who may enter the staff area: moderators, center staff, editors and admins; members never.
import type { SessionUser } from '../lib/http/env.js';
import { STAFF_ROLES } from '../accounts/access.js';

export const canEnterStaffArea = (u: SessionUser | null): u is SessionUser => Boolean(u && STAFF_ROLES.includes(u.role));
export const canManageUsers = (u: SessionUser | null) => u?.role === 'admin';
export const canEditPlaces = (u: SessionUser | null) => u?.role === 'editor' || u?.role === 'admin';
export const canEditPrograms = (u: SessionUser | null) => u?.role === 'editor' || u?.role === 'admin';
export const canViewAssistantAnalytics = (u: SessionUser | null) => u?.role === 'editor' || u?.role === 'admin';
