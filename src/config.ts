// The one place that reads process.env: parses it with zod and reports every bad value at once.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const optionalUrl = z.string().url().optional();

const PROVIDERS = ['google', 'deepl', 'papago', 'libretranslate', 'openai'] as const;
const LANGS = String.raw`(\*|[a-z]{2,3}(,[a-z]{2,3})*)`;
const CHAIN_RE = new RegExp(String.raw`^\s*(${PROVIDERS.join('|')}):${LANGS}(>${LANGS})?(\s*;\s*(${PROVIDERS.join('|')}):${LANGS}(>${LANGS})?)*\s*;?\s*$`);

const providerVars = {
  TRANSLATION_PROVIDER: z.enum(['none', 'google', 'deepl', 'papago', 'libretranslate', 'openai']).default('none'),
  GOOGLE_TRANSLATE_API_KEY: z.string().optional(),
  GOOGLE_TRANSLATE_BASE_URL: z.string().url().default('https://translation.googleapis.com'),
  DEEPL_API_KEY: z.string().optional(),
  DEEPL_BASE_URL: optionalUrl,
  PAPAGO_API_KEY: z.string().optional(),
  PAPAGO_API_KEY_ID: z.string().optional(),
  PAPAGO_BASE_URL: z.string().url().default('https://naveropenapi.apigw.ntruss.com'),
  LIBRETRANSLATE_API_KEY: z.string().optional(),
  LIBRETRANSLATE_BASE_URL: optionalUrl,
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_TRANSLATION_MODEL: z.string().min(1).default('gpt-4o-mini'),
  // Google Cloud Translation v3 (Advanced): used instead of v2 when a project is set.
  GOOGLE_TRANSLATE_V3_PROJECT: z.string().regex(/^[a-z0-9-]+$/, 'must be a Google Cloud project id').optional(),
  GOOGLE_TRANSLATE_V3_LOCATION: z.string().regex(/^[a-z0-9-]+$/).default('global'),
  GOOGLE_TRANSLATE_V3_GLOSSARY: z.string().regex(/^[\w-]+$/, 'must be a glossary id').optional(),
  GOOGLE_TRANSLATE_ACCESS_TOKEN: z.string().optional(),
  // Or a file holding the token, re-read when it changes and after a 401 (a sidecar refreshes it).
  GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE: z.string().min(1).optional(),
  // Per-language provider chains, e.g. "papago:ko>vi,th,id,zh,ja,ru,en;google:*" (first match first).
  TRANSLATION_CHAIN: z
    .string()
    .regex(CHAIN_RE, 'must be "provider:targets" or "provider:sources>targets" entries separated by ";" (e.g. papago:ko>vi,en;google:*)')
    .optional(),
  // Characters per provider per month: one number for every paid provider, or "google:500000,deepl:0,*:100000".
  TRANSLATION_MONTHLY_CHAR_BUDGET: z
    .string()
    .regex(/^(\d+|([a-z*]+:\d+)(,[a-z*]+:\d+)*)$/, 'must be a number or "provider:number" pairs separated by commas')
    .default('500000'),
  TRANSLATION_SEND_PERSONAL_DATA: bool.default(false),
  TRANSLATION_RENDER_BUDGET_MS: z.coerce.number().int().min(0).max(10_000).default(1500),
  TRANSLATION_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(5000),
  LLM_BASE_URL: optionalUrl,
  LLM_MODEL: z.string().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Ieum <no-reply@localhost>'),
};

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    BASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TRUST_PROXY: bool.default(false),
    SEED_ON_START: bool.default(true),
    MAP_TILE_URL: z
      .string()
      .regex(/^https:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'must be an https tile URL template with {z}, {x} and {y}')
      .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    DIRECTIONS_PROVIDER: z.enum(['osm', 'kakao', 'naver']).default('osm'),
    // Cases: closed cases are anonymized after this many days; first response due after this many hours;
    // proof-of-work bits for anonymous filing (0 turns the challenge off).
    CASE_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(1095),
    // Assistant questions (stored redacted) and conversation state are deleted after this many days.
    CHAT_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    CASE_FIRST_RESPONSE_HOURS: z.coerce.number().int().min(1).max(2160).default(72),
    CASE_CHALLENGE_DIFFICULTY: z.coerce.number().int().min(0).max(24).default(16),
    // Stay-extension reminders before the stay expires: comma-separated offsets in d(ays), w(eeks), m(onths).
    // Program aggregation (src/programs/aggregation): fetch limits, snapshots kept per source, and whether
    // sources may point at private/loopback addresses (off: an editor must not be able to make the server
    // probe the internal network; the tests turn it on for their 127.0.0.1 stand-in server).
    AGGREGATION_ALLOW_PRIVATE_HOSTS: bool.default(false),
    AGGREGATION_FETCH_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
    AGGREGATION_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(5 * 1024 * 1024),
    AGGREGATION_SNAPSHOTS_KEPT: z.coerce.number().int().min(1).max(100).default(5),
    REMINDER_OFFSETS: z.string().regex(/^\s*\d{1,3}[dwm](\s*,\s*\d{1,3}[dwm])*\s*$/, 'must be offsets such as "4m,2m,1m,1w"').default('4m,2m,1m,1w'),
    // Web Push (reminders on the member's devices). Without keys here, a key pair is generated once and kept
    // in the database (push_vapid_keys) so every node signs alike. Endpoints are accepted only at these push
    // service hosts ("*." = any subdomain; "*" = any https host): the server POSTs to them, so an open list
    // would let members aim it at internal addresses. PUSH_ALLOW_LOCAL_ENDPOINTS is for tests (http://127.0.0.1).
    VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{87}$/, 'must be an uncompressed P-256 public key, base64url (87 characters)').optional(),
    VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a P-256 private key, base64url (43 characters)').optional(),
    VAPID_SUBJECT: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, 'must be a mailto: address or an https: URL').optional(),
    PUSH_ENDPOINT_HOSTS: z
      .string()
      .regex(/^\s*(\*|(\*\.)?[a-z0-9.-]+)(\s*,\s*(\*|(\*\.)?[a-z0-9.-]+))*\s*$/, 'must be host names separated by commas (e.g. fcm.googleapis.com,*.push.apple.com)')
      .default('fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,*.push.apple.com'),
    PUSH_ALLOW_LOCAL_ENDPOINTS: bool.default(false),
    // Uploaded media (community images): where objects live, and the limits on each uploaded image.
    STORAGE_DRIVER: z.enum(['disk', 's3']).default('disk'),
    S3_ENDPOINT: optionalUrl,
    S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name').optional(),
    S3_REGION: z.string().regex(/^[a-z0-9-]+$/).default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_PATH_STYLE: bool.default(false),
    IMAGE_MAX_BYTES: z.coerce.number().int().min(10_000).max(50 * 1024 * 1024).default(8 * 1024 * 1024),
    IMAGE_MAX_PIXELS: z.coerce.number().int().min(10_000).max(268_402_689).default(50_000_000),
    ...providerVars,
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Omit<Env, 'BASE_URL' | 'SESSION_SECRET'> {
  BASE_URL: string;
  SESSION_SECRET: string;
  secureCookies: boolean;
  embedded: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parse an environment; throws ConfigError listing every problem, one line each. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  // Checked outside zod so it is listed even when other values are bad too.
  // Several nodes share one PostgreSQL: a per-node generated secret would break their sessions.
  const crossField = cleaned.DATABASE_URL && !cleaned.SESSION_SECRET ? ['SESSION_SECRET: is required when DATABASE_URL is set'] : [];
  crossField.push(...translationProblems(cleaned));
  if (cleaned.STORAGE_DRIVER === 's3') {
    for (const k of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']) if (!cleaned[k]) crossField.push(`${k}: is required when STORAGE_DRIVER=s3`);
  }
  if (Boolean(cleaned.VAPID_PUBLIC_KEY) !== Boolean(cleaned.VAPID_PRIVATE_KEY)) crossField.push('VAPID_PRIVATE_KEY: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  if (!result.success || crossField.length) {
    const problems = (result.success ? [] : result.error.issues).map((i) => {
      const key = i.path.join('.') || '(env)';
      const value = cleaned[key];
      const shown = value === undefined || /SECRET|KEY|PASSWORD|URL/.test(key) ? '' : ` (got "${value}")`;
      return `${key}: ${i.message}${shown}`;
    });
    throw new ConfigError([...problems, ...crossField]);
  }
  return result.data;
}

/** Each translation provider in use needs its credentials; a missing one is a start-up error, not a silent no-op. */
function translationProblems(env: Record<string, string | undefined>): string[] {
  const used = new Set<string>();
  if (env.TRANSLATION_PROVIDER && env.TRANSLATION_PROVIDER !== 'none') used.add(env.TRANSLATION_PROVIDER);
  if (env.TRANSLATION_CHAIN && CHAIN_RE.test(env.TRANSLATION_CHAIN)) {
    for (const entry of env.TRANSLATION_CHAIN.split(';')) if (entry.trim()) used.add(entry.split(':')[0]!.trim());
  }
  const needs: Record<string, [boolean, string]> = {
    google: [
      Boolean(env.GOOGLE_TRANSLATE_API_KEY || (env.GOOGLE_TRANSLATE_V3_PROJECT && (env.GOOGLE_TRANSLATE_ACCESS_TOKEN || env.GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE))),
      'GOOGLE_TRANSLATE_API_KEY (or GOOGLE_TRANSLATE_V3_PROJECT with GOOGLE_TRANSLATE_ACCESS_TOKEN or GOOGLE_TRANSLATE_ACCESS_TOKEN_FILE)',
    ],
    deepl: [Boolean(env.DEEPL_API_KEY), 'DEEPL_API_KEY'],
    papago: [Boolean(env.PAPAGO_API_KEY_ID && env.PAPAGO_API_KEY), 'PAPAGO_API_KEY_ID and PAPAGO_API_KEY'],
    libretranslate: [Boolean(env.LIBRETRANSLATE_BASE_URL), 'LIBRETRANSLATE_BASE_URL'],
    openai: [Boolean(env.OPENAI_API_KEY), 'OPENAI_API_KEY'],
  };
  return [...used].flatMap((p) => (needs[p] && !needs[p][0] ? [`${needs[p][1].split(' ')[0]}: is required when translating with ${p} (set ${needs[p][1]})`] : []));
}

/** Reads (or creates, mode 0600) the session secret kept in DATA_DIR for the embedded mode. */
function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

export function buildConfig(env: Env): Config {
  const dataDir = path.resolve(env.DATA_DIR);
  const baseUrl = (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    ...env,
    DATA_DIR: dataDir,
    BASE_URL: baseUrl,
    SESSION_SECRET: env.SESSION_SECRET ?? embeddedSecret(dataDir),
    secureCookies: baseUrl.startsWith('https://'),
    embedded: !env.DATABASE_URL,
  };
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  return buildConfig(parseEnv(source));
}

/** Test-only settings, read here so that no other module touches process.env. */
export const testSettings = () => ({
  databaseUrl: process.env.TEST_DATABASE_URL || undefined,
  chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  /** Set by scripts/test.mjs for one run: where the seeded in-memory PGlite is kept for the next test files. */
  snapshotDir: process.env.IEUM_TEST_SNAPSHOT_DIR || undefined,
});
