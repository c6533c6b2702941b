// Renders a JSX page to a complete HTML response with a doctype and no caching by shared proxies.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export async function render(c: Context, page: unknown, status: ContentfulStatusCode = 200) {
  const html = `<!doctype html>${await Promise.resolve(page as string)}`;
  // Pages may show the signed-in user's name or a CSRF token: only the browser may cache them.
  c.header('Cache-Control', 'private, no-cache');
  return c.html(html, status);
}
