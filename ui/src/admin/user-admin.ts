import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, ROLES, session, type Facility, type Id, type Role, type UserAccount } from '../api';
import { LocaleController, t, tn, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { describedBy, errorSummary, fieldError, focusFirstProblem, formStyles, requiredNote, selectField, textField } from './fields';
import { MIN_PASSWORD, problemSummary, serverFieldErrors, unplaced, userBody, type FieldErrors } from './forms';
import { accountState, accountStateLabel, sameId, upsertUser, userMatches } from './accounts';
import './user-editor';

const FIELDS = new Set(['username', 'password', 'role', 'organization', 'facilityIds']);

/**
 * Accounts: who may sign in, in which role, for which organization and (shelter staff) which facilities; each
 * one managed in its own card (access, disable or enable, password reset).
 */
@customElement('harbour-user-admin')
export class UserAdmin extends LitElement {
  static styles = [shared, formStyles, css`
    section + section { margin-top: 1.5rem; }
    /* relative: the hidden "Manage" heading (sr-only, absolute) stays inside the scroller, not off the page's edge */
    .scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: var(--radius); position: relative; }
    table { border-collapse: collapse; min-width: 100%; }
    th, td { padding: 0.45rem 0.6rem; border-top: 1px solid var(--border); text-align: left; vertical-align: top; min-width: 8rem; }
    td[data-col='role'] { white-space: nowrap; }
    .filter { max-width: 24rem; margin-bottom: 0.75rem; }
    .pick { max-height: 16rem; overflow-y: auto; margin-top: 0.5rem; }
    td[data-col='state'] { white-space: nowrap; }
    tr[data-state='disabled'] th, tr[data-state='disabled'] td { color: var(--muted); }
    td[data-col='manage'] { min-width: 0; }
    .state-disabled { color: var(--danger); font-weight: 700; }
    .state-mustChange { color: var(--warn); font-weight: 700; }
  `];

  @property({ attribute: false }) facilities: Facility[] = [];
  @state() private users: UserAccount[] | null = null;
  @state() private loadError = '';
  @state() private errors: FieldErrors = {};
  @state() private summary = '';
  @state() private status = '';
  @state() private busy = false;
  @state() private chosenRole: Role = 'CASEWORKER';
  @state() private facilityFilter = '';
  @state() private userFilter = '';
  /** The account open in its card, by id. */
  @state() private managing: Id | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.users = await api.users();
      this.loadError = '';
    } catch (err) {
      this.loadError = problemSummary(err);
    }
  }

  render() {
    const managed = this.managing === null ? null : this.users?.find((u) => sameId(u.id, this.managing!)) ?? null;
    return html`${managed ? this.editor(managed) : nothing}${this.form()}${this.list()}`;
  }

  private editor(u: UserAccount) {
    return html`<harbour-user-editor .user=${u} .facilities=${this.facilities} ?self=${u.username === session.get()?.username}
      @user-saved=${(e: CustomEvent<UserAccount>) => (this.users = upsertUser(this.users ?? [], e.detail))}
      @close=${this.closeEditor}></harbour-user-editor>`;
  }

  private async manage(u: UserAccount): Promise<void> {
    this.managing = u.id;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('harbour-user-editor') as LitElement | null;
    await editor?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#user-edit-title')?.focus();
  }

  private closeEditor(): void {
    const id = this.managing;
    this.managing = null;
    void this.updateComplete.then(() => {
      const row = id === null ? null : this.renderRoot.querySelector<HTMLElement>(`tr[data-user-id="${String(id)}"] button`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('#user-filter'))?.focus();
    });
  }

  private facilityName(id: unknown): string {
    return this.facilities.find((f) => String(f.id) === String(id))?.name ?? String(id);
  }

  private list() {
    const users = this.users;
    return html`<section aria-labelledby="users-title">
      <h2 id="users-title">${t('admin.users.title')}</h2>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      ${users === null ? html`<p class="muted">${t('common.loading')}</p>` : html`
        <div class="filter">
          <label for="user-filter">${t('admin.users.filter')}</label>
          <input id="user-filter" type="search" autocomplete="off" .value=${this.userFilter}
            @input=${(ev: Event) => (this.userFilter = (ev.target as HTMLInputElement).value)} />
        </div>
        <div class="scroll" role="region" tabindex="0" aria-label=${t('admin.users.table')}>
          <table>
            <thead><tr><th scope="col">${t('admin.users.username')}</th><th scope="col">${t('admin.users.role')}</th>
              <th scope="col">${t('admin.users.organization')}</th><th scope="col">${t('admin.users.facilities')}</th>
              <th scope="col">${t('admin.account.stateColumn')}</th><th scope="col"><span class="sr-only">${t('admin.account.manageColumn')}</span></th></tr></thead>
            <tbody>${users.filter((u) => userMatches(u, this.userFilter)).map((u) => html`<tr data-username=${u.username}
              data-user-id=${String(u.id)} data-state=${accountState(u)}>
              <th scope="row">${u.username}</th><td data-col="role">${t(`role.${u.role}` as MessageKey)}</td><td>${u.organization ?? '—'}</td>
              <td>${u.facilityIds.length ? u.facilityIds.map((id) => this.facilityName(id)).join(', ') : '—'}</td>
              <td data-col="state"><span class="state-${accountState(u)}">${accountStateLabel(u)}</span></td>
              <td data-col="manage"><button type="button" class="secondary" @click=${() => this.manage(u)}
                aria-label=${t('admin.account.manageNamed', { name: u.username })}>${t('admin.account.manage')}</button></td>
            </tr>`)}</tbody>
          </table>
        </div>`}
    </section>`;
  }

  private form() {
    const e = this.errors;
    const p = 'user';
    const needle = this.facilityFilter.trim().toLowerCase();
    const shown = this.facilities.filter((f) => !needle || f.name.toLowerCase().includes(needle) || f.municipality.toLowerCase().includes(needle));
    return html`<section aria-labelledby="new-user-title" class="card">
      <h2 id="new-user-title">${t('admin.users.new')}</h2>
      <form novalidate @submit=${this.save}>
        ${requiredNote(t('admin.requiredNote'))}
        ${this.summary ? errorSummary('user-summary', this.summary, unplaced(e, (f) => FIELDS.has(f))) : nothing}
        <div class="grid">
          ${textField({ prefix: p, name: 'username', label: t('admin.users.username'), value: '', errors: e, required: true, autocomplete: 'off' })}
          ${textField({ prefix: p, name: 'password', label: t('admin.users.password'), value: '', errors: e, required: true, type: 'password',
            autocomplete: 'new-password', hint: t('admin.users.passwordHint', { n: MIN_PASSWORD }) })}
          <div @change=${(ev: Event) => (this.chosenRole = (ev.target as HTMLSelectElement).value as Role)}>
            ${selectField({ prefix: p, name: 'role', label: t('admin.users.role'), value: this.chosenRole, errors: e, required: true,
              options: ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) })) })}
          </div>
          ${textField({ prefix: p, name: 'organization', label: t('admin.users.organization'), value: '', errors: e,
            required: this.chosenRole === 'CASEWORKER', autocomplete: 'organization' })}
        </div>
        <p class="hint">${t('admin.users.firstSignIn')}</p>
        ${this.chosenRole === 'SHELTER_STAFF' ? html`
          <fieldset data-field="facilityIds" aria-describedby=${describedBy(p, e, 'facilityIds') ?? ''}>
            <legend>${t('admin.users.facilities')}<span class="req" aria-hidden="true"> *</span></legend>
            <label for="user-facility-filter">${t('admin.users.facilityFilter')}</label>
            <input id="user-facility-filter" type="search" autocomplete="off" .value=${this.facilityFilter}
              @input=${(ev: Event) => (this.facilityFilter = (ev.target as HTMLInputElement).value)} />
            <div class="pick">
              ${this.facilities.map((f) => html`<div class="check" ?hidden=${!shown.includes(f)}>
                <input id="user-f-${f.id}" type="checkbox" name="facilityIds" value=${String(f.id)} aria-invalid=${e.facilityIds ? 'true' : 'false'} />
                <label for="user-f-${f.id}">${f.name} <span class="muted">(${f.municipality})</span></label></div>`)}
            </div>
            ${fieldError(p, e, 'facilityIds')}
          </fieldset>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('admin.saving') : t('admin.users.create')}</button>
          <span role="status" class="ok">${this.status}</span>
        </div>
      </form>
    </section>`;
  }

  private async save(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const { body, errors } = userBody(new FormData(form));
    this.status = '';
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.summary = tn('admin.fixErrors', Object.keys(errors).length);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'user-summary');
      return;
    }
    this.busy = true;
    try {
      const created = await api.createUser(body);
      this.errors = {};
      this.summary = '';
      this.status = t('admin.users.created', { name: created.username });
      form.reset();
      this.chosenRole = 'CASEWORKER';
      this.users = upsertUser(this.users ?? [], created);
    } catch (err) {
      const fieldErrors = serverFieldErrors(err);
      // A taken username is a 409 without errors[]: it still belongs next to the username.
      if (err instanceof Error && 'status' in err && (err as { status: number }).status === 409) {
        fieldErrors.username = t('admin.users.taken');
      }
      this.errors = fieldErrors;
      this.summary = problemSummary(err);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'user-summary');
    } finally {
      this.busy = false;
    }
  }
}
