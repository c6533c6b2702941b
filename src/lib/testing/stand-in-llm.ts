// A local stand-in for an OpenAI-compatible server: checks the request shape of POST /chat/completions and
// answers with the real JSON or SSE stream format. Behaviours: normal, slow, broken (500), garbage, custom text.
import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface StandInLlm {
  url: string;
  requests: Array<{ headers: IncomingMessage['headers']; body: { model: string; messages: Array<{ role: string; content: string }>; stream?: boolean } }>;
  mode: 'ok' | 'slow' | 'broken' | 'garbage';
  /** Builds the answer from the prompt; default cites passage [1] with its first sentence. */
  reply: (prompt: string) => string;
  close(): Promise<void>;
}

export async function startStandInLlm(apiKey = 'test-key'): Promise<StandInLlm> {
  const state: StandInLlm = {
    url: '',
    requests: [],
    mode: 'ok',
    reply: (prompt) => {
      const first = /\[1\] ([^\n]+)/.exec(prompt)?.[1] ?? '';
      return `${first.split(/(?<=[.!?。])\s/)[0] ?? first} [1]`;
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Incorrect API key', type: 'invalid_request_error' } }));
        return;
      }
      const body = JSON.parse(raw);
      state.requests.push({ headers: req.headers, body });
      if (state.mode === 'broken') {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'internal', type: 'server_error' } }));
        return;
      }
      if (state.mode === 'garbage') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [');
        return;
      }
      const text = state.reply(body.messages.map((m: { content: string }) => m.content).join('\n'));
      const delay = state.mode === 'slow' ? 30_000 : 0;
      const timer = setTimeout(() => {
        if (!body.stream) {
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const piece of text.match(/.{1,12}/gsu) ?? []) {
          res.write(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece } }] })}\n\n`);
        }
        res.end('data: [DONE]\n\n');
      }, delay);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  state.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}
