import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  END_REASONS, api, type ClientDetail, type ClientPlacements, type Match, type PlacementDetail,
} from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, formatNumber, t, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import { endBodyFrom, moveBodyFrom } from './bodies';
import './client-edit';
import { casework, describe } from './clients-view';
import { formatMoney, formatShortDay, localIsoDate, problemText, tc } from './format';
import { defaultActionDate, shapeChain, type ChainStep } from './timeline';

type Action = 'none' | 'end' | 'move';

/**
 * #/clients/<id>: one client's patchwork of placements as a vertical chain (an ordered list, oldest
 * first), the totals, and ending or moving the active placement.
 */
@customElement('harbour-client-timeline')
export class ClientTimeline extends LitElement {
  static styles = [shared, casework(), css`
    .back { display: inline-flex; align-items: center; min-height: 44px; font-weight: 600; }
    .top { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
    .links { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    dl.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr)); gap: 0.5rem; margin: 0; }
    dl.totals div { background: var(--surface-2); border-radius: var(--radius); padding: 0.5rem 0.7rem; }
    dt { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
    dd { margin: 0; font-size: 1.4rem; font-weight: 800; font-variant-numeric: tabular-nums; }
    dd small { display: block; font-size: 0.85rem; font-weight: 600; color: var(--muted); }
    .endings { margin-top: 0.5rem; }
    ol.chain { list-style: none; margin: 0; padding: 0; max-width: 48rem; }
    ol.chain > li { position: relative; padding: 0 0 1rem 2.6rem; }
    /* The thread between placements: solid within an episode, dashed before time away. */
    ol.chain > li::before { content: ''; position: absolute; left: calc(1rem - 2px); top: 2.2rem; bottom: 0; width: 4px;
      background: var(--border); border-radius: 2px; }
    ol.chain > li:last-child::before { display: none; }
    ol.chain > li.before-gap::before { background: repeating-linear-gradient(to bottom, var(--border) 0 6px, transparent 6px 12px); }
    .dot { position: absolute; left: 0; top: 0; width: 2rem; height: 2rem; border-radius: 50%; display: flex;
      align-items: center; justify-content: center; font-weight: 800; background: var(--surface-2);
      border: 3px solid var(--accent); color: var(--text); }
    li.hotel .dot { border-color: var(--warn); }
    li.active .dot { background: var(--accent); color: var(--accent-text); }
    .step { display: grid; gap: 0.3rem; }
    li.active .step { border-color: var(--accent); border-width: 2px; }
    .step h3 { margin: 0; overflow-wrap: anywhere; }
    .meta { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
    .arrival { font-size: 0.9rem; color: var(--muted); font-weight: 600; }
    .arrival.return { color: var(--warn); }
    .hotel-tag { color: var(--warn); }
    .active-tag { color: var(--ok); }
    .nights { font-weight: 700; }
    .ended { font-weight: 600; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-top: 0.4rem; }
    .panel { margin-top: 0.5rem; border-top: 1px solid var(--border); padding-top: 0.75rem; }
    .panel .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property() clientId = '';
  @state() private client: ClientDetail | null = null;
  @state() private chain: ClientPlacements | null = null;
  @state() private error = '';
  @state() private notFound = false;
  @state() private action: Action = 'none';
  @state() private busy = false;
  /** What just happened, in whichever language is chosen when it is read. */
  @state() private message: (() => string) | null = null;
  @state() private actionError = '';
  @state() private found: Match[] | null = null;
  /** The region the move suggestions are for: where she is placed now. */
  @state() private foundRegion: string | null = null;
  @state() private editing = false;
  private loadedFor = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  protected willUpdate(): void {
    if (this.clientId && this.clientId !== this.loadedFor) {
      this.loadedFor = this.clientId;
      this.client = null;
      this.chain = null;
      this.message = null;
      this.action = 'none';
      this.found = null;
      this.editing = false;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = '';
    this.notFound = false;
    try {
      const [client, chain] = await Promise.all([api.client(this.clientId), api.clientPlacements(this.clientId)]);
      this.client = client;
      this.chain = chain;
    } catch (e) {
      this.notFound = (e as { status?: number }).status === 404;
      this.error = this.notFound ? t('timeline.notFound') : problemText(e);
    }
  }

  render() {
    const back = html`<a class="back" href="#/clients">← ${t('timeline.back')}</a>`;
    if (this.error) return html`${back}<h1>${t('clients.title')}</h1><p class="error" role="alert">${this.error}</p>`;
    if (!this.client || !this.chain) return html`${back}<p role="status">${t('common.loading')}</p>`;
    const c = this.client;
    const { steps, summary } = shapeChain(this.chain, localIsoDate());
    const id = encodeURIComponent(String(c.id));
    return html`
      ${back}
      <div class="top">
        <div>
          <h1>${c.alias}</h1>
          <p class="muted">${describe(c)}${c.consentToShare ? ` · ${t('timeline.consents')}` : ''}</p>
        </div>
        <p class="links">
          ${summary.active ? nothing : html`<a class="button" href="#/find?client=${id}">${t('cw.findBed')}</a>`}
          <a class="button secondary" href="#/waitlist?client=${id}">${t('cw.waitlist')}</a>
          <button type="button" class="secondary" aria-expanded=${this.editing} @click=${this.toggleEdit}>${t('clients.edit')}</button>
        </p>
      </div>
      <p role="status" class="ok" id="message" tabindex="-1">${this.message?.() ?? ''}</p>
      ${this.editing ? html`<section class="card"><harbour-client-edit .client=${c} @cancel=${this.toggleEdit}
        @client-saved=${this.saved}></harbour-client-edit></section>` : nothing}
      <section class="card" aria-labelledby="totals-title">
        <h2 id="totals-title">${t('timeline.totals')}</h2>
        <dl class="totals">
          <div data-total="placements"><dt>${t('timeline.placements')}</dt><dd>${formatNumber(summary.placements)}</dd></div>
          <div data-total="nights"><dt>${t('timeline.nights')}</dt><dd>${formatNumber(summary.nights)}</dd></div>
          <div data-total="hotelNights"><dt>${t('timeline.hotelNights')}</dt><dd>${formatNumber(summary.hotelNights)}${summary.hotelCost
            ? html`<small>${formatMoney(summary.hotelCost)}</small>` : nothing}</dd></div>
          <div data-total="moves"><dt>${t('timeline.moves')}</dt><dd>${formatNumber(summary.moves)}</dd></div>
          <div data-total="episodes"><dt>${t('timeline.episodes')}</dt><dd>${formatNumber(summary.episodes)}</dd></div>
        </dl>
        ${summary.endings.length ? html`<p class="endings muted">${t('timeline.endings')}
          ${summary.endings.map((e, i) => html`${i ? ', ' : ''}${t(`reason.${e.reason}`)} (${formatNumber(e.count)})`)}</p>` : nothing}
      </section>
      <section aria-labelledby="chain-title">
        <h2 id="chain-title">${t('timeline.chain')}</h2>
        ${steps.length === 0 ? html`<p class="card muted">${t('timeline.empty')}</p>` : html`
          <ol class="chain" aria-labelledby="chain-title">
            ${steps.map((s, i) => this.step(s, steps[i + 1]))}
          </ol>`}
      </section>
    `;
  }

  private step(s: ChainStep, next: ChainStep | undefined) {
    const p = s.placement;
    const cls = [s.hotel ? 'hotel' : '', s.active ? 'active' : '', next?.arrival === 'return' ? 'before-gap' : ''].join(' ');
    return html`
      <li class=${cls} data-placement-id=${String(p.id)} data-status=${p.status}>
        <span class="dot" aria-hidden="true">${s.number}</span>
        <article class="card step">
          <p class="arrival ${s.arrival}">${this.arrival(s)}</p>
          <h3>${p.facilityName} — ${p.programName}</h3>
          <p class="meta">
            <span class=${s.hotel ? 'badge hotel-tag' : ''} data-type=${p.programType}>${tEnum('type', p.programType)}</span>
            ${s.active ? html`<span class="badge active-tag">${t('timeline.active')}</span>` : nothing}
          </p>
          <p>${p.endDate ? t('timeline.range', { from: formatShortDay(p.startDate), to: formatShortDay(p.endDate) })
            : t('timeline.since', { from: formatShortDay(p.startDate) })}</p>
          <p class="meta">
            <span class="nights">${s.hotel ? tc('cw.hotelNights', p.nights) : tc('cw.nights', p.nights)}${s.active ? ` ${t('timeline.soFar')}` : ''}</span>
            ${s.cost !== null ? html`<span>${t('timeline.cost', { cost: formatMoney(s.cost), nightly: formatMoney(p.nightlyCost!) })}</span>` : nothing}
            ${s.active && p.expectedEndDate ? html`<span>${t('timeline.expectedEnd', { date: formatShortDay(p.expectedEndDate) })}</span>` : nothing}
          </p>
          ${p.endReason ? html`<p class="ended">${this.ended(p)}</p>` : nothing}
          ${s.active ? this.actions(p) : nothing}
        </article>
      </li>`;
  }

  private arrival(s: ChainStep): string {
    if (s.arrival === 'first') return t('timeline.first');
    if (s.arrival === 'move') return t('timeline.moved');
    return t('timeline.returned', { gap: tc('cw.nights', s.gapNights ?? 0), episode: String(s.episode) });
  }

  private ended(p: PlacementDetail): string {
    const reason = t(`reason.${p.endReason!}`);
    return p.endReason === 'MOVED' && p.moveReason
      ? t('timeline.endedMoved', { reason: t(`reason.${p.moveReason}`) })
      : t('timeline.endedBecause', { reason });
  }

  private actions(p: PlacementDetail) {
    const today = defaultActionDate(p.startDate, localIsoDate());
    return html`
      <div class="actions">
        <button type="button" class="secondary" aria-expanded=${this.action === 'move'} aria-controls="move-panel"
          @click=${() => this.open('move', p)}>${t('timeline.move')}</button>
        <button type="button" class="danger" aria-expanded=${this.action === 'end'} aria-controls="end-panel"
          @click=${() => this.open('end')}>${t('timeline.end')}</button>
      </div>
      <div id="end-panel" class="panel" ?hidden=${this.action !== 'end'}>
        ${this.action === 'end' ? html`
          <form @submit=${(e: SubmitEvent) => this.end(e, p)} aria-label=${t('timeline.end')}>
            <div class="row">
              <div><label for="end-date">${t('timeline.endDate')}</label>
                <input id="end-date" name="endDate" type="date" required min=${p.startDate} .value=${today} /></div>
              <div><label for="end-reason">${t('timeline.endReason')}</label>
                <select id="end-reason" name="reason" required>
                  ${END_REASONS.filter((r) => r !== 'MOVED').map((r) => html`<option value=${r}>${t(`reason.${r}`)}</option>`)}
                </select></div>
            </div>
            ${this.formError()}
            <div class="buttons">
              <button type="submit" class="danger" ?disabled=${this.busy}>${t('timeline.endConfirm')}</button>
              <button type="button" class="secondary" @click=${() => this.open('none')}>${t('cw.cancel')}</button>
            </div>
          </form>` : nothing}
      </div>
      <div id="move-panel" class="panel" ?hidden=${this.action !== 'move'}>
        ${this.action === 'move' ? this.moveForm(p, today) : nothing}
      </div>`;
  }

  private moveForm(p: PlacementDetail, today: string) {
    const current = String(p.programId);
    const matches = (this.found ?? []).filter((m) => String(m.programId) !== current);
    const region = this.foundRegion ? this.data?.regions.get(this.foundRegion) ?? this.foundRegion : null;
    const hint = this.found === null ? t('timeline.searching')
      : matches.length === 0 ? t('timeline.noSuggestion', { region: region ?? '—' })
      : region ? t('timeline.suggestHint', { region }) : t('timeline.suggestAnywhere');
    return html`
      <form @submit=${(e: SubmitEvent) => this.move(e, p)} aria-label=${t('timeline.move')}>
        <div>
          <label for="move-to">${t('timeline.moveTo')}</label>
          <select id="move-to" name="toProgramId" required aria-describedby="move-hint">
            <option value="">${t('timeline.choose')}</option>
            ${matches.map((m) => html`<option value=${String(m.programId)}>${m.facilityName} — ${m.programName} (${tEnum('type', m.type)}, ${formatNumber(m.bookable)})</option>`)}
          </select>
          <p id="move-hint" class="muted hint" role="status">${hint}</p>
          ${this.found !== null && matches.length === 0 ? html`<p><a class="button secondary"
            href="#/find?client=${encodeURIComponent(String(this.clientId))}">${t('timeline.searchElsewhere')}</a></p>` : nothing}
        </div>
        <div class="row">
          <div><label for="move-date">${t('timeline.moveDate')}</label>
            <input id="move-date" name="date" type="date" required min=${p.startDate} .value=${today} /></div>
          <div><label for="move-reason">${t('timeline.moveReason')}</label>
            <select id="move-reason" name="reason">
              <option value="">${t('find.any')}</option>
              ${END_REASONS.filter((r) => r !== 'MOVED' && r !== 'HOUSED').map((r) => html`<option value=${r}>${t(`reason.${r}`)}</option>`)}
            </select></div>
        </div>
        ${this.formError()}
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>${t('timeline.moveConfirm')}</button>
          <button type="button" class="secondary" @click=${() => this.open('none')}>${t('cw.cancel')}</button>
        </div>
      </form>`;
  }

  private formError() {
    return html`<p class="error" role="alert" ?hidden=${!this.actionError}>${this.actionError}</p>`;
  }

  private async open(action: Action, p?: PlacementDetail): Promise<void> {
    this.action = this.action === action ? 'none' : action;
    this.actionError = '';
    if (this.action === 'move' && p) void this.findMatches(p);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.action === 'move' ? '#move-to' : this.action === 'end' ? '#end-date' : 'x')?.focus();
  }

  /**
   * Where she could move: a bed request by her clientId alone (the service uses her stored needs) in the
   * region she is placed in now, not the whole country. Only those matches are offered.
   */
  private async findMatches(p: PlacementDetail): Promise<void> {
    const region = this.data?.store.get(p.programId)?.regionCode ?? this.data?.programs.get(String(p.programId))?.facility.regionCode;
    this.found = null;
    this.foundRegion = region ?? null;
    try {
      const result = await api.findBed({ clientId: this.client!.id, ...(region ? { regionCode: region } : {}), admitNow: false });
      this.found = result.matches;
    } catch (e) {
      this.found = [];
      this.actionError = problemText(e);
    }
  }

  private toggleEdit(): void {
    this.editing = !this.editing;
  }

  private saved(e: CustomEvent<ClientDetail>): void {
    this.client = e.detail;
    this.editing = false;
    this.message = () => t('clients.saved');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#message')?.focus());
  }

  private async end(e: SubmitEvent, p: PlacementDetail): Promise<void> {
    e.preventDefault();
    await this.run(async () => {
      const body = endBodyFrom(new FormData(e.target as HTMLFormElement));
      await api.endPlacement(p.id, body);
      this.message = () => t('timeline.endedDone', { reason: t(`reason.${body.reason}`) });
    });
  }

  private async move(e: SubmitEvent, p: PlacementDetail): Promise<void> {
    e.preventDefault();
    const body = moveBodyFrom(new FormData(e.target as HTMLFormElement));
    if (!body.toProgramId) {
      this.actionError = t('timeline.chooseFirst');
      this.renderRoot.querySelector<HTMLElement>('#move-to')?.focus();
      return;
    }
    await this.run(async () => {
      const next = await api.movePlacement(p.id, body);
      this.message = () => t('timeline.movedDone', { program: `${next.facilityName} — ${next.programName}` });
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.actionError = '';
    try {
      await action();
      this.action = 'none';
      this.found = null;
      this.chain = await api.clientPlacements(this.clientId);
      await this.updateComplete;
      // The buttons that had focus are gone: take focus to what happened.
      this.renderRoot.querySelector<HTMLElement>('#message')?.focus();
    } catch (e) {
      this.actionError = problemText(e);
    } finally {
      this.busy = false;
    }
  }
}
