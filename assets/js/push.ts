// My Ieum: "Also remind me on this device". Shown only where Web Push works (hidden without JavaScript;
// reminders still come by email and in My Ieum). Subscribes through /sw.js and the VAPID key from the server.
const box = document.getElementById('push-device');
const on = document.getElementById('push-on') as HTMLButtonElement | null;
const off = document.getElementById('push-off') as HTMLButtonElement | null;
const status = document.getElementById('push-status');
const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

const b64 = (s: string) => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
};
const say = (key: string) => {
  if (status && box) status.textContent = box.dataset[key] ?? '';
};
const show = (subscribed: boolean) => {
  if (on && off) {
    on.hidden = subscribed;
    off.hidden = !subscribed;
  }
};
const api = (method: string, body: unknown) =>
  fetch('/api/v1/me/push-subscriptions', { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(body), credentials: 'same-origin' });

if (box && on && off && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window) {
  box.hidden = false;
  navigator.serviceWorker
    .getRegistration('/')
    .then((reg) => reg?.pushManager.getSubscription())
    .then((sub) => show(Boolean(sub)))
    .catch(() => show(false));

  on.addEventListener('click', async () => {
    try {
      if ((await Notification.requestPermission()) !== 'granted') return say('denied');
      const reg = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
      await navigator.serviceWorker.ready;
      const { publicKey } = (await (await fetch('/api/v1/push/vapid-public-key')).json()) as { publicKey: string };
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64(publicKey) });
      const res = await api('POST', sub.toJSON());
      if (!res.ok) {
        await sub.unsubscribe();
        throw new Error(String(res.status));
      }
      show(true);
      say('on');
    } catch {
      say('failed');
    }
  });

  off.addEventListener('click', async () => {
    try {
      const sub = await (await navigator.serviceWorker.getRegistration('/'))?.pushManager.getSubscription();
      if (sub) {
        await api('DELETE', { endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      show(false);
      say('off');
    } catch {
      say('failed');
    }
  });
}
