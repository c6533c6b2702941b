// Server-sent events for the chat: `meta` first (kind, locale, sources), `delta` chunks, then `done`.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

export function chatStream(
  c: Context,
  run: (send: (event: string, data: unknown) => Promise<void>) => Promise<void>,
) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no'); // let proxies pass each event as it is written
  return streamSSE(c, async (stream) => {
    const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
    try {
      await run(send);
    } catch (err) {
      const message = err instanceof Error && 'status' in err ? err.message : 'The assistant could not answer.';
      await send('error', { error: { code: 'chat_failed', message } });
    }
  });
}
