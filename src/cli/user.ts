// `ieum user ...`: create users with a role and regions, change roles, disable or re-enable.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createUser, setDisabled, setRole } from '../accounts/manage-users.js';
import { CODE_TEXT, ROLES, usernameSchema } from '../accounts/schema.js';
import type { DB } from '../lib/db/types.js';

type Values = { username?: string; password?: string; 'password-stdin'?: boolean; email?: string; role?: string; region?: string[]; enable?: boolean };

const roleSchema = z.enum(ROLES, { message: `--role must be one of ${ROLES.join(', ')}` });
const regionsOf = (v: Values) => v.region?.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);

function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new Error(`Missing ${flag}`);
  return value;
}

export async function userCommand(db: DB, sub: string | undefined, v: Values): Promise<number> {
  try {
    if (sub === 'create') {
      const username = usernameSchema.parse(need(v.username, '--username'));
      const password = v['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : need(v.password, '--password or --password-stdin');
      const role = roleSchema.parse(need(v.role, '--role'));
      const user = await createUser(db, { username, password, email: v.email, role, regions: regionsOf(v) ?? [] });
      console.log(`Created user ${user.username} (id ${user.id}, role ${user.role}).`);
      return 0;
    }
    if (sub === 'set-role') {
      const r = await setRole(db, need(v.username, '--username'), roleSchema.parse(need(v.role, '--role')), regionsOf(v));
      console.log(`User ${r.username} is now ${r.role}${r.regions.length ? ` for ${r.regions.join(', ')}` : ''}.`);
      return 0;
    }
    if (sub === 'disable') {
      const r = await setDisabled(db, need(v.username, '--username'), !v.enable);
      console.log(`User ${r.username} is ${r.disabled ? 'disabled (signed out everywhere)' : 'enabled'}.`);
      return 0;
    }
  } catch (err) {
    if (err instanceof z.ZodError) {
      console.error(err.issues.map((i) => `Error: ${CODE_TEXT[i.message] ?? i.message}`).join('\n'));
      return 1;
    }
    if (err instanceof Error && err.message.startsWith('Missing ')) {
      console.error(`Error: ${err.message}`);
      return 64;
    }
    throw err;
  }
  console.error('Usage: user create|set-role|disable (see --help)');
  return 64;
}
