// Admin: centers (name, phone, regions served, first-response target, active) and routing rules.
import { CsrfField, Notice } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import type { Region } from '../../places/queries.js';
import { CASE_CATEGORIES } from '../categories.js';
import type { CenterRow, listRules } from '../centers.js';
import { CaseSelect } from './new-case-page.js';
import { StaffNav } from './staff-queue-page.js';

type Rules = Awaited<ReturnType<typeof listRules>>;

export function CentersPage({ p, centers, rules, regions, edit, notice, error }: { p: PageCtx; centers: CenterRow[]; rules: Rules; regions: Region[]; edit?: CenterRow | undefined; notice?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const name = (c: { nameKo: string; nameEn: string }) => (p.locale === 'ko' ? c.nameKo : c.nameEn);
  return (
    <Layout p={p} title={t('cases.staff.centers')} noindex>
      <div class="container prose-wide">
        <h1>{t('cases.staff.centers')}</h1>
        <StaffNav p={p} />
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        {error ? <div class="error-summary" role="alert">{error}</div> : null}
        <section class="section" aria-labelledby="ct-rules">
          <h2 id="ct-rules">{t('cases.centers.rules')}</h2>
          <p class="note">{t('cases.centers.rules.hint')}</p>
          <div class="table-wrap">
            <table class="data-table" id="rules-table">
              <thead>
                <tr>
                  <th scope="col">{t('cases.form.region')}</th>
                  <th scope="col">{t('cases.form.category')}</th>
                  <th scope="col">{t('cases.center')}</th>
                  <th scope="col"><span class="visually-hidden">{t('cases.centers.delete')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rules.map((r) => (
                  <tr>
                    <td>{r.region_code ? (regionName.get(r.region_code) ?? r.region_code) : t('cases.centers.any')}</td>
                    <td>{r.category ? t(`cases.category.${r.category}`) : t('cases.centers.any')}</td>
                    <td>{p.locale === 'ko' ? r.name_ko : r.name_en}</td>
                    <td>
                      <form method="post" action={href(p, `/staff/cases/centers/rules/${r.id}/delete`)}>
                        <CsrfField p={p} />
                        <button type="submit" class="btn btn-danger-outline">{t('cases.centers.delete')}</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form method="post" action={href(p, '/staff/cases/centers/rules')} class="card">
            <CsrfField p={p} />
            <div class="form-grid">
              <CaseSelect id="rl-region" name="region" label={t('cases.form.region')}>
                <option value="">{t('cases.centers.any')}</option>
                {regions.map((r) => <option value={r.code}>{r.name}</option>)}
              </CaseSelect>
              <CaseSelect id="rl-category" name="category" label={t('cases.form.category')}>
                <option value="">{t('cases.centers.any')}</option>
                {CASE_CATEGORIES.map((c) => <option value={c}>{t(`cases.category.${c}`)}</option>)}
              </CaseSelect>
              <CaseSelect id="rl-center" name="centerId" label={t('cases.center')} required>
                {centers.filter((c) => c.active).map((c) => <option value={String(c.id)}>{name(c)}</option>)}
              </CaseSelect>
            </div>
            <p class="form-actions"><button type="submit" class="btn btn-primary">{t('cases.centers.rule.save')}</button></p>
          </form>
        </section>

        <section class="section" aria-labelledby="ct-list">
          <h2 id="ct-list">{t('cases.staff.centers')}</h2>
          <ul class="place-list">
            {centers.map((c) => (
              <li class="place-card">
                <a class="place-link" href={`${href(p, '/staff/cases/centers')}?edit=${c.id}`}>{name(c)}</a>
                <span class="place-meta">
                  {c.placeholder ? <span class="badge badge-muted">{t('cases.centers.placeholder')}</span> : null}
                  {!c.active ? <span class="badge badge-closed">{t('cases.centers.inactive')}</span> : null}
                  {c.phone ? <span dir="ltr">{c.phone}</span> : null}
                  <span>{c.regions.map((r) => regionName.get(r) ?? r).join(', ')}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section class="section" aria-labelledby="ct-form">
          <h2 id="ct-form">{edit ? t('cases.centers.edit') : t('cases.centers.new')}</h2>
          <form method="post" action={edit ? href(p, `/staff/cases/centers/${edit.id}`) : href(p, '/staff/cases/centers')} class="stack card centers-form">
            <CsrfField p={p} />
            <Text id="cc-slug" name="slug" label={t('cases.centers.slug')} value={edit?.slug} required />
            <Text id="cc-name-ko" name="nameKo" label={t('cases.centers.name_ko')} value={edit?.nameKo} required />
            <Text id="cc-name-en" name="nameEn" label={t('cases.centers.name_en')} value={edit?.nameEn} required />
            <Text id="cc-phone" name="phone" label={t('cases.form.phone')} value={edit?.phone ?? undefined} />
            <Text id="cc-hours" name="firstResponseHours" label={t('cases.centers.hours')} value={edit?.firstResponseHours ? String(edit.firstResponseHours) : undefined} />
            <fieldset class="checks">
              <legend class="field-label">{t('cases.centers.regions')}</legend>
              {regions.map((r) => (
                <label class="check"><input type="checkbox" name="regions" value={r.code} checked={edit?.regions.includes(r.code)} /> {r.name}</label>
              ))}
            </fieldset>
            <label class="check"><input type="checkbox" name="active" value="yes" checked={edit ? edit.active : true} /> {t('cases.centers.active')}</label>
            <button type="submit" class="btn btn-primary">{t('cases.staff.save')}</button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

function Text(props: { id: string; name: string; label: string; value?: string | undefined; required?: boolean }) {
  return (
    <div class="field">
      <label class="field-label" for={props.id}>{props.label}</label>
      <input id={props.id} name={props.name} class="input" value={props.value} required={props.required} />
    </div>
  );
}
