import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Availability, Facility } from '../api/types';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, labelled, t, tEnum, tn } from '../i18n';
import { shared } from '../ui/styles';
import { NO_FILTER, applyBoardFilter, compareRegions, isFiltered, listRows, type BoardFilter } from './board-filter';
import { homeRegion, lastRegion, loadFilter, loadView, rememberRegion, saveFilter, saveView, type BoardView, type Home } from './board-prefs';
import { groupByRegionAndType } from './grouping';
import './board-filters';
import './board-list';
import './program-card';

@customElement('harbour-live-board')
export class LiveBoard extends LitElement {
  static styles = [shared, css`
    .top { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; justify-content: space-between; margin-bottom: 0.4rem; }
    .top h1 { margin: 0; }
    .heading { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; }
    .heading p { margin: 0; }
    .view { display: inline-flex; border: 0; padding: 0; margin: 0; }
    .view label { margin: 0; display: inline-flex; align-items: center; gap: 0.4rem; min-height: 44px; padding: 0.3rem 0.9rem;
      border: 2px solid var(--accent); color: var(--accent); cursor: pointer; font-weight: 600; }
    .view label:first-of-type { border-radius: var(--radius) 0 0 var(--radius); }
    .view label:last-of-type { border-radius: 0 var(--radius) var(--radius) 0; border-left: 0; }
    .view label.on { background: var(--accent); color: var(--accent-text); }
    .view input { position: absolute; opacity: 0; width: 1px; height: 1px; }
    .view label:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
    harbour-board-filters { margin-bottom: 0.6rem; }
    .empty { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
    section.region { margin-bottom: 1.5rem; }
    .region > h2 { display: flex; justify-content: space-between; gap: 0.5rem; border-bottom: 2px solid var(--border); padding-bottom: 0.3rem; }
    .type > h3 { color: var(--muted); margin: 0.8rem 0 0.4rem; }
    .grid { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @property({ attribute: false }) figures: Availability[] = [];
  @property({ type: Number }) now = Date.now();
  @state() private view: BoardView = loadView();
  @state() private filter: BoardFilter | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get username(): string | undefined {
    return this.data?.me?.username;
  }

  protected willUpdate(): void {
    // The filters of this user's session, read once her name is known.
    if (!this.filter && this.username) this.filter = loadFilter(this.username);
  }

  private setFilter(next: BoardFilter): void {
    if (next.region && next.region !== this.filter?.region) rememberRegion(next.region);
    this.filter = next;
    saveFilter(this.username, next);
  }

  private setView(view: BoardView): void {
    this.view = view;
    saveView(view);
  }

  private home(): Home | null {
    const facilities = new Map<string, Facility>();
    for (const info of this.data?.programs.values() ?? []) facilities.set(String(info.facility.id), info.facility);
    const regions = this.data?.regions ?? new Map<string, string>();
    return homeRegion(this.data?.me ?? null, [...facilities.values()], lastRegion(), (code) => regions.has(code));
  }

  render() {
    const filter = this.filter ?? NO_FILTER;
    const home = this.home();
    const names = this.data?.regions ?? new Map<string, string>();
    const programs = this.data?.programs;
    const visible = applyBoardFilter(this.figures, filter, (a) => programs?.get(String(a.programId))?.program.eligibility);
    const regionCodes = [...new Set([...this.figures.map((a) => a.regionCode), ...(filter.region ? [filter.region] : [])])]
      .sort(compareRegions(home?.regionCode ?? null));
    const count = isFiltered(filter) ? t('board.shownOf', { shown: visible.length, total: this.figures.length })
      : tn('board.programs', visible.length);
    const homeName = home ? names.get(home.regionCode) ?? home.regionCode : '';
    // shown once her role is known and is not a funder's: never to a funder, not even before her role arrives
    const fitsPerson = this.data?.me != null && this.data.me.role !== 'FUNDER';
    return html`
      <div class="top">
        <div class="heading">
          <h1>${t('board.title')}</h1>
          <p class="muted" aria-live="polite" data-count>${count}</p>
          ${home ? html`<p class="muted" data-home=${home.regionCode}>${t(home.source === 'FACILITIES' ? 'board.homeFacilities' : 'board.homeLastSearch',
            { region: homeName })}</p>` : nothing}
        </div>
        <fieldset class="view">
          <legend class="sr-only">${t('board.view')}</legend>
          ${(['LIST', 'CARDS'] as const).map((v) => html`<label class=${this.view === v ? 'on' : ''}><input type="radio" name="view"
            value=${v} .checked=${this.view === v} @change=${() => this.setView(v)} />${t(v === 'LIST' ? 'board.viewList' : 'board.viewCards')}</label>`)}
        </fieldset>
      </div>
      <harbour-board-filters .filter=${filter} .regions=${regionCodes.map((c) => [c, names.get(c) ?? c])}
        .fitsPerson=${fitsPerson}
        @filter-change=${(e: CustomEvent<BoardFilter>) => this.setFilter(e.detail)}></harbour-board-filters>
      ${this.data?.error ? html`<p role="alert" class="error">${t('error.network')}</p>` : ''}
      ${visible.length === 0 && !this.data?.error ? this.empty(filter) : nothing}
      ${visible.length === 0 ? nothing : this.view === 'LIST'
        ? html`<harbour-board-list .groups=${listRows(visible, home?.regionCode ?? null)} .regionNames=${names}
            .programs=${programs ?? new Map()} .now=${this.now} .home=${home?.regionCode ?? null}></harbour-board-list>`
        : this.cards(visible, home?.regionCode ?? null, names)}
    `;
  }

  private empty(filter: BoardFilter) {
    if (!this.figures.length) return html`<p>${t('board.empty')}</p>`;
    return html`<div class="empty"><p>${t('board.noneMatch')}</p>
      ${isFiltered(filter) ? html`<button type="button" class="secondary" @click=${() => this.setFilter(NO_FILTER)}>
        ${t('board.clearFilters')}</button>` : nothing}</div>`;
  }

  private cards(visible: Availability[], home: string | null, names: Map<string, string>) {
    const compare = compareRegions(home);
    const groups = groupByRegionAndType(visible).sort((a, b) => compare(a.regionCode, b.regionCode));
    return groups.map((g) => html`
      <section class="region" aria-labelledby="r-${g.regionCode}">
        <h2 id="r-${g.regionCode}"><span>${names.get(g.regionCode) ?? g.regionCode}</span>
          <span class="muted">${labelled(t('board.bookable'), g.bookable)}</span></h2>
        ${g.types.map((ty) => html`
          <section class="type">
            <h3>${tEnum('type', ty.type)}</h3>
            <div class="grid">
              ${ty.programs.map((a) => html`<harbour-program-card .figure=${a} .now=${this.now}
                .info=${this.data?.programs.get(String(a.programId))}></harbour-program-card>`)}
            </div>
          </section>`)}
      </section>`);
  }
}
