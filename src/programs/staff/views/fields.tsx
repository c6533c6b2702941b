// Form pieces the program editor needs beyond src/lib/views/forms.tsx: textareas, selects, checkbox and radio
// groups, each with its hint and inline error wired through aria-describedby / aria-invalid.

export type Errors = Record<string, string>;

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} class="field-hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} class="field-message" role="alert">{error}</p> : null}
    </>
  );
}

export function TextArea(f: { name: string; label: string; value?: string | undefined; hint?: string | undefined; error?: string | undefined; rows?: number; lang?: string; dir?: 'ltr' | 'rtl' | 'auto'; required?: boolean }) {
  const id = `f-${f.name}`;
  return (
    <div class={f.error ? 'field field-error' : 'field'}>
      <label for={id} class="field-label">{f.label}</label>
      <HintAndError id={id} hint={f.hint} error={f.error} />
      <textarea id={id} name={f.name} class="input textarea" rows={f.rows ?? 4} lang={f.lang} dir={f.dir} required={f.required} aria-invalid={f.error ? 'true' : undefined} aria-describedby={describedBy(id, f.hint, f.error)}>
        {f.value ?? ''}
      </textarea>
    </div>
  );
}

export function Select(f: { name: string; label: string; value?: string | undefined; options: Array<{ value: string; label: string }>; error?: string | undefined; hint?: string | undefined; any?: string }) {
  const id = `f-${f.name}`;
  return (
    <div class={f.error ? 'field field-error' : 'field'}>
      <label for={id} class="field-label">{f.label}</label>
      <HintAndError id={id} hint={f.hint} error={f.error} />
      <select id={id} name={f.name} class="input" aria-invalid={f.error ? 'true' : undefined} aria-describedby={describedBy(id, f.hint, f.error)}>
        {f.any !== undefined ? <option value="">{f.any}</option> : null}
        {f.options.map((o) => <option value={o.value} selected={o.value === f.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

/** Checkboxes (multiple) or radios (one) in a fieldset; the fieldset's id is the error summary's target. */
export function ChoiceGroup(f: { name: string; legend: string; type?: 'checkbox' | 'radio'; options: Array<{ value: string; label: string; lang?: string }>; selected: string[]; hint?: string | undefined; error?: string | undefined }) {
  const id = `f-${f.name}`;
  return (
    <fieldset id={id} class={f.error ? 'checks field-error' : 'checks'} aria-describedby={describedBy(id, f.hint, f.error)}>
      <legend class="field-label">{f.legend}</legend>
      <HintAndError id={id} hint={f.hint} error={f.error} />
      {f.options.map((o, i) => (
        <label class="check" for={`${id}-${i}`}>
          <input type={f.type ?? 'checkbox'} id={`${id}-${i}`} name={f.name} value={o.value} checked={f.selected.includes(o.value)} aria-invalid={f.error ? 'true' : undefined} /> <span lang={o.lang}>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
