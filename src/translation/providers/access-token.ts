// Where Google v3's OAuth bearer token comes from: a fixed value, or a file a sidecar keeps fresh (e.g.
// `gcloud auth print-access-token > /run/secrets/google-token` every 30 minutes). The file is re-read
// whenever it changes, and once more after a 401, so a refreshed token is used without a restart.
import { readFile, stat } from 'node:fs/promises';

export interface AccessToken {
  get(): Promise<string>;
  /** Reads the token again; true when it changed (a retry may help). */
  reload(): Promise<boolean>;
}

export const staticToken = (token: string): AccessToken => ({ get: async () => token, reload: async () => false });

export class TokenFile implements AccessToken {
  #token = '';
  #stamp = '';
  constructor(private readonly path: string) {}

  async get(): Promise<string> {
    // A stat per call is cheap next to a network call, and notices a rewrite at once.
    const st = await stat(this.path);
    const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    if (stamp !== this.#stamp) {
      this.#token = (await readFile(this.path, 'utf8')).trim();
      this.#stamp = stamp;
    }
    return this.#token;
  }

  async reload(): Promise<boolean> {
    const old = this.#token;
    this.#stamp = '';
    return (await this.get()) !== old;
  }
}
