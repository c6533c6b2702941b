// A local SMTP server (the smtp-server package speaks the real protocol) that keeps every message it
// receives, with the headers and the text body decoded, for email tests. Can be told to refuse messages.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

export interface StandInSmtp {
  url: string;
  messages: ReceivedMail[];
  /** Refuse the next N messages with a temporary failure (451), to test retries. */
  failNext: number;
  /** Resolves once `n` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function decodeWords(s: string): string {
  // RFC 2047 encoded words: =?UTF-8?B?...?= or =?UTF-8?Q?...?=
  return s.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_m, _cs: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function parseMail(raw: string): { subject: string; text: string } {
  const cut = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, cut).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(cut).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  return { subject: decodeWords(header('Subject')), text: decodeBody(body, header('Content-Transfer-Encoding')).replace(/\r\n/g, '\n').trim() };
}

export async function startStandInSmtp(): Promise<StandInSmtp> {
  const waiters: Array<{ n: number; resolve: (m: ReceivedMail[]) => void }> = [];
  const state: StandInSmtp = {
    url: '',
    messages: [],
    failNext: 0,
    waitFor(n, timeoutMs = 10_000) {
      if (state.messages.length >= n) return Promise.resolve(state.messages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${state.messages.length} of ${n} messages arrived`)), timeoutMs);
        waiters.push({ n, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (raw += d));
      stream.on('end', () => {
        if (state.failNext > 0) {
          state.failNext--;
          const err = new Error('Try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const { subject, text } = parseMail(raw);
        state.messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, text, raw });
        for (const w of [...waiters]) {
          if (state.messages.length >= w.n) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(state.messages);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as { port: number }).port;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}
