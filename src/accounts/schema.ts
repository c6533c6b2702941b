// zod schemas for account input, shared by the JSON API, the HTML forms and the CLI.
import { z } from 'zod';
import { PASSWORD_MAX } from './passwords.js';

export const ROLES = ['member', 'moderator', 'center_staff', 'editor', 'admin'] as const;

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, 'username_format');

/** English text for the CLI and API messages (pages translate the code). */
export const CODE_TEXT: Record<string, string> = {
  username_format: 'username must be 3-32 letters, digits, dots, hyphens or underscores',
  email_format: 'email is not a valid address',
};

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .email('email_format')
  .transform((e) => e.toLowerCase());

const optionalEmail = z.preprocess((v) => (v === '' || v === null ? undefined : v), emailSchema.optional());

// Length and commonness are checked by passwordProblem() so the messages can be localized.
export const passwordSchema = z.string().max(PASSWORD_MAX * 4, 'password_long');

export const signUpInput = z.object({
  username: usernameSchema,
  password: passwordSchema,
  email: optionalEmail,
  locale: z.string().max(8).optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const logInInput = z.object({
  username: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX * 4),
});
export type LogInInput = z.infer<typeof logInInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX * 4),
  newPassword: passwordSchema,
});

export const deleteAccountInput = z.object({
  password: z.string().min(1).max(PASSWORD_MAX * 4),
  confirm: z.union([z.literal(true), z.literal('yes'), z.literal('on')]),
});

export const setupInput = z.object({
  token: z.string().min(10).max(200),
  username: usernameSchema,
  password: passwordSchema,
  email: optionalEmail,
});
