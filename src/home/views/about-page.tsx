// About Ieum: what it is and is not, and the languages it speaks.
import { BCP47, LOCALES, SELF_NAMES } from '../../lib/i18n/locales.js';
import { Layout } from '../../lib/views/layout.js';
import type { PageCtx } from '../../lib/views/page-context.js';

export function AboutPage({ p }: { p: PageCtx }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('about.title')}>
      <div class="container prose">
        <h1>{t('about.title')}</h1>
        <p>{t('about.p1')}</p>
        <p>{t('about.p2')}</p>
        <p>{t('about.p3')}</p>
        <h2 id="languages">{t('about.languages')}</h2>
        <ul class="lang-grid">
          {LOCALES.map((l) => (
            <li lang={BCP47[l]}>
              <a href={`/${l}/about`}>{SELF_NAMES[l]}</a>
            </li>
          ))}
        </ul>
        <p class="note">{t('about.translation')}</p>
      </div>
    </Layout>
  );
}
