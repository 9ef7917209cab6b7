import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, signIn } from '../api';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import './lang-switch';

/** Why sign-in shows: a first visit or a sign-out, the token ran out, or the service signed her out. */
export type SignInReason = 'none' | 'expired' | 'signedOut';

@customElement('harbour-sign-in')
export class SignIn extends LitElement {
  static styles = [shared, css`
    main { max-width: 24rem; margin: 0 auto; padding: 2rem 1rem; }
    header { display: flex; justify-content: space-between; align-items: center; margin-bottom: 1.5rem; }
    .brand { font-size: 1.6rem; font-weight: 800; margin: 0; }
    form { display: grid; gap: 1rem; }
    button[type='submit'] { width: 100%; }
  `];

  @property({ attribute: false }) reason: SignInReason = 'none';
  @state() private busy = false;
  @state() private message = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const note = this.message || (this.reason === 'none' ? '' : t(`signIn.${this.reason}`));
    return html`
      <main>
        <header>
          <div>
            <p class="brand">${t('app.name')}</p>
            <p class="muted">${t('app.tagline')}</p>
          </div>
          <harbour-lang-switch></harbour-lang-switch>
        </header>
        <form class="card" @submit=${this.submit} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">${t('signIn.title')}</h1>
          <div>
            <label for="username">${t('signIn.username')}</label>
            <input id="username" name="username" autocomplete="username" autocapitalize="none" required />
          </div>
          <div>
            <label for="password">${t('signIn.password')}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <p role="alert" class="error" ?hidden=${!note}>${note}</p>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('signIn.busy') : t('signIn.submit')}</button>
        </form>
      </main>
    `;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this.busy = true;
    this.message = '';
    try {
      await signIn(String(form.get('username') ?? '').trim(), String(form.get('password') ?? ''));
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true }));
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      this.message = status === 401 ? t('signIn.failed')
        : status === 429 ? t('signIn.throttled')
        : status === 0 ? t('error.network') : t('error.generic', { status: String(status) });
    } finally {
      this.busy = false;
    }
  }
}
