// The home page: ask a question, the main tasks, what to do in an emergency, official services.
import { Icon } from '../../lib/views/icons.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';

const TASKS = [
  { key: 'assistant', path: '/assistant', icon: 'chat' },
  { key: 'places', path: '/places', icon: 'pin' },
  { key: 'programs', path: '/programs', icon: 'gift' },
  { key: 'cases', path: '/cases', icon: 'help' },
  { key: 'community', path: '/community', icon: 'people' },
] as const;

const OFFICIAL = [
  { key: 'home.official.hikorea', url: 'https://www.hikorea.go.kr' },
  { key: 'home.official.eps', url: 'https://www.eps.go.kr' },
  { key: 'home.official.danuri', url: 'https://www.liveinkorea.kr' },
] as const;

export function HomePage({ p, regions }: { p: PageCtx; regions: Region[] }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('site.name')}>
      <section class="hero">
        <div class="container">
          <h1 class="hero-title">{t('home.title')}</h1>
          <p class="hero-lead">{t('home.lead')}</p>
          <form class="ask-form" method="get" action={href(p, '/assistant')} role="search">
            <label for="home-q" class="ask-label">
              {t('home.ask.label')}
            </label>
            <div class="ask-row">
              <input id="home-q" name="q" type="search" class="ask-input" placeholder={t('home.ask.placeholder')} autocomplete="off" maxlength={1000} />
              <button type="submit" class="btn btn-primary">
                {t('home.ask.button')}
              </button>
            </div>
          </form>
        </div>
      </section>

      <div class="container">
        <aside class="callout callout-danger" aria-labelledby="emg-title">
          <Icon name="alert" />
          <div>
            <h2 id="emg-title" class="callout-title">{t('home.emergency.title')}</h2>
            <p>{t('home.emergency.body')}</p>
            <p class="callout-actions">
              <a class="btn btn-danger" href="tel:119">
                <Icon name="phone" /> <span dir="ltr">119</span>
              </a>
              <a class="btn btn-danger-outline" href="tel:112">
                <Icon name="phone" /> <span dir="ltr">112</span>
              </a>
            </p>
          </div>
        </aside>

        <section aria-labelledby="tasks-title" class="section">
          <h2 id="tasks-title" class="section-title">{t('home.tasks.title')}</h2>
          <ul class="task-grid">
            {TASKS.map((task) => (
              <li>
                <a class="task-card" href={href(p, task.path)}>
                  <span class="task-icon">
                    <Icon name={task.icon} />
                  </span>
                  <span class="task-text">
                    <span class="task-title">{t(`home.task.${task.key}.title`)}</span>
                    <span class="task-desc">{t(`home.task.${task.key}.desc`)}</span>
                  </span>
                  <Icon name="arrow" flip class="task-arrow" />
                </a>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="official-title" class="section">
          <h2 id="official-title" class="section-title">{t('home.official.title')}</h2>
          <ul class="link-list">
            {OFFICIAL.map((o) => (
              <li>
                <a href={o.url} rel="noopener" class="ext-link">
                  <span class="ext-text">
                    <span class="ext-name">{t(o.key)}</span>
                    <span class="domain" dir="ltr">
                      {new URL(o.url).hostname}
                    </span>
                  </span>
                  <Icon name="external" flip class="ext-icon" />
                </a>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="regions-title" class="section">
          <h2 id="regions-title" class="section-title">
            {t('home.regions.title')}
          </h2>
          <ul class="region-chips">
            {regions.map((r) => (
              <li>
                <a class="chip" href={href(p, `/places?region=${r.code}`)}>
                  {r.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
