// Keeps one built engine per process and rebuilds it when the knowledge base changes on any node:
// a cheap revision check (at most every few seconds) instead of a held LISTEN connection, so it works
// the same on PGlite and PostgreSQL. The old engine keeps answering while a new one builds.
import type { Logger } from 'pino';
import type { DB } from '../lib/db/types.js';
import { AssistantEngine } from './engine/engine.js';
import { kbRevision, loadKnowledge } from './engine/knowledge.js';

type Eld = NonNullable<ConstructorParameters<typeof AssistantEngine>[1]>['eld'];
let eldPromise: Promise<Eld> | null = null;
/** eld's n-gram tables (~2 MB) load once per process, only to recognise languages we do not serve. */
function loadEld(): Promise<Eld> {
  eldPromise ??= import('eld/medium').then((m) => m.eld as unknown as Eld).catch(() => undefined);
  return eldPromise;
}

export class EngineHolder {
  #engine: AssistantEngine | null = null;
  #building: Promise<AssistantEngine> | null = null;
  #checkedAt = 0;
  #buildMs = 0;

  constructor(
    private readonly db: DB,
    private readonly logger?: Logger,
    private readonly checkEveryMs = 5000,
  ) {}

  get buildMs() {
    return this.#buildMs;
  }

  async #build(): Promise<AssistantEngine> {
    const t = performance.now();
    const knowledge = await loadKnowledge(this.db);
    const engine = new AssistantEngine(knowledge, { eld: await loadEld() });
    this.#buildMs = performance.now() - t;
    this.logger?.info({ revision: knowledge.revision, articles: knowledge.articles.size, ms: Math.round(this.#buildMs) }, 'assistant index built');
    return engine;
  }

  #rebuild(): Promise<AssistantEngine> {
    this.#building ??= this.#build()
      .then((e) => (this.#engine = e))
      .finally(() => (this.#building = null));
    return this.#building;
  }

  async get(): Promise<AssistantEngine> {
    if (!this.#engine) return this.#rebuild();
    const now = Date.now();
    if (now - this.#checkedAt > this.checkEveryMs) {
      this.#checkedAt = now;
      const revision = await kbRevision(this.db).catch(() => this.#engine!.knowledge.revision);
      if (revision !== this.#engine.knowledge.revision) {
        this.#rebuild().catch((err) => this.logger?.error({ err }, 'assistant rebuild failed'));
      }
    }
    return this.#engine;
  }
}
