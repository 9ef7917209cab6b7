import { describe, expect, it } from 'vitest';
import type { IntakeHours } from '../api/types';
import { intakeNow, localClock } from './intake';

const weekdays: IntakeHours = { alwaysOpen: false, weekly: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, open: '09:00', close: '17:00' })) };
const overnight: IntakeHours = { alwaysOpen: false, weekly: [{ day: 'FRIDAY', open: '20:00', close: '08:00' }] };

describe('intakeNow', () => {
  it('reads the hours in the facility’s own time zone', () => {
    // Monday 2026-12-07 15:00 UTC is 10:00 in Toronto and 07:00 in Vancouver.
    const monday = new Date('2026-12-07T15:00:00Z');
    expect(localClock(monday, 'America/Toronto')).toEqual({ day: 1, minute: 600 });
    expect(intakeNow(weekdays, 'America/Toronto', monday)).toBe('OPEN');
    expect(intakeNow(weekdays, 'America/Vancouver', monday)).toBe('CLOSED');
    expect(intakeNow(weekdays, 'America/Toronto', new Date('2026-12-07T22:00:00Z'))).toBe('CLOSED'); // 17:00 is closed
    expect(intakeNow(weekdays, 'America/Toronto', new Date('2026-12-06T15:00:00Z'))).toBe('CLOSED'); // Sunday
  });

  it('runs an overnight window past midnight, as the service does', () => {
    expect(intakeNow(overnight, 'America/Toronto', new Date('2026-12-12T02:00:00Z'))).toBe('OPEN'); // Fri 21:00
    expect(intakeNow(overnight, 'America/Toronto', new Date('2026-12-12T12:00:00Z'))).toBe('OPEN'); // Sat 07:00
    expect(intakeNow(overnight, 'America/Toronto', new Date('2026-12-12T13:00:00Z'))).toBe('CLOSED'); // Sat 08:00
    expect(intakeNow(overnight, 'America/Toronto', new Date('2026-12-11T12:00:00Z'))).toBe('CLOSED'); // Fri 07:00
  });

  it('says around the clock, and unknown without hours or with a zone the browser lacks', () => {
    expect(intakeNow({ alwaysOpen: true, weekly: [] }, 'America/Toronto', new Date())).toBe('ALWAYS');
    expect(intakeNow(undefined, 'America/Toronto', new Date())).toBe('UNKNOWN');
    expect(intakeNow(weekdays, 'Not/AZone', new Date())).toBe('UNKNOWN');
  });
});
