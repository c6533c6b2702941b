// Staff: create or edit a source. Works without JavaScript; refusals re-render with the values, inline errors
// (aria-invalid / aria-describedby) and an error summary.
import { CsrfField, ErrorSummary, Field } from '../../../lib/views/forms.js';
import { Layout } from '../../../lib/views/layout.js';
import { href, type PageCtx } from '../../../lib/views/page-context.js';
import { CATEGORIES, LEVELS } from '../../model.js';
import { ChoiceGroup, Select, TextArea } from '../../staff/views/fields.js';
import { SOURCE_KINDS } from '../schema.js';

export type SourceValues = Partial<Record<'name' | 'kind' | 'url' | 'mapping' | 'providerKo' | 'providerEn' | 'level' | 'scheduleMinutes' | 'trusted' | 'enabled', string>> & { categories?: string[] };

export function SourceFormPage(props: { p: PageCtx; id?: number | undefined; values: SourceValues; errors?: Record<string, string> | undefined }) {
  const { p, values: v } = props;
  const { t } = p;
  const errors = props.errors ?? {};
  const title = t(props.id ? 'staff.agg.source_edit' : 'staff.agg.source_new');
  const action = href(p, props.id ? `/staff/programs/sources/${props.id}/edit` : '/staff/programs/sources/new');
  const summary = Object.entries(errors).map(([k, message]) => ({ field: `f-${k}`, message: `${t(`staff.agg.f.${k}`)}: ${message}` }));
  return (
    <Layout p={p} title={title} noindex>
      <div class="container narrow">
        <h1>{title}</h1>
        <ErrorSummary p={p} errors={summary} />
        <form method="post" action={action} class="stack" novalidate>
          <CsrfField p={p} />
          <Field id="f-name" name="name" label={t('staff.agg.f.name')} value={v.name} error={errors.name} required maxlength={200} />
          <Select name="kind" label={t('staff.agg.f.kind')} value={v.kind} options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`staff.agg.kind.${k}`) }))} error={errors.kind} />
          <Field id="f-url" name="url" label={t('staff.agg.f.url')} value={v.url} error={errors.url} hint={t('staff.agg.f.url_hint')} required dir="ltr" />
          <TextArea name="mapping" label={t('staff.agg.f.mapping')} value={v.mapping} error={errors.mapping} hint={t('staff.agg.f.mapping_hint')} rows={6} dir="ltr" />
          <Field id="f-providerKo" name="providerKo" label={t('staff.agg.f.providerKo')} value={v.providerKo} error={errors.providerKo} required />
          <Field id="f-providerEn" name="providerEn" label={t('staff.agg.f.providerEn')} value={v.providerEn} error={errors.providerEn} required dir="ltr" />
          <Select name="level" label={t('staff.agg.f.level')} value={v.level} options={LEVELS.map((l) => ({ value: l, label: t(`programs.level.${l}`) }))} error={errors.level} />
          <ChoiceGroup name="categories" legend={t('staff.agg.f.categories')} options={CATEGORIES.map((c) => ({ value: c, label: t(`programs.category.${c}`) }))} selected={v.categories ?? []} error={errors.categories} />
          <Field id="f-scheduleMinutes" name="scheduleMinutes" label={t('staff.agg.f.scheduleMinutes')} value={v.scheduleMinutes ?? '360'} error={errors.scheduleMinutes} hint={t('staff.agg.f.schedule_hint')} dir="ltr" />
          <label class="check">
            <input type="checkbox" name="trusted" checked={v.trusted === 'on'} aria-describedby="f-trusted-hint" /> {t('staff.agg.f.trusted')}
          </label>
          <p id="f-trusted-hint" class="field-hint">{t('staff.agg.f.trusted_hint')}</p>
          <label class="check">
            <input type="checkbox" name="enabled" checked={v.enabled === 'on'} /> {t('staff.agg.f.enabled')}
          </label>
          <button class="btn btn-primary">{t('staff.agg.save')}</button>
        </form>
      </div>
    </Layout>
  );
}
