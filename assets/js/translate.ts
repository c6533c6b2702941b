// Machine translation still being made when the page was rendered: poll the results endpoint and, once
// every piece is in the translation memory, fetch this page again and swap in its main content (now
// translated). Without JavaScript, reloading the page shows the same.
const note = document.querySelector<HTMLElement>('[data-translation-pending]');
const pollUrl = note?.dataset.translationPending;
if (note && pollUrl && pollUrl.startsWith('/api/')) {
  let tries = 0;
  const tick = async () => {
    tries++;
    try {
      const res = await fetch(pollUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      const body = res.ok ? ((await res.json()) as { ready?: boolean }) : null;
      if (body?.ready) {
        const page = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
        const fresh = new DOMParser().parseFromString(await page.text(), 'text/html').getElementById('main');
        const main = document.getElementById('main');
        // Swap only a page that is now translated; otherwise try again on the next tick.
        if (fresh && main && !fresh.querySelector('[data-translation-pending]')) {
          main.replaceWith(document.importNode(fresh, true));
          return;
        }
      }
    } catch {
      // offline or the server is busy: the next tick tries again
    }
    if (tries < 20) setTimeout(tick, Math.min(1000 * tries, 5000));
  };
  setTimeout(tick, 1000);
}
