import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type Availability, type ProgramHold } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t } from '../i18n';
import type { LiveMessage } from '../live/socket';
import { shared } from '../ui/styles';
import './door-row';

const HOLD_EVENTS = new Set(['hold.created', 'hold.released', 'hold.arrived', 'hold.declined', 'hold.no-show']);

/** Active holds only: the service may list consumed or released ones with their status. */
export function activeHolds(list: ProgramHold[]): ProgramHold[] {
  return list.filter((h) => !h.status || h.status === 'ACTIVE')
    .sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}

/** "Coming tonight": for each of the staff member's programs, the people on the way, kept live. */
@customElement('harbour-coming-tonight')
export class ComingTonight extends LitElement {
  static styles = [shared, css`
    section { display: grid; gap: 0.75rem; margin-bottom: 1.5rem; }
    .program { display: grid; gap: 0.5rem; }
    .done { border: 2px solid var(--ok); }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ attribute: false }) programs: Availability[] = [];
  @state() private holds = new Map<string, ProgramHold[]>();
  @state() private clock = Date.now();
  @state() private message: () => string = () => '';
  private fetched = new Set<string>();
  private off: (() => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.clock = Date.now()), 1000);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.off = null;
    if (this.timer) clearInterval(this.timer);
  }

  protected willUpdate(): void {
    if (this.data && !this.off) this.off = this.data.onLive((m) => this.onLive(m));
    for (const p of this.programs) {
      const id = String(p.programId);
      if (!this.fetched.has(id)) {
        this.fetched.add(id);
        void this.load(id);
      }
    }
  }

  /** A hold event for one of these programs reads its list again; a snapshot (after a reconnect) reads them all. */
  private onLive(m: LiveMessage): void {
    const id = m.programId == null ? '' : String(m.programId);
    if (!HOLD_EVENTS.has(m.type) || !this.programs.some((p) => String(p.programId) === id)) {
      if (m.type === 'snapshot') for (const p of this.programs) void this.load(String(p.programId));
      return;
    }
    // Someone new on the way: the last outcome's words are old news.
    if (m.type === 'hold.created') this.message = () => '';
    void this.load(id);
  }

  private async load(programId: string): Promise<void> {
    try {
      const list = activeHolds(await api.programHolds(programId));
      const next = new Map(this.holds);
      next.set(programId, list);
      this.holds = next;
    } catch {
      /* kept as it was; the next event reads it again */
    }
  }

  render() {
    const withHolds = this.programs.filter((p) => (this.holds.get(String(p.programId)) ?? []).length > 0);
    return html`<section aria-labelledby="door-title" data-panel="coming-tonight">
      <h2 id="door-title">${t('door.title')}</h2>
      <p class="muted">${t('door.hint')}</p>
      <p role="status" class="ok" data-door-message>${this.message()}</p>
      ${withHolds.length === 0 ? html`<p class="card" data-empty>${t('door.none')}</p>` : nothing}
      ${withHolds.map((p) => html`<div class="program" data-program-id=${String(p.programId)}>
        <h3>${p.facilityName} — ${p.programName}</h3>
        <ul class="plain program">
          ${this.holds.get(String(p.programId))!.map((h) => html`<li><harbour-door-row .hold=${{ ...h, programId: h.programId ?? p.programId }}
            .now=${this.clock} @door-done=${(e: CustomEvent<{ message: () => string }>) => this.done(String(p.programId), e.detail.message)}></harbour-door-row></li>`)}
        </ul>
      </div>`)}
    </section>`;
  }

  private done(programId: string, message: () => string): void {
    this.message = message;
    void this.load(programId);
  }
}
