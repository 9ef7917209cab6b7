import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, type TurnawayDay, type TurnawayReport } from '../api';
import { LocaleController, intlLocale, t, type MessageKey } from '../i18n';
import { problemMessage } from '../i18n/problem-text';
import { shared } from '../ui/styles';
import { turnawaysByDay } from './charts';
import { defaultRange, doorCell, formatCell } from './report';
import './chart-view';

export const TURNAWAY_COLUMNS = ['callsHandled', 'referralsToSpace', 'unavailableFamily', 'unavailableIndividuals'] as const;
type Column = (typeof TURNAWAY_COLUMNS)[number];

/** Toronto Central Intake's calls per day: referred to a space, or no space for a family or an individual. */
@customElement('harbour-turnaway-report')
export class TurnawayReportView extends LitElement {
  static styles = [shared, css`
    :host { margin-top: 2rem; border-top: 2px solid var(--border); padding-top: 1rem; }
    form { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); align-items: end; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; }
    .scroll { overflow: auto; max-width: 100%; max-height: 28rem; border: 1px solid var(--border); border-radius: var(--radius); }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; min-width: 100%; }
    caption { text-align: left; padding: 0.5rem; font-weight: 700; }
    th, td { padding: 0.45rem 0.6rem; border-top: 1px solid var(--border); text-align: right; white-space: nowrap; }
    th[scope='row'], thead th:first-child { text-align: left; }
    thead th { white-space: normal; min-width: 6rem; vertical-align: bottom; }
    tfoot th, tfoot td { font-weight: 800; border-top: 2px solid var(--text); }
    .totals { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); margin: 1rem 0; }
    .totals div { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.6rem; }
    .totals dt { font-size: 0.9rem; color: var(--muted); }
    .totals dd { margin: 0; font-size: 1.4rem; font-weight: 800; }
    .totals dd.reasons { font-size: 0.85rem; font-weight: 400; color: var(--muted); }
    .totals dd.reasons ul { list-style: none; margin: 0.2rem 0 0; padding: 0; }
    harbour-chart { margin-top: 1rem; }
  `];

  @state() private report: TurnawayReport | null = null;
  @state() private range = defaultRange();
  @state() private busy = false;
  @state() private error = '';
  @state() private status = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    return html`
      <section aria-labelledby="turnaways-title">
        <h2 id="turnaways-title">${t('turnaways.title')}</h2>
        <p class="muted">${t('turnaways.intro')}</p>
        <form class="card" @submit=${this.run} aria-labelledby="turnaways-title">
          <div><label for="t-from">${t('reports.from')}</label><input id="t-from" name="from" type="date" required .value=${this.range.from} /></div>
          <div><label for="t-to">${t('reports.to')}</label><input id="t-to" name="to" type="date" required .value=${this.range.to} /></div>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('reports.running') : t('turnaways.run')}</button>
        </form>
        <div aria-live="polite">
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.status ? html`<p class="ok" role="status">${this.status}</p>` : nothing}
        </div>
        ${this.report ? this.results(this.report) : nothing}
      </section>`;
  }

  private results(r: TurnawayReport) {
    if (r.rows.length === 0) return html`<p class="card" id="turnaways-results" tabindex="-1">${t('turnaways.empty')}</p>`;
    const date = new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeZone: 'UTC' });
    const cell = (v: number | null) => {
      const c = formatCell('count', v);
      return c.label ? html`<span aria-hidden="true">${c.text}</span><span class="sr-only">${c.label}</span>` : c.text;
    };
    const label = (c: Column) => t(`turnaways.col.${c}` as MessageKey);
    return html`
      <dl class="totals" id="turnaways-results" tabindex="-1">
        <div><dt>${t('turnaways.days')}</dt><dd>${formatCell('count', r.totals.days).text}</dd></div>
        ${TURNAWAY_COLUMNS.map((c) => html`<div><dt>${label(c)}</dt><dd data-total=${c}>${formatCell('count', r.totals[c]).text}</dd></div>`)}
        ${this.door(r)}
      </dl>
      <div class="actions">
        <button type="button" class="secondary" @click=${this.download}>${t('reports.download')}</button>
      </div>
      <harbour-chart .spec=${turnawaysByDay(r.rows)}></harbour-chart>
      <div class="scroll" role="region" tabindex="0" aria-label=${t('turnaways.tableScroll')}>
        <table>
          <caption>${t('turnaways.caption', { from: this.range.from, to: this.range.to })}</caption>
          <thead><tr><th scope="col">${t('turnaways.date')}</th>${TURNAWAY_COLUMNS.map((c) => html`<th scope="col">${label(c)}</th>`)}</tr></thead>
          <tbody>${r.rows.map((d: TurnawayDay) => html`<tr data-date=${d.date}>
            <th scope="row">${date.format(new Date(`${d.date}T00:00:00Z`))}</th>
            ${TURNAWAY_COLUMNS.map((c) => html`<td data-col=${c}>${cell(d[c])}</td>`)}</tr>`)}</tbody>
          <tfoot><tr><th scope="row">${t('turnaways.total')}</th>${TURNAWAY_COLUMNS.map((c) => html`<td>${cell(r.totals[c])}</td>`)}</tr></tfoot>
        </table>
      </div>`;
  }

  /** Every Harbour program's refusals at the door over the range's whole months, and the reasons that have a figure. */
  private door(r: TurnawayReport) {
    const total = formatCell('count', r.doorRefusals);
    const { reasons } = doorCell({ doorArrivals: null, doorNoShows: null, doorRefusals: r.doorRefusals,
      doorRefusalsByReason: r.doorRefusalsByReason });
    return html`<div><dt>${t('turnaways.doorRefusals')}</dt>
      <dd data-total="doorRefusals">${total.label ? html`<span aria-hidden="true">${total.text}</span><span class="sr-only">${total.label}</span>` : total.text}</dd>
      ${reasons.length ? html`<dd class="reasons"><ul aria-label=${t('reports.door.reasons')}>
        ${reasons.map((x) => html`<li data-reason=${x.reason}>${x.text}</li>`)}</ul></dd>` : nothing}
      ${r.personFiguresPeriod ? html`<dd class="muted" data-person-period>${t('reports.personPeriod', r.personFiguresPeriod)}</dd>` : nothing}</div>`;
  }

  private async run(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const from = String(data.get('from') ?? '');
    const to = String(data.get('to') ?? '');
    this.status = '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
      this.error = t('reports.badDates');
      return;
    }
    if (from > to) {
      this.error = t('reports.fromAfterTo');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      this.range = { from, to };
      this.report = await api.turnawayReport({ from, to });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#turnaways-results')?.focus();
    } catch (err) {
      this.report = null;
      this.error = problemMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private async download(): Promise<void> {
    this.error = '';
    try {
      const blob = await api.turnawayReportCsv(this.range);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `harbour-turnaways-${this.range.from}-${this.range.to}.csv`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status = t('reports.downloaded', { file: link.download });
    } catch (err) {
      this.error = problemMessage(err);
    }
  }
}
