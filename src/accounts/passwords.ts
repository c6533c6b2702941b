// Password hashing (argon2id) and the password policy: length bounds and a common-password list.
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { projectPath } from '../lib/paths.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(projectPath('src/accounts/common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

export type PasswordProblem = 'password_short' | 'password_long' | 'password_common';

/** English text for API clients and the CLI; pages show the localized auth.err.* messages instead. */
export const PROBLEM_TEXT: Record<PasswordProblem, string> = {
  password_short: `password must have at least ${PASSWORD_MIN} characters`,
  password_long: `password must have at most ${PASSWORD_MAX} characters`,
  password_common: 'password is too common or contains the username; choose another',
};

export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'password_short';
  if (length > PASSWORD_MAX) return 'password_long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'password_common';
  if (/^(.)\1+$/.test(password)) return 'password_common';
  if (username && lower.includes(username.toLowerCase()) && username.length >= 3) return 'password_common';
  return null;
}

// argon2id is @node-rs/argon2's default; these are OWASP's minimums (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so unknown usernames cannot be told apart by timing.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
