import { describe, expect, it } from 'vitest';
import { capacityReportUrl } from '../api';
import type { CapacityQuery } from '../api/types';
import { REPORT_COLUMNS, crossTab, csvFileName, doorCell, filterWords, regrouped, defaultRange, formatCell, groupLabel, hsdsFileName, queryFrom, sheetFileName } from './report';
import type { CapacityRow } from '../api/types';

describe('capacity report', () => {
  it('builds one URL for the JSON and the CSV, encoded', () => {
    expect(capacityReportUrl({ from: '2026-01-01', to: '2026-03-31', groupBy: 'month' }))
      .toBe('/api/reports/capacity?from=2026-01-01&to=2026-03-31&groupBy=month');
    expect(csvFileName({ from: '2026-01-01', to: '2026-03-31', groupBy: 'type' })).toBe('harbour-capacity-type-2026-01-01-2026-03-31.csv');
  });

  it('names the spreadsheet as the CSV, and the HSDS export by its local day', () => {
    expect(sheetFileName({ from: '2026-01-01', to: '2026-03-31', groupBy: 'region', groupBy2: 'type' }))
      .toBe('harbour-capacity-region-type-2026-01-01-2026-03-31.xlsx');
    expect(hsdsFileName(new Date(2026, 11, 7, 23, 30))).toBe('harbour-hsds-2026-12-07.json');
  });

  it('formats figures in the locale and labels suppressed ones', () => {
    expect(formatCell('count', 12345, 'en')).toEqual({ text: '12,345', label: null });
    expect(formatCell('count', 12345, 'fr').text).toMatch(/^12\s345$/);
    expect(formatCell('rate', 0.8765, 'en').text).toBe('87.7%');
    expect(formatCell('rate', 0.8765, 'fr').text).toMatch(/^87,7\s%$/);
    expect(formatCell('money', 1390, 'en').text).toBe('$1,390');
    expect(formatCell('decimal', 1.25, 'en').text).toBe('1.3');
    expect(formatCell('count', null, 'en')).toEqual({ text: '—', label: 'suppressed or not available' });
    expect(formatCell('count', null, 'fr').label).toBe('masqué ou non disponible');
  });

  it('puts the door in one cell: arrived / no-show / refused, said in words, with only the reasons that have a figure', () => {
    const row = { doorArrivals: 1234, doorNoShows: null, doorRefusals: 9,
      doorRefusalsByReason: { GENDER: null, SUBSTANCE_USE: 6, OTHER: 5, SAFETY: null } };
    const en = doorCell(row, 'en');
    expect(en.text).toBe('1,234 / — / 9');
    expect(en.label).toBe('At the door: arrived 1,234, did not come suppressed or not available, turned away 9');
    expect(en.reasons).toEqual([{ reason: 'SUBSTANCE_USE', text: 'Sobriety required:\u00a06' }, { reason: 'OTHER', text: 'Other:\u00a05' }]);
    const fr = doorCell(row, 'fr');
    expect(fr.text).toMatch(/^1\s234 \/ — \/ 9$/);
    expect(fr.label).toContain('pas venues masqué ou non disponible');
    expect(fr.reasons.map((r) => r.text)).toEqual(['Sobriété exigée\u00a0:\u00a06', 'Autre\u00a0:\u00a05']);
    expect(doorCell({ doorArrivals: null, doorNoShows: null, doorRefusals: null, doorRefusalsByReason: {} }, 'en'))
      .toEqual({ text: '— / — / —', label: 'At the door: arrived suppressed or not available, did not come suppressed or not available, turned away suppressed or not available', reasons: [] });
  });

  it('names groups: types and populations in words, months in the locale', () => {
    expect(groupLabel('type', 'DV_SHELTER', new Map(), 'en')).toBe('Violence against women shelter');
    expect(groupLabel('region', 'ON-NORTHEAST', new Map([['ON-NORTHEAST', 'Northeastern Ontario']]))).toBe('Northeastern Ontario');
    expect(groupLabel('region', 'ON-X')).toBe('ON-X');
    expect(groupLabel('month', '2026-01', new Map(), 'en')).toMatch(/Jan.* 2026/);
    expect(groupLabel('month', '2026-01', new Map(), 'fr')).toMatch(/janv.* 2026/);
  });

  it('reads the form and refuses a range that ends before it starts', () => {
    const form = (from: string, to: string, groupBy = 'region') => {
      const d = new FormData();
      d.set('from', from);
      d.set('to', to);
      d.set('groupBy', groupBy);
      return d;
    };
    expect(queryFrom(form('2026-01-01', '2026-01-31', 'population'))).toEqual({ from: '2026-01-01', to: '2026-01-31', groupBy: 'population' });
    expect(queryFrom(form('2026-02-01', '2026-01-31'))).toEqual({ error: 'reports.fromAfterTo' });
    expect(queryFrom(form('', '2026-01-31'))).toEqual({ error: 'reports.badDates' });
    expect(queryFrom(form('2026-01-01', '2026-01-31', 'nope'))).toEqual({ error: 'reports.badDates' });
  });

  it('reads the filters, leaves out empty ones and refuses values outside the lists', () => {
    const d = new FormData();
    for (const [k, v] of [['from', '2026-01-01'], ['to', '2026-01-31'], ['groupBy', 'month'], ['regionCode', 'ON-EAST'],
      ['type', 'HOTEL_MOTEL'], ['population', ''], ['capacityType', 'ROOM']]) d.set(k, v);
    const q = queryFrom(d);
    expect(q).toEqual({ from: '2026-01-01', to: '2026-01-31', groupBy: 'month', regionCode: 'ON-EAST', type: 'HOTEL_MOTEL', capacityType: 'ROOM' });
    expect(capacityReportUrl(q as CapacityQuery))
      .toBe('/api/reports/capacity?from=2026-01-01&to=2026-01-31&groupBy=month&regionCode=ON-EAST&type=HOTEL_MOTEL&capacityType=ROOM');
    expect(regrouped(q as CapacityQuery, 'region')).toEqual({ ...q, groupBy: 'region' });
    expect(filterWords(q as CapacityQuery, new Map([['ON-EAST', 'Eastern Ontario']]), )).toEqual(['Eastern Ontario', 'Hotel / motel', 'Rooms']);
    d.set('population', 'CATS');
    expect(queryFrom(d)).toEqual({ error: 'reports.badFilter' });
  });

  it('defaults to the 90 days before today', () => {
    expect(defaultRange(new Date(2026, 2, 1, 15))).toEqual({ from: '2025-12-01', to: '2026-02-28' });
  });

  it('says "ANY" in words in both languages, never the code', () => {
    expect(groupLabel('region', 'ANY', new Map(), 'en')).toBe('No region stated');
    expect(groupLabel('type', 'ANY', new Map(), 'fr')).toBe('Aucun type précisé');
    expect(groupLabel('population', 'ANY', new Map(), 'fr')).toBe('Non précisée');
  });

  it('asks for two dimensions as groupBy=a,b, and refuses the same one twice', () => {
    const d = new FormData();
    for (const [k, v] of [['from', '2026-01-01'], ['to', '2026-01-31'], ['groupBy', 'region'], ['groupBy2', 'type']]) d.set(k, v);
    const q = queryFrom(d) as CapacityQuery;
    expect(q).toEqual({ from: '2026-01-01', to: '2026-01-31', groupBy: 'region', groupBy2: 'type' });
    expect(capacityReportUrl(q)).toBe('/api/reports/capacity?from=2026-01-01&to=2026-01-31&groupBy=region%2Ctype');
    expect(csvFileName(q)).toBe('harbour-capacity-region-type-2026-01-01-2026-01-31.csv');
    expect(regrouped(q, 'month')).toEqual({ from: '2026-01-01', to: '2026-01-31', groupBy: 'month' });
    d.set('groupBy2', 'region');
    expect(queryFrom(d)).toEqual({ error: 'reports.sameGroups' });
  });

  it('lays two dimensions out as a grid: months down, else the longer dimension down', () => {
    const row = (group: string, group2: string, placements: number) => ({ group, group2, placements }) as unknown as CapacityRow;
    const rows = [row('DV_SHELTER', 'ON-EAST', 1), row('DV_SHELTER', 'ON-WEST', 2), row('DV_SHELTER', 'BC-NORTH', 3), row('HOTEL_MOTEL', 'ON-EAST', 4)];
    const grid = crossTab({ from: 'a', to: 'b', groupBy: 'type', groupBy2: 'region' }, rows)!;
    expect([grid.down, grid.across]).toEqual(['region', 'type']);
    expect(grid.rows).toEqual(['ON-EAST', 'ON-WEST', 'BC-NORTH']);
    expect(grid.columns).toEqual(['DV_SHELTER', 'HOTEL_MOTEL']);
    expect(grid.cell('ON-EAST', 'HOTEL_MOTEL')?.placements).toBe(4);
    expect(grid.cell('ON-WEST', 'HOTEL_MOTEL')).toBeUndefined();
    const months = crossTab({ from: 'a', to: 'b', groupBy: 'region', groupBy2: 'month' }, [row('ON-EAST', '2026-01', 1), row('ON-EAST', '2026-02', 2)])!;
    expect([months.down, months.across, months.rows]).toEqual(['month', 'region', ['2026-01', '2026-02']]);
    expect(crossTab({ from: 'a', to: 'b', groupBy: 'region' }, rows)).toBeNull();
  });

  it('shows five main figures at first, the rest behind "More figures"', () => {
    expect(REPORT_COLUMNS.filter((c) => c.main).map((c) => c.key)).toEqual(['occupancyRate', 'bedRequests', 'unmetRate', 'placements', 'clients']);
  });
});
