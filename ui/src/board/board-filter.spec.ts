import { describe, expect, it } from 'vitest';
import type { Availability, Eligibility } from '../api/types';
import {
  NO_FILTER, NO_NEEDS, applyBoardFilter, compareRegions, factCount, filterFrom, isFiltered, listRows, needsOf,
  type BoardFilter,
} from './board-filter';

const a = (programId: number, regionCode: string, bookable: number, facilityName = 'F', type = 'EMERGENCY_SHELTER', programName = 'P') =>
  ({ programId, regionCode, type, bookable, facilityName, programName, municipality: 'Town' } as Availability);

const open: Eligibility = {
  genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'], minAge: 16, maxAge: null,
  acceptsChildren: true, acceptsPets: true, substanceUse: 'HARM_REDUCTION', acceptsCurrentSexTrade: true,
  mandatoryActivities: false, wheelchairAccessible: true, traffickingSpecialized: false, languages: ['en'], culturallySpecific: null,
};
const womenNoPets: Eligibility = { ...open, genders: ['WOMAN', 'TRANS_WOMAN'], acceptsPets: false };
const youth: Eligibility = { ...open, minAge: 16, maxAge: 24, wheelchairAccessible: false };

const board = [a(1, 'ON-CENTRAL', 3, 'Harbour House', 'DV_SHELTER'), a(2, 'ON-CENTRAL', 0, 'Queen West'),
  a(3, 'ON-EAST', 2, 'Ottawa Youth', 'YOUTH_SHELTER'), a(4, 'AB-CALGARY', 5, 'Calgary'), a(5, 'ON-EAST', 1, 'No rules known')];
const rules = new Map<number, Eligibility>([[1, womenNoPets], [2, open], [3, youth], [4, open]]);
const rulesOf = (x: Availability) => rules.get(x.programId as number);
const ids = (list: Availability[]) => list.map((x) => x.programId);
const filter = (f: Partial<BoardFilter>): BoardFilter => ({ ...NO_FILTER, ...f, needs: { ...NO_NEEDS, ...f.needs } });

describe('applyBoardFilter', () => {
  it('lets everything through with no filter', () => {
    expect(ids(applyBoardFilter(board, NO_FILTER, rulesOf))).toEqual([1, 2, 3, 4, 5]);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('"has a bed" hides the programs with nothing bookable', () => {
    expect(ids(applyBoardFilter(board, filter({ hasBed: true }), rulesOf))).toEqual([1, 3, 4, 5]);
    expect(isFiltered(filter({ hasBed: true }))).toBe(true);
  });

  it('filters by type, by region and by name, all together', () => {
    expect(ids(applyBoardFilter(board, filter({ type: 'YOUTH_SHELTER' }), rulesOf))).toEqual([3]);
    expect(ids(applyBoardFilter(board, filter({ region: 'ON-EAST' }), rulesOf))).toEqual([3, 5]);
    expect(ids(applyBoardFilter(board, filter({ region: 'ON-CENTRAL', hasBed: true }), rulesOf))).toEqual([1]);
    expect(ids(applyBoardFilter(board, filter({ text: 'ottawa' }), rulesOf))).toEqual([3]);
  });

  it('"fits this person" keeps the programs whose rules take her, by the same rules as the search', () => {
    const man = filter({ needs: { ...NO_NEEDS, gender: 'MAN' } });
    expect(ids(applyBoardFilter(board, man, rulesOf))).toEqual([2, 3, 4]);
    const womanWithDog = filter({ needs: { ...NO_NEEDS, gender: 'WOMAN', pets: true } });
    expect(ids(applyBoardFilter(board, womanWithDog, rulesOf))).toEqual([2, 3, 4]);
    const thirty = filter({ needs: { ...NO_NEEDS, age: 30 } });
    expect(ids(applyBoardFilter(board, thirty, rulesOf))).toEqual([1, 2, 4]);
    const wheelchair = filter({ needs: { ...NO_NEEDS, wheelchair: true }, hasBed: true });
    expect(ids(applyBoardFilter(board, wheelchair, rulesOf))).toEqual([1, 4]);
  });

  it('leaves out a program whose rules it does not know only when a fact is stated', () => {
    expect(ids(applyBoardFilter(board, filter({ needs: { ...NO_NEEDS, age: 20 } }), rulesOf))).not.toContain(5);
    expect(ids(applyBoardFilter(board, filter({ needs: { ...NO_NEEDS, children: 0 } }), rulesOf))).toContain(5);
  });
});

describe('needsOf', () => {
  it('sends only what is stated, so an unstated fact never excludes', () => {
    expect(needsOf(NO_NEEDS)).toEqual({});
    expect(factCount(NO_NEEDS)).toBe(0);
    const n = { ...NO_NEEDS, gender: 'WOMAN' as const, age: 0, children: 2, pets: true };
    expect(needsOf(n)).toEqual({ gender: 'WOMAN', age: 0, children: 2, pets: true });
    expect(factCount(n)).toBe(4);
  });
});

describe('region order', () => {
  it('puts her own region first, then her province, then the rest', () => {
    const codes = ['AB-CALGARY', 'BC-NORTH', 'ON-CENTRAL', 'ON-EAST', 'ON-NORTHEAST'];
    expect([...codes].sort(compareRegions('ON-NORTHEAST'))).toEqual(['ON-NORTHEAST', 'ON-CENTRAL', 'ON-EAST', 'AB-CALGARY', 'BC-NORTH']);
    expect([...codes].sort(compareRegions('BC-NORTH'))).toEqual(['BC-NORTH', 'AB-CALGARY', 'ON-CENTRAL', 'ON-EAST', 'ON-NORTHEAST']);
    expect([...codes].reverse().sort(compareRegions(null))).toEqual(codes);
  });

  it('lists one row per program by region, by name within it, with the region totals', () => {
    const rows = listRows([a(1, 'ON-EAST', 0, 'B'), a(2, 'ON-CENTRAL', 4, 'Z'), a(3, 'ON-EAST', 5, 'A'), a(4, 'ON-CENTRAL', 1, 'A')], 'ON-EAST');
    expect(rows.map((r) => r.regionCode)).toEqual(['ON-EAST', 'ON-CENTRAL']);
    expect(rows.map((r) => ids(r.programs))).toEqual([[3, 1], [4, 2]]);
    expect(rows.map((r) => r.bookable)).toEqual([5, 5]);
  });

  it('keeps a row where it is when its figures change', () => {
    const before = listRows(board, null).flatMap((r) => ids(r.programs));
    const after = listRows(board.map((x) => (x.programId === 2 ? { ...x, bookable: 9 } : x)), null).flatMap((r) => ids(r.programs));
    expect(after).toEqual(before);
  });
});

describe('filterFrom', () => {
  it('reads a stored filter back, and anything odd as the default', () => {
    const stored = filter({ text: 'x', hasBed: true, type: 'DETOX', region: 'ON-EAST', needs: { ...NO_NEEDS, age: 30, pets: true } });
    expect(filterFrom(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
    expect(filterFrom(null)).toEqual(NO_FILTER);
    expect(filterFrom('nonsense')).toEqual(NO_FILTER);
    expect(filterFrom({ hasBed: 'yes', needs: { age: -4, children: 'two' } })).toEqual(NO_FILTER);
  });
});
