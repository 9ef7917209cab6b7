import { describe, expect, it } from 'vitest';
import type { CapacityRow, Facility, Program } from '../api/types';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { figureOf, formatFigure, niceStep, scaleFor, shade, specializedBeds, stateWords, stepOf } from './region-shading';
import { PROVINCES, TILES, tilesOf, wrapWords } from './region-tiles';

/** The 15 regions of GET /api/regions (migration V1). */
const REGIONS = ['ON-CENTRAL', 'ON-CENTRAL-WEST', 'ON-CENTRAL-EAST', 'ON-SOUTHWEST', 'ON-EAST', 'ON-NORTHEAST', 'ON-NORTHWEST',
  'BC-LOWER-MAINLAND', 'BC-NORTH', 'BC-INTERIOR', 'BC-ISLAND', 'AB-NORTH', 'AB-SOUTH', 'AB-CALGARY', 'AB-EDMONTON'];

function row(group: string, figures: Partial<CapacityRow>): CapacityRow {
  return {
    group, capacityNights: 100, occupiedNights: 90, occupancyRate: 0.9, bedRequests: 10, unmetRequests: 4, unmetRate: 0.4,
    afterHoursRequests: 3, placements: 6, clients: 5, movesPerEpisode: null, medianWaitDays: null, hotelNights: null, hotelCost: null,
    doorArrivals: null, doorNoShows: null, doorRefusals: null, doorRefusalsByReason: {}, ...figures,
  };
}

describe('the tile map', () => {
  it('has one tile per region, each province filled without overlap, west to east', () => {
    expect(TILES.map((t) => t.code).sort()).toEqual([...REGIONS].sort());
    expect(PROVINCES.map((p) => p.code)).toEqual(['BC', 'AB', 'ON']);
    for (const p of PROVINCES) {
      const taken = new Set<string>();
      for (const tile of tilesOf(p.code)) {
        expect(tile.code.startsWith(`${p.code}-`), tile.code).toBe(true);
        for (let x = tile.x; x < tile.x + tile.w; x++) {
          for (let y = tile.y; y < tile.y + tile.h; y++) {
            expect(x < p.columns && y < p.rows, `${tile.code} inside ${p.code}`).toBe(true);
            expect(taken.has(`${x},${y}`), `${tile.code} overlaps at ${x},${y}`).toBe(false);
            taken.add(`${x},${y}`);
          }
        }
      }
      expect(taken.size, `${p.code} has no hole`).toBe(p.columns * p.rows);
    }
  });

  it('keeps north above south within a province', () => {
    const at = (code: string) => TILES.find((t) => t.code === code)!;
    expect(at('ON-NORTHWEST').y).toBeLessThan(at('ON-CENTRAL').y);
    expect(at('ON-NORTHEAST').y).toBeLessThan(at('ON-SOUTHWEST').y);
    expect(at('BC-NORTH').y).toBeLessThan(at('BC-LOWER-MAINLAND').y);
    expect(at('AB-NORTH').y).toBeLessThan(at('AB-EDMONTON').y);
    expect(at('AB-EDMONTON').y).toBeLessThan(at('AB-CALGARY').y);
    expect(at('BC-ISLAND').x).toBeLessThan(at('BC-INTERIOR').x);
  });

  it('has a short name for every tile and a province name, in both languages', () => {
    for (const tile of TILES) {
      expect(en[`reports.map.tile.${tile.code}` as keyof typeof en], tile.code).toBeTruthy();
      expect(fr[`reports.map.tile.${tile.code}` as keyof typeof fr], tile.code).toBeTruthy();
    }
    for (const p of PROVINCES) expect(fr[`reports.map.province.${p.code}` as keyof typeof fr]).toBeTruthy();
  });

  it('cuts names into lines at spaces and after hyphens', () => {
    expect(wrapWords('Toronto & Central', 10)).toEqual(['Toronto &', 'Central']);
    expect(wrapWords('Centre-Ouest', 10)).toEqual(['Centre-', 'Ouest']);
    expect(wrapWords('Île de Vancouver', 10)).toEqual(['Île de', 'Vancouver']);
    expect(wrapWords('Calgary', 10)).toEqual(['Calgary']);
    expect(wrapWords('one two three four', 4, 2)).toEqual(['one', 'two…']);
  });
});

describe('shading the regions', () => {
  it('works out unmet requests per 100 bed nights, and none without bed nights', () => {
    expect(figureOf('unmetPer100', row('ON-CENTRAL', { unmetRequests: 5, capacityNights: 200 }))).toBe(2.5);
    expect(figureOf('unmetPer100', row('ON-CENTRAL', { unmetRequests: 5, capacityNights: 0 }))).toBeNull();
    expect(figureOf('occupancyRate', row('ON-CENTRAL', { occupancyRate: 0.97 }))).toBe(0.97);
  });

  it('draws a suppressed figure as suppressed, never as 0, and a real 0 in the lightest shade', () => {
    const rows = [row('ON-CENTRAL', { clients: null }), row('ON-EAST', { clients: 0 }), row('AB-CALGARY', { clients: 40 })];
    const s = shade('clients', rows, {}, new Map(), 'en');
    const cell = (code: string) => s.cells.find((c) => c.code === code)!;
    expect(cell('ON-CENTRAL')).toMatchObject({ state: 'suppressed', value: null, step: null });
    expect(stateWords(cell('ON-CENTRAL'), 'en')).toBe('Suppressed');
    expect(stateWords(cell('ON-CENTRAL'), 'fr')).toBe('Masqué');
    expect(cell('ON-EAST')).toMatchObject({ state: 'value', value: 0, step: 0 });
    expect(cell('AB-CALGARY')).toMatchObject({ state: 'value', value: 40, step: 4 });
    // no row at all for a region: no data, not 0 either
    expect(cell('BC-NORTH')).toMatchObject({ state: 'noData', value: null, step: null });
    expect(s.cells).toHaveLength(15);
  });

  it('says "no beds" where a rate over bed nights has nothing to divide by, with the unmet requests', () => {
    const rows = [row('ON-NORTHWEST', { capacityNights: 0, occupancyRate: null, unmetRequests: 12 }), row('ON-NORTHEAST', { capacityNights: 0, occupancyRate: null, unmetRequests: 0 })];
    const s = shade('unmetPer100', rows, {}, new Map(), 'en');
    const nw = s.cells.find((c) => c.code === 'ON-NORTHWEST')!;
    expect(nw).toMatchObject({ state: 'noBeds', unmet: 12 });
    expect(stateWords(nw, 'en')).toBe('No beds, 12 unmet');
    expect(stateWords(nw, 'fr')).toBe('Aucun lit, 12 non comblées');
    expect(stateWords(s.cells.find((c) => c.code === 'ON-NORTHEAST')!, 'en')).toBe('No beds');
    expect(shade('occupancyRate', rows, {}, new Map(), 'en').cells.find((c) => c.code === 'ON-NORTHWEST')!.state).toBe('noBeds');
  });

  it('marks regions left out by the region filter as not selected', () => {
    const s = shade('afterHoursRequests', [row('ON-EAST', { afterHoursRequests: 7 })], { regionCode: 'ON-EAST' }, new Map(), 'en');
    expect(s.cells.filter((c) => c.state === 'filteredOut')).toHaveLength(14);
    expect(s.cells.find((c) => c.code === 'ON-EAST')).toMatchObject({ state: 'value', value: 7 });
  });

  it('shades occupancy on fixed steps that mean something, labelled in the locale', () => {
    const steps = scaleFor('occupancyRate', [0.2, 0.99], 'en');
    expect(steps.map((s) => s.label)).toEqual(['under 50%', '50% to 80%', '80% to 90%', '90% to 95%', '95% or more']);
    expect(stepOf(0.949, steps)).toBe(3);
    expect(stepOf(0.95, steps)).toBe(4);
    expect(stepOf(1.02, steps)).toBe(4);
    expect(stepOf(0, steps)).toBe(0);
    expect(scaleFor('occupancyRate', [], 'fr')[4].label).toMatch(/^95\s%\sou plus$/);
  });

  it('shades counts with 0 on its own, then four round steps up to the largest, which reaches the top one', () => {
    expect(niceStep(47, true)).toBe(15);
    expect(niceStep(3, true)).toBe(1);
    expect(niceStep(1.3, false)).toBe(0.4);
    expect(niceStep(230, true)).toBe(75);
    expect(niceStep(12.5, false)).toBe(4);
    expect(niceStep(5, true)).toBe(1);
    for (const max of [1, 2, 3, 4, 5, 6, 7, 9, 13, 47, 99, 101, 230, 999, 1234]) {
      const top = scaleFor('afterHoursRequests', [0, max], 'en');
      expect(stepOf(max, top), `${max} in the top step of ${top.map((x) => x.from)}`).toBe(top.length - 1);
      // and the top step starts at a quarter of the largest or above, so the shades spread
      expect(top[top.length - 1].from * 4 >= max, `${max}: top step from ${top[top.length - 1].from}`).toBe(true);
      const rate = scaleFor('unmetPer100', [max / 7], 'en');
      expect(stepOf(max / 7, rate)).toBe(rate.length - 1);
    }
    const steps = scaleFor('afterHoursRequests', [0, 12, 47], 'en');
    expect(steps.map((s) => s.from)).toEqual([0, 0, 15, 30, 45]);
    expect(steps.map((s) => s.label)).toEqual(['0', 'under 15', '15 to 30', '30 to 45', '45 or more']);
    expect(stepOf(0, steps)).toBe(0);
    expect(stepOf(1, steps)).toBe(1);
    expect(stepOf(15, steps)).toBe(2);
    expect(scaleFor('unmetPer100', [0.3, 2.1], 'fr').map((s) => s.label)).toEqual(['0', 'moins de 0,6', 'de 0,6 à 1,2', 'de 1,2 à 1,8', '1,8 ou plus']);
    expect(scaleFor('afterHoursRequests', [0, 0], 'en')).toEqual([{ from: 0, to: 0, label: '0', exact: true }]);
    expect(scaleFor('clients', [], 'en')).toEqual([]);
    expect(scaleFor('specializedBeds', [0, 2], 'en').map((x) => x.label)).toEqual(['0', '1', '2 or more']);
    expect(stepOf(1, scaleFor('specializedBeds', [0, 2], 'en'))).toBe(1);
    const zeros = shade('afterHoursRequests', [row('ON-EAST', { afterHoursRequests: 0 })], {}, new Map(), 'en');
    expect(zeros.cells.find((c) => c.code === 'ON-EAST')).toMatchObject({ state: 'value', value: 0, step: 0 });
  });

  it('writes figures as the table does: a percent, one decimal per 100 bed nights, whole counts', () => {
    expect(formatFigure('occupancyRate', 0.9734, 'en')).toBe('97.3%');
    expect(formatFigure('occupancyRate', 0.9734, 'fr')).toMatch(/^97,3\s%$/);
    expect(formatFigure('unmetPer100', 2.345, 'en')).toBe('2.3');
    expect(formatFigure('afterHoursRequests', 12345, 'en')).toBe('12,345');
  });
});

describe('specialized beds', () => {
  const facility = (id: number, regionCode: string, confidential = false) =>
    ({ id, regionCode, confidential, name: `F${id}` }) as unknown as Facility;
  const program = (capacity: number, eligibility: Partial<Program['eligibility']>, more: Partial<Program> = {}) =>
    ({ capacity, type: 'SAFE_HOUSE', population: 'WOMEN', capacityType: 'BED', eligibility: { traffickingSpecialized: false, culturallySpecific: null, ...eligibility }, ...more }) as Program;

  it('sums the beds of trafficking-specialized or Indigenous programs per region, 0 where there are none', () => {
    const programs = [
      { facility: facility(1, 'ON-CENTRAL', true), program: program(12, { traffickingSpecialized: true }) },
      { facility: facility(2, 'ON-CENTRAL'), program: program(8, { culturallySpecific: 'INDIGENOUS' }) },
      { facility: facility(3, 'ON-CENTRAL'), program: program(30, {}) },
      { facility: facility(4, 'BC-NORTH'), program: program(5, { culturallySpecific: 'BLACK' }) },
    ];
    const beds = specializedBeds(programs, {});
    expect(beds.get('ON-CENTRAL')).toBe(20);
    expect(beds.get('BC-NORTH')).toBe(0);
    expect(beds.get('AB-SOUTH')).toBe(0);
    expect(beds.size).toBe(15);
    const s = shade('specializedBeds', [], {}, beds, 'en');
    expect(s.cells.find((c) => c.code === 'ON-NORTHWEST')).toMatchObject({ state: 'value', value: 0, step: 0 });
    // no point, no facility: the region's sum and nothing else
    expect(s.cells.every((c) => Object.keys(c).every((k) => ['code', 'state', 'value', 'step', 'unmet'].includes(k)))).toBe(true);
  });

  it('follows the report\'s filters', () => {
    const programs = [
      { facility: facility(1, 'ON-CENTRAL'), program: program(12, { traffickingSpecialized: true }) },
      { facility: facility(2, 'ON-CENTRAL'), program: program(4, { traffickingSpecialized: true }, { type: 'HOTEL_MOTEL', capacityType: 'ROOM' }) },
    ];
    expect(specializedBeds(programs, { type: 'HOTEL_MOTEL' }).get('ON-CENTRAL')).toBe(4);
    expect(specializedBeds(programs, { capacityType: 'BED' }).get('ON-CENTRAL')).toBe(12);
    expect(specializedBeds(programs, { population: 'MEN' }).get('ON-CENTRAL')).toBe(0);
    expect(specializedBeds(programs, { regionCode: 'ON-EAST' }).get('ON-CENTRAL')).toBe(0);
  });
});
