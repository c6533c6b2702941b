// The server's VAPID identity (RFC 8292): the configured key pair, or one generated once and kept in the
// database so that every node signs with the same key (a browser's subscription is bound to the public key
// it was created with; a per-node key would make other nodes' pushes fail with 403).
import webpush from 'web-push';
import type { Config } from '../config.js';
import type { Queryable } from '../lib/db/types.js';
import './tables.js';

export interface Vapid {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export type VapidConfig = Pick<Config, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY' | 'VAPID_SUBJECT' | 'BASE_URL' | 'MAIL_FROM'>;

/** The contact the push services see: VAPID_SUBJECT, else the https site, else the sender address. */
export function vapidSubject(config: VapidConfig): string {
  if (config.VAPID_SUBJECT) return config.VAPID_SUBJECT;
  if (config.BASE_URL.startsWith('https://')) return config.BASE_URL;
  const address = /<([^>]+)>/.exec(config.MAIL_FROM)?.[1] ?? config.MAIL_FROM;
  return `mailto:${address.trim()}`;
}

const cache = new WeakMap<object, Promise<Vapid>>();

export function getVapid(db: Queryable, config: VapidConfig): Promise<Vapid> {
  let found = cache.get(db);
  if (!found) {
    found = loadVapid(db, config);
    cache.set(db, found);
    found.catch(() => cache.delete(db));
  }
  return found;
}

async function loadVapid(db: Queryable, config: VapidConfig): Promise<Vapid> {
  const subject = vapidSubject(config);
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY, subject };
  // Nodes starting together may both generate a pair: the first insert wins and everyone reads it back.
  const fresh = webpush.generateVAPIDKeys();
  await db.insertInto('push_vapid_keys').values({ public_key: fresh.publicKey, private_key: fresh.privateKey }).onConflict((oc) => oc.column('singleton').doNothing()).execute();
  const row = await db.selectFrom('push_vapid_keys').select(['public_key', 'private_key']).executeTakeFirstOrThrow();
  return { publicKey: row.public_key, privateKey: row.private_key, subject };
}
