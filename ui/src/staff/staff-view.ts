import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Availability } from '../api/types';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { waitingText } from './count-words';
import './count-editor';
import '../door/coming-tonight';

/** The programs of the facilities this staff member is assigned to (ADMIN: every program). */
export function ownPrograms(figures: Availability[], facilityIds: (string | number)[], admin: boolean): Availability[] {
  const mine = new Set(facilityIds.map(String));
  return figures
    .filter((a) => admin || mine.has(String(a.facilityId)))
    .sort((x, y) => `${x.facilityName} ${x.programName}`.localeCompare(`${y.facilityName} ${y.programName}`));
}

@customElement('harbour-staff-view')
export class StaffView extends LitElement {
  static styles = [shared, css`
    .list { display: grid; gap: 1rem; }
    /* Offline, the banner stays in sight while she scrolls the counters. */
    .offline-region { position: sticky; top: 0; z-index: 2; }
    .offline { margin: 0 0 1rem; padding: 0.5rem 0.75rem; border: 2px solid var(--warn); color: var(--warn);
      background: var(--surface); font-weight: 700; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) figures: Availability[] = [];
  @property({ type: Number }) now = Date.now();

  constructor() {
    super();
    new LocaleController(this);
  }

  /** Staff watch all their programs; an admin (who sees every program) those with a bed held now. */
  private doorPrograms(programs: Availability[], admin: boolean): Availability[] {
    if (!admin) return programs;
    const picked = programs.filter((a) => a.held > 0 || this.adminDoor.has(String(a.programId)));
    picked.forEach((a) => this.adminDoor.add(String(a.programId)));
    return picked;
  }

  private readonly adminDoor = new Set<string>();

  render() {
    const me = this.data?.me;
    if (!me) return html`<h1>${t('staff.title')}</h1><p role="status">${t('common.loading')}</p>`;
    const programs = ownPrograms(this.figures, me.facilityIds, me.role === 'ADMIN');
    const waiting = this.data?.counts.waiting() ?? 0;
    const offline = this.data?.offline ?? false;
    const banner = waitingText(waiting, offline);
    return html`
      <h1>${t('staff.title')}</h1>
      <div role="status" class="offline-region">${banner ? html`<p class="card offline" data-offline=${offline ? 'offline' : 'online'}
        data-waiting=${waiting}>${banner}</p>` : ''}</div>
      ${programs.length === 0 ? html`<p>${t('staff.empty')}</p>` : ''}
      ${programs.length ? html`<harbour-coming-tonight .data=${this.data} .programs=${this.doorPrograms(programs, me.role === 'ADMIN')}></harbour-coming-tonight>` : ''}
      ${programs.length ? html`<h2>${t('staff.counts')}</h2>` : ''}
      <div class="list">
        ${programs.map((a) => html`<harbour-count-editor .figure=${a} .data=${this.data}
          .revision=${this.revision} .now=${this.now}></harbour-count-editor>`)}
      </div>
    `;
  }
}
