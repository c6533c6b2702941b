// The page shell: skip link, header with language switcher and navigation, footer with emergency lines.
import type { Child } from 'hono/jsx';
import { assetUrl } from '../assets.js';
import { BCP47, dirOf, LOCALES, SELF_NAMES } from '../i18n/locales.js';
import { Icon } from './icons.js';
import { href, type PageCtx } from './page-context.js';
import { SiteFooter } from './footer.js';

const NAV = [
  { path: '/assistant', key: 'nav.assistant', icon: 'chat' },
  { path: '/places', key: 'nav.places', icon: 'pin' },
  { path: '/community', key: 'nav.community', icon: 'people' },
  { path: '/programs', key: 'nav.programs', icon: 'gift' },
  { path: '/cases', key: 'nav.cases', icon: 'help' },
] as const;

export function Layout(props: { p: PageCtx; title: string; description?: string; children: Child; noindex?: boolean; scripts?: string[]; styles?: string[] }) {
  const { p } = props;
  const { t, locale } = p;
  const siteName = t('site.name');
  const fullTitle = props.title === siteName ? `${siteName} — ${t('site.tagline')}` : `${props.title} | ${siteName}`;
  const current = p.subpath;
  return (
    <html lang={locale} dir={dirOf(locale)} data-krds-mode={p.highContrast ? 'high-contrast' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={props.description ?? t('home.lead')} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="csrf-token" content={p.csrfToken} />
        <meta name="theme-color" content="#063a74" />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        {(props.styles ?? []).map((s) => (
          <link rel="stylesheet" href={assetUrl(s)} />
        ))}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="canonical" href={`${p.baseUrl}${href(p, current)}`} />
        {LOCALES.map((l) => (
          <link rel="alternate" hreflang={BCP47[l]} href={`${p.baseUrl}/${l}${current === '/' ? '/' : current}`} />
        ))}
        <link rel="alternate" hreflang="x-default" href={`${p.baseUrl}/`} />
        <script src={assetUrl('app.js')} defer></script>
        {(props.scripts ?? []).map((s) => (
          <script src={assetUrl(s)} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skip.main')}
        </a>
        <header class="site-header">
          <div class="masthead">
            <div class="container">{t('site.official')}</div>
          </div>
          <div class="container header-bar">
            <a class="brand" href={href(p, '/')}>
              <svg class="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
                <circle cx="11" cy="16" r="8" fill="none" stroke="currentColor" stroke-width="3" />
                <circle cx="21" cy="16" r="8" fill="none" stroke="#d4452b" stroke-width="3" />
              </svg>
              <span class="brand-name">{siteName}</span>
            </a>
            <div class="header-tools">
              <LanguageSwitcher p={p} />
              <form method="post" action="/prefs/contrast" class="contrast-form">
                <input type="hidden" name="_csrf" value={p.csrfToken} />
                <input type="hidden" name="value" value={p.highContrast ? 'standard' : 'high'} />
                <input type="hidden" name="back" value={href(p, current)} />
                <button type="submit" class="tool-btn" aria-pressed={p.highContrast ? 'true' : 'false'}>
                  <Icon name="contrast" />
                  <span class="tool-label">{t('contrast.on')}</span>
                </button>
              </form>
              {p.user ? (
                <a class="tool-btn" href={href(p, '/me')}>
                  <Icon name="user" />
                  <span class="tool-label">{t('nav.me')}</span>
                </a>
              ) : (
                <a class="tool-btn" href={href(p, '/login')}>
                  <Icon name="user" />
                  <span class="tool-label">{t('nav.login')}</span>
                </a>
              )}
            </div>
          </div>
          <nav class="main-nav" aria-label={t('nav.label')}>
            <ul class="container nav-list">
              {NAV.map((n) => {
                const active = current === n.path || current.startsWith(`${n.path}/`);
                return (
                  <li>
                    <a href={href(p, n.path)} aria-current={active ? 'page' : undefined}>
                      <Icon name={n.icon} />
                      <span>{t(n.key)}</span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        {current === '/' || current.startsWith('/assistant') ? null : <AskBar p={p} />}
        <SiteFooter p={p} />
      </body>
    </html>
  );
}

/** The chat entry point on every page (a plain GET form: works without JavaScript). */
function AskBar({ p }: { p: PageCtx }) {
  return (
    <aside class="ask-bar" aria-labelledby="ask-bar-label">
      <div class="container">
        <form class="ask-form" method="get" action={href(p, '/assistant')} role="search">
          <label id="ask-bar-label" for="ask-bar-q" class="ask-label">
            {p.t('chat.entry')}
          </label>
          <div class="ask-row">
            <input id="ask-bar-q" name="q" type="search" class="ask-input" placeholder={p.t('chat.entry.placeholder')} maxlength={1000} dir="auto" />
            <button type="submit" class="btn btn-primary">
              {p.t('home.ask.button')}
            </button>
          </div>
        </form>
      </div>
    </aside>
  );
}

function LanguageSwitcher({ p }: { p: PageCtx }) {
  const path = p.subpath === '/' ? '/' : p.subpath;
  return (
    <details class="lang-switcher">
      <summary class="tool-btn" aria-label={p.t('lang.current', { name: SELF_NAMES[p.locale] })}>
        <Icon name="globe" />
        <span class="tool-label">{SELF_NAMES[p.locale]}</span>
      </summary>
      <ul class="lang-menu" role="list">
        {LOCALES.map((l) => (
          <li>
            <a
              href={`/${l}${path}`}
              lang={l}
              hreflang={BCP47[l]}
              aria-current={l === p.locale ? 'true' : undefined}
              data-locale={l}
            >
              {/* The name's own direction on an inner span: the link itself lines up with the page. */}
              <span dir={dirOf(l)}>{SELF_NAMES[l]}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
