import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type ClientDetail, type PlacementDetail } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, locale, t, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import { byAlias, newClientFrom } from './bodies';
import { clientFields } from './client-fields';
import { daysBetween, formatDue, formatShortDay, localIsoDate, problemText, tc } from './format';

const WINDOWS = [2, 7, 14, 30];

/** #/clients: placements ending soon, the organization's clients by alias, and a form to add one. */
@customElement('harbour-clients-view')
export class ClientsView extends LitElement {
  static styles = [shared, casework(), css`
    .ending li { display: grid; gap: 0.15rem; padding: 0.6rem 0; border-top: 1px solid var(--border); }
    .ending li:first-child { border-top: 0; }
    .due { font-weight: 700; }
    .due.soon { color: var(--warn); }
    .clients li { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between;
      padding: 0.6rem 0; border-top: 1px solid var(--border); }
    .clients li:first-child { border-top: 0; }
    .who a { font-size: 1.1rem; font-weight: 700; }
    .links { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; justify-content: space-between; }
    .head select, .head input { width: auto; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @state() private clients: ClientDetail[] | null = null;
  @state() private ending: PlacementDetail[] | null = null;
  @state() private windowDays = 7;
  @state() private filter = '';
  @state() private error = '';
  @state() private added: ClientDetail | null = null;
  @state() private formError = '';
  @state() private busy = false;
  private offLive: (() => void) | null = null;
  private refresh: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.offLive?.();
    this.offLive = null;
    if (this.refresh) clearTimeout(this.refresh);
  }

  protected updated(): void {
    // The live socket says when a placement nears its end: read the list again then.
    if (!this.offLive && this.data) {
      this.offLive = this.data.onLive((m) => {
        if (m.type !== 'placement.ending' && m.type !== 'placement.ended' && m.type !== 'placement.started') return;
        // Placements start and end all over the network: read once after a burst, not once per event.
        if (this.refresh) clearTimeout(this.refresh);
        this.refresh = setTimeout(() => void this.loadEnding(), 1000);
      });
    }
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      this.clients = await api.clientList();
    } catch (e) {
      this.error = problemText(e);
    }
    await this.loadEnding();
  }

  private async loadEnding(): Promise<void> {
    try {
      this.ending = await api.placementsEnding(this.windowDays);
    } catch (e) {
      this.error = problemText(e);
    }
  }

  render() {
    return html`
      <h1>${t('clients.title')}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button class="secondary" @click=${this.load}>${t('common.retry')}</button></p>` : nothing}
      ${this.endingSection()}
      ${this.addSection()}
      ${this.listSection()}
    `;
  }

  private alias(clientId: string | number): string {
    return this.clients?.find((c) => String(c.id) === String(clientId))?.alias ?? t('cw.clientN', { id: String(clientId) });
  }

  private endingSection() {
    const today = localIsoDate();
    return html`
      <section class="card" aria-labelledby="ending-title">
        <div class="head">
          <h2 id="ending-title">${t('clients.ending')}</h2>
          <div>
            <label for="window">${t('clients.endingWithin')}</label>
            <select id="window" @change=${this.changeWindow}>
              ${WINDOWS.map((d) => html`<option value=${d} ?selected=${d === this.windowDays}>${tc('cw.daysLeft', d)}</option>`)}
            </select>
          </div>
        </div>
        ${this.ending === null ? html`<p role="status">${t('common.loading')}</p>`
          : this.ending.length === 0 ? html`<p class="muted">${t('clients.endingNone')}</p>`
          : html`<ul class="plain ending" data-list="ending">
            ${this.ending.map((p) => {
              const due = p.expectedEndDate!;
              const soon = daysBetween(today, due) <= 1;
              return html`<li data-placement-id=${String(p.id)}>
                <a href="#/clients/${encodeURIComponent(String(p.clientId))}"><strong>${this.alias(p.clientId)}</strong></a>
                <span>${p.facilityName} — ${p.programName} · ${tEnum('type', p.programType)}</span>
                <span class="due ${soon ? 'soon' : ''}">${t('clients.endsOn', { date: formatShortDay(due), due: formatDue(due, today) })}</span>
              </li>`;
            })}
          </ul>`}
      </section>`;
  }

  private addSection() {
    const me = this.data?.me;
    const askOrganization = me?.role === 'ADMIN' && !me.organization;
    const year = new Date().getFullYear();
    return html`
      <details class="card add" ?open=${this.added !== null || this.formError !== ''}>
        <summary>${t('clients.add')}</summary>
        <form @submit=${this.create} novalidate>
          ${clientFields(year, askOrganization)}
          <p class="error" role="alert" ?hidden=${!this.formError}>${this.formError}</p>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('clients.adding') : t('clients.create')}</button>
        </form>
        <div role="status">
          ${this.added ? html`<p class="ok added">${t('clients.added', { alias: this.added.alias })}</p>
            <p class="links">
              <a class="button" href="#/find?client=${encodeURIComponent(String(this.added.id))}">${t('cw.findBed')}</a>
              <a class="button secondary" href="#/clients/${encodeURIComponent(String(this.added.id))}">${t('cw.timeline')}</a>
            </p>` : nothing}
        </div>
      </details>`;
  }

  private listSection() {
    const all = this.clients ?? [];
    const needle = this.filter.trim().toLocaleLowerCase();
    const shown = byAlias(all.filter((c) => !needle || c.alias.toLocaleLowerCase().includes(needle)), locale());
    return html`
      <section class="card" aria-labelledby="list-title">
        <div class="head">
          <h2 id="list-title">${t('clients.list')} <span class="muted count">(${tc('cw.clients', all.length)})</span></h2>
          <div>
            <label for="filter">${t('clients.filter')}</label>
            <input id="filter" type="search" autocomplete="off" .value=${this.filter}
              @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
          </div>
        </div>
        ${this.clients === null ? html`<p role="status">${t('common.loading')}</p>`
          : shown.length === 0 ? html`<p class="muted">${all.length ? t('clients.noMatch') : t('clients.none')}</p>`
          : html`<ul class="plain clients" data-list="clients">
            ${shown.map((c) => html`<li data-client-id=${String(c.id)}>
              <div class="who">
                <a href="#/clients/${encodeURIComponent(String(c.id))}">${c.alias}</a>
                <p class="muted">${describe(c)}</p>
              </div>
              <div class="links">
                <a class="button secondary" href="#/find?client=${encodeURIComponent(String(c.id))}"
                  aria-label=${t('cw.findBedFor', { alias: c.alias })}>${t('cw.findBed')}</a>
                <a class="button secondary" href="#/waitlist?client=${encodeURIComponent(String(c.id))}"
                  aria-label=${t('cw.waitlistFor', { alias: c.alias })}>${t('cw.waitlist')}</a>
              </div>
            </li>`)}
          </ul>`}
      </section>`;
  }

  private async changeWindow(e: Event): Promise<void> {
    this.windowDays = Number((e.target as HTMLSelectElement).value);
    this.ending = null;
    await this.loadEnding();
  }

  private async create(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const body = newClientFrom(new FormData(form));
    this.added = null;
    if (!body.alias) {
      this.formError = t('clients.aliasRequired');
      form.querySelector<HTMLInputElement>('#alias')?.focus();
      return;
    }
    this.busy = true;
    this.formError = '';
    try {
      const client = await api.newClient(body);
      this.clients = [...(this.clients ?? []), client];
      this.added = client;
      form.reset();
    } catch (err) {
      this.formError = problemText(err);
    } finally {
      this.busy = false;
    }
  }
}

/** "Born 2005 · Woman": what the list shows beside an alias. */
export function describe(c: ClientDetail): string {
  const parts: string[] = [];
  if (c.birthYear) parts.push(t('clients.born', { year: String(c.birthYear) }));
  if (c.gender) parts.push(tEnum('gender', c.gender));
  return parts.join(' · ') || t('clients.noDetails');
}

/** Styles the casework screens share: forms, sections, status badges. */
export function casework() {
  return css`
    section, details.card { margin-bottom: 1rem; }
    form { display: grid; gap: 1rem; }
    .row { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
    .flags { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem; }
    legend { font-weight: 700; }
    .hint { font-size: 0.85rem; }
    summary { cursor: pointer; font-weight: 700; font-size: 1.1rem; min-height: 44px; display: flex; align-items: center;
      gap: 0.6rem; color: var(--accent); list-style: none; }
    summary::-webkit-details-marker { display: none; }
    summary::before { content: '+'; display: inline-flex; align-items: center; justify-content: center; width: 1.6rem;
      height: 1.6rem; border: 2px solid currentColor; border-radius: 50%; font-size: 1.2rem; line-height: 1; flex-shrink: 0; }
    details[open] > summary::before { content: '−'; }
    details[open] > summary { margin-bottom: 0.75rem; }
    input[type='checkbox'] { flex-shrink: 0; }
    .badge { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; border: 2px solid currentColor;
      font-weight: 700; font-size: 0.85rem; }
    a.button { text-decoration: none; }
    input[type='radio'] { width: 1.4rem; min-height: 1.4rem; height: 1.4rem; margin: 0; accent-color: var(--accent); flex-shrink: 0; }
    [hidden] { display: none !important; }
  `;
}
