// Serves community images: /media/community/<id>.webp (display size) and /media/community/<id>-thumb.webp.
// Images of hidden posts only to their author and the space's moderators; of deleted posts to nobody.
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../../lib/http/env.js';
import { notFound } from '../../lib/http/errors.js';
import { storageFor } from '../../lib/storage/index.js';
import { canModerate } from '../access.js';
import { findImage } from './post-images.js';

const FILE_RE = /^([1-9][0-9]{0,15})(-thumb)?\.webp$/;

export function communityImageRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db } = deps.dbh;
  const storage = storageFor(deps.config);

  app.get('/media/community/:file', async (c) => {
    const m = FILE_RE.exec(c.req.param('file'));
    if (!m) throw notFound();
    const img = await findImage(db, Number(m[1]));
    if (!img || img.status === 'deleted') throw notFound();
    const user = c.get('user');
    // Same 404 as a missing image: the public cannot tell a hidden post's image exists.
    if (img.status === 'hidden' && user?.id !== img.author_id && !(await canModerate(db, user, img.space_id))) throw notFound();
    const obj = await storage.get(m[2] ? img.thumb_key : img.storage_key);
    if (!obj) throw notFound();
    c.header('Content-Type', img.content_type);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Disposition', `inline; filename="${m[0]}"`);
    // The bytes behind a URL never change (images are not edited), so browsers may keep them for a year. Not
    // "public": a shared cache (CDN) would go on serving an image after moderators hide its post.
    c.header('Cache-Control', img.status === 'visible' ? 'private, max-age=31536000, immutable' : 'private, no-store');
    return c.body(obj.bytes as Uint8Array<ArrayBuffer>);
  });
  return app;
}
