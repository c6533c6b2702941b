// Keeps one built engine per process and rebuilds it when the knowledge base changes on any node
// (app_state.kb_revision, checked at most every few seconds; the old engine answers while a new one builds).
import type { Logger } from 'pino';
import type { DB } from '../lib/db/types.js';
import { Revisioned } from '../lib/revisioned.js';
import { AssistantEngine } from './engine/engine.js';
import { loadKnowledge } from './engine/knowledge.js';

type Eld = NonNullable<ConstructorParameters<typeof AssistantEngine>[1]>['eld'];
let eldPromise: Promise<Eld> | null = null;
/** eld's n-gram tables (~2 MB) load once per process, only to recognise languages we do not serve. */
function loadEld(): Promise<Eld> {
  eldPromise ??= import('eld/medium').then((m) => m.eld as unknown as Eld).catch(() => undefined);
  return eldPromise;
}

export class EngineHolder {
  readonly #cache: Revisioned<AssistantEngine>;

  constructor(db: DB, logger?: Logger, checkEveryMs = 5000) {
    this.#cache = new Revisioned(
      db,
      'kb_revision',
      async () => {
        const t = performance.now();
        const knowledge = await loadKnowledge(db);
        const engine = new AssistantEngine(knowledge, { eld: await loadEld() });
        logger?.info({ revision: knowledge.revision, articles: knowledge.articles.size, ms: Math.round(performance.now() - t) }, 'assistant index built');
        return engine;
      },
      checkEveryMs,
      (err) => logger?.error({ err }, 'assistant rebuild failed'),
    );
  }

  get(): Promise<AssistantEngine> {
    return this.#cache.get();
  }
}
