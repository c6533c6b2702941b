// zod schemas for the places API (regions now; the places search comes with its issue).
import { z } from 'zod';
import { LOCALES } from '../lib/i18n/locales.js';

export const regionsQuery = z.object({
  locale: z.enum(LOCALES).optional(),
});
