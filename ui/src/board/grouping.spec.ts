import { describe, expect, it } from 'vitest';
import type { Availability } from '../api/types';
import { groupByRegionAndType, matchesFilter } from './grouping';

const a = (programId: number, regionCode: string, type: string, bookable: number, facilityName = 'F') =>
  ({ programId, regionCode, type, bookable, facilityName, programName: 'P', municipality: 'Town' } as Availability);

describe('groupByRegionAndType', () => {
  it('groups by region then type, most bookable first, with region totals', () => {
    const groups = groupByRegionAndType([
      a(1, 'ON-NORTHEAST', 'DETOX', 1), a(2, 'ON-CENTRAL', 'HOTEL_MOTEL', 0),
      a(3, 'ON-CENTRAL', 'DV_SHELTER', 2, 'B'), a(4, 'ON-CENTRAL', 'DV_SHELTER', 2, 'A'), a(5, 'ON-CENTRAL', 'DV_SHELTER', 5),
    ]);
    expect(groups.map((g) => g.regionCode)).toEqual(['ON-CENTRAL', 'ON-NORTHEAST']);
    expect(groups[0].bookable).toBe(9);
    expect(groups[0].types.map((t) => t.type)).toEqual(['DV_SHELTER', 'HOTEL_MOTEL']);
    expect(groups[0].types[0].programs.map((p) => p.programId)).toEqual([5, 4, 3]);
  });

  it('filters on facility, program, town or region', () => {
    expect(matchesFilter(a(1, 'ON-EAST', 'DETOX', 0, 'Harbour House'), 'harbour')).toBe(true);
    expect(matchesFilter(a(1, 'ON-EAST', 'DETOX', 0), 'town')).toBe(true);
    expect(matchesFilter(a(1, 'ON-EAST', 'DETOX', 0), 'north')).toBe(false);
    expect(matchesFilter(a(1, 'ON-EAST', 'DETOX', 0), '  ')).toBe(true);
  });
});
