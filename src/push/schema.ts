// zod schemas for the push subscription API: the browser's PushSubscription.toJSON() shape.
import { z } from 'zod';

const b64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `${what} must be ${bytes} bytes`);

export const subscriptionInput = z.object({
  endpoint: z.string().min(1).max(2048),
  // Browsers send it; we do not use it (a gone subscription answers 404/410).
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    // An uncompressed P-256 point (0x04 || X || Y) and the 16-byte auth secret (RFC 8291).
    p256dh: b64url(65, 'p256dh').refine((v) => Buffer.from(v, 'base64url')[0] === 4, 'p256dh must be an uncompressed P-256 point'),
    auth: b64url(16, 'auth'),
  }),
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

export const unsubscribeInput = z.object({ endpoint: z.string().min(1).max(2048) });
