// Accessible form pieces: labelled fields with hints and inline errors, an error summary, the CSRF field.
import type { PageCtx } from './page-context.js';

export function CsrfField({ p }: { p: PageCtx }) {
  return <input type="hidden" name="_csrf" value={p.csrfToken} />;
}

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'time' | 'tel';
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
}

export function Field(f: FieldProps) {
  const describedBy = [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={f.error ? 'field field-error' : 'field'}>
      <label for={f.id} class="field-label">
        {f.label}
      </label>
      {f.hint ? (
        <p id={`${f.id}-hint`} class="field-hint">
          {f.hint}
        </p>
      ) : null}
      {f.error ? (
        <p id={`${f.id}-error`} class="field-message" role="alert">
          {f.error}
        </p>
      ) : null}
      <input
        id={f.id}
        name={f.name}
        type={f.type ?? 'text'}
        value={f.value}
        required={f.required}
        autocomplete={f.autocomplete}
        maxlength={f.maxlength}
        minlength={f.minlength}
        dir={f.dir}
        class="input"
        aria-invalid={f.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

export function ErrorSummary({ p, errors }: { p: PageCtx; errors: Array<{ field: string; message: string }> }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2 class="error-summary-title">{p.t('form.errors.title')}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'success' | 'info' | 'danger'; children: unknown }) {
  return (
    <div class={`notice notice-${kind}`} role="status">
      {children as never}
    </div>
  );
}
