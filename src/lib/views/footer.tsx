// The footer, on every page: emergency and help lines first, as tel: links.
import { Icon } from './icons.js';
import { href, type PageCtx } from './page-context.js';

/** Verified numbers (../shared/data/official-facts.md); the footer shows nothing else. */
export const FOOTER_LINES = [
  { number: '119', key: 'footer.n119', urgent: true },
  { number: '112', key: 'footer.n112', urgent: true },
  { number: '1345', key: 'footer.n1345', urgent: false },
  { number: '1577-1366', key: 'footer.n15771366', urgent: false },
  { number: '1350', key: 'footer.n1350', urgent: false },
] as const;

/**
 * The help lines. In page content they form a named region; the footer's copy (`landmark={false}`) is
 * part of the footer landmark instead, so a page showing both has no duplicate id or duplicate region.
 */
export function EmergencyLines({ p, heading = 'h2', landmark = true }: { p: PageCtx; heading?: 'h2' | 'h3'; landmark?: boolean }) {
  const H = heading;
  return (
    <section class="help-lines" aria-labelledby={landmark ? 'help-lines-title' : undefined}>
      <H id={landmark ? 'help-lines-title' : undefined} class="help-lines-title">
        {p.t('footer.emergency.title')}
      </H>
      <ul class="help-lines-list">
        {FOOTER_LINES.map((l) => (
          <li class={l.urgent ? 'urgent' : undefined}>
            <a href={`tel:${l.number.replace(/-/g, '')}`}>
              <Icon name="phone" />
              <span class="num" dir="ltr">
                {l.number}
              </span>
              <span class="what">{p.t(l.key)}</span>
            </a>
          </li>
        ))}
      </ul>
      <p class="help-lines-note">{p.t('footer.emergency.note')}</p>
    </section>
  );
}

export function SiteFooter({ p }: { p: PageCtx }) {
  return (
    <footer class="site-footer">
      <div class="container">
        <EmergencyLines p={p} landmark={false} />
        <div class="footer-meta">
          <p class="footer-disclaimer">{p.t('footer.disclaimer')}</p>
          <ul class="footer-links">
            <li>
              <a href={href(p, '/about')}>{p.t('footer.about')}</a>
            </li>
            <li>
              <a href={href(p, '/about#languages')}>{p.t('about.languages')}</a>
            </li>
          </ul>
          <p class="footer-copy">© Ieum contributors · {p.t('footer.source')} (MIT)</p>
        </div>
      </div>
    </footer>
  );
}
