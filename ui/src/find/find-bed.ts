import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PROGRAM_TYPES, api, type BedRequestResult, type ClientDetail, type Id, type Needs } from '../api';
import { clientFromSearch, searchFieldsFor } from '../clients/bodies';
import { FormProblem, problemText } from '../clients/format';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t, tEnum, tn } from '../i18n';
import { shared } from '../ui/styles';
import type { LiveMessage } from '../live/socket';
import { admitNowByDefault, bedRequestFrom, clientChoice, needsFields, searchBodyFor } from './needs';
import { rememberRegion } from '../board/board-prefs';
import './match-card';
import './near-miss';
import '../door/my-holds';

@customElement('harbour-find-bed')
export class FindBed extends LitElement {
  static styles = [shared, css`
    form { display: grid; gap: 1rem; }
    .row { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
    /* Who and where: a select's words must not be cut, so these take the whole width on a phone. */
    .row.who { grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); }
    .flags, .types { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem; }
    legend { font-weight: 700; }
    .hint { font-size: 0.85rem; }
    .admit { font-weight: 700; }
    .results { display: grid; gap: 0.75rem; }
    #results { margin-top: 1.25rem; }
    .misses { margin-top: 1.5rem; }
    [hidden] { display: none !important; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property({ type: Number }) now = Date.now();
  /** A client chosen elsewhere (#/find?client=12): selected, and her needs filled in. */
  @property() preselect: string | null = null;
  /** #/find?client=12&region=ON-EAST&search=1: a region chosen too, and the search run at once. */
  @property() preselectRegion: string | null = null;
  @property({ type: Boolean }) autoSearch = false;
  @state() private clients: ClientDetail[] = [];
  private applied: string | null = null;
  @state() private chosen = '';
  @state() private result: BedRequestResult | null = null;
  /** The needs of the search shown: the rules on each match are those that concern her. */
  @state() private needs: Needs | null = null;
  @state() private busy = false;
  @state() private error = '';
  @state() private done: (() => string) | null = null;
  private readonly admitNow = admitNowByDefault(new Date());
  /** Holds that ended at the door or elsewhere (live), by id: the match card holding one says so. */
  @state() private endedHolds = new Map<string, LiveMessage>();
  private offLive: (() => void) | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offLive?.();
    this.offLive = null;
  }

  protected willUpdate(): void {
    if (this.data && !this.offLive) {
      this.offLive = this.data.onLive((m) => {
        if (!/^hold\.(arrived|declined|no-show|released)$/.test(m.type) || m.holdId == null) return;
        // A door outcome says more than the hold.released that comes with it: keep the outcome.
        const known = this.endedHolds.get(String(m.holdId));
        if (known && m.type === 'hold.released') return;
        this.endedHolds = new Map(this.endedHolds).set(String(m.holdId), m);
      });
    }
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
      const region = this.renderRoot.querySelector<HTMLSelectElement>('#region');
      if (region && this.preselectRegion) region.value = this.preselectRegion;
      if (this.autoSearch) void this.search();
    }
  }

  /** Fills the needs from the chosen client's record, so a search for her is one tap. */
  private fillFor(clientId: string): void {
    this.chosen = clientId;
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
      <harbour-my-holds .data=${this.data}></harbour-my-holds>
      <form class="card" @submit=${(e: SubmitEvent) => { e.preventDefault(); void this.search(); }} novalidate>
        <div class="row who">
          <div>
            <label for="client">${t('find.client')}</label>
            <select id="client" name="clientId" @change=${(e: Event) => this.fillFor((e.target as HTMLSelectElement).value)}>
              <option value="">${t('find.anonymous')}</option>
              ${this.clients.map((c) => html`<option value=${String(c.id)} ?selected=${String(c.id) === this.preselect}>${c.alias}</option>`)}
            </select>
          </div>
          <div>
            <label for="alias">${t('find.newAlias')}</label>
            <input id="alias" name="alias" autocomplete="off" maxlength="60" aria-describedby="alias-hint" />
            <p id="alias-hint" class="muted hint">${t('find.newAliasHint')}</p>
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
        <label class="check" ?hidden=${!this.chosen}><input type="checkbox" name="saveNeeds" />${t('find.saveNeeds')}</label>
        <p class="error" role="alert" ?hidden=${!this.error}>${this.error}</p>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('find.searching') : t('find.submit')}</button>
      </form>
      <div aria-live="polite">
        ${this.done ? html`<p class="ok" data-done>${this.done()}</p>` : nothing}
        ${this.result ? this.results(this.result) : nothing}
      </div>
    `;
  }

  private results(r: BedRequestResult) {
    const store = this.data?.store;
    const misses = r.nearMisses ?? [];
    return html`
      ${r.unmet || r.matches.length === 0
        ? html`<p id="results" tabindex="-1" class="card">${t('find.unmet')}</p>`
        : html`<h2 id="results" tabindex="-1">${tn('find.results', r.matches.length)}</h2>
          <ol class="plain results" data-list="matches">
            ${r.matches.map((m) => html`<li><harbour-match-card .match=${m} .now=${this.now} .needs=${this.needs}
              .figure=${store?.get(m.programId)} .info=${this.data?.programs.get(String(m.programId))}
              .client=${() => this.clientForPlacement()} .ended=${this.endedHolds}></harbour-match-card></li>`)}
          </ol>`}
      ${misses.length ? html`<section class="misses" aria-labelledby="misses-title">
        <h2 id="misses-title">${t('find.nearMisses')}</h2>
        <p class="muted">${t('find.nearMissesHint')}</p>
        <ol class="plain results" data-list="near-misses">
          ${misses.map((m) => html`<li><harbour-near-miss .miss=${m} .now=${this.now} .figure=${store?.get(m.programId)}></harbour-near-miss></li>`)}
        </ol>
      </section>` : nothing}`;
  }

  private form(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }

  private async search(): Promise<void> {
    this.busy = true;
    this.error = '';
    this.done = null;
    try {
      const clientId = await this.resolveClient();
      const data = new FormData(this.form());
      const request = searchBodyFor(data, clientId);
      // The live board shows this region first next time (board-prefs.ts).
      if (request.regionCode) rememberRegion(request.regionCode);
      this.needs = request.needs ?? null;
      this.result = await api.findBed(request);
      if (request.saveNeeds && clientId != null) {
        const alias = this.aliasOf(clientId);
        this.done = () => t('find.needsSaved', { alias });
        await this.reloadClient(clientId);
      }
      await this.updateComplete;
      // On a phone the results are below the fold: take the reader (and screen reader) to them.
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    } catch (err) {
      this.result = null;
      this.error = problemText(err);
      if (err instanceof FormProblem) this.renderRoot.querySelector<HTMLElement>('#alias')?.focus();
    } finally {
      this.busy = false;
    }
  }

  private aliasOf(id: Id): string {
    return this.clients.find((c) => String(c.id) === String(id))?.alias ?? '';
  }

  private async reloadClient(id: Id): Promise<void> {
    const fresh = await api.client(id).catch(() => null);
    if (fresh) this.clients = this.clients.map((c) => (String(c.id) === String(id) ? fresh : c));
  }

  /**
   * Who the search is for. A new alias becomes a client at once, with everything the form says about her;
   * a chosen client and a typed alias is a question the caseworker answers, never a silent choice.
   */
  private async resolveClient(): Promise<Id | null> {
    const data = new FormData(this.form());
    const choice = clientChoice(String(data.get('clientId') ?? ''), String(data.get('alias') ?? ''));
    if (choice.kind === 'conflict') throw new FormProblem(t('find.aliasConflict'));
    if (choice.kind === 'existing') return choice.id;
    if (choice.kind === 'anonymous') return null;
    const client = await api.createClient(clientFromSearch(choice.alias, bedRequestFrom(data).needs, new Date().getFullYear()));
    this.clients = [...this.clients, client];
    await this.updateComplete;
    (this.renderRoot.querySelector('#client') as HTMLSelectElement).value = String(client.id);
    (this.renderRoot.querySelector('#alias') as HTMLInputElement).value = '';
    this.chosen = String(client.id);
    this.done = () => t('find.clientAdded', { alias: client.alias });
    return client.id;
  }

  /** The client a hold or a placement is for (a new alias typed after the search becomes one). */
  private async clientForPlacement(): Promise<Id | null> {
    return this.resolveClient();
  }
}
