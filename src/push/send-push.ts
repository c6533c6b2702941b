// The push service adapter: web-push builds the request (VAPID JWT, aes128gcm encryption of the payload
// with the browser's keys, RFC 8030/8291/8292); we send it with fetch so there is one HTTP stack, a
// timeout, no redirects followed (the endpoint was checked, a redirect target was not), and http works for
// the local stand-in in tests.
import webpush from 'web-push';
import type { Vapid } from './vapid-keys.js';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushOutcome =
  | { kind: 'sent'; status: number }
  /** 404/410: the subscription no longer exists; delete it. */
  | { kind: 'gone'; status: number }
  /** 429/5xx/network/timeout: try again later (retryAfterSec from the service when it said). */
  | { kind: 'retry'; status: number | null; retryAfterSec: number | null }
  /** Any other 4xx (bad request, bad VAPID, payload too large): retrying the same request cannot help. */
  | { kind: 'failed'; status: number };

/** Reminders matter for days, not weeks: the push service may hold the message this long for an offline phone. */
export const PUSH_TTL_SEC = 3 * 86400;

export async function sendPush(target: PushTarget, payload: string, vapid: Vapid, opts: { timeoutMs?: number } = {}): Promise<PushOutcome> {
  const details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
    vapidDetails: vapid,
    TTL: PUSH_TTL_SEC,
    contentEncoding: 'aes128gcm',
    urgency: 'normal',
  });
  const headers = new Headers();
  for (const [k, v] of Object.entries(details.headers)) if (k.toLowerCase() !== 'content-length') headers.set(k, String(v));
  let res: Response;
  try {
    res = await fetch(details.endpoint, {
      method: 'POST',
      headers,
      body: details.body ? new Uint8Array(details.body) : null,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
    });
    await res.arrayBuffer().catch(() => undefined);
  } catch {
    return { kind: 'retry', status: null, retryAfterSec: null };
  }
  const s = res.status;
  if (s >= 200 && s < 300) return { kind: 'sent', status: s };
  if (s === 404 || s === 410) return { kind: 'gone', status: s };
  if (s === 429 || s >= 500) {
    const ra = Number(res.headers.get('retry-after'));
    return { kind: 'retry', status: s, retryAfterSec: Number.isFinite(ra) && ra > 0 ? Math.min(ra, 86400) : null };
  }
  return { kind: 'failed', status: s };
}
