import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, PROGRAM_TYPES, api, type BedRequestResult, type ClientDetail, type Id } from '../api';
import { searchFieldsFor } from '../clients/bodies';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t, tEnum, tn } from '../i18n';
import { shared } from '../ui/styles';
import { admitNowByDefault, bedRequestFrom, needsFields } from './needs';
import './match-card';

@customElement('harbour-find-bed')
export class FindBed extends LitElement {
  static styles = [shared, css`
    form { display: grid; gap: 1rem; }
    .row { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
    .flags, .types { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem; }
    legend { font-weight: 700; }
    .admit { font-weight: 700; }
    .results { display: grid; gap: 0.75rem; }
    #results { margin-top: 1.25rem; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property({ type: Number }) now = Date.now();
  /** A client chosen elsewhere (#/find?client=12): selected, and her needs filled in. */
  @property() preselect: string | null = null;
  @state() private clients: ClientDetail[] = [];
  private applied: string | null = null;
  @state() private result: BedRequestResult | null = null;
  @state() private busy = false;
  @state() private error = '';
  private readonly admitNow = admitNowByDefault(new Date());

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    api.clientList().then((c) => (this.clients = c), () => (this.clients = []));
  }

  protected updated(): void {
    // Once the clients are loaded, select the one asked for and fill in her needs (once per request).
    if (this.preselect && this.preselect !== this.applied && this.clients.some((c) => String(c.id) === this.preselect)) {
      this.applied = this.preselect;
      const select = this.renderRoot.querySelector<HTMLSelectElement>('#client');
      if (select) select.value = this.preselect;
      this.fillFor(this.preselect);
    }
  }

  /** Fills the needs from the chosen client's record, so a search for her is one tap. */
  private fillFor(clientId: string): void {
    const client = this.clients.find((c) => String(c.id) === clientId);
    if (!client) return;
    const fields = searchFieldsFor(client, new Date().getFullYear());
    const form = this.form();
    for (const [name, value] of Object.entries(fields)) {
      const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (!input) continue;
      if (typeof value === 'boolean') (input as HTMLInputElement).checked = value;
      else input.value = value;
    }
  }

  render() {
    const regions = [...(this.data?.regions ?? new Map<string, string>()).entries()];
    return html`
      <h1>${t('find.title')}</h1>
      <form class="card" @submit=${this.search}>
        <div class="row">
          <div>
            <label for="client">${t('find.client')}</label>
            <select id="client" name="clientId" @change=${(e: Event) => this.fillFor((e.target as HTMLSelectElement).value)}>
              <option value="">${t('find.anonymous')}</option>
              ${this.clients.map((c) => html`<option value=${String(c.id)} ?selected=${String(c.id) === this.preselect}>${c.alias}</option>`)}
            </select>
          </div>
          <div>
            <label for="alias">${t('find.newAlias')}</label>
            <input id="alias" name="alias" autocomplete="off" maxlength="60" />
          </div>
          <div>
            <label for="region">${t('find.region')}</label>
            <select id="region" name="regionCode">
              <option value="">${t('find.anyRegion')}</option>
              ${regions.map(([code, name]) => html`<option value=${code}>${name}</option>`)}
            </select>
          </div>
        </div>
        ${needsFields()}
        <fieldset>
          <legend>${t('find.types')}</legend>
          <div class="types">
            ${PROGRAM_TYPES.map((ty) => html`<label class="check"><input type="checkbox" name="types" value=${ty} />${tEnum('type', ty)}</label>`)}
          </div>
        </fieldset>
        <label class="check admit"><input type="checkbox" name="admitNow" ?checked=${this.admitNow} />${t('find.admitNow')}</label>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('find.searching') : t('find.submit')}</button>
      </form>
      <div aria-live="polite">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.result ? this.results(this.result) : nothing}
      </div>
    `;
  }

  private results(r: BedRequestResult) {
    if (r.unmet || r.matches.length === 0) return html`<p id="results" tabindex="-1" class="card">${t('find.unmet')}</p>`;
    return html`
      <h2 id="results" tabindex="-1">${tn('find.results', r.matches.length)}</h2>
      <ol class="plain results">
        ${r.matches.map((m) => html`<li><harbour-match-card .match=${m} .now=${this.now}
          .info=${this.data?.programs.get(String(m.programId))} .client=${() => this.clientForPlacement()}></harbour-match-card></li>`)}
      </ol>`;
  }

  private form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  private async search(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(this.form());
    const request = bedRequestFrom(data);
    const clientId = String(data.get('clientId') ?? '');
    if (clientId) request.clientId = clientId;
    this.busy = true;
    this.error = '';
    try {
      this.result = await api.findBed(request);
      await this.updateComplete;
      // On a phone the results are below the fold: take the reader (and screen reader) to them.
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    } catch (err) {
      this.result = null;
      this.error = err instanceof ApiError && err.status ? err.detail ?? t('error.generic', { status: String(err.status) }) : t('error.network');
    } finally {
      this.busy = false;
    }
  }

  /** The chosen client, or a new one made from the alias typed in; null when there is neither. */
  private async clientForPlacement(): Promise<Id | null> {
    const data = new FormData(this.form());
    const chosen = String(data.get('clientId') ?? '');
    if (chosen) return chosen;
    const alias = String(data.get('alias') ?? '').trim();
    if (!alias) return null;
    const request = bedRequestFrom(data);
    const client = await api.createClient({ alias, gender: request.needs.gender, consentToShare: false });
    this.clients = [...this.clients, client];
    await this.updateComplete;
    (this.renderRoot.querySelector('#client') as HTMLSelectElement).value = String(client.id);
    (this.renderRoot.querySelector('#alias') as HTMLInputElement).value = '';
    return client.id;
  }
}
