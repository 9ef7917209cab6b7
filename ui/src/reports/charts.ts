import type { CapacityRow, TurnawayDay } from '../api/types';
import { intlLocale, locale, t, type Locale } from '../i18n';
import { formatCell } from './report';

/** How a series' values are written on the axis, in the tooltip and in the text alternative. */
export type ValueFormat = 'percent' | 'count' | 'money';

export interface Series {
  label: string;
  values: (number | null)[];
  format: ValueFormat;
  /** Drawn as bars or as a line; a second axis on the right when its unit differs (nights vs dollars). */
  draw: 'bar' | 'line';
  axis: 'left' | 'right';
}

/** What a chart shows, independent of Chart.js, so it can be checked and described in words. */
export interface ChartSpec {
  id: string;
  title: string;
  labels: string[];
  series: Series[];
  stacked?: boolean;
  /** Bars along the value axis, categories down the side: long names (regions) stay readable on a phone. */
  horizontal?: boolean;
}

export function formatValue(format: ValueFormat, value: number | null, l: Locale = locale()): string {
  const kind = format === 'percent' ? 'rate' : format;
  return formatCell(kind, value, l).text;
}

/** The chart in words: one sentence per series, "January 2026: 87%, February 2026: 91%". */
export function describeChart(spec: ChartSpec, l: Locale = locale()): string[] {
  return spec.series.map((s) => `${s.label}: ${spec.labels.map((label, i) =>
    `${label} ${formatValue(s.format, s.values[i] ?? null, l)}`).join(', ')}.`);
}

/** Occupancy rate per month (rows of groupBy=month), in month order. */
export function occupancyByMonth(rows: CapacityRow[], label: (group: string) => string): ChartSpec {
  const sorted = [...rows].sort((a, b) => a.group.localeCompare(b.group));
  return {
    id: 'occupancy-month',
    title: t('reports.chart.occupancyMonth'),
    labels: sorted.map((r) => label(r.group)),
    // Bars, not a line: months without figures would break a line into dots.
    series: [{ label: t('reports.col.occupancyRate'), values: sorted.map((r) => r.occupancyRate), format: 'percent', draw: 'bar', axis: 'left' }],
  };
}

/** Bed requests and the unmet ones per region (rows of groupBy=region), most unmet first. */
export function unmetByRegion(rows: CapacityRow[], label: (group: string) => string): ChartSpec {
  const sorted = [...rows].filter((r) => (r.bedRequests ?? 0) > 0)
    .sort((a, b) => (b.unmetRequests ?? 0) - (a.unmetRequests ?? 0) || a.group.localeCompare(b.group));
  return {
    id: 'unmet-region',
    title: t('reports.chart.unmetRegion'),
    horizontal: true,
    labels: sorted.map((r) => label(r.group)),
    series: [
      { label: t('reports.col.unmetRequests'), values: sorted.map((r) => r.unmetRequests), format: 'count', draw: 'bar', axis: 'left' },
      { label: t('reports.col.bedRequests'), values: sorted.map((r) => r.bedRequests), format: 'count', draw: 'bar', axis: 'left' },
    ],
  };
}

/** Hotel nights (bars) and their cost (line, its own axis) per month. */
export function hotelByMonth(rows: CapacityRow[], label: (group: string) => string): ChartSpec {
  const sorted = [...rows].sort((a, b) => a.group.localeCompare(b.group));
  return {
    id: 'hotel-month',
    title: t('reports.chart.hotelMonth'),
    labels: sorted.map((r) => label(r.group)),
    series: [
      { label: t('reports.col.hotelNights'), values: sorted.map((r) => r.hotelNights), format: 'count', draw: 'bar', axis: 'left' },
      { label: t('reports.col.hotelCost'), values: sorted.map((r) => r.hotelCost), format: 'money', draw: 'line', axis: 'right' },
    ],
  };
}

/** Central Intake: calls where no space was available, families and individuals stacked, per day. */
export function turnawaysByDay(rows: TurnawayDay[], l: Locale = locale()): ChartSpec {
  const day = new Intl.DateTimeFormat(intlLocale(l), { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return {
    id: 'turnaways-day',
    title: t('turnaways.chart', {}, l),
    labels: rows.map((r) => day.format(new Date(`${r.date}T00:00:00Z`))),
    stacked: true,
    series: [
      { label: t('turnaways.col.unavailableFamily', {}, l), values: rows.map((r) => r.unavailableFamily), format: 'count', draw: 'bar', axis: 'left' },
      { label: t('turnaways.col.unavailableIndividuals', {}, l), values: rows.map((r) => r.unavailableIndividuals), format: 'count', draw: 'bar', axis: 'left' },
    ],
  };
}

/** A chart with nothing to draw (no figures, or only zeros) says so rather than showing flat, empty axes. */
export function hasData(spec: ChartSpec): boolean {
  return spec.labels.length > 0 && spec.series.some((s) => s.values.some((v) => typeof v === 'number' && v !== 0));
}

/** A long axis label as lines of at most `width` characters, broken at spaces (Chart.js draws an array as lines). */
export function wrapLabel(label: string, width = 16): string | string[] {
  if (label.length <= width) return label;
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
