import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, type AuditEntry } from '../api';
import { LocaleController, formatDateTime, formatNumber, t, tn } from '../i18n';
import { shared } from '../ui/styles';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, DEFAULT_AUDIT_LIMIT, MAX_AUDIT_LIMIT, auditQueryFrom } from './audit-query';
import { errorSummary, focusFirstProblem, formStyles, textField } from './fields';
import { problemSummary, serverFieldErrors, type FieldErrors } from './forms';

/** GET /api/audit with its filters: who read or changed what, newest first. The log itself is never changed. */
@customElement('harbour-audit-log')
export class AuditLog extends LitElement {
  static styles = [shared, formStyles, css`
    .scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: var(--radius); margin-top: 1rem; }
    table { border-collapse: collapse; min-width: 100%; }
    th, td { padding: 0.45rem 0.6rem; border-top: 1px solid var(--border); text-align: left; vertical-align: top; white-space: nowrap; }
    td[data-col='username'] { white-space: normal; overflow-wrap: anywhere; min-width: 7rem; }
  `];

  @state() private entries: AuditEntry[] | null = null;
  @state() private errors: FieldErrors = {};
  @state() private summary = '';
  @state() private busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.search();
  }

  render() {
    const e = this.errors;
    const p = 'audit';
    return html`<section aria-labelledby="audit-title">
      <h2 id="audit-title">${t('audit.title')}</h2>
      <p class="hint">${t('audit.intro')}</p>
      <form class="card" novalidate @submit=${this.submit} aria-label=${t('audit.filters')}>
        ${this.summary ? errorSummary('audit-summary', this.summary, []) : nothing}
        <div class="grid">
          ${textField({ prefix: p, name: 'username', label: t('audit.username'), value: '', errors: e, autocomplete: 'off' })}
          ${textField({ prefix: p, name: 'action', label: t('audit.action'), value: '', errors: e, autocomplete: 'off', list: 'audit-actions' })}
          ${textField({ prefix: p, name: 'objectType', label: t('audit.objectType'), value: '', errors: e, autocomplete: 'off', list: 'audit-types' })}
          ${textField({ prefix: p, name: 'objectId', label: t('audit.objectId'), value: '', errors: e, inputmode: 'numeric', autocomplete: 'off' })}
          ${textField({ prefix: p, name: 'from', label: t('audit.from'), value: '', errors: e, type: 'datetime-local', hint: t('audit.timeHint') })}
          ${textField({ prefix: p, name: 'to', label: t('audit.to'), value: '', errors: e, type: 'datetime-local' })}
          ${textField({ prefix: p, name: 'remoteAddress', label: t('audit.remoteAddress'), value: '', errors: e, autocomplete: 'off' })}
          ${textField({ prefix: p, name: 'limit', label: t('audit.limit'), value: DEFAULT_AUDIT_LIMIT, errors: e, type: 'number',
            inputmode: 'numeric', hint: t('audit.limitHint', { max: formatNumber(MAX_AUDIT_LIMIT) }) })}
        </div>
        <datalist id="audit-actions">${AUDIT_ACTIONS.map((a) => html`<option value=${a}></option>`)}</datalist>
        <datalist id="audit-types">${AUDIT_OBJECT_TYPES.map((a) => html`<option value=${a}></option>`)}</datalist>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('common.loading') : t('audit.search')}</button>
          <button type="reset" class="secondary" @click=${this.clear}>${t('audit.clear')}</button>
        </div>
      </form>
      ${this.table()}
    </section>`;
  }

  private table() {
    const entries = this.entries;
    if (entries === null) return html`<p class="muted">${t('common.loading')}</p>`;
    return html`<h3 aria-live="polite">${t('audit.count', { n: formatNumber(entries.length) })}</h3>
      ${entries.length === 0 ? html`<p class="muted">${t('audit.none')}</p>` : html`
      <div class="scroll" role="region" tabindex="0" aria-label=${t('audit.table')}>
        <table data-table="audit">
          <thead><tr><th scope="col">${t('audit.at')}</th><th scope="col">${t('audit.username')}</th><th scope="col">${t('audit.action')}</th>
            <th scope="col">${t('audit.objectType')}</th><th scope="col">${t('audit.objectId')}</th><th scope="col">${t('audit.remoteAddress')}</th></tr></thead>
          <tbody>${entries.map((a) => html`<tr data-audit-id=${String(a.id)} data-action=${a.action}>
            <td><time datetime=${a.at}>${formatDateTime(a.at)}</time></td><td data-col="username">${a.username}</td><td>${a.action}</td>
            <td>${a.objectType}</td><td>${a.objectId ?? '—'}</td><td>${a.remoteAddress ?? '—'}</td>
          </tr>`)}</tbody>
        </table>
      </div>`}`;
  }

  private async submit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    await this.search(new FormData(ev.target as HTMLFormElement));
  }

  private clear(): void {
    this.errors = {};
    this.summary = '';
    void this.search();
  }

  private async search(data?: FormData): Promise<void> {
    const { body, errors } = data ? auditQueryFrom(data) : { body: { limit: DEFAULT_AUDIT_LIMIT }, errors: {} };
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.summary = tn('audit.fixErrors', Object.keys(errors).length);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'audit-summary');
      return;
    }
    this.busy = true;
    try {
      this.entries = await api.audit(body);
      this.errors = {};
      this.summary = '';
    } catch (err) {
      this.errors = serverFieldErrors(err);
      this.summary = problemSummary(err);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'audit-summary');
    } finally {
      this.busy = false;
    }
  }
}
