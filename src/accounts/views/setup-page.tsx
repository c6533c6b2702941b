// The one-time first-administrator form reached from the link printed at first start.
import { CsrfField, ErrorSummary, Field } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { PASSWORD_MIN } from '../passwords.js';
import { fieldMessage, summary, type FieldErrors } from './messages.js';

const IDS = { username: 'setup-username', email: 'setup-email', password: 'setup-password' };

export function SetupPage({ p, token, valid, values = {}, errors = {} }: { p: PageCtx; token: string; valid: boolean; values?: Record<string, string>; errors?: FieldErrors }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('setup.title')} noindex>
      <div class="container narrow">
        <h1>{t('setup.title')}</h1>
        {valid ? (
          <>
            <p class="lead">{t('setup.body')}</p>
            <ErrorSummary p={p} errors={summary(p, errors, IDS)} />
            <form method="post" action={href(p, `/setup/${token}`)} class="stack" novalidate>
              <CsrfField p={p} />
              <Field id={IDS.username} name="username" label={t('auth.username')} hint={t('auth.username.hint')} value={values.username} error={fieldMessage(p, errors.username)} required autocomplete="username" dir="ltr" />
              <Field id={IDS.email} name="email" type="email" label={`${t('auth.email')} (${t('form.optional')})`} value={values.email} error={fieldMessage(p, errors.email)} autocomplete="email" dir="ltr" />
              <Field id={IDS.password} name="password" type="password" label={t('auth.password')} hint={t('auth.password.hint', { min: PASSWORD_MIN })} error={fieldMessage(p, errors.password)} required autocomplete="new-password" />
              <button type="submit" class="btn btn-primary btn-block">
                {t('setup.submit')}
              </button>
            </form>
          </>
        ) : (
          <p role="alert">{t('setup.invalid')}</p>
        )}
      </div>
    </Layout>
  );
}
