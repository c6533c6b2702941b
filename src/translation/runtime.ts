// Wires the translation service for an app and registers it on the database handle, so other features
// reach it with only `db` (see translate-text.ts).
import type { Deps } from '../lib/http/env.js';
import type { DB, Queryable } from '../lib/db/types.js';
import { Revisioned } from '../lib/revisioned.js';
import { GLOSSARY_REVISION_KEY, loadGlossary, type GlossaryIndex } from './glossary.js';
import { ProviderCaller, translationMetrics } from './policy.js';
import type { RemoteGlossaryStore } from './providers/deepl.js';
import { providersFromConfig } from './providers/factory.js';
import { TranslationService } from './service.js';
import { parseBudgets } from './usage.js';
import './tables.js';

const services = new WeakMap<object, TranslationService>();

export function registerTranslationService(db: Queryable, service: TranslationService): void {
  services.set(db, service);
}

/** The service registered for this database by createApp, or null (then nothing is ever translated). */
export function translationServiceFor(db: Queryable): TranslationService | null {
  return services.get(db) ?? null;
}

/** DeepL glossary ids, kept in the database so every node reuses the same remote glossary. */
export function remoteGlossaryStore(db: DB): RemoteGlossaryStore {
  return {
    async get(provider, source, target) {
      const r = await db.selectFrom('translation_remote_glossaries').select(['version', 'remote_id']).where('provider', '=', provider).where('source_lang', '=', source).where('target_lang', '=', target).executeTakeFirst();
      return r ? { version: r.version, remoteId: r.remote_id } : null;
    },
    async put(provider, source, target, version, remoteId) {
      const row = { provider, source_lang: source, target_lang: target, version, remote_id: remoteId };
      await db.insertInto('translation_remote_glossaries').values(row).onConflict((oc) => oc.columns(['provider', 'source_lang', 'target_lang']).doUpdateSet({ version, remote_id: remoteId, created_at: new Date() })).execute();
    },
  };
}

/** Builds the service from the configuration (providers, chain, budgets, timeouts) and registers it. */
export function createTranslationService(deps: Deps, opts: { caller?: Partial<ConstructorParameters<typeof ProviderCaller>[0]> } = {}): TranslationService {
  const { db } = deps.dbh;
  const c = deps.config;
  const { chain, providers } = providersFromConfig(c, remoteGlossaryStore(db));
  const metrics = translationMetrics(deps.metrics.registry);
  const caller = new ProviderCaller({
    db,
    budgets: parseBudgets(c.TRANSLATION_MONTHLY_CHAR_BUDGET, [...providers.values()]),
    metrics,
    timeoutMs: c.TRANSLATION_TIMEOUT_MS,
    logger: deps.logger,
    ...opts.caller,
  });
  const glossary = new Revisioned<GlossaryIndex>(db, GLOSSARY_REVISION_KEY, () => loadGlossary(db), 5000, (err) => deps.logger.error({ err }, 'glossary reload failed'));
  const service = new TranslationService({ db, chain, providers, caller, glossary: () => glossary.get(), reloadGlossary: () => glossary.refresh(), metrics, sendPersonalData: c.TRANSLATION_SEND_PERSONAL_DATA, logger: deps.logger });
  registerTranslationService(db, service);
  return service;
}

// The entry point other features call lives in translate-text.ts; re-exported here for convenience.
export { translateText, type TranslateTextInput, type TranslatedText } from './translate-text.js';
