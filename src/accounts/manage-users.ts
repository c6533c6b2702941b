// Admin use cases (CLI and staff area): create a user with a role and regions, change role, disable.
import { audit } from '../lib/audit.js';
import type { DB, Queryable } from '../lib/db/types.js';
import type { Role } from '../lib/http/env.js';
import { badRequest, conflict, notFound } from '../lib/http/errors.js';
import { hashPassword, passwordProblem, PROBLEM_TEXT } from './passwords.js';
import { findUserByUsername, uniqueViolation } from './queries.js';
import { destroyUserSessions } from './sessions.js';

type Actor = { id: number; role: string } | null;

async function checkRegions(db: Queryable, regions: string[]) {
  if (!regions.length) return;
  const found = await db.selectFrom('regions').select('code').where('code', 'in', regions).execute();
  const known = new Set(found.map((r) => r.code));
  const unknown = regions.filter((r) => !known.has(r));
  if (unknown.length) throw badRequest('unknown_region', `Unknown region code(s): ${unknown.join(', ')}`);
}

function checkStaffRegions(role: Role, regions: string[]) {
  if (role === 'center_staff' && regions.length === 0) {
    throw badRequest('region_required', 'center_staff must be bound to at least one region (--region CODE).');
  }
}

export async function createUser(
  db: DB,
  input: { username: string; password: string; email?: string | undefined; role: Role; regions?: string[] },
  actor: Actor = null,
) {
  const regions = [...new Set(input.regions ?? [])];
  checkStaffRegions(input.role, regions);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw badRequest(problem, PROBLEM_TEXT[problem], { password: problem });
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkRegions(trx, regions);
      const user = await trx
        .insertInto('users')
        .values({ username: input.username, email: input.email ?? null, password_hash: passwordHash, role: input.role })
        .returning(['id', 'username', 'role'])
        .executeTakeFirstOrThrow();
      if (regions.length) {
        await trx.insertInto('user_regions').values(regions.map((r) => ({ user_id: user.id, region_code: r }))).execute();
      }
      await audit(trx, { actor, action: 'user.create', entityType: 'user', entityId: user.id, details: { role: input.role, regions } });
      return user;
    });
  } catch (err) {
    const which = uniqueViolation(err);
    if (which) throw conflict(`${which}_taken`, `${which}: already taken`);
    throw err;
  }
}

export async function setRole(db: DB, username: string, role: Role, regions: string[] | undefined, actor: Actor = null) {
  const user = await findUserByUsername(db, username);
  if (!user || user.deleted_at) throw notFound(`No user named ${username}`);
  return db.transaction().execute(async (trx) => {
    let bound = regions;
    if (bound === undefined) {
      const rows = await trx.selectFrom('user_regions').select('region_code').where('user_id', '=', user.id).execute();
      bound = rows.map((r) => r.region_code);
    }
    checkStaffRegions(role, bound);
    await checkRegions(trx, bound);
    await trx.updateTable('users').set({ role, updated_at: new Date() }).where('id', '=', user.id).execute();
    if (regions !== undefined) {
      await trx.deleteFrom('user_regions').where('user_id', '=', user.id).execute();
      if (regions.length) {
        await trx.insertInto('user_regions').values(regions.map((r) => ({ user_id: user.id, region_code: r }))).execute();
      }
    }
    await audit(trx, { actor, action: 'user.set_role', entityType: 'user', entityId: user.id, details: { from: user.role, to: role, regions: bound } });
    return { id: user.id, username: user.username, role, regions: bound };
  });
}

export async function setDisabled(db: DB, username: string, disabled: boolean, actor: Actor = null) {
  const user = await findUserByUsername(db, username);
  if (!user || user.deleted_at) throw notFound(`No user named ${username}`);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? new Date() : null, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    if (disabled) await destroyUserSessions(trx, user.id);
    await audit(trx, { actor, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: user.id });
  });
  return { id: user.id, username: user.username, disabled };
}
