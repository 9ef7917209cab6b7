import { ApiError } from '../api/http';
import { problemMessage } from '../i18n/problem-text';
import { intlLocale, locale, t, type Locale, type MessageKey } from '../i18n';

/** Counted words of the casework screens; each has a _one and an _other form in the catalogs. */
export type CountKey = 'cw.nights' | 'cw.hotelNights' | 'cw.moves' | 'cw.episodes' | 'cw.placements' | 'cw.clients' | 'cw.entries' | 'cw.daysLeft'
  | 'waitlist.bookableNow';

/** "1 night" / "3 nights", the form chosen by the locale's plural rules ("0 nuit" in French). */
export function tc(key: CountKey, n: number, l: Locale = locale()): string {
  const form = new Intl.PluralRules(intlLocale(l)).select(n) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, { n }, l);
}

function utcDate(isoDate: string): Date {
  const [y, mo, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d));
}

/** A calendar date in a short form for a phone ("Nov 21, 2026" / "21 nov. 2026"), the same day everywhere. */
export function formatShortDay(isoDate: string, l: Locale = locale()): string {
  return new Intl.DateTimeFormat(intlLocale(l), { dateStyle: 'medium', timeZone: 'UTC' }).format(utcDate(isoDate));
}

/** Today's date where the caseworker is, as YYYY-MM-DD. */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

/** A money amount in Canadian dollars, as the locale writes it. */
export function formatMoney(amount: number, l: Locale = locale()): string {
  return new Intl.NumberFormat(intlLocale(l), { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 }).format(amount);
}

/** "today", "tomorrow", "in 3 days", "2 days ago" for an expected end date. */
export function formatDue(isoDate: string, today: string, l: Locale = locale()): string {
  const rtf = new Intl.RelativeTimeFormat(intlLocale(l), { numeric: 'auto' });
  return rtf.format(daysBetween(today, isoDate), 'day');
}

/** What went wrong, in words of the language shown: the problem's code and its fields' codes, or a network message. */
export function problemText(e: unknown): string {
  if (e instanceof FormProblem) return e.message;
  if (!(e instanceof ApiError) || e.status === 0) return t('error.network');
  return problemMessage(e);
}

/** Something the form itself refuses before asking the service (its message is already in words). */
export class FormProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormProblem';
  }
}
