// Chat enhancement: answers stream in (server-sent events over fetch), Enter sends, read-aloud where the
// browser has a voice for the language. Without this script the form posts and the page shows the answer.

const form = document.getElementById('chat-form') as HTMLFormElement | null;
const exchange = document.getElementById('exchange');
const lang = document.documentElement.lang;
const csrf = (document.querySelector('meta[name="csrf-token"]') as HTMLMetaElement | null)?.content ?? '';

function setupReadAloud(root: ParentNode) {
  if (!('speechSynthesis' in window)) return;
  const voices = speechSynthesis.getVoices();
  const hasVoice = voices.length === 0 || voices.some((v) => v.lang.toLowerCase().startsWith(lang.split('-')[0]!));
  root.querySelectorAll<HTMLButtonElement>('.read-aloud').forEach((btn) => {
    if (!hasVoice) return;
    btn.hidden = false;
    const label = btn.textContent ?? '';
    btn.addEventListener('click', () => {
      if (speechSynthesis.speaking) {
        speechSynthesis.cancel();
        btn.textContent = label;
        return;
      }
      const card = btn.closest('.answer');
      const text = [...(card?.querySelectorAll('[data-speak]') ?? [])].map((e) => e.textContent).join('. ');
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      u.onend = () => (btn.textContent = label);
      btn.textContent = btn.dataset.labelStop ?? label;
      speechSynthesis.speak(u);
    });
  });
}

async function send(message: string) {
  if (!form || !exchange) return;
  const conv = form.elements.namedItem('conversationId') as HTMLInputElement;
  const you = document.createElement('p');
  you.className = 'bubble bubble-you';
  you.textContent = message;
  const answer = document.createElement('div');
  answer.className = 'answer';
  answer.setAttribute('aria-live', 'polite');
  answer.setAttribute('aria-busy', 'true');
  answer.style.whiteSpace = 'pre-wrap';
  exchange.hidden = false;
  exchange.replaceChildren(you, answer);
  const res = await fetch('/api/v1/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-csrf-token': csrf },
    body: JSON.stringify({ message, locale: lang, ...(conv.value ? { conversationId: conv.value } : {}) }),
  });
  if (!res.ok || !res.body) throw new Error(String(res.status));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}');
      if (event === 'delta') answer.textContent += data.text;
      if (event === 'reset') answer.textContent = '';
      if (event === 'done') {
        conv.value = data.conversationId;
        // Server-rendered, escaped markup: the same card the no-JS page shows.
        const tpl = document.createElement('template');
        tpl.innerHTML = data.html;
        answer.replaceWith(tpl.content);
        setupReadAloud(exchange);
      }
      if (event === 'error') throw new Error(data.error?.message);
    }
  }
}

if (form) {
  const input = form.querySelector('textarea') as HTMLTextAreaElement;
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener('submit', (e) => {
    const message = input.value.trim();
    if (!message || !window.fetch || !window.TextDecoder) return; // let the browser post the form
    e.preventDefault();
    input.value = '';
    send(message).catch(() => {
      // Fall back to the plain form post, which always works.
      input.value = message;
      form.submit();
    });
  });
}
setupReadAloud(document);
if ('speechSynthesis' in window) speechSynthesis.addEventListener?.('voiceschanged', () => setupReadAloud(document));
