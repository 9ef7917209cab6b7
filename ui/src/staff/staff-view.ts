import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Availability } from '../api/types';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
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
    return html`
      <h1>${t('staff.title')}</h1>
      ${programs.length === 0 ? html`<p>${t('staff.empty')}</p>` : ''}
      ${programs.length ? html`<harbour-coming-tonight .data=${this.data} .programs=${this.doorPrograms(programs, me.role === 'ADMIN')}></harbour-coming-tonight>` : ''}
      ${programs.length ? html`<h2>${t('staff.counts')}</h2>` : ''}
      <div class="list">
        ${programs.map((a) => html`<harbour-count-editor .figure=${a} .store=${this.data!.store}
          .now=${this.now}></harbour-count-editor>`)}
      </div>
    `;
  }
}
