import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, type Availability, type Hold, type Id, type Match, type Needs } from '../api';
import type { ProgramInfo } from '../app/dashboard-data';
import { problemText } from '../clients/format';
import { LocaleController, formatAge, formatCountdown, labelled, t, unbrokenPhone, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import { intakeText, liveState, preferenceText } from './explain';
import '../board/eligibility-badges';
import '../door/arrival-code';
import { rememberHold } from '../door/hold-memory';
import { reasonInSentence } from '../door/door';

type Phase = 'idle' | 'busy' | 'held' | 'placed' | 'released' | 'expired';

/** One ranked match: intake phone and rules first, then hold (with a countdown), place or release. */
@customElement('harbour-match-card')
export class MatchCard extends LitElement {
  static styles = [shared, css`
    article { display: grid; gap: 0.5rem; }
    .facts { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .actions select { width: auto; }
    .countdown { font-size: 1.3rem; font-weight: 800; color: var(--warn); font-variant-numeric: tabular-nums; }
    .phone { font-size: 1.1rem; font-weight: 700; display: inline-flex; align-items: center; min-height: 44px; }
    .getting { display: grid; gap: 0.2rem; }
    .intake { font-weight: 700; }
    .prefs { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    .prefs li { font-size: 0.85rem; padding: 0.15rem 0.55rem; border-radius: 999px; border: 2px solid var(--ok); color: var(--ok); font-weight: 700; }
    .full { border: 2px solid var(--danger); }
    .full-note { color: var(--danger); font-weight: 800; font-size: 1.05rem; }
    address { font-style: normal; }
  `];

  @property({ attribute: false }) match!: Match;
  @property({ attribute: false }) info: ProgramInfo | undefined;
  @property({ attribute: false }) client: () => Promise<Id | null> = async () => null;
  /** The person's needs: the rules shown are those that concern her. */
  @property({ attribute: false }) needs: Needs | null = null;
  /** This program's figure from the live feed (newer than the search's answer once a bed is taken elsewhere). */
  @property({ attribute: false }) figure: Availability | undefined;
  @property({ type: Number }) now = Date.now();
  /** Holds ended live (at the door, expired, released elsewhere), by hold id. */
  @property({ attribute: false }) ended: Map<string, { type: string; reason?: unknown }> = new Map();
  @state() private phase: Phase = 'idle';
  /** The hold.released that comes with a door outcome: its wait, and whether the wait is over. */
  private releaseSeen: ReturnType<typeof setTimeout> | null = null;
  private releaseWaited = false;
  @state() private hold: Hold | null = null;
  @state() private message = '';
  @state() private clock = Date.now();
  /** Who was placed, for a link to her timeline. */
  @state() private placedClient: string | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected willUpdate(): void {
    const end = this.hold ? this.ended.get(String(this.hold.id)) : undefined;
    if (!end || this.phase === 'busy' || this.phase === 'placed' || this.phase === 'released') return;
    // Released together with its outcome: wait a moment for the outcome to say what happened. Other updates in
    // that moment (the figure changing with the placement) wait too, or "ended" would win over "arrived".
    if (end.type === 'hold.released' && !this.releaseWaited) {
      this.releaseSeen ??= setTimeout(() => {
        this.releaseWaited = true;
        this.requestUpdate();
      }, 1500);
      return;
    }
    if (this.releaseSeen) clearTimeout(this.releaseSeen);
    this.releaseSeen = null;
    this.releaseWaited = false;
    this.stopClock();
    if (end.type === 'hold.arrived' && this.hold!.clientId != null) this.placedClient = String(this.hold!.clientId);
    this.hold = null;
    this.phase = end.type === 'hold.arrived' ? 'placed' : 'released';
    this.message = end.type === 'hold.arrived' ? t('find.holdArrived')
      : end.type === 'hold.declined' ? t('find.holdDeclined', { reason: reasonInSentence(String(end.reason ?? 'OTHER')) })
        : end.type === 'hold.no-show' ? t('find.holdNoShow') : t('find.holdEnded');
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopClock();
  }

  render() {
    const m = this.match;
    const phone = m.intakePhone ?? this.info?.facility.intakePhone;
    const live = liveState(m, this.figure, this.hold !== null || this.phase === 'placed' || this.phase === 'busy');
    const intake = intakeText(m, new Date(this.now));
    const prefs = m.matchedPreferences ?? [];
    return html`
      <article class="card ${live.full ? 'full' : ''}" data-program-id=${String(m.programId)} data-full=${live.full ? 'true' : 'false'}>
        <h3>${m.facilityName} — ${m.programName}</h3>
        ${live.full ? html`<p class="full-note" role="status">${t('find.full')}</p>` : nothing}
        ${prefs.length ? html`<ul class="plain prefs" aria-label=${t('find.matched')}>
          ${prefs.map((p) => html`<li>✓ ${preferenceText(p)}</li>`)}</ul>` : nothing}
        <p class="facts">
          <span>${tEnum('type', m.type)} · ${m.municipality}</span>
          <strong data-figure="bookable">${labelled(t('board.bookable'), live.bookable)}</strong>
          <span class=${m.stale ? 'stale' : 'muted'}>${m.stale ? `⚠ ${t('age.stale')} · ` : ''}${t('age.updated', { age: formatAge(this.figure?.updatedAt ?? m.updatedAt, this.now) })}</span>
          ${m.maxStayDays ? html`<span>${t('find.maxStay', { n: m.maxStayDays })}</span>` : nothing}
        </p>
        <div class="getting">
          <p class="intake ${intake.open ? 'ok' : 'stale'}" data-intake>${intake.text}</p>
          ${m.address ? html`<address>${t('find.address', { address: m.address })}</address>` : nothing}
          ${phone ? html`<a class="phone" href="tel:${phone}">☎ ${t('find.call', { phone: unbrokenPhone(phone) })}</a>` : nothing}
        </div>
        <harbour-eligibility .rules=${this.info?.program.eligibility ?? null} .needs=${this.needs} aria-label=${t('find.rules')}></harbour-eligibility>
        <div class="actions">${this.actions(live.full)}</div>
        ${this.hold?.arrivalCode && this.phase !== 'expired' ? html`<harbour-arrival-code .code=${this.hold.arrivalCode}
          .programName=${m.programName} .address=${m.address ?? null} .expiresAt=${this.hold.expiresAt}></harbour-arrival-code>` : nothing}
        <p role="status" class=${this.phase === 'placed' || this.phase === 'released' ? 'ok' : 'error'}>${this.message}</p>
      </article>
    `;
  }

  private actions(full: boolean) {
    const busy = this.phase === 'busy' || full;
    if (this.phase === 'placed') {
      return this.placedClient
        ? html`<a class="button secondary" href="#/clients/${encodeURIComponent(this.placedClient)}">${t('find.openTimeline')}</a>` : nothing;
    }
    if (this.hold && this.phase !== 'expired') {
      const left = new Date(this.hold.expiresAt).getTime() - this.clock;
      return html`
        <span class="countdown" role="timer" data-hold-id=${String(this.hold.id)}>${t('find.held', { time: formatCountdown(left) })}</span>
        <button data-action="place" ?disabled=${busy} @click=${this.place}>${t('find.place')}</button>
        <button data-action="release" class="danger" ?disabled=${busy} @click=${this.release}>${t('find.release')}</button>`;
    }
    const id = `minutes-${m(this.match.programId)}`;
    return html`
      <div><label for=${id}>${t('find.holdMinutes')}</label>
        <select id=${id}>${[30, 60, 90, 120, 240].map((n) => html`<option value=${n} ?selected=${n === 90}>${n} min</option>`)}</select></div>
      <button data-action="hold" ?disabled=${busy} @click=${this.takeHold}>${t('find.hold')}</button>
      <button data-action="place" class="secondary" ?disabled=${busy} @click=${this.place}>${t('find.place')}</button>`;
  }

  private async takeHold(): Promise<void> {
    const minutes = Number((this.renderRoot.querySelector('select') as HTMLSelectElement).value);
    await this.run(async () => {
      // A caseworker's hold is for a person: no client, no hold (the service answers 422 too).
      const clientId = await this.client();
      if (!clientId) {
        this.phase = 'idle';
        this.message = t('find.needClientToHold');
        return;
      }
      this.hold = await api.hold(this.match.programId, { minutes, ...(clientId ? { clientId } : {}) });
      rememberHold({ ...this.hold, programId: this.hold.programId ?? this.match.programId, clientId: this.hold.clientId ?? clientId });
      this.phase = 'held';
      this.message = '';
      this.startClock();
    });
  }

  private async place(): Promise<void> {
    await this.run(async () => {
      const clientId = await this.client();
      if (!clientId) {
        this.phase = this.hold ? 'held' : 'idle';
        this.message = t('find.needClient');
        return;
      }
      await api.place({ clientId, programId: this.match.programId, holdId: this.hold?.id ?? null });
      this.stopClock();
      this.hold = null;
      this.phase = 'placed';
      this.message = t('find.placed');
      this.placedClient = String(clientId);
    });
  }

  private async release(): Promise<void> {
    await this.run(async () => {
      await api.releaseHold(this.hold!.id);
      this.stopClock();
      this.hold = null;
      this.phase = 'released';
      this.message = t('find.released');
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    const before = this.phase;
    this.phase = 'busy';
    try {
      await action();
    } catch (e) {
      this.phase = before === 'busy' ? 'idle' : before;
      // The service's own words: which limit (2 holds per client, 20 per organization), no bed left...
      this.message = e instanceof ApiError && e.status === 409 && !e.code && !e.detail ? t('find.noBed') : problemText(e);
    }
  }

  private startClock(): void {
    this.stopClock();
    this.clock = Date.now();
    this.timer = setInterval(() => {
      this.clock = Date.now();
      if (this.hold && new Date(this.hold.expiresAt).getTime() <= this.clock) {
        this.stopClock();
        this.phase = 'expired';
        this.hold = null;
        this.message = t('find.expired');
      }
    }, 1000);
  }

  private stopClock(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function m(id: Id): string {
  return String(id).replace(/[^\w-]/g, '_');
}
