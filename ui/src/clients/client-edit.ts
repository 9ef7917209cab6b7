import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type ClientDetail } from '../api';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { clientFieldValues, clientUpdateFrom } from './bodies';
import { clientFields } from './client-fields';
import { casework } from './clients-view';
import { problemText } from './format';

/**
 * Editing a client (PUT /api/clients/{id}): her alias, birth year, gender and every need, pre-filled from
 * her record. Sends every field; fires `client-saved` with the record the service answers.
 */
@customElement('harbour-client-edit')
export class ClientEdit extends LitElement {
  static styles = [shared, casework(), css`
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  `];

  @property({ attribute: false }) client!: ClientDetail;
  @state() private busy = false;
  @state() private error = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const year = new Date().getFullYear();
    return html`
      <form @submit=${this.save} novalidate aria-labelledby="edit-title">
        <h2 id="edit-title">${t('clients.editTitle')}</h2>
        ${clientFields(year, false, clientFieldValues(this.client), false)}
        <p class="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('clients.saving') : t('clients.save')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${t('cw.cancel')}</button>
        </div>
      </form>`;
  }

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLElement>('#alias')?.focus();
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const body = clientUpdateFrom(new FormData(e.target as HTMLFormElement));
    if (!body.alias) {
      this.error = t('clients.aliasRequired');
      this.renderRoot.querySelector<HTMLElement>('#alias')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const saved = await api.updateClient(this.client.id, body);
      this.dispatchEvent(new CustomEvent('client-saved', { detail: saved }));
    } catch (err) {
      this.error = problemText(err);
    } finally {
      this.busy = false;
    }
  }
}
