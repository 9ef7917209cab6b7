import type { IntakeHours } from '../api/types';

/** Whether a program takes people in now: around the clock, open now, closed now, or hours not known. */
export type IntakeNow = 'ALWAYS' | 'OPEN' | 'CLOSED' | 'UNKNOWN';

const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const WEEKDAY_INDEX: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const clocks = new Map<string, Intl.DateTimeFormat>();

/** The weekday and minute of the day at `now` in the facility's own time zone (null: a zone the browser lacks). */
export function localClock(now: Date, timeZone: string): { day: number; minute: number } | null {
  let clock = clocks.get(timeZone);
  if (!clock) {
    try {
      clock = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return null;
    }
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(now).map((p) => [p.type, p.value]));
  const day = WEEKDAY_INDEX[parts.weekday];
  if (day === undefined) return null;
  return { day, minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The same reading of the weekly windows as the service (facility/IntakeHours.java): a window whose close is
 * not after its open runs past midnight (an overnight desk, 20:00-08:00). The service's search stays the
 * authority; this is what the board shows at a glance.
 */
export function intakeNow(hours: IntakeHours | null | undefined, timeZone: string | undefined, now: Date): IntakeNow {
  if (!hours) return 'UNKNOWN';
  if (hours.alwaysOpen) return 'ALWAYS';
  const clock = localClock(now, timeZone ?? 'UTC');
  if (!clock) return 'UNKNOWN';
  const open = hours.weekly.some((w) => {
    const day = DAYS.indexOf(w.day);
    const from = minutes(w.open);
    const to = minutes(w.close);
    const overnight = to <= from;
    if (clock.day === day) return clock.minute >= from && (overnight || clock.minute < to);
    return overnight && clock.day === (day + 1) % 7 && clock.minute < to;
  });
  return open ? 'OPEN' : 'CLOSED';
}
