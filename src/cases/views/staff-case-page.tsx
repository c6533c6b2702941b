// One case for its center's staff: content with Korean translations beside the originals, the thread,
// reply (with status), status change, assignment, transfer, internal notes and the history.
import { BCP47, isLocale } from '../../lib/i18n/locales.js';
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { StaffView } from '../get-case.js';
import { SLA_CLASS, STATUS_BADGE, bytes, dateTime, localeName, nationalityLabel } from './labels.js';
import { slaText, StaffNav } from './staff-queue-page.js';

export function StaffCasePage({ p, v, regionName, notice, error }: { p: PageCtx; v: StaffView; regionName: string; notice?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  const base = `/staff/cases/${v.id}`;
  const lang = isLocale(v.locale) ? BCP47[v.locale] : v.locale;
  const centerLabel = (c: { nameKo: string; nameEn: string }) => (p.locale === 'ko' ? c.nameKo : c.nameEn);
  return (
    <Layout p={p} title={`${v.trackingCode} | ${t('cases.staff.queue')}`} noindex>
      <div class="container prose-wide staff-case">
        <p class="breadcrumb">
          <a href={href(p, '/staff/cases')}>{t('cases.staff.queue')}</a>
        </p>
        <h1 dir="ltr" class="case-code">{v.trackingCode}</h1>
        <StaffNav p={p} />
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <div class="error-summary" role="alert">{error}</div> : null}
        <p>
          <span class={STATUS_BADGE[v.status]} id="staff-case-status">{t(`cases.status.${v.status}`)}</span>{' '}
          <span class={SLA_CLASS[v.sla.state]}>{slaText(p, v.sla)}</span>
        </p>
        <dl class="case-facts">
          <dt>{t('cases.form.category')}</dt>
          <dd>{t(`cases.category.${v.category}`)}</dd>
          <dt>{t('cases.form.region')}</dt>
          <dd>{regionName}</dd>
          <dt>{t('cases.form.locale')}</dt>
          <dd>{localeName(v.locale)}</dd>
          <dt>{t('cases.form.nationality')}</dt>
          <dd>{nationalityLabel(p, v.nationality)}</dd>
          <dt>{t('cases.center')}</dt>
          <dd>{p.locale === 'ko' ? v.centerNameKo : v.centerNameEn}</dd>
          <dt>{t('cases.staff.assignee')}</dt>
          <dd>{v.assignee ?? '—'}</dd>
          <dt>{t('cases.form.contact')}</dt>
          <dd dir="auto">
            {t(`cases.contact.${v.contact.method}`)}
            {v.contact.email ? ` · ${v.contact.email}` : ''}
            {v.contact.phone ? ` · ${v.contact.phone}` : ''}
          </dd>
          <dt>{t('cases.filed_at')}</dt>
          <dd>{dateTime(p.locale, v.createdAt)} · {t(`cases.source.${v.source}`)}</dd>
        </dl>

        <section class="section" aria-labelledby="sc-desc">
          <h2 id="sc-desc">{t('cases.form.description')}</h2>
          {v.descriptionKo ? (
            <>
              <p class="machine-label">{t('cases.machine')}</p>
              <p class="case-msg-body" lang="ko" id="staff-description-ko">{v.descriptionKo}</p>
              <details class="case-original" open>
                <summary>{t('cases.original.show')}</summary>
                <p class="case-msg-body" lang={lang} dir="auto" id="staff-description">{v.description}</p>
              </details>
            </>
          ) : (
            <p class="case-msg-body" lang={lang} dir="auto" id="staff-description">{v.description}</p>
          )}
          {v.attachments.length ? (
            <ul class="link-list">
              {v.attachments.map((a) => (
                <li>
                  <a class="ext-link" href={href(p, `${base}/attachments/${a.id}`)}>{a.name} <span class="domain">{a.mime} · {bytes(p.locale, a.size)}</span></a>
                </li>
              ))}
            </ul>
          ) : null}
        </section>

        <section class="section" aria-labelledby="sc-thread">
          <h2 id="sc-thread">{t('cases.conversation')}</h2>
          {v.messages.length === 0 ? <p class="note">{t('cases.staff.no_messages')}</p> : null}
          {v.messages.map((m) => (
            <article class={m.author === 'staff' ? 'case-msg case-msg-center' : 'case-msg case-msg-you'}>
              <h3 class="case-msg-head">{m.author === 'staff' ? t('cases.center') : t('cases.staff.migrant')} · {dateTime(p.locale, m.createdAt)}</h3>
              {m.bodyKo ? <p class="case-msg-body" lang="ko">{m.bodyKo}</p> : null}
              <p class="case-msg-body" dir="auto" lang={m.author === 'migrant' ? lang : undefined}>{m.body}</p>
            </article>
          ))}
          {!v.anonymized ? (
            <form method="post" action={href(p, `${base}/reply`)} class="stack card" id="reply-form">
              <CsrfField p={p} />
              <div class="field">
                <label for="sc-reply" class="field-label">{t('cases.staff.reply')}</label>
                <p class="field-hint" id="sc-reply-hint">{t('cases.staff.reply.hint', { name: localeName(v.locale) })}</p>
                <textarea id="sc-reply" name="body" class="input textarea" rows={6} maxlength={5000} required aria-describedby="sc-reply-hint"></textarea>
              </div>
              <div class="field">
                <label for="sc-reply-status" class="field-label">{t('cases.staff.reply.status')}</label>
                <select id="sc-reply-status" name="status" class="input">
                  {[v.status, ...v.next].filter((s, i, a) => a.indexOf(s) === i).map((s) => (
                    <option value={s} selected={s === (v.next.includes('answered') ? 'answered' : v.status)}>{t(`cases.status.${s}`)}</option>
                  ))}
                </select>
              </div>
              <button type="submit" class="btn btn-primary">{t('cases.staff.reply.send')}</button>
            </form>
          ) : null}
        </section>

        {!v.anonymized ? (
          <section class="section form-grid" aria-label={t('cases.staff.actions')}>
            <form method="post" action={href(p, `${base}/status`)} class="stack card">
              <CsrfField p={p} />
              <div class="field">
                <label for="sc-status" class="field-label">{t('cases.staff.change_status')}</label>
                <select id="sc-status" name="status" class="input">
                  {v.next.map((s) => (
                    <option value={s}>{v.status === 'closed' && s === 'in_progress' ? t('cases.staff.reopen') : t(`cases.status.${s}`)}</option>
                  ))}
                </select>
              </div>
              <button type="submit" class="btn btn-secondary">{t('cases.staff.save')}</button>
            </form>
            <form method="post" action={href(p, `${base}/assign`)} class="stack card">
              <CsrfField p={p} />
              <div class="field">
                <label for="sc-assignee" class="field-label">{t('cases.staff.assign')}</label>
                <select id="sc-assignee" name="assigneeId" class="input">
                  <option value="none">{t('cases.staff.f.unassigned')}</option>
                  {p.user?.role === 'admin' && !v.staff.some((s) => s.id === p.user!.id) ? <option value={String(p.user.id)} selected={v.assigneeId === p.user.id}>{p.user.username}</option> : null}
                  {v.staff.map((s) => (
                    <option value={String(s.id)} selected={v.assigneeId === s.id}>{s.username}</option>
                  ))}
                </select>
              </div>
              <button type="submit" class="btn btn-secondary">{t('cases.staff.save')}</button>
            </form>
            <form method="post" action={href(p, `${base}/transfer`)} class="stack card">
              <CsrfField p={p} />
              <div class="field">
                <label for="sc-transfer" class="field-label">{t('cases.staff.transfer')}</label>
                <select id="sc-transfer" name="centerId" class="input" required>
                  {v.centers.map((c) => (
                    <option value={String(c.id)}>{centerLabel(c)}</option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="sc-transfer-reason" class="field-label">{t('cases.staff.transfer.reason')}</label>
                <input id="sc-transfer-reason" name="reason" class="input" required minlength={3} maxlength={500} />
              </div>
              <button type="submit" class="btn btn-secondary">{t('cases.staff.transfer.submit')}</button>
            </form>
          </section>
        ) : null}

        <section class="section" aria-labelledby="sc-notes">
          <h2 id="sc-notes">{t('cases.staff.notes')}</h2>
          <p class="note">{t('cases.staff.notes.hint')}</p>
          <ul class="case-updates">
            {v.notes.map((n) => (
              <li>
                <strong>{n.author ?? '—'}</strong> · {dateTime(p.locale, n.createdAt)}
                <p class="case-msg-body">{n.body}</p>
              </li>
            ))}
          </ul>
          {!v.anonymized ? (
            <form method="post" action={href(p, `${base}/note`)} class="stack">
              <CsrfField p={p} />
              <label for="sc-note" class="field-label">{t('cases.staff.note.add')}</label>
              <textarea id="sc-note" name="body" class="input textarea" rows={3} maxlength={5000} required></textarea>
              <button type="submit" class="btn btn-secondary">{t('cases.staff.note.save')}</button>
            </form>
          ) : null}
        </section>

        <section class="section" aria-labelledby="sc-history">
          <h2 id="sc-history">{t('cases.history')}</h2>
          <ol class="case-history">
            {v.events.map((e) => (
              <li>
                <time datetime={e.at.toISOString()}>{dateTime(p.locale, e.at)}</time> {t(`cases.event.${e.kind}`)}
                {e.to && (e.kind === 'status' || e.kind === 'filed') ? ` → ${t(`cases.status.${e.to}`)}` : ''}
                {e.kind === 'transferred' && e.reason ? ` (${e.reason})` : ''}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Layout>
  );
}
