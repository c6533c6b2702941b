// One program: summary, who can apply, how to apply and what to bring, contacts, the source with its
// last-verified date, and "save to My Ieum".
import { formatDate } from '../../lib/i18n/format.js';
import { BCP47 } from '../../lib/i18n/locales.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import type { EffectiveStatus, Program } from '../model.js';
import { MachineTranslationNote, type MachineNote } from '../../translation/views/machine-note.js';
import { FallbackNote, StatusBadges } from './program-bits.js';

export function ProgramPage(props: { p: PageCtx; program: Program; machine?: MachineNote | null; status: EffectiveStatus; deadline: string | null; regions: Region[]; saved: boolean; justSaved?: string | undefined }) {
  const { p, program: pr } = props;
  const { t } = p;
  const lang = pr.fallback ? 'en' : BCP47[p.locale];
  const e = pr.eligibility;
  const regionName = (code: string) => props.regions.find((r) => r.code === code)?.name ?? code;
  return (
    <Layout p={p} title={pr.text.title} description={pr.text.summary} scripts={props.machine?.state === 'pending' ? ['translate.js'] : undefined}>
      <div class="container prose">
        <nav class="breadcrumb" aria-label={t('programs.title')}>
          <a href={href(p, '/programs')}>{t('programs.title')}</a> › <span>{pr.categories.map((c) => t(`programs.category.${c}`)).join(', ')}</span>
        </nav>
        <h1 lang={lang}>{pr.text.title}</h1>
        {props.justSaved === '1' ? <Notice kind="success">{t('programs.saved')}</Notice> : null}
        {props.justSaved === '0' ? <Notice kind="info">{t('programs.unsaved')}</Notice> : null}
        <StatusBadges p={p} status={props.status} deadline={props.deadline} program={pr} />
        {/* Machine-translated from Korean (or still being translated): that label, else the usual note. */}
        {props.machine ? <MachineTranslationNote p={p} note={props.machine} /> : <FallbackNote p={p} program={pr} />}
        <p lang={lang}>{pr.text.summary}</p>
        {pr.text.body ? <p lang={lang}>{pr.text.body}</p> : null}
        <dl class="place-facts">
          <dt>{t('programs.provider')}</dt>
          <dd>
            {p.locale === 'ko' ? pr.providerKo : pr.providerEn}
            {p.locale !== 'ko' ? <span lang="ko"> ({pr.providerKo})</span> : null}
          </dd>
          {!pr.rolling && (pr.opensOn || pr.closesOn) ? (
            <>
              <dt>{t('programs.period')}</dt>
              <dd>
                {pr.opensOn ? formatDate(p.locale, pr.opensOn) : ''} – {pr.closesOn ? formatDate(p.locale, pr.closesOn) : ''}
              </dd>
            </>
          ) : null}
        </dl>

        <h2>{t('programs.eligibility')}</h2>
        <ul>
          {e.visas.length ? <li>{t('programs.reason.visa.check', { section: e.visas.join(', ') })}</li> : null}
          {e.regions.length ? <li>{t('programs.reason.region.check', { section: e.regions.map(regionName).join(', ') })}</li> : <li>{t('programs.everywhere')}</li>}
          {e.nationalities.length ? <li>{t('programs.reason.nationality.check', { section: e.nationalities.join(', ') })}</li> : null}
          {e.family.length ? <li>{t('programs.reason.family.check', { section: e.family.map((f) => t(`programs.family.${f}`)).join(', ') })}</li> : null}
          {e.employment.length ? <li>{t('programs.reason.employment.check', { section: e.employment.map((x) => t(`programs.employment.${x}`)).join(', ') })}</li> : null}
          {e.ageMin !== null || e.ageMax !== null ? <li>{t('programs.reason.age.check', { section: `${e.ageMin ?? 0}–${e.ageMax ?? 120}` })}</li> : null}
        </ul>
        {pr.text.conditions ? <p lang={lang}>{pr.text.conditions}</p> : null}

        {pr.text.how ? (
          <>
            <h2>{t('programs.how')}</h2>
            <p lang={lang}>{pr.text.how}</p>
          </>
        ) : null}
        {pr.text.documents.length ? (
          <>
            <h2>{t('programs.documents')}</h2>
            <ul class="bring" lang={lang}>
              {pr.text.documents.map((d) => <li>{d}</li>)}
            </ul>
          </>
        ) : null}
        {pr.contacts.length ? (
          <>
            <h2>{t('programs.contacts')}</h2>
            <ul class="contact-list">
              {pr.contacts.map((c) => (
                <li class="contact">
                  {c.phone ? <a class="contact-num" href={`tel:${c.phone}`} dir="ltr">{c.phone}</a> : null}
                  {c.phone && c.url ? ' · ' : null}
                  {c.url ? <a href={c.url} rel="noopener noreferrer" dir="ltr">{new URL(c.url).hostname}</a> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        <section class="sources" aria-labelledby="pg-sources">
          <h2 id="pg-sources">{t('programs.sources')}</h2>
          <p>
            {t('programs.source')}: <a href={pr.sourceUrl} rel="noopener noreferrer" dir="ltr">{new URL(pr.sourceUrl).hostname}</a>
          </p>
          <p>{t('programs.last_verified', { date: formatDate(p.locale, pr.lastVerified) })}</p>
          {pr.sources.length ? (
            <ol>
              {pr.sources.map((s) => (
                <li>
                  <a href={s.url} rel="noopener noreferrer" lang="en">{s.publisher}: {s.title}</a>
                </li>
              ))}
            </ol>
          ) : null}
        </section>

        {p.user ? (
          <form method="post" action={href(p, `/programs/${pr.id}/save`)}>
            <CsrfField p={p} />
            <input type="hidden" name="action" value={props.saved ? 'remove' : 'save'} />
            <button type="submit" class="btn btn-secondary">{t(props.saved ? 'programs.unsave' : 'programs.save')}</button>
          </form>
        ) : (
          <p class="note">
            <a href={href(p, '/login')}>{t('programs.save_login')}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}
