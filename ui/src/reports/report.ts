import type { CapacityQuery, CapacityRow, DeclineReason, ReportGroupBy } from '../api/types';
import { CAPACITY_TYPES, POPULATIONS, PROGRAM_TYPES, REPORT_GROUPS } from '../api/types';
import { intlLocale, locale, t, tEnum, type Locale, type MessageKey } from '../i18n';

/** The door figures share one compact column (see doorCell), so the table keeps its width. */
type DoorField = 'doorArrivals' | 'doorNoShows' | 'doorRefusals' | 'doorRefusalsByReason';
export type ReportColumn = Exclude<keyof CapacityRow, 'group' | 'group2' | DoorField>;
type Kind = 'count' | 'rate' | 'decimal' | 'money';

/**
 * The table's figures, in the API's order, with how each is written. `main` ones are shown at first, so the
 * table fits a 1280 px screen (issue 19); "More figures" adds the rest.
 */
export const REPORT_COLUMNS: { key: ReportColumn; kind: Kind; main: boolean }[] = [
  { key: 'capacityNights', kind: 'count', main: false },
  { key: 'occupiedNights', kind: 'count', main: false },
  { key: 'occupancyRate', kind: 'rate', main: true },
  { key: 'bedRequests', kind: 'count', main: true },
  { key: 'unmetRequests', kind: 'count', main: false },
  { key: 'unmetRate', kind: 'rate', main: true },
  { key: 'afterHoursRequests', kind: 'count', main: false },
  { key: 'placements', kind: 'count', main: true },
  { key: 'clients', kind: 'count', main: true },
  { key: 'movesPerEpisode', kind: 'decimal', main: false },
  { key: 'medianWaitDays', kind: 'decimal', main: false },
  { key: 'hotelNights', kind: 'count', main: false },
  { key: 'hotelCost', kind: 'money', main: false },
];

/** The figures a cross-tab can show in its cells: the table's, one at a time. */
export function columnKind(key: ReportColumn): Kind {
  return REPORT_COLUMNS.find((c) => c.key === key)?.kind ?? 'count';
}

export const MISSING = '—';

/** A cell as shown: the text, and for a null the words a screen reader says instead of the dash. */
export interface Cell { text: string; label: string | null }

export function formatCell(kind: Kind, value: number | null | undefined, l: Locale = locale()): Cell {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return { text: MISSING, label: t('reports.suppressed', {}, l) };
  }
  const tag = intlLocale(l);
  const options: Intl.NumberFormatOptions =
    kind === 'rate' ? { style: 'percent', maximumFractionDigits: 1 }
      : kind === 'money' ? { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 }
        : kind === 'decimal' ? { maximumFractionDigits: 1 }
          : { maximumFractionDigits: 0 };
  return { text: new Intl.NumberFormat(tag, options).format(value), label: null };
}

/** The door in one cell: "arrived / no-show / refused", the sentence a screen reader says, and the reasons shown. */
export interface DoorCell { text: string; label: string; reasons: { reason: DeclineReason; text: string }[] }

export function doorCell(row: Pick<CapacityRow, DoorField>, l: Locale = locale()): DoorCell {
  const [arrived, noShow, refused] = [row.doorArrivals, row.doorNoShows, row.doorRefusals].map((v) => formatCell('count', v, l));
  const said = (c: Cell) => c.label ?? c.text;
  // Only the reasons with a figure: a suppressed one says nothing a reader can use, and would widen the cell.
  const reasons = (Object.entries(row.doorRefusalsByReason ?? {}) as [DeclineReason, number | null][])
    .filter(([, n]) => n !== null && n !== undefined)
    .map(([reason, n]) => ({ reason, text: t('reports.door.reasonCount', { reason: t(`reports.doorReason.${reason}` as MessageKey, {}, l), n: n as number }, l) }));
  return {
    text: [arrived, noShow, refused].map((c) => c.text).join(' / '),
    label: t('reports.door.label', { arrived: said(arrived), noShow: said(noShow), refused: said(refused) }, l),
    reasons,
  };
}

/**
 * The row's heading: a region's name, a type or population in words, a month as "Jan. 2026". "ANY" (requests that
 * named no region, no type, nothing about the person) is said in words too, never as the code.
 */
export function groupLabel(groupBy: ReportGroupBy, group: string, regions: Map<string, string> = new Map(), l: Locale = locale()): string {
  if (group === 'ANY' && groupBy !== 'month') return t(`reports.any.${groupBy}` as MessageKey, {}, l);
  switch (groupBy) {
    case 'region':
      return regions.get(group) ?? group;
    case 'type':
      return tEnum('type', group);
    case 'population':
      return tEnum('pop', group);
    case 'month': {
      const m = /^(\d{4})-(\d{2})$/.exec(group);
      if (!m) return group;
      const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
      return new Intl.DateTimeFormat(intlLocale(l), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
    }
  }
}

export function columnLabel(key: ReportColumn): string {
  return t(`reports.col.${key}` as MessageKey);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's query, or the message key of what is wrong with it. */
export function queryFrom(data: FormData): CapacityQuery | { error: MessageKey } {
  const from = String(data.get('from') ?? '');
  const to = String(data.get('to') ?? '');
  const groupBy = String(data.get('groupBy') ?? 'region') as ReportGroupBy;
  const groupBy2 = String(data.get('groupBy2') ?? '') as ReportGroupBy | '';
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return { error: 'reports.badDates' };
  if (from > to) return { error: 'reports.fromAfterTo' };
  if (!REPORT_GROUPS.includes(groupBy)) return { error: 'reports.badDates' };
  if (groupBy2 && (!REPORT_GROUPS.includes(groupBy2) || groupBy2 === groupBy)) return { error: 'reports.sameGroups' };
  const query: CapacityQuery = { from, to, groupBy };
  if (groupBy2) query.groupBy2 = groupBy2;
  // Filters: empty means all; a value the lists do not know never reaches the service.
  const filter = (name: string, allowed?: readonly string[]): string | null | false => {
    const value = String(data.get(name) ?? '').trim();
    if (!value) return null;
    return allowed && !allowed.includes(value) ? false : value;
  };
  const regionCode = filter('regionCode');
  const type = filter('type', PROGRAM_TYPES);
  const population = filter('population', POPULATIONS);
  const capacityType = filter('capacityType', CAPACITY_TYPES);
  if (type === false || population === false || capacityType === false) return { error: 'reports.badFilter' };
  if (regionCode) query.regionCode = regionCode;
  if (type) query.type = type as CapacityQuery['type'];
  if (population) query.population = population as CapacityQuery['population'];
  if (capacityType) query.capacityType = capacityType as CapacityQuery['capacityType'];
  return query;
}

/** The same range and filters, grouped another way, in one dimension (the charts by month and by region). */
export function regrouped(q: CapacityQuery, groupBy: ReportGroupBy): CapacityQuery {
  const { groupBy2: _, ...rest } = q;
  return { ...rest, groupBy };
}

/** A two-dimensional report laid out as a grid: which dimension runs down, which across, and each cell's row. */
export interface CrossTab {
  down: ReportGroupBy;
  across: ReportGroupBy;
  rows: string[];
  columns: string[];
  cell: (row: string, column: string) => CapacityRow | undefined;
}

/**
 * Months run down (a range may have 36 of them), and otherwise the dimension with more values, so the columns stay
 * few enough to fit a 1280 px screen (15 regions down, at most 9 types across).
 */
export function crossTab(q: CapacityQuery, rows: CapacityRow[]): CrossTab | null {
  if (!q.groupBy2) return null;
  const firsts = [...new Set(rows.map((r) => r.group))];
  const seconds = [...new Set(rows.map((r) => r.group2 ?? ''))];
  const firstDown = q.groupBy === 'month' || (q.groupBy2 !== 'month' && firsts.length >= seconds.length);
  const byKey = new Map(rows.map((r) => [`${r.group}\u0000${r.group2 ?? ''}`, r]));
  return firstDown
    ? { down: q.groupBy, across: q.groupBy2, rows: firsts, columns: seconds, cell: (d, a) => byKey.get(`${d}\u0000${a}`) }
    : { down: q.groupBy2, across: q.groupBy, rows: seconds, columns: firsts, cell: (d, a) => byKey.get(`${a}\u0000${d}`) };
}

/** Filters in force, in words, for the caption ("Northeastern Ontario, Emergency shelter"). */
export function filterWords(q: CapacityQuery, regions: Map<string, string> = new Map()): string[] {
  const words: string[] = [];
  if (q.regionCode) words.push(regions.get(q.regionCode) ?? q.regionCode);
  if (q.type) words.push(tEnum('type', q.type));
  if (q.population) words.push(tEnum('pop', q.population));
  if (q.capacityType) words.push(t(`admin.capacityType.${q.capacityType}` as MessageKey));
  return words;
}

/** The last 90 days up to yesterday (today's night is not over), as YYYY-MM-DD. */
export function defaultRange(now: Date = new Date()): { from: string; to: string } {
  const day = (offset: number) => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  return { from: day(-90), to: day(-1) };
}

export function csvFileName(q: CapacityQuery): string {
  return `harbour-capacity-${q.groupBy}${q.groupBy2 ? `-${q.groupBy2}` : ''}-${q.from}-${q.to}.csv`;
}

/** The capacity report's spreadsheet: the CSV's name with .xlsx. */
export function sheetFileName(q: CapacityQuery): string {
  return csvFileName(q).replace(/\.csv$/, '.xlsx');
}

/** The HSDS export of the programs, named for the day it was taken (local date). */
export function hsdsFileName(now = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `harbour-hsds-${day}.json`;
}
