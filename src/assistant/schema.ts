// zod schemas for the chat API and forms.
import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.js';

export const chatInput = z.object({
  message: z.string().trim().min(1, 'message is empty').max(2000, 'message is longer than 2000 characters'),
  locale: z.enum(LOCALES).optional(),
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
});
export type ChatInput = z.infer<typeof chatInput>;

export const feedbackInput = z.object({
  logId: z.coerce.number().int().positive(),
  value: z.union([z.literal(1), z.literal(-1), z.literal('1'), z.literal('-1')]).transform(Number),
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
