import { css, html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorId, type FieldErrors } from './forms';

/** Shared look of the admin forms: a grid that is one column on a phone, fields with their message below. */
export const formStyles = css`
  .grid { display: grid; gap: 0.75rem 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
  .field { min-width: 0; }
  .field-error { color: var(--danger); font-weight: 600; margin: 0.25rem 0 0; }
  .hint { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0 0; }
  [aria-invalid='true'] { border-color: var(--danger); }
  fieldset { border: 1px solid var(--border); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin: 0; min-width: 0; }
  legend { font-weight: 700; padding: 0 0.3rem; }
  .checks { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 1rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; align-items: center; }
  .summary { border: 2px solid var(--danger); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin-bottom: 0.75rem; }
  .summary ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
  form { margin: 0; }
  .check label { margin: 0; font-weight: 500; }
  .label-row { display: flex; gap: 0.3rem; align-items: baseline; }
  .req { color: var(--danger); font-weight: 700; }
`;

export interface FieldProps {
  prefix: string;
  name: string;
  /** The API's field path, when it differs from the input's name. */
  field?: string;
  label: string;
  value: string | number | null | undefined;
  errors: FieldErrors;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: string;
  hint?: string;
  list?: string;
}

/** The aria attributes that tie an input to its message. */
export function describedBy(prefix: string, errors: FieldErrors, field: string, hintId?: string): string | undefined {
  const ids = [errors[field] ? errorId(prefix, field) : '', hintId ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function fieldError(prefix: string, errors: FieldErrors, field: string): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<p class="field-error" id=${errorId(prefix, field)}>${message}</p>` : nothing;
}

export function textField(p: FieldProps): TemplateResult {
  const field = p.field ?? p.name;
  const id = `${p.prefix}-${p.name}`;
  const hintId = p.hint ? `${id}-hint` : undefined;
  return html`<div class="field">
    ${label(id, p.label, p.required)}
    <input id=${id} name=${p.name} type=${p.type ?? 'text'} .value=${p.value === null || p.value === undefined ? '' : String(p.value)}
      ?required=${p.required} aria-required=${p.required ? 'true' : 'false'} autocomplete=${ifDefined(p.autocomplete)}
      inputmode=${ifDefined(p.inputmode)} list=${ifDefined(p.list)} data-field=${field}
      aria-invalid=${p.errors[field] ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(p.prefix, p.errors, field, hintId))} />
    ${p.hint ? html`<p class="hint" id=${hintId!}>${p.hint}</p>` : nothing}
    ${fieldError(p.prefix, p.errors, field)}
  </div>`;
}

/** The label, and for a required field a star beside it (outside the label, so the field's name stays clean). */
function label(id: string, text: string, required?: boolean): TemplateResult {
  return required
    ? html`<div class="label-row"><label for=${id}>${text}</label><span class="req" aria-hidden="true">*</span></div>`
    : html`<label for=${id}>${text}</label>`;
}

/** The note that explains the star, once at the top of a form. */
export function requiredNote(text: string): TemplateResult {
  return html`<p class="hint"><span class="req" aria-hidden="true">*</span> ${text}</p>`;
}

export interface Option { value: string; label: string }

export function selectField(p: Omit<FieldProps, 'type' | 'inputmode' | 'list'> & { options: Option[] }): TemplateResult {
  const field = p.field ?? p.name;
  const id = `${p.prefix}-${p.name}`;
  const value = p.value === null || p.value === undefined ? '' : String(p.value);
  return html`<div class="field">
    ${label(id, p.label, p.required)}
    <select id=${id} name=${p.name} data-field=${field} aria-required=${p.required ? 'true' : 'false'}
      aria-invalid=${p.errors[field] ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy(p.prefix, p.errors, field))}>
      ${p.options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
    </select>
    ${fieldError(p.prefix, p.errors, field)}
  </div>`;
}

export function checkField(prefix: string, name: string, label: string, on: boolean): TemplateResult {
  const id = `${prefix}-${name}`;
  return html`<div class="check"><input id=${id} name=${name} type="checkbox" .checked=${on} /><label for=${id}>${label}</label></div>`;
}

/** The list above a form: how many problems, and those that have no input of their own to sit next to. */
export function errorSummary(id: string, message: string, loose: [string, string][]): TemplateResult {
  return html`<div class="summary" id=${id} role="alert" tabindex="-1">
    <p class="error">${message}</p>
    ${loose.length ? html`<ul>${loose.map(([f, m]) => html`<li>${f === 'body' ? m : `${f}: ${m}`}</li>`)}</ul>` : nothing}
  </div>`;
}

/** After a failed save: the first input with a problem gets the focus, else the summary. */
export function focusFirstProblem(root: ParentNode, summaryId: string): void {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>(`#${summaryId}`);
  first?.focus();
}
