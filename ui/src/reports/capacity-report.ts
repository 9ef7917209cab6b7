import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { CAPACITY_TYPES, POPULATIONS, PROGRAM_TYPES, REPORT_GROUPS, api, type CapacityQuery, type CapacityReport, type CapacityRow } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, locale, t, tEnum, tn, type MessageKey } from '../i18n';
import { problemMessage } from '../i18n/problem-text';
import { shared } from '../ui/styles';
import { hotelByMonth, occupancyByMonth, unmetByRegion, type ChartSpec } from './charts';
import { REPORT_COLUMNS, columnKind, columnLabel, crossTab, csvFileName, defaultRange, doorCell, filterWords, formatCell, groupLabel, hsdsFileName, queryFrom, regrouped, sheetFileName, type ReportColumn } from './report';
import './chart-view';
import './region-map';

/**
 * Funders: capacity, demand and placements by region, type, population or month, or two of them as a cross-tab,
 * filtered; table, charts, CSV. It opens on every date that has data (the service's range when asked without dates).
 * The table shows the main figures (it fits 1280 px; "More figures" adds the rest) and stacks each row under 40rem.
 */
@customElement('harbour-capacity-report')
export class CapacityReportView extends LitElement {
  static styles = [shared, css`
    form { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); align-items: end; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; }
    .scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: var(--radius); }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; width: 100%; }
    caption { text-align: left; padding: 0.5rem; font-weight: 700; }
    th, td { padding: 0.4rem 0.5rem; border-top: 1px solid var(--border); text-align: right; white-space: nowrap; }
    th[scope='row'], thead th:first-child { text-align: left; position: sticky; left: 0; background: var(--surface); white-space: normal; }
    thead th { white-space: normal; vertical-align: bottom; font-size: 0.85rem; }
    table[data-report='crosstab'] td { min-width: 3.5rem; }
    .table-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0; }
    .table-actions label { margin: 0; }
    /* a phone: each row of the table becomes a card of "figure: value" lines, so nothing scrolls sideways */
    @media (max-width: 40rem) {
      table[data-report='capacity'] thead { display: block; position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); } /* block: a table section ignores overflow and clip */
      table[data-report='capacity'], table[data-report='capacity'] tbody, table[data-report='capacity'] tr { display: block; }
      table[data-report='capacity'] tr { border-top: 2px solid var(--border); padding: 0.3rem 0; }
      table[data-report='capacity'] th[scope='row'] { display: block; position: static; border: 0; }
      table[data-report='capacity'] td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: 0.15rem 0.5rem; white-space: normal; }
      table[data-report='capacity'] td::before { content: attr(data-label); text-align: left; color: var(--muted); }
      table[data-report='capacity'] td[data-col='door'] { flex-wrap: wrap; }
    }
    fieldset { grid-column: 1 / -1; border: 1px solid var(--border); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin: 0;
      display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); min-width: 0; }
    legend { font-weight: 700; padding: 0 0.3rem; }
    .charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); margin-top: 1rem; }
    .charts > * { min-width: 0; }
    /* the door's three figures stay on one line; its reasons wrap under them rather than widen the table */
    td[data-col='door'] { vertical-align: top; white-space: normal; }
    td[data-col='door'] > span[aria-hidden] { white-space: nowrap; }
    .reasons { list-style: none; margin: 0.2rem 0 0; padding: 0; font-size: 0.8rem; color: var(--muted); text-align: right; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @state() private query: CapacityQuery | null = null;
  @state() private rows: CapacityRow[] | null = null;
  /** Every figure, or only the main ones (the default, which fits the screen). */
  @state() private allFigures = false;
  /** The figure a cross-tab shows in its cells. */
  @state() private cellFigure: ReportColumn = 'occupancyRate';
  /** Set when the report opened on every date with data (the service chose the range). */
  @state() private dataRange: { from: string; to: string } | null = null;
  /** Once the funder types or runs a report, the first look no longer fills the form nor replaces her report. */
  private touched = false;
  /** The whole months the person figures cover, as the service said. */
  @state() private personPeriod: { from: string; to: string } | null = null;
  /** The same query by month and by region, for the charts. */
  @state() private byMonth: CapacityRow[] = [];
  @state() private byRegion: CapacityRow[] = [];
  private specs: { key: unknown[]; list: ChartSpec[] } | null = null;
  @state() private busy = false;
  @state() private downloading: Download | null = null;
  @state() private error = '';
  @state() private status = '';
  private readonly range = defaultRange();

  constructor() {
    super();
    new LocaleController(this);
  }

  /** The first look covers the history: the service's range of the dates with data, by region. */
  firstUpdated(): void {
    if (this.query) return;
    this.busy = true;
    api.capacityReportOfAllData('region').then(async (answer) => {
      const range = answer.range;
      if (!range || this.touched) return;
      const form = this.renderRoot.querySelector('form');
      const from = form?.querySelector<HTMLInputElement>('#from');
      const to = form?.querySelector<HTMLInputElement>('#to');
      if (from) from.value = range.from;
      if (to) to.value = range.to;
      this.range.from = range.from;
      this.range.to = range.to;
      this.dataRange = range;
      await this.load({ from: range.from, to: range.to, groupBy: 'region' }, answer, false);
    }).catch(() => { /* the form still works by hand */ }).finally(() => { this.busy = false; });
  }

  render() {
    return html`
      <h1>${t('reports.title')}</h1>
      <form class="card" @submit=${this.run} @input=${() => { this.touched = true; }} @change=${() => { this.touched = true; }}>
        <div><label for="from">${t('reports.from')}</label><input id="from" name="from" type="date" required .value=${this.range.from} /></div>
        <div><label for="to">${t('reports.to')}</label><input id="to" name="to" type="date" required .value=${this.range.to} /></div>
        <div>
          <label for="groupBy">${t('reports.groupBy')}</label>
          <select id="groupBy" name="groupBy">
            ${REPORT_GROUPS.map((g) => html`<option value=${g}>${t(`reports.group.${g}` as MessageKey)}</option>`)}
          </select>
        </div>
        <div>
          <label for="groupBy2">${t('reports.groupBy2')}</label>
          <select id="groupBy2" name="groupBy2">
            <option value="">${t('reports.group.none')}</option>
            ${REPORT_GROUPS.map((g) => html`<option value=${g}>${t(`reports.group.${g}` as MessageKey)}</option>`)}
          </select>
        </div>
        <fieldset>
          <legend>${t('reports.filters')}</legend>
          <div><label for="regionCode">${t('reports.filter.region')}</label>
            <select id="regionCode" name="regionCode"><option value="">${t('reports.filter.allRegions')}</option>
              ${[...(this.data?.regions ?? new Map<string, string>())].map(([code, name]) => html`<option value=${code}>${name}</option>`)}</select></div>
          <div><label for="type">${t('reports.filter.type')}</label>
            <select id="type" name="type"><option value="">${t('reports.filter.allTypes')}</option>
              ${PROGRAM_TYPES.map((v) => html`<option value=${v}>${tEnum('type', v)}</option>`)}</select></div>
          <div><label for="population">${t('reports.filter.population')}</label>
            <select id="population" name="population"><option value="">${t('reports.filter.allPopulations')}</option>
              ${POPULATIONS.map((v) => html`<option value=${v}>${tEnum('pop', v)}</option>`)}</select></div>
          <div><label for="capacityType">${t('reports.filter.capacityType')}</label>
            <select id="capacityType" name="capacityType"><option value="">${t('reports.filter.allCapacityTypes')}</option>
              ${CAPACITY_TYPES.map((v) => html`<option value=${v}>${t(`admin.capacityType.${v}` as MessageKey)}</option>`)}</select></div>
        </fieldset>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t('reports.running') : t('reports.run')}</button>
      </form>
      <div aria-live="polite">
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.status ? html`<p class="ok" role="status">${this.status}</p>` : nothing}
      </div>
      ${this.query && this.rows ? this.report(this.query, this.rows) : nothing}
    `;
  }

  private report(q: CapacityQuery, rows: CapacityRow[]) {
    const filters = filterWords(q, this.data?.regions);
    return html`
      <h2 id="results" tabindex="-1">${tn('reports.rows', rows.length)}</h2>
      ${this.dataRange ? html`<p class="muted" data-range>${t('reports.dataRange', this.dataRange)}</p>` : nothing}
      <div class="actions">
        ${(['csv', 'xlsx', 'hsds'] as const).map((kind) => html`<button type="button" class="secondary" data-download=${kind}
          ?disabled=${this.downloading !== null} @click=${() => this.download(kind, q)}>
          ${t(this.downloading === kind ? DOWNLOADS[kind].busy : DOWNLOADS[kind].label)}</button>`)}
      </div>
      <p class="muted" data-hsds-hint>${t('reports.hsdsHint')}</p>
      ${rows.length === 0 ? html`<p class="card">${t('reports.empty')}</p>` : html`
        ${q.groupBy2 ? this.crossTab(q, rows, filters) : this.table(q, rows, filters)}
        <p class="muted">${t('reports.suppressedNote')} ${t('reports.door.note')}</p>
        ${this.personPeriod ? html`<p class="muted" data-person-period>${t('reports.personPeriod', this.personPeriod)}</p>` : nothing}`}
      <harbour-region-map .rows=${this.byRegion} .query=${q} .data=${this.data} .revision=${this.revision}></harbour-region-map>
      ${this.charts()}
    `;
  }

  /** One row per group: the main figures, or all of them, and the door. */
  private table(q: CapacityQuery, rows: CapacityRow[], filters: string[]) {
    const groupName = t(`reports.group.${q.groupBy}` as MessageKey).toLowerCase();
    const name = (g: string) => groupLabel(q.groupBy, g, this.data?.regions);
    const columns = REPORT_COLUMNS.filter((c) => c.main || this.allFigures);
    return html`
      <div class="table-actions">
        <button type="button" class="secondary" aria-pressed=${this.allFigures ? 'true' : 'false'}
          @click=${() => { this.allFigures = !this.allFigures; }}>${this.allFigures ? t('reports.fewerFigures') : t('reports.moreFigures')}</button>
      </div>
      <div class="scroll" role="region" tabindex="0" aria-label=${t('reports.tableScroll')}>
        <table data-report="capacity">
          <caption>${t('reports.caption', { group: groupName, from: q.from, to: q.to })}${filters.length ? ` (${filters.join(', ')})` : ''}</caption>
          <thead><tr>
            <th scope="col">${t(`reports.group.${q.groupBy}` as MessageKey)}</th>
            ${columns.map((c) => html`<th scope="col">${columnLabel(c.key)}</th>`)}
            <th scope="col">${t('reports.col.door')}</th>
          </tr></thead>
          <tbody>
            ${rows.map((r) => html`<tr data-group=${r.group}>
              <th scope="row">${name(r.group)}</th>
              ${columns.map((c) => html`<td data-col=${c.key} data-label=${columnLabel(c.key)}>${this.figure(c.kind, r[c.key])}</td>`)}
              ${this.door(r)}
            </tr>`)}
          </tbody>
        </table>
      </div>`;
  }

  /** Two dimensions: one down, one across, the chosen figure in each cell (an empty cell: no figure at all). */
  private crossTab(q: CapacityQuery, rows: CapacityRow[], filters: string[]) {
    const grid = crossTab(q, rows);
    if (!grid) return nothing;
    const down = (g: string) => groupLabel(grid.down, g, this.data?.regions);
    const across = (g: string) => groupLabel(grid.across, g, this.data?.regions);
    const kind = columnKind(this.cellFigure);
    const caption = t('reports.crossTab.caption', {
      figure: columnLabel(this.cellFigure), down: t(`reports.group.${grid.down}` as MessageKey).toLowerCase(),
      across: t(`reports.group.${grid.across}` as MessageKey).toLowerCase(), from: q.from, to: q.to,
    });
    return html`
      <div class="table-actions">
        <div><label for="cellFigure">${t('reports.crossTab.figure')}</label>
          <select id="cellFigure" @change=${(e: Event) => { this.cellFigure = (e.target as HTMLSelectElement).value as ReportColumn; }}>
            ${REPORT_COLUMNS.map((c) => html`<option value=${c.key} ?selected=${c.key === this.cellFigure}>${columnLabel(c.key)}</option>`)}
          </select></div>
      </div>
      <div class="scroll" role="region" tabindex="0" aria-label=${t('reports.tableScroll')}>
        <table data-report="crosstab">
          <caption>${caption}${filters.length ? ` (${filters.join(', ')})` : ''}</caption>
          <thead><tr>
            <th scope="col">${t(`reports.group.${grid.down}` as MessageKey)}</th>
            ${grid.columns.map((c) => html`<th scope="col" data-group=${c}>${across(c)}</th>`)}
          </tr></thead>
          <tbody>
            ${grid.rows.map((d) => html`<tr data-group=${d}>
              <th scope="row">${down(d)}</th>
              ${grid.columns.map((a) => {
                const row = grid.cell(d, a);
                return html`<td data-group2=${a}>${row ? this.figure(kind, row[this.cellFigure])
                  : html`<span class="sr-only">${t('reports.crossTab.empty')}</span>`}</td>`;
              })}
            </tr>`)}
          </tbody>
        </table>
      </div>`;
  }

  private figure(kind: Parameters<typeof formatCell>[0], value: number | null | undefined) {
    const cell = formatCell(kind, value);
    return cell.label ? html`<span aria-hidden="true">${cell.text}</span><span class="sr-only">${cell.label}</span>` : cell.text;
  }

  /** Arrived / no-show / refused in one cell, with the refusal reasons that have a figure listed under it. */
  private door(r: CapacityRow) {
    const cell = doorCell(r);
    return html`<td data-col="door" data-label=${t('reports.col.door')}>
      <span aria-hidden="true">${cell.text}</span><span class="sr-only">${cell.label}</span>
      ${cell.reasons.length ? html`<ul class="reasons" aria-label=${t('reports.door.reasons')}>
        ${cell.reasons.map((x) => html`<li data-reason=${x.reason}>${x.text}</li>`)}</ul>` : nothing}
    </td>`;
  }

  /** Occupancy by month, unmet requests by region, hotel nights and cost by month: the same range and filters. */
  private charts() {
    if (!this.query) return nothing;
    // Built again only for new figures or another language, not on every live update of the board.
    const key = [this.byMonth, this.byRegion, locale(), this.data?.regions.size ?? 0];
    if (!this.specs || this.specs.key.some((k, i) => k !== key[i])) {
      const month = (g: string) => groupLabel('month', g);
      const region = (g: string) => groupLabel('region', g, this.data?.regions);
      this.specs = { key, list: [occupancyByMonth(this.byMonth, month), unmetByRegion(this.byRegion, region), hotelByMonth(this.byMonth, month)] };
    }
    return html`<section class="charts" aria-label=${t('reports.chart.section')}>
      ${this.specs.list.map((spec) => html`<harbour-chart .spec=${spec}></harbour-chart>`)}
    </section>`;
  }

  private async run(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    this.touched = true;
    const q = queryFrom(new FormData(e.target as HTMLFormElement));
    this.status = '';
    if ('error' in q) {
      this.error = t(q.error);
      return;
    }
    this.dataRange = null;
    await this.load(q);
  }

  /** The report and, for the charts, the same range and filters by month and by region (one request when it is one). */
  private async load(q: CapacityQuery, first?: CapacityReport, focus = true): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const answer = first ? Promise.resolve(first) : api.capacityReport(q);
      const main = answer.then((r) => r.rows);
      const same = (g: CapacityQuery['groupBy'], rows: Promise<CapacityRow[]>) =>
        q.groupBy === g && !q.groupBy2 ? rows : api.capacityReport(regrouped(q, g)).then((r) => r.rows);
      const [rows, byMonth, byRegion, report] = await Promise.all([main, same('month', main), same('region', main), answer]);
      this.query = q;
      this.rows = rows;
      this.personPeriod = report.personFiguresPeriod ?? null;
      this.byMonth = byMonth;
      this.byRegion = byRegion;
      await this.updateComplete;
      if (focus) this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    } catch (err) {
      this.rows = null;
      this.error = problem(err);
    } finally {
      this.busy = false;
    }
  }

  /** The same URL as CSV or spreadsheet (or the HSDS export) with the bearer token, saved through a Blob link (no token in any URL). */
  private async download(kind: Download, q: CapacityQuery): Promise<void> {
    this.downloading = kind;
    this.error = '';
    this.status = '';
    try {
      const blob = await DOWNLOADS[kind].fetch(q);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = DOWNLOADS[kind].file(q);
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status = t(DOWNLOADS[kind].done, { file: link.download });
    } catch (err) {
      this.error = problem(err);
    } finally {
      this.downloading = null;
    }
  }
}

type Download = 'csv' | 'xlsx' | 'hsds';

/** What each download button fetches, names and says. */
const DOWNLOADS: Record<Download, { fetch: (q: CapacityQuery) => Promise<Blob>; file: (q: CapacityQuery) => string; label: MessageKey; busy: MessageKey; done: MessageKey }> = {
  csv: { fetch: api.capacityReportCsv, file: csvFileName, label: 'reports.download', busy: 'reports.downloading', done: 'reports.downloaded' },
  xlsx: { fetch: api.capacityReportSheet, file: sheetFileName, label: 'reports.downloadSheet', busy: 'reports.downloadingSheet', done: 'reports.downloadedSheet' },
  hsds: { fetch: () => api.hsdsExport(), file: () => hsdsFileName(), label: 'reports.downloadHsds', busy: 'reports.downloadingHsds', done: 'reports.downloadedHsds' },
};

function problem(err: unknown): string {
  return problemMessage(err);
}
