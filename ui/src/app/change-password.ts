import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api } from '../api';
import { LocaleController, t } from '../i18n';
import { fieldMessage, problemMessage } from '../i18n/problem-text';
import { shared } from '../ui/styles';
import { formStyles } from '../admin/fields';
import { MIN_PASSWORD_LENGTH, passwordChangeErrors, passwordProblem, type PasswordErrors, type PasswordField } from './password-rules';
import './lang-switch';

const FIELDS: PasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

/**
 * Shown instead of the dashboard while the password was set by an administrator (a new account, a reset):
 * nothing else answers until it is changed. The current password is the one she was given.
 */
@customElement('harbour-change-password')
export class ChangePassword extends LitElement {
  static styles = [shared, formStyles, css`
    main { max-width: 28rem; margin: 0 auto; padding: 2rem 1rem; }
    header { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; margin-bottom: 1.5rem; }
    .brand { font-size: 1.6rem; font-weight: 800; margin: 0; }
    form { display: grid; gap: 1rem; }
    button[type='submit'] { width: 100%; }
  `];

  @property() username = '';
  @state() private errors: PasswordErrors = {};
  @state() private message = '';
  @state() private busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#pw-title')?.focus();
  }

  render() {
    return html`
      <main>
        <header>
          <p class="brand">${t('app.name')}</p>
          <harbour-lang-switch></harbour-lang-switch>
        </header>
        <form class="card" novalidate @submit=${this.submit} aria-labelledby="pw-title">
          <h1 id="pw-title" tabindex="-1">${t('password.title')}</h1>
          <p>${t('password.intro', { user: this.username })}</p>
          ${this.field('currentPassword', t('password.current'), 'current-password')}
          ${this.field('newPassword', t('password.new'), 'new-password', t('password.newHint', { n: MIN_PASSWORD_LENGTH }))}
          ${this.field('confirmPassword', t('password.confirm'), 'new-password')}
          <p role="alert" class="error" ?hidden=${!this.message}>${this.message}</p>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('admin.saving') : t('password.submit')}</button>
          <button type="button" class="secondary" @click=${this.signOut}>${t('nav.signOut')}</button>
        </form>
      </main>`;
  }

  private field(name: PasswordField, label: string, autocomplete: string, hint?: string) {
    const error = this.errors[name];
    const described = [error ? `pw-${name}-err` : '', hint ? `pw-${name}-hint` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for="pw-${name}">${label}</label>
      <input id="pw-${name}" name=${name} type="password" autocomplete=${autocomplete} required
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing} />
      ${hint ? html`<p class="hint" id="pw-${name}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="pw-${name}-err">${error}</p>` : nothing}
    </div>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const value = (name: PasswordField) => String(data.get(name) ?? '');
    this.message = '';
    this.errors = passwordChangeErrors(value('currentPassword'), value('newPassword'), value('confirmPassword'), this.username);
    if (Object.keys(this.errors).length) {
      await this.focusProblem();
      return;
    }
    this.busy = true;
    try {
      await api.changeOwnPassword(value('currentPassword'), value('newPassword'));
      this.dispatchEvent(new CustomEvent('password-changed', { bubbles: true, composed: true }));
    } catch (err) {
      const errors: PasswordErrors = {};
      if (err instanceof ApiError) {
        for (const fe of err.errors) {
          if ((FIELDS as string[]).includes(fe.field)) errors[fe.field as PasswordField] = fe.field === 'currentPassword' || !fe.code ? passwordProblem(fe.field, fe.message) : fieldMessage(fe);
        }
      }
      this.errors = errors;
      const status = err instanceof ApiError ? err.status : 0;
      this.message = Object.keys(errors).length ? '' : status === 429 ? t('signIn.throttled')
        : problemMessage(err);
      await this.focusProblem();
    } finally {
      this.busy = false;
    }
  }

  private async focusProblem(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private signOut(): void {
    this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }));
  }
}
