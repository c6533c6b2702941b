// The HTTP call every adapter makes: JSON (or form) in, JSON out, errors turned into ProviderError with
// the provider's own message. Never puts a URL or key into an error (Google v2 carries the key in the URL).
import { ProviderError, type ProviderName } from './types.js';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Reads the provider's error message from its error body. */
  errorMessage: (body: unknown) => string | undefined;
}

function retryAfterMs(res: Response): number | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const d = Date.parse(v);
  return Number.isFinite(d) ? Math.max(0, d - Date.now()) : undefined;
}

export async function callJson<T>(provider: ProviderName, url: string, o: CallOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...o.headers };
  let body: string | undefined;
  if (o.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(o.json);
  } else if (o.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
    body = new URLSearchParams(o.form).toString();
  }
  let res: Response;
  try {
    res = await fetch(url, { method: o.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: o.signal ?? null });
  } catch (err) {
    const name = (err as Error).name;
    throw new ProviderError(provider, name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : 'request failed', null, true);
  }
  const text = await res.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) {
    const detail = (parsed !== undefined ? o.errorMessage(parsed) : undefined) ?? res.statusText;
    throw new ProviderError(provider, `HTTP ${res.status}${detail ? `: ${String(detail).slice(0, 200)}` : ''}`, res.status, res.status === 429 || res.status >= 500, retryAfterMs(res));
  }
  if (parsed === undefined && text) throw new ProviderError(provider, 'response is not JSON', res.status, false);
  return parsed as T;
}

export const trimBase = (url: string) => url.replace(/\/+$/, '');

/** Throws unless `texts` has one string per segment: a short answer must never shift translations. */
export function expectTexts(provider: ProviderName, texts: unknown, n: number): string[] {
  if (!Array.isArray(texts) || texts.length !== n || texts.some((t) => typeof t !== 'string')) {
    throw new ProviderError(provider, `expected ${n} translations`, 200, false);
  }
  return texts as string[];
}
