import type { CapacityFilters, CapacityRow, Facility, Program } from '../api/types';
import { intlLocale, locale, t, type Locale, type MessageKey } from '../i18n';
import { TILES } from './region-tiles';

/** The figures the map can shade by (issue 19.2), and people served, where small groups are suppressed. */
export type MapFigure = 'occupancyRate' | 'unmetPer100' | 'afterHoursRequests' | 'specializedBeds' | 'clients';
export const MAP_FIGURES: MapFigure[] = ['unmetPer100', 'occupancyRate', 'afterHoursRequests', 'specializedBeds', 'clients'];

/**
 * What a region shows: a figure; suppressed (fewer than 5 people behind it: never drawn as 0); no bed nights (a
 * rate with nothing to divide by); no figures at all for it in this report; or left out by the region filter.
 */
export type CellState = 'value' | 'suppressed' | 'noBeds' | 'noData' | 'filteredOut';

export interface MapCell {
  code: string;
  state: CellState;
  value: number | null;
  /** The shade: the step of the scale the value falls in (0 = lightest), null when not shaded. */
  step: number | null;
  /** Unmet requests where there were no bed nights at all: said with "no beds". */
  unmet?: number;
}

/** A step of the legend: values from `from` (inclusive) up to the next step's, or exactly `from` when `exact`. */
export interface ScaleStep { from: number; to: number | null; label: string; exact?: boolean }

export interface Shading { figure: MapFigure; cells: MapCell[]; steps: ScaleStep[] }

/** Occupancy has fixed steps that mean something to a funder (most shelters run above 90 %). */
const OCCUPANCY_STEPS = [0, 0.5, 0.8, 0.9, 0.95];
/** Steps above zero for counts and rates (zero has its own, the lightest: none at all is not "a few"). */
const STEP_COUNT = 4;

/** The figure of one row; unmet requests per 100 bed nights are worked out here, like the table's rates. */
export function figureOf(figure: Exclude<MapFigure, 'specializedBeds'>, row: CapacityRow): number | null {
  if (figure !== 'unmetPer100') return row[figure];
  if (row.unmetRequests === null || !row.capacityNights) return null;
  return (row.unmetRequests / row.capacityNights) * 100;
}

/** Is the figure worked out over bed nights, so that a region without any has none? */
function perBedNight(figure: MapFigure): boolean {
  return figure === 'occupancyRate' || figure === 'unmetPer100';
}

/**
 * Trafficking-specialized or Indigenous beds per region: the capacity of the programs that are either, as set up
 * today, with the report's filters (type, population, beds or rooms, region). A count of beds, never of people, so
 * nothing to suppress; summed per region, so no facility shows. Every region on the map starts at 0: a region
 * without any is exactly what a funder needs to see.
 */
export function specializedBeds(programs: Iterable<{ program: Program; facility: Facility }>, filters: CapacityFilters): Map<string, number> {
  const beds = new Map<string, number>(TILES.map((tile) => [tile.code, 0]));
  for (const { program, facility } of programs) {
    const e = program.eligibility;
    if (!e?.traffickingSpecialized && e?.culturallySpecific !== 'INDIGENOUS') continue;
    if (filters.regionCode && facility.regionCode !== filters.regionCode) continue;
    if (filters.type && program.type !== filters.type) continue;
    if (filters.population && program.population !== filters.population) continue;
    if (filters.capacityType && program.capacityType !== filters.capacityType) continue;
    beds.set(facility.regionCode, (beds.get(facility.regionCode) ?? 0) + program.capacity);
  }
  return beds;
}

/**
 * A round step (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or 7.5 times a power of ten; whole for counts) so the legend reads
 * 0, 15, 30, 45: the largest whose top step (three steps up) the largest value still reaches, so the darkest shade
 * is always used. Round steps lie at most 4/3 apart, so the top step starts at no less than a quarter of the largest.
 */
export function niceStep(max: number, whole: boolean): number {
  const raw = max / (STEP_COUNT - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fits = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5].map((m) => Number((m * power).toPrecision(12)))
    .filter((s) => s <= raw && (!whole || Number.isInteger(s)));
  return whole ? Math.max(1, ...fits) : fits[fits.length - 1];
}

/** The step a value falls in: an exact one it equals, else the last one whose start it reaches. */
export function stepOf(value: number, steps: ScaleStep[]): number {
  const exact = steps.findIndex((s) => s.exact && s.from === value);
  if (exact >= 0) return exact;
  let found = 0;
  steps.forEach((s, i) => { if (!s.exact && value >= s.from) found = i; });
  return found;
}

/**
 * The scale of the shown figures: occupancy's fixed steps; otherwise 0 on its own, then four equal round steps up to
 * the largest ("0", "under 10", "10 to 20", "20 to 30", "30 or more"), so a region with nothing stands apart.
 */
export function scaleFor(figure: MapFigure, values: number[], l: Locale = locale()): ScaleStep[] {
  const format = (v: number) => formatFigure(figure, v, l);
  if (figure === 'occupancyRate') return labelled(OCCUPANCY_STEPS, format, l);
  // No region has a figure: no scale to read (the legend keeps "suppressed" and "no figure").
  if (values.length === 0) return [];
  const max = Math.max(0, ...values);
  const zero: ScaleStep = { from: 0, to: 0, label: format(0), exact: true };
  // Nothing above zero: one step, "0", rather than a scale made up around nothing.
  if (max === 0) return [zero];
  const whole = figure !== 'unmetPer100';
  // A few requests or beds at most: a step per number ("0", "1", "2 or more"), not "under 1".
  if (whole && max <= STEP_COUNT) {
    return [zero, ...Array.from({ length: max }, (_, i): ScaleStep => (i + 1 < max
      ? { from: i + 1, to: i + 1, label: format(i + 1), exact: true }
      : { from: i + 1, to: null, label: t('reports.map.orMore', { from: format(i + 1) }, l) }))];
  }
  const step = niceStep(max, whole);
  return [zero, ...labelled(Array.from({ length: STEP_COUNT }, (_, i) => i * step), format, l)];
}

function labelled(starts: number[], format: (v: number) => string, l: Locale): ScaleStep[] {
  return starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1] : null;
    const label = i === 0 ? t('reports.map.below', { to: format(to as number) }, l)
      : to === null ? t('reports.map.orMore', { from: format(from) }, l)
        : t('reports.map.between', { from: format(from), to: format(to) }, l);
    return { from, to, label };
  });
}

/** A figure as written on a tile and in the table: a percent, per 100 bed nights with one decimal, or a count. */
export function formatFigure(figure: MapFigure, value: number, l: Locale = locale()): string {
  const options: Intl.NumberFormatOptions = figure === 'occupancyRate' ? { style: 'percent', maximumFractionDigits: 1 }
    : figure === 'unmetPer100' ? { maximumFractionDigits: 1 } : { maximumFractionDigits: 0 };
  return new Intl.NumberFormat(intlLocale(l), options).format(value);
}

/**
 * Every region of the map, shaded by the figure: from the report's rows by region, or, for specialized beds, from
 * the programs. A null figure is suppressed (or, for a rate over bed nights, a region without any), never 0.
 */
export function shade(figure: MapFigure, rows: CapacityRow[], filters: CapacityFilters, beds: Map<string, number>, l: Locale = locale()): Shading {
  const byCode = new Map(rows.map((r) => [r.group, r]));
  const cells: MapCell[] = TILES.map(({ code }) => {
    if (filters.regionCode && filters.regionCode !== code) return { code, state: 'filteredOut', value: null, step: null };
    if (figure === 'specializedBeds') {
      const value = beds.get(code);
      return value === undefined ? { code, state: 'noData', value: null, step: null } : { code, state: 'value', value, step: null };
    }
    const row = byCode.get(code);
    if (!row) return { code, state: 'noData', value: null, step: null };
    const value = figureOf(figure, row);
    if (value !== null) return { code, state: 'value', value, step: null };
    if (perBedNight(figure) && !row.capacityNights) {
      return { code, state: 'noBeds', value: null, step: null, ...(row.unmetRequests ? { unmet: row.unmetRequests } : {}) };
    }
    return { code, state: 'suppressed', value: null, step: null };
  });
  const steps = scaleFor(figure, cells.flatMap((c) => (c.value === null ? [] : [c.value])), l);
  for (const cell of cells) if (cell.value !== null) cell.step = stepOf(cell.value, steps);
  return { figure, cells, steps };
}

/** What a tile or a table cell says for a region without a figure. */
export function stateWords(cell: MapCell, l: Locale = locale()): string {
  switch (cell.state) {
    case 'value':
      return '';
    case 'noBeds':
      return cell.unmet ? t('reports.map.state.noBedsUnmet', { n: formatFigure('afterHoursRequests', cell.unmet, l) }, l) : t('reports.map.state.noBeds', {}, l);
    default:
      return t(`reports.map.state.${cell.state}` as MessageKey, {}, l);
  }
}
