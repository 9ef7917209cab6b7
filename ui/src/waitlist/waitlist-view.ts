import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  ApiError, PROGRAM_TYPES, api, type ClientDetail, type Match, type NearMiss, type ProgramType, type WaitlistEntry, type WaitlistQuery,
} from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, formatDateTime, locale, t, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import { byAlias } from '../clients/bodies';
import { casework } from '../clients/clients-view';
import { problemText, tc } from '../clients/format';
import {
  acceptBody, bookableNowLink, canAccept, formatOfferCountdown, joinBodyFrom, nextExpiry, offerTimeLeft, offersFirst, waitCandidates,
} from './offers';

type Scope = 'program' | 'type';
type ListScope = 'org' | Scope;

/**
 * #/waitlist: put a client in line for a program, or for any program of a type in a region; see the
 * organization's entries in offer order; take a live offer (a held bed) before it runs out, or withdraw.
 */
@customElement('harbour-waitlist-view')
export class WaitlistView extends LitElement {
  static styles = [shared, casework(), css`
    .scope { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
    .entries { display: grid; gap: 0.75rem; margin-top: 1rem; }
    .entry { display: grid; gap: 0.3rem; }
    .entry h3 { margin: 0; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
    .status-WAITING { color: var(--muted); }
    .status-OFFERED { color: var(--ok); }
    .entry.offered { border: 2px solid var(--ok); }
    .offer { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    .countdown { font-size: 1.3rem; font-weight: 800; color: var(--warn); font-variant-numeric: tabular-nums; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .head { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; }
    .head > div { flex: 1 1 12rem; }
    .placed a { font-weight: 700; }
    .row.wide { grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  /** A client chosen elsewhere (#/waitlist?client=12). */
  @property() preselect: string | null = null;
  @state() private clients: ClientDetail[] = [];
  @state() private entries: WaitlistEntry[] | null = null;
  @state() private scope: Scope = 'program';
  @state() private listScope: ListScope = 'org';
  @state() private query: WaitlistQuery = {};
  @state() private listError = '';
  /** The service asked for a filter (400/422): say how to give one. */
  @state() private chooseList = false;
  @state() private joinError = '';
  /** What just happened, in whichever language is chosen when it is read. */
  @state() private message: (() => string) | null = null;
  @state() private placedClient: string | null = null;
  /** After joining: programs that fit her have a bed now (the join answer's bookableNow). */
  @state() private bookableNow: { n: number; href: string } | null = null;
  /** The join form's client and region, and the programs that fit her there. */
  @state() private joinClient = '';
  @state() private joinRegion = '';
  @state() private fit: { full: NearMiss[]; open: Match[] } | 'loading' | null = null;
  private fitFor = '';
  @state() private busy = false;
  @state() private joinOpen = false;
  @state() private clock = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;
  private offLive: (() => void) | null = null;
  private reloadAt: number | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    api.clientList().then((c) => (this.clients = c), () => (this.clients = []));
    void this.load();
    this.timer = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.offLive?.();
    this.offLive = null;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('preselect') && this.preselect) this.joinClient = this.preselect;
  }

  protected updated(): void {
    if (!this.offLive && this.data) {
      // An offer arrives for this organization: read the list again at once, no reload of the page.
      this.offLive = this.data.onLive((m) => {
        if (m.type === 'waitlist.offered') void this.load();
      });
    }
  }

  /** Counts offers down each second; when one runs out, the service has passed it on: read again. */
  private tick(): void {
    if (!this.entries?.some((e) => e.status === 'OFFERED')) return;
    this.clock = Date.now();
    if (this.reloadAt !== null && this.clock >= this.reloadAt + 1000) {
      this.reloadAt = null;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const entries = await api.waitlist(this.query);
      this.entries = offersFirst(entries);
      this.listError = '';
      this.chooseList = false;
      this.clock = Date.now();
      this.reloadAt = nextExpiry(entries, this.clock);
    } catch (e) {
      this.entries = [];
      this.chooseList = e instanceof ApiError && (e.status === 400 || e.status === 422);
      this.listError = this.chooseList ? '' : problemText(e);
    }
  }

  render() {
    return html`
      <h1>${t('waitlist.title')}</h1>
      <div role="status" class="placed" id="message" tabindex="-1">
        ${this.message ? html`<p class="ok">${this.message()}
          ${this.placedClient ? html` <a href="#/clients/${encodeURIComponent(this.placedClient)}">${t('cw.timeline')}</a>` : nothing}</p>` : nothing}
        ${this.bookableNow ? html`<p><a class="button" data-bookable-now href=${this.bookableNow.href}>${tc('waitlist.bookableNow', this.bookableNow.n)}</a></p>` : nothing}
      </div>
      ${this.joinSection()}
      ${this.listSection()}
    `;
  }

  private programs(): [string, string][] {
    const d = this.data;
    if (!d) return [];
    return [...d.programs.keys()]
      .map((id) => [id, d.programLabel(id) ?? id] as [string, string])
      .sort((a, b) => a[1].localeCompare(b[1], locale()));
  }

  private regionName(code: string | null): string {
    return code ? this.data?.regions.get(code) ?? code : '';
  }

  private scopeFields(prefix: string, scope: Scope) {
    const regions = [...(this.data?.regions ?? new Map<string, string>()).entries()];
    if (scope === 'program') {
      return html`<div>
        <label for="${prefix}-program">${t('waitlist.program')}</label>
        <select id="${prefix}-program" name="programId" required>
          <option value="">${t('timeline.choose')}</option>
          ${this.programs().map(([id, label]) => html`<option value=${id}>${label}</option>`)}
        </select></div>`;
    }
    return html`<div class="row">
      <div><label for="${prefix}-type">${t('waitlist.type')}</label>
        <select id="${prefix}-type" name="type" required>
          <option value="">${t('timeline.choose')}</option>
          ${PROGRAM_TYPES.map((ty) => html`<option value=${ty}>${tEnum('type', ty)}</option>`)}
        </select></div>
      <div><label for="${prefix}-region">${t('find.region')}</label>
        <select id="${prefix}-region" name="regionCode" required>
          <option value="">${t('timeline.choose')}</option>
          ${regions.map(([code, name]) => html`<option value=${code}>${name}</option>`)}
        </select></div>
    </div>`;
  }

  private joinSection() {
    const clients = byAlias(this.clients, locale());
    const regions = [...(this.data?.regions ?? new Map<string, string>()).entries()];
    return html`
      <details class="card" ?open=${this.preselect !== null || this.joinOpen}
        @toggle=${(e: Event) => (this.joinOpen = (e.target as HTMLDetailsElement).open)}>
        <summary id="join-title">${t('waitlist.join')}</summary>
        <form @submit=${this.join} aria-labelledby="join-title" @change=${this.joinChanged}>
          <div class="row wide">
            <div><label for="wl-client">${t('find.client')}</label>
              <select id="wl-client" name="clientId" required>
                <option value="">${t('timeline.choose')}</option>
                ${clients.map((c) => html`<option value=${String(c.id)} ?selected=${String(c.id) === this.preselect}>${c.alias}</option>`)}
              </select></div>
            <div><label for="wl-region">${t('find.region')}</label>
              <select id="wl-region" name="regionCode" required>
                <option value="">${t('timeline.choose')}</option>
                ${regions.map(([code, name]) => html`<option value=${code}>${name}</option>`)}
              </select></div>
            <div><label for="wl-priority">${t('waitlist.priority')}</label>
              <select id="wl-priority" name="priority">
                ${[1, 2, 3].map((n) => html`<option value=${n} ?selected=${n === 2}>${t(`waitlist.priority${n as 1 | 2 | 3}`)}</option>`)}
              </select></div>
          </div>
          <fieldset>
            <legend>${t('waitlist.waitFor')}</legend>
            <div class="scope">
              <label class="check"><input type="radio" name="scope" value="program" ?checked=${this.scope === 'program'}
                @change=${() => (this.scope = 'program')} />${t('waitlist.oneProgram')}</label>
              <label class="check"><input type="radio" name="scope" value="type" ?checked=${this.scope === 'type'}
                @change=${() => (this.scope = 'type')} />${t('waitlist.typeRegion')}</label>
            </div>
            ${this.scope === 'program' ? this.fitPicker() : html`<div><label for="join-type">${t('waitlist.type')}</label>
              <select id="join-type" name="type" required>
                <option value="">${t('timeline.choose')}</option>
                ${PROGRAM_TYPES.map((ty) => html`<option value=${ty}>${tEnum('type', ty)}</option>`)}
              </select></div>`}
          </fieldset>
          <p class="error" role="alert" ?hidden=${!this.joinError}>${this.joinError}</p>
          <button type="submit" ?disabled=${this.busy}>${t('waitlist.joinSubmit')}</button>
        </form>
      </details>`;
  }

  /** The programs she may wait for in the chosen region: the full ones that take her, then those with a bed now. */
  private fitPicker() {
    const fit = this.fit;
    const hint = !this.joinClient || !this.joinRegion ? t('waitlist.chooseClientFirst')
      : fit === 'loading' ? t('waitlist.loadingFit')
      : fit && fit.full.length + fit.open.length === 0 ? t('waitlist.noFit') : '';
    const label = (m: Match) => `${m.facilityName} — ${m.programName} (${tEnum('type', m.type)})`;
    return html`<div>
      <label for="join-program">${t('waitlist.program')}</label>
      <select id="join-program" name="programId" required aria-describedby="join-program-hint"
        ?disabled=${!fit || fit === 'loading'}>
        <option value="">${t('timeline.choose')}</option>
        ${fit && fit !== 'loading' ? html`
          ${fit.full.length ? html`<optgroup label=${t('waitlist.fullCanWait')}>
            ${fit.full.map((m) => html`<option value=${String(m.programId)}>${label(m)}</option>`)}</optgroup>` : nothing}
          ${fit.open.length ? html`<optgroup label=${t('waitlist.hasBedNow')}>
            ${fit.open.map((m) => html`<option value=${String(m.programId)}>${label(m)}</option>`)}</optgroup>` : nothing}` : nothing}
      </select>
      <p id="join-program-hint" class="muted hint" role="status">${hint}</p>
    </div>`;
  }

  /** A client or a region chosen: ask which programs fit her there (a bed request by her clientId). */
  private joinChanged(e: Event): void {
    const form = (e.currentTarget as HTMLFormElement);
    this.joinClient = String(new FormData(form).get('clientId') ?? '');
    this.joinRegion = String(new FormData(form).get('regionCode') ?? '');
    void this.loadFit();
  }

  private async loadFit(): Promise<void> {
    const key = `${this.joinClient}|${this.joinRegion}`;
    if (key === this.fitFor) return;
    this.fitFor = key;
    if (!this.joinClient || !this.joinRegion) {
      this.fit = null;
      return;
    }
    this.fit = 'loading';
    this.joinError = '';
    try {
      const result = await api.findBed({ clientId: this.joinClient, regionCode: this.joinRegion, admitNow: false });
      if (this.fitFor === key) this.fit = waitCandidates(result);
    } catch (err) {
      if (this.fitFor === key) {
        this.fit = null;
        this.fitFor = '';
        this.joinError = problemText(err);
      }
    }
  }

  private listSection() {
    const list = this.entries;
    return html`
      <section aria-labelledby="list-title">
        <div class="card">
          <h2 id="list-title">${t('waitlist.entries')}${list ? html` <span class="muted">(${tc('cw.entries', list.length)})</span>` : nothing}</h2>
          <form class="head" @submit=${this.show} aria-label=${t('waitlist.show')}>
            <div><label for="list-scope">${t('waitlist.show')}</label>
              <select id="list-scope" name="scope" @change=${(e: Event) => (this.listScope = (e.target as HTMLSelectElement).value as ListScope)}>
                <option value="org" ?selected=${this.listScope === 'org'}>${t('waitlist.showOrg')}</option>
                <option value="program" ?selected=${this.listScope === 'program'}>${t('waitlist.oneProgram')}</option>
                <option value="type" ?selected=${this.listScope === 'type'}>${t('waitlist.typeRegion')}</option>
              </select></div>
            ${this.listScope === 'org' ? nothing : this.scopeFields('list', this.listScope)}
            <button type="submit" class="secondary">${t('waitlist.showSubmit')}</button>
          </form>
        </div>
        ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
        ${list === null ? html`<p role="status">${t('common.loading')}</p>`
          : this.chooseList ? html`<p class="card muted">${t('waitlist.chooseList')}</p>`
          : list.length === 0 && !this.listError ? html`<p class="card muted">${t('waitlist.none')}</p>`
          : html`<ol class="plain entries" data-list="waitlist">${list.map((e) => this.entry(e))}</ol>`}
      </section>`;
  }

  private what(e: WaitlistEntry): string {
    if (e.programId != null) return this.data?.programLabel(String(e.programId)) ?? t('notice.unknownProgram');
    return t('waitlist.typeIn', { type: tEnum('type', e.type ?? ''), region: this.regionName(e.regionCode) });
  }

  private entry(e: WaitlistEntry) {
    const alias = this.clients.find((c) => String(c.id) === String(e.clientId))?.alias ?? t('cw.clientN', { id: String(e.clientId) });
    const left = offerTimeLeft(e, this.clock);
    const offered = e.status === 'OFFERED';
    return html`
      <li class="card entry ${offered ? 'offered' : ''}" data-entry-id=${String(e.id)} data-status=${e.status}>
        <h3><a href="#/clients/${encodeURIComponent(String(e.clientId))}">${alias}</a></h3>
        <p>${t('waitlist.for', { what: this.what(e) })}</p>
        <p class="meta">
          <span class="badge status-${e.status}">${t(`wstatus.${e.status}`)}</span>
          ${e.status === 'WAITING' && e.position > 0 ? html`<strong>${t('waitlist.position', { n: e.position })}</strong>` : nothing}
          <span>${t(`waitlist.priority${Math.min(3, Math.max(1, e.priority)) as 1 | 2 | 3}`)}</span>
          <span class="muted">${t('waitlist.joined', { time: formatDateTime(e.createdAt) })}</span>
        </p>
        ${offered ? html`<div class="offer">
          <p>${t('waitlist.offeredAt', { program: this.data?.programLabel(String(e.offeredProgramId)) ?? t('notice.unknownProgram') })}</p>
          ${left !== null ? html`<span class="countdown" role="timer" aria-label=${t('waitlist.expiresLabel', { time: e.offerExpiresAt ? formatDateTime(e.offerExpiresAt) : '' })}>${left > 0
            ? t('waitlist.expiresIn', { time: formatOfferCountdown(left) }) : t('waitlist.offerOver')}</span>` : nothing}
        </div>` : nothing}
        <div class="actions">
          ${offered ? html`<button type="button" data-action="accept" ?disabled=${this.busy || !canAccept(e, this.clock)}
            aria-label=${t('waitlist.acceptFor', { alias })} @click=${() => this.accept(e, alias)}>${t('waitlist.accept')}</button>` : nothing}
          <button type="button" class="danger" data-action="withdraw" ?disabled=${this.busy}
            aria-label=${t('waitlist.withdrawFor', { alias })} @click=${() => this.withdraw(e, alias)}>${t('waitlist.withdraw')}</button>
        </div>
      </li>`;
  }

  private async show(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = new FormData(ev.target as HTMLFormElement);
    this.query = this.listScope === 'program' ? { programId: String(form.get('programId') ?? '') }
      : this.listScope === 'type' ? { type: String(form.get('type')) as ProgramType, regionCode: String(form.get('regionCode')) }
      : {};
    this.entries = null;
    await this.load();
  }

  private async join(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const body = joinBodyFrom(new FormData(ev.target as HTMLFormElement));
    if (!body.clientId) {
      this.joinError = t('waitlist.needClient');
      this.renderRoot.querySelector<HTMLElement>('#wl-client')?.focus();
      return;
    }
    if ('programId' in body && !body.programId) {
      this.joinError = t('timeline.chooseFirst');
      this.renderRoot.querySelector<HTMLElement>('#join-program')?.focus();
      return;
    }
    await this.act(async () => {
      const entry = await api.joinWaitlist(body);
      const alias = this.clients.find((c) => String(c.id) === String(body.clientId))?.alias ?? '';
      this.message = () => t('waitlist.joinedDone', { alias, n: entry.position });
      this.placedClient = null;
      const n = entry.bookableNow ?? 0;
      this.bookableNow = n > 0 ? { n, href: bookableNowLink(body.clientId, this.joinRegion || ('regionCode' in body ? body.regionCode : null)) } : null;
    }, 'join');
  }

  private async accept(e: WaitlistEntry, alias: string): Promise<void> {
    await this.act(async () => {
      await api.place(acceptBody(e));
      this.data?.dismiss(`offered-${String(e.id)}`);
      const program = this.data?.programLabel(String(e.offeredProgramId)) ?? '';
      this.message = () => t('waitlist.placedDone', { alias, program });
      this.bookableNow = null;
      this.placedClient = String(e.clientId);
    });
  }

  private async withdraw(e: WaitlistEntry, alias: string): Promise<void> {
    await this.act(async () => {
      await api.withdrawWaitlist(e.id);
      this.data?.dismiss(`offered-${String(e.id)}`);
      this.message = () => t('waitlist.withdrawnDone', { alias });
      this.bookableNow = null;
      this.placedClient = null;
    });
  }

  private async act(action: () => Promise<void>, where: 'join' | 'list' = 'list'): Promise<void> {
    this.busy = true;
    this.joinError = '';
    try {
      await action();
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#message')?.focus();
    } catch (err) {
      if (where === 'join') this.joinError = problemText(err);
      else {
        this.message = null;
        await this.load();
        this.listError = problemText(err);
      }
    } finally {
      this.busy = false;
    }
  }
}
