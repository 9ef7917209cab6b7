import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Availability } from '../api/types';
import type { ProgramInfo } from '../app/dashboard-data';
import { LocaleController, formatDateTime, formatNumber, intlLocale, labelled, t, tEnum, unbrokenPhone, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import type { RegionRows } from './board-filter';
import { intakeNow, type IntakeNow } from './intake';

const INTAKE_KEYS: Record<IntakeNow, MessageKey | null> = {
  ALWAYS: 'board.intakeAlways', OPEN: 'board.intakeOpen', CLOSED: 'board.intakeClosed', UNKNOWN: null,
};

/** "25 mins ago" / "il y a 25 min": the age of a figure in the short words a narrow column holds. */
export function shortAge(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/**
 * The compact board: a table, one line per program at 1280 px (two short lines on a phone), by region. Rows are
 * keyed by program, so a live change rewrites the figures of its own row and nothing else moves.
 */
@customElement('harbour-board-list')
export class BoardList extends LitElement {
  static styles = [shared, css`
    /* Each figure column as wide as its words, the program's name takes the rest (and ends in "…" if it must). */
    table { width: 100%; border-collapse: collapse; font-size: 0.9rem; line-height: 1.3; }
    th, td { padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); white-space: nowrap; }
    thead th { font-size: 0.8rem; color: var(--muted); border-bottom-width: 2px; }
    .region-name { display: block; max-width: 9rem; overflow: hidden; text-overflow: ellipsis; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    th.region { font-size: 0.85rem; }
    /* A region of one program would grow two lines tall with its total: its row says the same. */
    th.region .total { display: none; font-weight: 400; color: var(--muted); }
    th.region.several .total { display: block; }
    /* Three rows or more have room for a long name on two lines (and its total on a third). */
    th.region { min-width: 8rem; }
    th.region.many .region-name { white-space: normal; }
    tbody + tbody { border-top: 2px solid var(--border); }
    th.name { font-weight: 400; width: 100%; max-width: 0; overflow: hidden; text-overflow: ellipsis; }
    th.name b { font-weight: 700; }
    .where { font-weight: 400; color: var(--muted); font-size: 0.85rem; }
    .bookable [data-figure] { font-weight: 800; color: var(--ok); }
    .bookable.none [data-figure], tr.is-stale .bookable [data-figure] { color: var(--muted); }

    tr.is-stale .updated { color: var(--warn); font-weight: 700; }
    /* The narrow column keeps the sign and the age; "Stale" is still read out. */
    .stale-word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
    .intake a { margin-left: 0.5rem; }
    .intake .icon { display: none; }
    .intake .closed { color: var(--warn); }
    .narrow { display: none; }

    /* A phone: two short lines per program — name and bookable, then held, age and intake — under its region. */
    @media (max-width: 40rem) {
      table, tbody { display: block; }
      thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); }
      tr { display: grid; grid-template-columns: auto minmax(0, max-content) minmax(0, 1fr) auto; column-gap: 0.6rem; align-items: baseline;
        grid-template-areas: "name name name bookable" "held updated intake intake";
        border-bottom: 1px solid var(--border); padding: 0.3rem 0; }
      tr.first { grid-template-areas: "region region region region" "name name name bookable" "held updated intake intake"; }
      th, td { border: 0; padding: 0; }
      tbody + tbody { border: 0; }
      th.region { min-width: 0; grid-area: region; font-size: 1rem; padding: 0.6rem 0 0.2rem; border-bottom: 2px solid var(--border); margin-bottom: 0.2rem; }
      th.region .total, th.region.several .total { display: inline; margin-left: 0.5rem; }
      th.name { grid-area: name; font-size: 0.95rem; width: auto; max-width: none; }
      .region-name { display: inline; max-width: none; white-space: normal; }
      .bookable { grid-area: bookable; }
      .bookable [data-figure] { font-size: 1.15rem; }
      .held { grid-area: held; text-align: left; }
      .updated { grid-area: updated; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
      .intake { grid-area: intake; text-align: right; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
      .narrow { display: inline; color: var(--muted); font-size: 0.8rem; }
      /* Big and green at the end of the name's line, under its region's "Bookable: N": the word is read out only. */
      .bookable .narrow { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
      .intake .icon { display: inline; }
      .intake .number { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; }
      .intake a { display: inline-block; min-width: 2.75rem; min-height: 2rem; line-height: 2rem; text-align: center;
        text-decoration: none; border: 1px solid var(--accent); border-radius: 8px; margin-left: 0.3rem; }
    }
  `];

  @property({ attribute: false }) groups: RegionRows[] = [];
  @property({ attribute: false }) regionNames = new Map<string, string>();
  @property({ attribute: false }) programs = new Map<string, ProgramInfo>();
  @property({ type: Number }) now = Date.now();
  /** The region shown first, marked as hers. */
  @property() home: string | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    return html`<table>
      <caption class="sr-only">${t('board.listCaption')}</caption>
      <thead><tr>
        <th scope="col">${t('find.region')}</th>
        <th scope="col">${t('board.program')}</th>
        <th scope="col" class="num">${t('board.bookable')}</th>
        <th scope="col" class="num">${t('board.held')}</th>
        <th scope="col">${t('board.updated')}</th>
        <th scope="col">${t('board.intake')}</th>
      </tr></thead>
      ${repeat(this.groups, (g) => g.regionCode, (g) => html`<tbody data-region=${g.regionCode}>
        ${repeat(g.programs, (a) => String(a.programId), (a, i) => this.row(a, i === 0 ? g : null))}
      </tbody>`)}
    </table>`;
  }

  private row(a: Availability, group: RegionRows | null) {
    const region = group ? this.regionNames.get(group.regionCode) ?? group.regionCode : '';
    const info = this.programs.get(String(a.programId));
    const phone = info?.facility.intakePhone;
    const intake = intakeNow(info?.facility.intakeHours, info?.facility.timeZone, new Date(this.now));
    const intakeKey = INTAKE_KEYS[intake];
    const where = `${a.municipality} · ${tEnum('type', a.type)}`;
    const age = shortAge(a.updatedAt, this.now);
    return html`<tr class="${group ? 'first' : ''} ${a.stale ? 'is-stale' : ''}" data-program-id=${String(a.programId)}>
      ${group ? html`<th scope="rowgroup" rowspan=${group.programs.length}
        class="region ${group.programs.length > 1 ? 'several' : ''} ${group.programs.length > 2 ? 'many' : ''}" title=${region}><span class="region-name">${
        group.regionCode === this.home ? html`<span aria-hidden="true">★ </span>` : nothing}${region}${
        group.regionCode === this.home ? html`<span class="sr-only"> ${t('board.yourRegion')}</span>` : nothing}</span><span
        class="total">${labelled(t('board.bookable'), group.bookable)}</span></th>` : nothing}
      <th scope="row" class="name" title="${a.facilityName} — ${a.programName} · ${where}"><b>${a.facilityName}</b> — ${a.programName}
        <span class="where">· ${a.municipality}</span></th>
      <td class="num bookable ${a.bookable > 0 ? '' : 'none'}"><span class="narrow">${t('board.bookable')} </span><span
        data-figure="bookable">${formatNumber(a.bookable)}</span></td>
      <td class="num held"><span class="narrow">${t('board.held')} </span><span data-figure="held">${formatNumber(a.held)}</span></td>
      <td class="updated" title=${formatDateTime(a.updatedAt)}>${a.stale ? html`<span aria-hidden="true">⚠ </span><span class="stale-word">${t('age.stale')} · </span>` : nothing}<time
        datetime=${a.updatedAt}>${age}</time>${a.stale ? html`<span class="sr-only">${t('age.staleHint')}</span>` : nothing}</td>
      <td class="intake">${intakeKey ? html`<span class=${intake === 'CLOSED' ? 'closed' : ''} data-intake=${intake}>${t(intakeKey)}</span>` : nothing}${
        phone ? html`<a href="tel:${phone}" aria-label=${t('find.call', { phone })}><span class="icon" aria-hidden="true">☎</span><span
          class="number">${unbrokenPhone(phone)}</span></a>` : nothing}</td>
    </tr>`;
  }
}
