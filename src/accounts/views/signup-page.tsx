// Sign-up form with inline, localized errors; the password rule is stated up front.
import { CsrfField, ErrorSummary, Field } from '../../lib/views/forms.js';
import { Layout } from '../../lib/views/layout.js';
import { href, type PageCtx } from '../../lib/views/page-context.js';
import { PASSWORD_MIN } from '../passwords.js';
import { fieldMessage, summary, type FieldErrors } from './messages.js';

const IDS = { username: 'su-username', email: 'su-email', password: 'su-password' };

export function SignupPage({ p, values = {}, errors = {} }: { p: PageCtx; values?: Record<string, string>; errors?: FieldErrors }) {
  const { t } = p;
  return (
    <Layout p={p} title={t('auth.signup.title')} noindex>
      <div class="container narrow">
        <h1>{t('auth.signup.title')}</h1>
        <p class="lead">{t('auth.signup.lead')}</p>
        <ErrorSummary p={p} errors={summary(p, errors, IDS)} />
        <form method="post" action={href(p, '/signup')} class="stack" novalidate>
          <CsrfField p={p} />
          <Field id={IDS.username} name="username" label={t('auth.username')} hint={t('auth.username.hint')} value={values.username} error={fieldMessage(p, errors.username)} required autocomplete="username" maxlength={32} dir="ltr" />
          <Field id={IDS.email} name="email" type="email" label={`${t('auth.email')} (${t('form.optional')})`} hint={t('auth.email.hint')} value={values.email} error={fieldMessage(p, errors.email)} autocomplete="email" maxlength={254} dir="ltr" />
          <Field id={IDS.password} name="password" type="password" label={t('auth.password')} hint={t('auth.password.hint', { min: PASSWORD_MIN })} error={fieldMessage(p, errors.password)} required autocomplete="new-password" minlength={PASSWORD_MIN} />
          <button type="submit" class="btn btn-primary btn-block">
            {t('auth.signup.submit')}
          </button>
        </form>
        <p class="aside-link">
          {t('auth.signup.have_account')} <a href={href(p, '/login')}>{t('nav.login')}</a>
        </p>
      </div>
    </Layout>
  );
}
