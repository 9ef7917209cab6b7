import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { daysBetween, formatDue, formatMoney, formatShortDay, localIsoDate, problemText, tc } from './format';

describe('casework formatting', () => {
  it('counts nights, moves and episodes with the plural rules of each language', () => {
    expect(tc('cw.nights', 1, 'en')).toBe('1 night');
    expect(tc('cw.nights', 14, 'en')).toBe('14 nights');
    expect(tc('cw.nights', 0, 'en')).toBe('0 nights');
    expect(tc('cw.nights', 0, 'fr')).toBe('0 nuit');
    expect(tc('cw.hotelNights', 2, 'fr')).toBe('2 nuits d’hôtel');
    expect(tc('cw.moves', 1, 'fr')).toBe('1 déplacement');
    expect(tc('cw.episodes', 3, 'en')).toBe('3 episodes');
  });

  it('writes calendar dates on their own day, short, in the locale', () => {
    expect(formatShortDay('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatShortDay('2026-11-21', 'fr')).toMatch(/^21 nov\.? 2026$/);
  });

  it('counts days between dates and says when a placement ends', () => {
    expect(daysBetween('2026-11-22', '2026-11-24')).toBe(2);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // across a DST change
    expect(daysBetween('2026-11-22', '2026-11-21')).toBe(-1);
    expect(formatDue('2026-11-23', '2026-11-22', 'en')).toBe('tomorrow');
    expect(formatDue('2026-11-22', '2026-11-22', 'fr')).toBe('aujourd’hui');
    expect(formatDue('2026-11-29', '2026-11-22', 'en')).toBe('in 7 days');
  });

  it('formats money in Canadian dollars and today as YYYY-MM-DD', () => {
    expect(formatMoney(1806, 'en')).toBe('$1,806');
    expect(formatMoney(1806, 'fr')).toMatch(/^1\s806\s\$$/);
    expect(localIsoDate(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('says what went wrong: the detail and the fields, or the network', () => {
    const invalid = new ApiError(422, 'Unprocessable Entity', 'The request is not valid',
      [{ field: 'alias', message: 'must be at most 60 characters', code: 'TOO_LONG', params: { max: 60 } }], null, 'INVALID');
    expect(problemText(invalid)).toBe('Alias:\u00a0At most 60 characters.');
    expect(problemText(new ApiError(409, 'Conflict', 'No bookable bed is left in this program', [], null, 'NO_BED_LEFT')))
      .toBe('No bookable bed is left in this program.');
    expect(problemText(new ApiError(0, 'network'))).toBe('Cannot reach Harbour. Check your connection.');
  });
});
