import type { CapacityQuery, CapacityRow, DeclineReason, ReportGroupBy } from '../api/types';
import { CAPACITY_TYPES, POPULATIONS, PROGRAM_TYPES, REPORT_GROUPS } from '../api/types';
import { intlLocale, locale, t, tEnum, type Locale, type MessageKey } from '../i18n';

/** The door figures share one compact column (see doorCell), so the table keeps its width. */
type DoorField = 'doorArrivals' | 'doorNoShows' | 'doorRefusals' | 'doorRefusalsByReason';
export type ReportColumn = Exclude<keyof CapacityRow, 'group' | DoorField>;
type Kind = 'count' | 'rate' | 'decimal' | 'money';

/** The table's figures, in the API's order, with how each is written. */
export const REPORT_COLUMNS: { key: ReportColumn; kind: Kind }[] = [
  { key: 'capacityNights', kind: 'count' },
  { key: 'occupiedNights', kind: 'count' },
  { key: 'occupancyRate', kind: 'rate' },
  { key: 'bedRequests', kind: 'count' },
  { key: 'unmetRequests', kind: 'count' },
  { key: 'unmetRate', kind: 'rate' },
  { key: 'afterHoursRequests', kind: 'count' },
  { key: 'placements', kind: 'count' },
  { key: 'clients', kind: 'count' },
  { key: 'movesPerEpisode', kind: 'decimal' },
  { key: 'medianWaitDays', kind: 'decimal' },
  { key: 'hotelNights', kind: 'count' },
  { key: 'hotelCost', kind: 'money' },
];

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

/** The row's heading: a region's name, a type or population in words, a month as "Jan. 2026". */
export function groupLabel(groupBy: ReportGroupBy, group: string, regions: Map<string, string> = new Map(), l: Locale = locale()): string {
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
  if (!ISO_DATE.test(from) || !ISO_DATE.test(to)) return { error: 'reports.badDates' };
  if (from > to) return { error: 'reports.fromAfterTo' };
  if (!REPORT_GROUPS.includes(groupBy)) return { error: 'reports.badDates' };
  const query: CapacityQuery = { from, to, groupBy };
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

/** The same range and filters, grouped another way (the charts by month and by region). */
export function regrouped(q: CapacityQuery, groupBy: ReportGroupBy): CapacityQuery {
  return { ...q, groupBy };
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
  return `harbour-capacity-${q.groupBy}-${q.from}-${q.to}.csv`;
}
