// Test helpers: several apps with different translation settings on one test database. Each app registers
// its own service for the database when built; `use()` makes that app's service the current one again.
import { createServer } from 'node:http';
import type { DbHandle } from '../../lib/db/open.js';
import type { LIMITS } from '../../lib/http/rate-limit.js';
import { makeTestDeps, TestClient } from '../../lib/testing/test-app.js';
import { createApp } from '../../server.js';
import { registerTranslationService, translationServiceFor } from '../runtime.js';

export function appWith(dbh: DbHandle, env: Record<string, string>, limits?: Partial<typeof LIMITS>) {
  const deps = makeTestDeps(dbh, { env, ...(limits ? { limits } : {}) });
  const app = createApp(deps);
  const service = translationServiceFor(dbh.db)!;
  return {
    app,
    deps,
    service,
    use() {
      registerTranslationService(dbh.db, service);
      return new TestClient(app);
    },
  };
}

/** A local address nothing listens on: connections are refused at once (a provider that is down). */
export async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

export const googleEnv = (url: string, extra: Record<string, string> = {}) => ({ TRANSLATION_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'g-key', GOOGLE_TRANSLATE_BASE_URL: url, ...extra });

export type TranslateJson = { text: string; source: string; target: string; translated: boolean; provider?: string; cached?: boolean };
