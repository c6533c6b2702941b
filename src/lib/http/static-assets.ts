// Serves the built, content-hashed assets from dist/public with immutable caching and precompressed bodies.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { PUBLIC_DIR } from '../assets.js';

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

export function staticAssets() {
  const app = new Hono();
  const cache = new Map<string, Buffer | null>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null);
    return cache.get(file) ?? null;
  };
  app.get('/assets/:name{[A-Za-z0-9._-]+}', (c) => {
    const name = c.req.param('name');
    const file = path.join(PUBLIC_DIR, name);
    const type = TYPES[path.extname(name)];
    if (!type || name === 'manifest.json') return c.notFound();
    const accept = c.req.header('accept-encoding') ?? '';
    const hashed = /\.[0-9a-f]{8,}\./.test(name);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      Vary: 'Accept-Encoding',
    };
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (new RegExp(`\\b${enc}\\b`).test(accept)) {
        const body = read(file + ext);
        if (body) return c.body(new Uint8Array(body), 200, { ...headers, 'Content-Encoding': enc });
      }
    }
    const body = read(file);
    return body ? c.body(new Uint8Array(body), 200, headers) : c.notFound();
  });
  return app;
}
