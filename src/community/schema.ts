// Input schemas of the community API and forms.
import { z } from 'zod';
import { eventFields } from './event-draft.js';
import { REPORT_REASONS, TOPICS } from './tables.js';

/** PostgreSQL text cannot hold NUL; other C0 controls (except tab/newline) have no place in a post either. */
const text = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''))
    .pipe(z.string().trim().min(1).max(max));

const flag = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'yes' || v === 'true' || v === 'on' || v === '1');

export const postInput = z.object({
  title: text(200),
  body: text(20000),
  topic: z.enum(TOPICS).default('questions'),
  /** The author saw the personal-data warning and wants the text published as written. */
  confirmPersonalData: flag,
  /** Event fields (start in Asia/Seoul, place...): required for the events topic or with isEvent. */
  ...eventFields,
  // A form without the box ticked means "not an event" (on edit: remove it); PATCH keeps what is there.
  isEvent: flag,
});
export const postPatch = z.object({
  title: text(200).optional(),
  body: text(20000).optional(),
  topic: z.enum(TOPICS).optional(),
  confirmPersonalData: flag,
  ...eventFields,
});
export const commentInput = z.object({
  body: text(5000),
  parentId: z.coerce.number().int().positive().optional(),
  confirmPersonalData: flag,
});
export const commentPatch = z.object({ body: text(5000), confirmPersonalData: flag });
export const reportInput = z.object({ reason: z.enum(REPORT_REASONS), note: z.union([z.literal('').transform(() => undefined), text(1000)]).optional() });
export const appealInput = z.object({ text: text(2000) });
export const MOD_ACTIONS = ['hide', 'restore', 'delete', 'warn', 'suspend', 'ban'] as const;
export const moderationInput = z.object({
  action: z.enum(MOD_ACTIONS),
  targetType: z.enum(['post', 'comment']),
  targetId: z.coerce.number().int().positive(),
  reason: text(500).refine((v) => v.length >= 3),
  // The page form always sends the days box; empty means "no number" (only suspensions use it).
  days: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(365).optional()),
});
export const blockInput = z.object({ username: text(64) });
export const profileInput = z.object({
  nationality: z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/)]).optional(),
  region: z.union([z.literal(''), z.string().regex(/^[0-9]{5}$/)]).optional(),
});
export const listQuery = z.object({
  cursor: z.string().max(100).optional(),
  topic: z.enum(TOPICS).optional(),
  q: z.string().trim().max(100).optional(),
  space: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  locale: z.string().optional(),
});
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An admin adds or removes a space moderator: the member by username or email, and why (audited). */
export const moderatorChangeInput = z.object({
  space: z.string().trim().min(1).max(80),
  user: text(254),
  reason: text(500).refine((v) => v.length >= 3),
});
