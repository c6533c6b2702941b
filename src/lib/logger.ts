// pino JSON logs. Secrets and personal fields are redacted before anything is written.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'ieum' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['password', '*.password', 'email', '*.email', 'req.headers.cookie', 'req.headers.authorization', 'token'],
      censor: '[redacted]',
    },
  });
}
