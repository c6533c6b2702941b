// An in-memory structure rebuilt when a revision counter in app_state changes (on any node): a cheap
// check at most every few seconds, the old value served while the new one builds.
import { sql } from 'kysely';
import type { DB } from './db/types.js';

export class Revisioned<T> {
  #value: T | null = null;
  #revision = -1;
  #building: Promise<T> | null = null;
  #checkedAt = 0;

  constructor(
    private readonly db: DB,
    private readonly key: string,
    private readonly build: () => Promise<T>,
    private readonly checkEveryMs = 5000,
    private readonly onError?: (err: unknown) => void,
  ) {}

  async #current(): Promise<number> {
    const r = await sql<{ value: number }>`select value from app_state where key = ${this.key}`.execute(this.db);
    return Number(r.rows[0]?.value ?? 0);
  }

  #rebuild(): Promise<T> {
    this.#building ??= (async () => {
      const revision = await this.#current();
      const value = await this.build();
      this.#value = value;
      this.#revision = revision;
      return value;
    })().finally(() => (this.#building = null));
    return this.#building;
  }

  /** Rebuilds now (this node just changed the data): the next get() sees the change without waiting. */
  refresh(): Promise<T> {
    this.#checkedAt = Date.now();
    // A build already running may have read the data before the change: rebuild after it.
    const running = this.#building;
    return running ? running.catch(() => undefined).then(() => this.#rebuild()) : this.#rebuild();
  }

  async get(): Promise<T> {
    if (this.#value === null) return this.#rebuild();
    const now = Date.now();
    if (now - this.#checkedAt >= this.checkEveryMs) {
      this.#checkedAt = now;
      const revision = await this.#current().catch(() => this.#revision);
      if (revision !== this.#revision) this.#rebuild().catch((err) => this.onError?.(err));
    }
    return this.#value;
  }
}
