// 403/404/500 pages in the visitor's language. Never shows a stack trace or internal detail.
import { Layout } from './layout.js';
import { href, type PageCtx } from './page-context.js';

export function ErrorPage({ p, status, message }: { p: PageCtx; status: 403 | 404 | 500 | number; message?: string }) {
  const key = status === 404 ? '404' : status === 403 ? '403' : '500';
  return (
    <Layout p={p} title={p.t(`error.${key}.title`)} noindex>
      <div class="container prose error-page">
        <p class="error-code" aria-hidden="true">
          {status}
        </p>
        <h1>{p.t(`error.${key}.title`)}</h1>
        <p>{message ?? p.t(`error.${key}.body`)}</p>
        <p>
          <a class="btn btn-primary" href={href(p, '/')}>
            {p.t('error.back_home')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
