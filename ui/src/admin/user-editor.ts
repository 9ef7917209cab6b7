import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ROLES, type Facility, type Role, type UserAccount } from '../api';
import { LocaleController, t, tn, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { accountStateLabel, sameId, userChangeBody, withActive } from './accounts';
import { describedBy, errorSummary, fieldError, focusFirstProblem, formStyles, selectField, textField } from './fields';
import { problemSummary, serverFieldErrors, unplaced, type FieldErrors } from './forms';

const FIELDS = new Set(['role', 'organization', 'facilityIds']);

type Confirming = 'disable' | 'enable' | 'reset' | null;

/**
 * One account: its role, organization and facilities; disabling or enabling it after a confirmation that names
 * the person; and a password reset whose temporary password is shown here once, with a copy button.
 */
@customElement('harbour-user-editor')
export class UserEditor extends LitElement {
  static styles = [shared, formStyles, css`
    :host { margin-bottom: 1.5rem; }
    .top { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; }
    h2, h3 { overflow-wrap: anywhere; }
    h3 { margin-top: 1.25rem; }
    .pick { max-height: 16rem; overflow-y: auto; margin-top: 0.5rem; }
    .confirm, .warning { border: 2px solid var(--warn); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin: 0.75rem 0; }
    .confirm.danger { border-color: var(--danger); }
    .warning strong { color: var(--warn); }
    .key { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .key .field { flex: 1 1 16rem; }
    .key input { font-family: ui-monospace, monospace; font-size: 1.1rem; letter-spacing: 0.05em; }
  `];

  @property({ attribute: false }) user!: UserAccount;
  @property({ attribute: false }) facilities: Facility[] = [];
  /** The signed-in admin's own account: she may neither disable it nor reset its password here. */
  @property({ type: Boolean }) self = false;
  @state() private chosenRole: Role = 'CASEWORKER';
  @state() private errors: FieldErrors = {};
  @state() private summary = '';
  @state() private status = '';
  @state() private busy = false;
  @state() private confirming: Confirming = null;
  @state() private actionError = '';
  @state() private temporary: string | null = null;
  @state() private copied = '';
  @state() private facilityFilter = '';
  private shownFor: UserAccount | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  willUpdate(): void {
    if (this.shownFor === null || !sameId(this.shownFor.id, this.user.id)) {
      // another account: start again from its values, and never show one account's password beside another
      this.chosenRole = this.user.role;
      this.errors = {};
      this.summary = '';
      this.status = '';
      this.confirming = null;
      this.actionError = '';
      this.temporary = null;
      this.copied = '';
    }
    this.shownFor = this.user;
  }

  render() {
    const u = this.user;
    return html`<section class="card" aria-labelledby="user-edit-title" data-editing=${u.username}>
      <div class="top">
        <h2 id="user-edit-title" tabindex="-1">${t('admin.account.editTitle', { name: u.username })}</h2>
        <button type="button" class="secondary" @click=${this.close}>${t('admin.account.close')}</button>
      </div>
      <p data-state>${t('admin.account.state', { state: accountStateLabel(u) })}</p>
      ${this.accessForm(u)}
      ${this.accountActions(u)}
    </section>`;
  }

  private accessForm(u: UserAccount) {
    const e = this.errors;
    const p = 'edit';
    const needle = this.facilityFilter.trim().toLowerCase();
    const shown = this.facilities.filter((f) => !needle || f.name.toLowerCase().includes(needle) || f.municipality.toLowerCase().includes(needle));
    const assigned = new Set(u.facilityIds.map(String));
    return html`<form novalidate @submit=${this.save} aria-label=${t('admin.account.access')}>
      <h3>${t('admin.account.access')}</h3>
      ${this.summary ? errorSummary('edit-summary', this.summary, unplaced(e, (f) => FIELDS.has(f))) : nothing}
      <div class="grid">
        <div @change=${(ev: Event) => (this.chosenRole = (ev.target as HTMLSelectElement).value as Role)}>
          ${selectField({ prefix: p, name: 'role', label: t('admin.users.role'), value: this.chosenRole, errors: e, required: true,
            options: ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })) })}
        </div>
        ${textField({ prefix: p, name: 'organization', label: t('admin.users.organization'), value: u.organization ?? '', errors: e,
          required: this.chosenRole === 'CASEWORKER', autocomplete: 'organization' })}
      </div>
      ${this.chosenRole === 'SHELTER_STAFF' ? html`
        <fieldset data-field="facilityIds" aria-describedby=${describedBy(p, e, 'facilityIds') ?? ''}>
          <legend>${t('admin.users.facilities')}<span class="req" aria-hidden="true"> *</span></legend>
          <label for="edit-facility-filter">${t('admin.users.facilityFilter')}</label>
          <input id="edit-facility-filter" type="search" autocomplete="off" .value=${this.facilityFilter}
            @input=${(ev: Event) => (this.facilityFilter = (ev.target as HTMLInputElement).value)} />
          <div class="pick">
            ${this.facilities.map((f) => html`<div class="check" ?hidden=${!shown.includes(f)}>
              <input id="edit-f-${f.id}" type="checkbox" name="facilityIds" value=${String(f.id)} .checked=${assigned.has(String(f.id))}
                aria-invalid=${e.facilityIds ? 'true' : 'false'} />
              <label for="edit-f-${f.id}">${f.name} <span class="muted">(${f.municipality})</span></label></div>`)}
          </div>
          ${fieldError(p, e, 'facilityIds')}
        </fieldset>` : nothing}
      <p class="hint">${t('admin.account.accessHint')}</p>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('admin.saving') : t('admin.account.save')}</button>
        <span role="status" class="ok">${this.status}</span>
      </div>
    </form>`;
  }

  private accountActions(u: UserAccount) {
    if (this.self) {
      return html`<h3>${t('admin.account.actions')}</h3><p class="hint">${t('admin.account.selfHint')}</p>`;
    }
    const name = u.username;
    return html`<h3>${t('admin.account.actions')}</h3>
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
      ${this.temporary ? this.temporaryPassword(name, this.temporary) : nothing}
      ${this.confirming ? this.confirmation(name) : html`<div class="actions">
        ${u.active
          ? html`<button type="button" class="danger" @click=${() => this.ask('disable')}>${t('admin.account.disable', { name })}</button>`
          : html`<button type="button" class="secondary" @click=${() => this.ask('enable')}>${t('admin.account.enable', { name })}</button>`}
        <button type="button" class="secondary" @click=${() => this.ask('reset')}>${t('admin.account.reset', { name })}</button>
      </div>`}`;
  }

  private confirmation(name: string) {
    const which = this.confirming!;
    const question = t(`admin.account.${which}Question` as MessageKey, { name });
    const yes = t(`admin.account.${which}Yes` as MessageKey, { name });
    return html`<div class="confirm ${which === 'enable' ? '' : 'danger'}" role="alertdialog" aria-labelledby="confirm-q" data-confirm=${which}>
      <p id="confirm-q"><strong>${question}</strong></p>
      <p class="hint">${t(`admin.account.${which}Effect` as MessageKey, { name })}</p>
      <div class="actions">
        <button type="button" class=${which === 'enable' ? '' : 'danger'} ?disabled=${this.busy} @click=${() => this.act(which)}>${yes}</button>
        <button type="button" class="secondary" @click=${this.cancelConfirm}>${t('admin.cancel')}</button>
      </div>
    </div>`;
  }

  private temporaryPassword(name: string, password: string) {
    return html`<div class="warning" role="alert">
      <p><strong>${t('admin.account.tempOnce', { name })}</strong></p>
      <div class="key">
        <div class="field">
          <label for="temp-password">${t('admin.account.tempLabel', { name })}</label>
          <input id="temp-password" readonly .value=${password} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        </div>
        <button type="button" @click=${this.copy}>${t('admin.account.copy')}</button>
      </div>
      <p role="status" class="ok">${this.copied}</p>
      <p class="hint">${t('admin.account.tempNext', { name })}</p>
    </div>`;
  }

  private async ask(which: Exclude<Confirming, null>): Promise<void> {
    this.actionError = '';
    this.confirming = which;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
  }

  private cancelConfirm(): void {
    this.confirming = null;
  }

  private async act(which: Exclude<Confirming, null>): Promise<void> {
    this.busy = true;
    this.actionError = '';
    this.status = '';
    try {
      if (which === 'reset') {
        const { temporaryPassword } = await api.resetPassword(this.user.id);
        this.temporary = temporaryPassword;
        this.copied = '';
        this.changed({ ...this.user, mustChangePassword: true });
      } else {
        this.temporary = null;
        const saved = await api.updateUser(this.user.id, withActive(this.user, which === 'enable'));
        this.status = t(which === 'enable' ? 'admin.account.enabled' : 'admin.account.disabled', { name: saved.username });
        this.changed(saved);
      }
      this.confirming = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(which === 'reset' ? '#temp-password' : '#user-edit-title')?.focus();
    } catch (err) {
      this.actionError = problemSummary(err);
    } finally {
      this.busy = false;
    }
  }

  private async save(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const { body, errors } = userChangeBody(new FormData(ev.target as HTMLFormElement), this.user.active);
    this.status = '';
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.summary = tn('admin.fixErrors', Object.keys(errors).length);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'edit-summary');
      return;
    }
    this.busy = true;
    try {
      const saved = await api.updateUser(this.user.id, body);
      this.errors = {};
      this.summary = '';
      this.status = t('admin.account.saved', { name: saved.username });
      this.changed(saved);
    } catch (err) {
      this.errors = serverFieldErrors(err);
      this.summary = problemSummary(err);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'edit-summary');
    } finally {
      this.busy = false;
    }
  }

  private changed(u: UserAccount): void {
    this.user = u;
    this.dispatchEvent(new CustomEvent<UserAccount>('user-saved', { detail: u }));
  }

  /** The clipboard API needs a secure context; otherwise the password stays selected for the admin to copy. */
  private async copy(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#temp-password');
    if (!this.temporary) return;
    try {
      await navigator.clipboard.writeText(this.temporary);
      this.copied = t('admin.account.copied');
    } catch {
      input?.focus();
      input?.select();
      this.copied = t('admin.account.copyByHand');
    }
  }

  private close(): void {
    this.temporary = null;
    this.dispatchEvent(new CustomEvent('close'));
  }
}
