// The service worker (served as /sw.js): shows a reminder notification from a push message and opens its
// link on click — only a path on this site, whatever the payload says. No caching, no fetch handler.
interface PushMsg {
  title?: string;
  body?: string;
  url?: string;
  tag?: string;
}
interface SwEvent {
  waitUntil(p: Promise<unknown>): void;
}
interface SwScope {
  location: Location;
  registration: { showNotification(title: string, opts: object): Promise<void> };
  clients: { matchAll(o: object): Promise<Array<{ url: string; focus(): Promise<unknown>; navigate?(u: string): Promise<unknown> }>>; openWindow(u: string): Promise<unknown> };
  addEventListener(type: string, fn: (e: SwEvent & Record<string, any>) => void): void;
  skipWaiting(): Promise<void>;
}
const sw = self as unknown as SwScope;

sw.addEventListener('install', () => void sw.skipWaiting());

sw.addEventListener('push', (event) => {
  let msg: PushMsg = {};
  try {
    msg = event.data ? (event.data.json() as PushMsg) : {};
  } catch {
    msg = {};
  }
  event.waitUntil(
    sw.registration.showNotification(msg.title || 'Ieum', {
      body: msg.body || '',
      tag: msg.tag || 'ieum',
      data: { url: msg.url || '/' },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const raw = String(event.notification.data?.url || '/');
  // Same-origin paths only: a payload can never send the member to another site.
  const target = new URL(raw.startsWith('/') && !raw.startsWith('//') ? raw : '/', sw.location.origin).href;
  event.waitUntil(
    sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      const open = list.find((c) => c.url === target);
      return open ? open.focus() : sw.clients.openWindow(target);
    }),
  );
});
