import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Availability } from '../api/types';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, labelled, t, tEnum, tn } from '../i18n';
import { shared } from '../ui/styles';
import { groupByRegionAndType, matchesFilter } from './grouping';
import './program-card';

@customElement('harbour-live-board')
export class LiveBoard extends LitElement {
  static styles = [shared, css`
    .top { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; justify-content: space-between; margin-bottom: 1rem; }
    .filter { flex: 1 1 16rem; max-width: 24rem; }
    section.region { margin-bottom: 1.5rem; }
    .region > h2 { display: flex; justify-content: space-between; gap: 0.5rem; border-bottom: 2px solid var(--border); padding-bottom: 0.3rem; }
    .type > h3 { color: var(--muted); margin: 0.8rem 0 0.4rem; }
    .grid { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) figures: Availability[] = [];
  @property({ type: Number }) now = Date.now();
  @state() private filter = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const visible = this.figures.filter((a) => matchesFilter(a, this.filter));
    const groups = groupByRegionAndType(visible);
    return html`
      <div class="top">
        <div>
          <h1>${t('board.title')}</h1>
          <p class="muted" aria-live="polite">${tn('board.programs', visible.length)}</p>
        </div>
        <div class="filter">
          <label for="filter">${t('board.filter')}</label>
          <input id="filter" type="search" .value=${this.filter}
            @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      ${this.data?.error ? html`<p role="alert" class="error">${t('error.network')}</p>` : ''}
      ${groups.length === 0 && !this.data?.error ? html`<p>${this.figures.length ? t('common.none') : t('board.empty')}</p>` : ''}
      ${groups.map((g) => html`
        <section class="region" aria-labelledby="r-${g.regionCode}">
          <h2 id="r-${g.regionCode}"><span>${this.data?.regions.get(g.regionCode) ?? g.regionCode}</span>
            <span class="muted">${labelled(t('board.bookable'), g.bookable)}</span></h2>
          ${g.types.map((ty) => html`
            <section class="type">
              <h3>${tEnum('type', ty.type)}</h3>
              <div class="grid">
                ${ty.programs.map((a) => html`<harbour-program-card .figure=${a} .now=${this.now}
                  .info=${this.data?.programs.get(String(a.programId))}></harbour-program-card>`)}
              </div>
            </section>`)}
        </section>`)}
    `;
  }
}
