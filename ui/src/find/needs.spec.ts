import { describe, expect, it } from 'vitest';
import { admitNowByDefault, bedRequestFrom } from './needs';

describe('admitNowByDefault', () => {
  it('is off during office hours and on evenings, nights and weekends', () => {
    expect(admitNowByDefault(new Date(2026, 10, 20, 10, 0))).toBe(false); // Friday 10:00
    expect(admitNowByDefault(new Date(2026, 10, 20, 16, 59))).toBe(false); // Friday 16:59
    expect(admitNowByDefault(new Date(2026, 10, 20, 17, 0))).toBe(true); // Friday 17:00
    expect(admitNowByDefault(new Date(2026, 10, 20, 8, 59))).toBe(true); // Friday 08:59
    expect(admitNowByDefault(new Date(2026, 10, 21, 17, 30))).toBe(true); // Saturday
    expect(admitNowByDefault(new Date(2026, 10, 22, 12, 0))).toBe(true); // Sunday
  });
});

describe('bedRequestFrom', () => {
  it('reads needs, region, types and admitNow from the form', () => {
    const form = new FormData();
    form.set('gender', 'TRANS_WOMAN');
    form.set('age', '19');
    form.set('children', '1');
    form.set('pets', 'on');
    form.set('traffickingSpecialized', 'on');
    form.set('regionCode', 'ON-CENTRAL');
    form.append('types', 'DV_SHELTER');
    form.append('types', 'HOTEL_MOTEL');
    form.set('admitNow', 'on');
    expect(bedRequestFrom(form)).toEqual({
      regionCode: 'ON-CENTRAL', types: ['DV_SHELTER', 'HOTEL_MOTEL'], admitNow: true,
      needs: { gender: 'TRANS_WOMAN', age: 19, children: 1, pets: true, substanceUse: false, currentSexTrade: false,
        wheelchair: false, traffickingSpecialized: true },
    });
  });

  it('leaves out what was not stated', () => {
    expect(bedRequestFrom(new FormData())).toEqual({
      admitNow: false,
      needs: { pets: false, substanceUse: false, currentSexTrade: false, wheelchair: false, traffickingSpecialized: false },
    });
  });
});
