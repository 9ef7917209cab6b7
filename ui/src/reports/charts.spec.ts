import { describe, expect, it } from 'vitest';
import type { CapacityRow } from '../api/types';
import { chartConfig } from './chart-config';
import { describeChart, hasData, wrapLabel, hotelByMonth, occupancyByMonth, turnawaysByDay, unmetByRegion } from './charts';

const row = (group: string, figures: Partial<CapacityRow>): CapacityRow => ({
  group, capacityNights: 100, occupiedNights: 90, occupancyRate: 0.9, bedRequests: 0, unmetRequests: 0, unmetRate: null,
  afterHoursRequests: 0, placements: 0, clients: null, movesPerEpisode: null, medianWaitDays: null, hotelNights: 0, hotelCost: 0,
  doorArrivals: null, doorNoShows: null, doorRefusals: null, doorRefusalsByReason: {}, ...figures,
});
const same = (g: string) => g;
const colours = { text: '#fff', grid: '#333', series: ['#aaa', '#bbb'] };

describe('chart data', () => {
  it('puts months in order with their occupancy, keeping a missing rate as a gap', () => {
    const spec = occupancyByMonth([row('2026-02', { occupancyRate: 0.95 }), row('2026-01', { occupancyRate: null })], same);
    expect(spec.labels).toEqual(['2026-01', '2026-02']);
    expect(spec.series[0].values).toEqual([null, 0.95]);
    expect(hasData(spec)).toBe(true);
    expect(hasData(occupancyByMonth([row('2026-01', { occupancyRate: null })], same))).toBe(false);
    expect(hasData(hotelByMonth([row('2026-01', { hotelNights: 0, hotelCost: 0 })], same))).toBe(false);
  });

  it('ranks regions by unmet requests and leaves out regions nobody asked in', () => {
    const spec = unmetByRegion([
      row('ON-EAST', { bedRequests: 4, unmetRequests: 1 }),
      row('ON-NORTHEAST', { bedRequests: 9, unmetRequests: 6 }),
      row('BC-NORTH', { bedRequests: 0, unmetRequests: 0 }),
    ], (g) => `region ${g}`);
    expect(spec.labels).toEqual(['region ON-NORTHEAST', 'region ON-EAST']);
    expect(spec.series.map((s) => s.values)).toEqual([[6, 1], [9, 4]]);
    const config = chartConfig(spec, colours);
    expect(config.options?.indexAxis).toBe('y');
    expect(Object.keys(config.options?.scales ?? {})).toEqual(['x', 'y']);
  });

  it('draws hotel nights as bars and cost as a line on its own axis', () => {
    const spec = hotelByMonth([row('2026-01', { hotelNights: 31, hotelCost: 2945 })], same);
    expect(spec.series.map((s) => [s.draw, s.axis, s.format])).toEqual([['bar', 'left', 'count'], ['line', 'right', 'money']]);
    const config = chartConfig(spec, colours);
    const scales = config.options?.scales as Record<string, { position: string }>;
    expect(Object.keys(scales)).toEqual(['x', 'y', 'right']);
    expect(config.data.datasets.map((d) => [d.type, (d as { yAxisID: string }).yAxisID])).toEqual([['bar', 'y'], ['line', 'right']]);
    expect(config.options?.animation).toBe(false);
  });

  it('uses no right axis when every series shares one, and stacks turnaways', () => {
    const spec = turnawaysByDay([{ date: '2023-12-01', callsHandled: 200, referralsToSpace: 20, unavailableFamily: 3, unavailableIndividuals: 150 }], 'en');
    expect(spec.labels).toEqual(['Dec 1']);
    expect(spec.stacked).toBe(true);
    const scales = chartConfig(spec, colours).options?.scales as Record<string, { stacked: boolean }>;
    expect(Object.keys(scales)).toEqual(['x', 'y']);
    expect(scales.y.stacked).toBe(true);
  });

  it('breaks long axis labels into lines at spaces', () => {
    expect(wrapLabel('Toronto and Central Ontario')).toEqual(['Toronto and', 'Central Ontario']);
    expect(wrapLabel('Calgary')).toBe('Calgary');
    expect(wrapLabel('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilisticexpialidocious']);
  });

  it('says the chart in words, in the locale', () => {
    const spec = hotelByMonth([row('Jan', { hotelNights: 1200, hotelCost: 95000 })], same);
    expect(describeChart(spec, 'en')).toEqual(['Hotel nights: Jan 1,200.', 'Hotel cost: Jan $95,000.']);
    expect(describeChart(spec, 'fr')[0]).toMatch(/^Hotel nights: Jan 1\s200\.$/);
    expect(describeChart(occupancyByMonth([row('Feb', { occupancyRate: null })], same), 'en')).toEqual(['Occupancy: Feb —.']);
  });
});
