import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type ProgramHold } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, formatCountdown, t } from '../i18n';
import type { LiveMessage } from '../live/socket';
import { shared } from '../ui/styles';
import { activeHolds } from './coming-tonight';
import { heldPrograms } from './hold-memory';
import './arrival-code';

/** The caseworker's active holds with their arrival codes, read again from the service (so a reload keeps them). */
@customElement('harbour-my-holds')
export class MyHolds extends LitElement {
  static styles = [shared, css`
    section { display: grid; gap: 0.6rem; margin-bottom: 1.25rem; }
    .left { font-weight: 800; color: var(--warn); font-variant-numeric: tabular-nums; }
    article { display: grid; gap: 0.4rem; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @state() private holds: ProgramHold[] = [];
  @state() private aliases = new Map<string, string>();
  @state() private clock = Date.now();
  private off: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.clock = Date.now()), 1000);
    void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.off = null;
    if (this.timer) clearInterval(this.timer);
  }

  protected willUpdate(): void {
    if (this.data && !this.off) this.off = this.data.onLive((m) => this.onLive(m));
  }

  private onLive(m: LiveMessage): void {
    if (m.type.startsWith('hold.') && heldPrograms().includes(String(m.programId))) void this.load();
  }

  private async load(): Promise<void> {
    const programs = heldPrograms();
    if (programs.length === 0) return;
    const lists = await Promise.all(programs.map((p) => api.programHolds(p).then(
      (l) => l.map((h) => ({ ...h, programId: h.programId ?? p })), () => [] as ProgramHold[])));
    this.holds = activeHolds(lists.flat()).filter((h) => h.arrivalCode);
    if (this.holds.length) {
      const clients = await api.clientList().catch(() => []);
      this.aliases = new Map(clients.map((c) => [String(c.id), c.alias]));
    }
  }

  render() {
    const live = this.holds.filter((h) => new Date(h.expiresAt).getTime() > this.clock);
    if (live.length === 0) return nothing;
    return html`<section aria-labelledby="my-holds-title" data-panel="my-holds">
      <h2 id="my-holds-title">${t('myHolds.title')}</h2>
      ${live.map((h) => {
        const alias = h.clientId != null ? this.aliases.get(String(h.clientId)) ?? '' : '';
        const info = this.data?.programs.get(String(h.programId));
        return html`<article class="card" data-hold-id=${String(h.id)}>
          <h3>${alias ? `${alias} · ` : ''}${this.data?.programLabel(String(h.programId)) ?? ''}</h3>
          <span class="left" role="timer">${t('myHolds.expires', { time: formatCountdown(new Date(h.expiresAt).getTime() - this.clock) })}</span>
          <harbour-arrival-code .code=${h.arrivalCode ?? ''} .alias=${alias} .expiresAt=${h.expiresAt}
            .programName=${this.data?.programName(String(h.programId)) ?? ''} .address=${info?.facility.address ?? null}></harbour-arrival-code>
        </article>`;
      })}
    </section>`;
  }
}
