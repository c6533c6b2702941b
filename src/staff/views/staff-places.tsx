// Staff pages for places: the list with the report queue, and the create/edit form with history.
import { CsrfField, Field, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { CATEGORIES } from '../../places/categories.js';
import type { PlaceForm } from '../../places/edit-place.js';

type Values = Partial<Record<keyof PlaceForm, string>>;

export function StaffPlacesPage(props: { p: PageCtx; q: string; places: Array<{ id: string; name: string; retired: boolean }>; reports: Array<{ id: number; service_id: string; reason: string; comment: string | null; name: string }>; notice?: string | undefined }) {
  const { p } = props;
  const { t } = p;
  return (
    <Layout p={p} title={t('staff.places.title')} noindex>
      <div class="container prose-wide">
        <h1>{t('staff.places.title')}</h1>
        {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
        <p>
          <a class="btn btn-primary" href={href(p, '/staff/places/new')}>{t('staff.places.new')}</a>
        </p>
        <section class="section" aria-labelledby="rep-title">
          <h2 id="rep-title">{t('staff.places.reports')}</h2>
          {props.reports.length === 0 ? <p>{t('staff.places.reports_none')}</p> : null}
          <ul class="place-list">
            {props.reports.map((r) => (
              <li class="place-card">
                <a href={href(p, `/staff/places/${r.service_id}/edit`)} class="place-link">{r.name}</a>
                <span>{t(`places.report.${r.reason}`)}{r.comment ? ` — ${r.comment}` : ''}</span>
                <form method="post" action={href(p, `/staff/places/reports/${r.id}`)} class="form-actions">
                  <CsrfField p={p} />
                  <button class="btn btn-secondary" name="status" value="resolved">{t('staff.places.resolve')}</button>
                  <button class="btn btn-secondary" name="status" value="rejected">{t('staff.places.reject')}</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
        <form method="get" action={href(p, '/staff/places')} class="ask-form">
          <label for="sp-q" class="field-label">{t('staff.places.search')}</label>
          <div class="ask-row">
            <input id="sp-q" name="q" class="input" value={props.q} />
            <button class="btn btn-primary">{t('places.search')}</button>
          </div>
        </form>
        <ul class="link-list">
          {props.places.map((pl) => (
            <li>
              <a class="ext-link" href={href(p, `/staff/places/${pl.id}/edit`)}>{pl.retired ? <s>{pl.name}</s> : pl.name}</a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}

export function StaffPlaceForm(props: { p: PageCtx; id?: string; values: Values; error?: string | undefined; history: Array<{ action: string; at: Date; actor_user_id: number | null }> }) {
  const { p, values: v } = props;
  const { t } = p;
  const action = props.id ? href(p, `/staff/places/${props.id}/edit`) : href(p, '/staff/places/new');
  return (
    <Layout p={p} title={t(props.id ? 'staff.places.edit' : 'staff.places.new')} noindex>
      <div class="container narrow">
        <h1>{t(props.id ? 'staff.places.edit' : 'staff.places.new')}</h1>
        {props.error ? <div class="error-summary" role="alert">{props.error}</div> : null}
        <form method="post" action={action} class="stack">
          <CsrfField p={p} />
          <Field id="f-name" name="name" label={t('staff.places.f.name')} value={v.name} required />
          <Field id="f-name-en" name="nameEn" label={t('staff.places.f.name_en')} value={v.nameEn} dir="ltr" />
          <div class="field">
            <label for="f-cat" class="field-label">{t('places.category')}</label>
            <select id="f-cat" name="category" class="input">
              {CATEGORIES.map((c) => (
                <option value={c} selected={v.category === c}>{t(`places.category.${c}`)}</option>
              ))}
            </select>
          </div>
          <Field id="f-addr" name="address" label={t('staff.places.f.address')} value={v.address} />
          <Field id="f-city" name="city" label={t('staff.places.f.city')} value={v.city} />
          <Field id="f-region" name="regionCode" label={t('places.region')} value={v.regionCode} dir="ltr" />
          <Field id="f-lat" name="lat" label={t('staff.places.f.lat')} value={v.lat} hint={t('staff.places.f.coords_hint')} dir="ltr" />
          <Field id="f-lng" name="lng" label={t('staff.places.f.lng')} value={v.lng} dir="ltr" />
          <Field id="f-phones" name="phones" label={t('staff.places.f.phones')} value={v.phones} dir="ltr" />
          <Field id="f-langs" name="languages" label={t('staff.places.f.languages')} value={v.languages} dir="ltr" />
          <div class="field">
            <label for="f-hours" class="field-label">{t('staff.places.f.hours')}</label>
            <textarea id="f-hours" name="hours" class="input" rows={3} dir="ltr">{v.hours}</textarea>
          </div>
          <label class="check"><input type="checkbox" name="free" checked={v.free === 'on'} /> {t('places.free')}</label>
          <label class="check"><input type="checkbox" name="walkIn" checked={v.walkIn === 'on'} /> {t('places.walk_in')}</label>
          <Field id="f-src" name="sourceUrl" label={t('staff.places.f.source_url')} value={v.sourceUrl} dir="ltr" />
          <Field id="f-ver" name="lastVerified" label={t('staff.places.f.verified')} value={v.lastVerified} dir="ltr" />
          <button class="btn btn-primary">{t('staff.places.save')}</button>
        </form>
        {props.id ? (
          <>
            <form method="post" action={href(p, `/staff/places/${props.id}/retire`)} class="card card-danger stack">
              <CsrfField p={p} />
              <Field id="f-retire" name="reason" label={t('staff.places.retire_reason')} required />
              <button class="btn btn-danger">{t('staff.places.retire')}</button>
            </form>
            <section aria-labelledby="hist-title">
              <h2 id="hist-title">{t('staff.places.history')}</h2>
              <ol class="sources">
                {props.history.map((h) => (
                  <li>
                    <span dir="ltr">{new Date(h.at).toISOString().slice(0, 16).replace('T', ' ')}</span> · {h.action}
                    {h.actor_user_id ? ` · #${h.actor_user_id}` : ''}
                  </li>
                ))}
              </ol>
            </section>
          </>
        ) : null}
      </div>
    </Layout>
  );
}
