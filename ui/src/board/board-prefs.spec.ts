// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { NO_FILTER, NO_NEEDS } from './board-filter';
import { homeRegion, lastRegion, loadFilter, loadView, rememberRegion, saveFilter, saveView } from './board-prefs';

const facilities = [{ id: 1, regionCode: 'ON-CENTRAL' }, { id: 2, regionCode: 'ON-EAST' }, { id: 3, regionCode: 'ON-EAST' }];
const known = (code: string) => code.startsWith('ON-');

describe('board preferences', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
  });

  it('shows the list by default and remembers the choice', () => {
    expect(loadView()).toBe('LIST');
    saveView('CARDS');
    expect(loadView()).toBe('CARDS');
  });

  it('keeps the filters per user, in the session only', () => {
    const mine = { ...NO_FILTER, hasBed: true, needs: { ...NO_NEEDS, age: 30 } };
    saveFilter('ana', mine);
    expect(loadFilter('ana')).toEqual(mine);
    expect(loadFilter('ben')).toEqual(NO_FILTER);
    expect(localStorage.length).toBe(0);
    sessionStorage.setItem('harbour.board.filter.ben', '{not json');
    expect(loadFilter('ben')).toEqual(NO_FILTER);
  });

  it('puts shelter staff’s region first, else the region last searched in', () => {
    expect(homeRegion({ facilityIds: [1, 2, 3] }, facilities, 'ON-CENTRAL', known)).toEqual({ regionCode: 'ON-EAST', source: 'FACILITIES' });
    expect(homeRegion({ facilityIds: [] }, facilities, null, known)).toBeNull();
    rememberRegion('ON-NORTHEAST');
    expect(lastRegion()).toBe('ON-NORTHEAST');
    expect(homeRegion({ facilityIds: [] }, facilities, lastRegion(), known)).toEqual({ regionCode: 'ON-NORTHEAST', source: 'LAST_SEARCH' });
    expect(homeRegion(null, facilities, 'XX-GONE', known)).toBeNull();
  });
});
