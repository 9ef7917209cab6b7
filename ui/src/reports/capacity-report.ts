import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, REPORT_GROUPS, api, type CapacityQuery, type CapacityRow } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, formatPercent, t, tn, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { REPORT_COLUMNS, chartBars, columnLabel, csvFileName, defaultRange, formatCell, groupLabel, queryFrom } from './report';

/** Funders: capacity, demand and placements by region, type, population or month; JSON table, SVG chart, CSV. */
@customElement('harbour-capacity-report')
export class CapacityReportView extends LitElement {
  static styles = [shared, css`
    form { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); align-items: end; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; }
    .scroll { position: relative; overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: var(--radius); }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 100%; }
    caption { text-align: left; padding: 0.5rem; font-weight: 700; }
    th, td { padding: 0.45rem 0.6rem; border-top: 1px solid var(--border); text-align: right; white-space: nowrap; }
    th[scope='row'], thead th:first-child { text-align: left; position: sticky; left: 0; background: var(--surface); }
    thead th { white-space: normal; min-width: 6rem; vertical-align: bottom; }
    figure { margin: 1rem 0; }
    figcaption { font-weight: 700; margin-bottom: 0.4rem; }
    svg { width: 100%; height: auto; max-width: 40rem; display: block; }
    .bar { fill: var(--accent); }
    .chart-text { fill: var(--text); font-size: 13px; }
  `];

  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) revision = 0;
  @state() private query: CapacityQuery | null = null;
  @state() private rows: CapacityRow[] | null = null;
  @state() private busy = false;
  @state() private downloading = false;
  @state() private error = '';
  @state() private status = '';
  private readonly range = defaultRange();

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    return html`
      <h1>${t('reports.title')}</h1>
      <form class="card" @submit=${this.run}>
        <div><label for="from">${t('reports.from')}</label><input id="from" name="from" type="date" required .value=${this.range.from} /></div>
        <div><label for="to">${t('reports.to')}</label><input id="to" name="to" type="date" required .value=${this.range.to} /></div>
        <div>
          <label for="groupBy">${t('reports.groupBy')}</label>
          <select id="groupBy" name="groupBy">
            ${REPORT_GROUPS.map((g) => html`<option value=${g}>${t(`reports.group.${g}` as MessageKey)}</option>`)}
          </select>
        </div>
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
    const groupName = t(`reports.group.${q.groupBy}` as MessageKey).toLowerCase();
    const name = (g: string) => groupLabel(q.groupBy, g, this.data?.regions);
    return html`
      <h2 id="results" tabindex="-1">${tn('reports.rows', rows.length)}</h2>
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.downloading} @click=${() => this.download(q)}>
          ${this.downloading ? t('reports.downloading') : t('reports.download')}</button>
      </div>
      ${rows.length === 0 ? html`<p class="card">${t('reports.empty')}</p>` : html`
        <div class="scroll" role="region" tabindex="0" aria-label=${t('reports.tableScroll')}>
          <table>
            <caption>${t('reports.caption', { group: groupName, from: q.from, to: q.to })}</caption>
            <thead><tr>
              <th scope="col">${t(`reports.group.${q.groupBy}` as MessageKey)}</th>
              ${REPORT_COLUMNS.map((c) => html`<th scope="col">${columnLabel(c.key)}</th>`)}
            </tr></thead>
            <tbody>
              ${rows.map((r) => html`<tr data-group=${r.group}>
                <th scope="row">${name(r.group)}</th>
                ${REPORT_COLUMNS.map((c) => {
                  const cell = formatCell(c.kind, r[c.key]);
                  return html`<td data-col=${c.key}>${cell.label
                    ? html`<span aria-hidden="true">${cell.text}</span><span class="sr-only">${cell.label}</span>`
                    : cell.text}</td>`;
                })}
              </tr>`)}
            </tbody>
          </table>
        </div>
        <p class="muted">${t('reports.suppressedNote')}</p>
        ${this.chart(rows, name, groupName)}`}
    `;
  }

  /** Occupancy per group as horizontal bars; the table above is its text alternative. */
  private chart(rows: CapacityRow[], name: (g: string) => string, groupName: string) {
    const bars = chartBars(rows);
    if (bars.length === 0) return nothing;
    const rowHeight = 28;
    const labelWidth = 140;
    const width = 340;
    const barSpace = width - labelWidth - 56;
    const height = bars.length * rowHeight + 4;
    const title = t('reports.chartTitle', { group: groupName });
    return html`
      <figure>
        <figcaption id="chart-title">${title}</figcaption>
        <svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc">
          <desc id="chart-desc">${t('reports.chartDesc')} ${bars.map((b) => `${name(b.group)}: ${formatPercent(b.rate)}`).join('; ')}</desc>
          ${bars.map((b, i) => {
            const y = i * rowHeight + 2;
            const label = name(b.group);
            return svg`
              <text class="chart-text" x="${labelWidth - 6}" y="${y + 18}" text-anchor="end">${label.length > 16 ? `${label.slice(0, 15)}…` : label}</text>
              <rect class="bar" x="${labelWidth}" y="${y + 4}" height="${rowHeight - 8}" width="${Math.max(1, b.share * barSpace)}" rx="3"></rect>
              <text class="chart-text" x="${labelWidth + Math.max(1, b.share * barSpace) + 6}" y="${y + 18}">${formatPercent(b.rate)}</text>`;
          })}
        </svg>
      </figure>`;
  }

  private async run(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const q = queryFrom(new FormData(e.target as HTMLFormElement));
    this.status = '';
    if ('error' in q) {
      this.error = t(q.error);
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const report = await api.capacityReport(q);
      this.query = q;
      this.rows = report.rows;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#results')?.focus();
    } catch (err) {
      this.rows = null;
      this.error = problem(err);
    } finally {
      this.busy = false;
    }
  }

  /** The same URL as text/csv with the bearer token, saved through a Blob link (no token in any URL). */
  private async download(q: CapacityQuery): Promise<void> {
    this.downloading = true;
    this.error = '';
    this.status = '';
    try {
      const blob = await api.capacityReportCsv(q);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(q);
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status = t('reports.downloaded', { file: link.download });
    } catch (err) {
      this.error = problem(err);
    } finally {
      this.downloading = false;
    }
  }
}

function problem(err: unknown): string {
  return err instanceof ApiError && err.status ? err.detail ?? t('error.generic', { status: String(err.status) }) : t('error.network');
}
