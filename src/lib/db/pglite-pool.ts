// Presents one embedded PGlite instance as a `pg`-style pool so Kysely's own PostgresDialect drives both.
import type { PGlite } from '@electric-sql/pglite';

type QueryResultLike = { rows: unknown[]; rowCount: number; command: string };

/** PGlite has a single connection: a FIFO mutex keeps a transaction's queries together. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

/** Kysely reports affected rows only for these commands, as node-postgres names them. */
export function commandOf(sql: string): string {
  const head = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '');
  const first = /^(\w+)/.exec(head)?.[1]?.toUpperCase() ?? '';
  if (first !== 'WITH') return first;
  const dml = /\b(INSERT|UPDATE|DELETE|MERGE)\b(?![\s\S]*\b(INSERT|UPDATE|DELETE|MERGE)\b)/i.exec(head);
  return dml?.[1]?.toUpperCase() ?? 'SELECT';
}

export class PglitePool {
  readonly #mutex = new Mutex();
  constructor(readonly pg: PGlite) {}

  async connect() {
    const release = await this.#mutex.acquire();
    let released = false;
    return {
      query: async (sql: string, params: unknown[] = []): Promise<QueryResultLike> => {
        // exec() takes several statements (migration files); query() is one prepared statement with params.
        const res = params.length ? await this.pg.query(sql, params) : (await this.pg.exec(sql)).at(-1);
        const rows = (res?.rows ?? []) as unknown[];
        return { rows, rowCount: res?.affectedRows ?? rows.length, command: commandOf(sql) };
      },
      release: () => {
        if (!released) {
          released = true;
          release();
        }
      },
    };
  }

  async end(): Promise<void> {
    const release = await this.#mutex.acquire();
    try {
      await this.pg.close();
    } finally {
      release();
    }
  }
}
