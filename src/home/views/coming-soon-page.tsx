// A section whose service is still being built: says so honestly and gives the official lines meanwhile.
import { EmergencyLines } from '../../lib/views/footer.js';
import { Layout } from '../../lib/views/layout.js';
import type { PageCtx } from '../../lib/views/page-context.js';

export function ComingSoonPage({ p, titleKey }: { p: PageCtx; titleKey: string }) {
  const title = p.t(titleKey);
  return (
    <Layout p={p} title={title}>
      <div class="container prose">
        <h1>{p.t('soon.title', { section: title })}</h1>
        <p class="lead">{p.t('soon.body')}</p>
        <EmergencyLines p={p} />
      </div>
    </Layout>
  );
}
