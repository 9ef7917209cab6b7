import type { Availability, Match, MatchedPreference, MissReason } from '../api/types';
import { intlLocale, locale, t, type Locale, type MessageKey } from '../i18n';

const REASON_KEYS: Record<MissReason, MessageKey> = {
  GENDER: 'miss.GENDER', AGE: 'miss.AGE', CHILDREN: 'miss.CHILDREN', PETS: 'miss.PETS',
  SUBSTANCE_USE: 'miss.SUBSTANCE_USE', SEX_TRADE: 'miss.SEX_TRADE', WHEELCHAIR: 'miss.WHEELCHAIR',
  LANGUAGE: 'miss.LANGUAGE', MANDATORY_ACTIVITIES: 'miss.MANDATORY_ACTIVITIES', NO_BED: 'miss.NO_BED',
  INTAKE_CLOSED: 'miss.INTAKE_CLOSED',
};

/** "today at 6:00 a.m.", "tomorrow at 9:00", "Monday at 9:00": an instant in the caseworker's own time. */
export function formatWhen(iso: string, now: Date = new Date(), l: Locale = locale()): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat(intlLocale(l), { hour: 'numeric', minute: '2-digit' }).format(at);
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((day(at) - day(now)) / 86_400_000);
  if (days === 0) return t('when.today', { time }, l);
  if (days === 1) return t('when.tomorrow', { time }, l);
  const weekday = new Intl.DateTimeFormat(intlLocale(l), days > 1 && days < 7 ? { weekday: 'long' } : { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  return t('when.day', { day: weekday, time }, l);
}

/** Why a program was left out, in plain words: the one thing that would have to change. */
export function reasonText(reason: MissReason | string, miss: Partial<Match> = {}, now: Date = new Date(), l: Locale = locale()): string {
  if (reason === 'INTAKE_CLOSED' && miss.intakeOpensAt) {
    return t('miss.intakeClosedUntil', { when: formatWhen(miss.intakeOpensAt, now, l) }, l);
  }
  const key = REASON_KEYS[reason as MissReason];
  return key ? t(key, {}, l) : reason;
}

/** For the two conditions the caseworker sets herself, what she can change on the form to include it. */
export function widenHint(reason: MissReason | string): MessageKey | null {
  if (reason === 'INTAKE_CLOSED') return 'miss.widenIntake';
  if (reason === 'LANGUAGE') return 'miss.widenLanguage';
  return null;
}

/** When she can get in: intake open until..., open around the clock, or closed until... (null: not known). */
export function intakeText(m: Partial<Match>, now: Date = new Date(), l: Locale = locale()): { text: string; open: boolean } {
  if (m.intakeOpenNow) {
    if (m.intakeClosesAt) return { text: t('find.intakeOpenUntil', { when: formatWhen(m.intakeClosesAt, now, l) }, l), open: true };
    if (m.intakeClosesAt === null && m.intakeOpensAt === null) return { text: t('find.intakeAlways', {}, l), open: true };
    return { text: t('find.intakeOpen', {}, l), open: true };
  }
  if (m.intakeOpensAt) return { text: t('find.intakeOpensAt', { when: formatWhen(m.intakeOpensAt, now, l) }, l), open: false };
  return { text: t('find.intakeClosed', {}, l), open: false };
}

const PREFERENCE_KEYS: Record<MatchedPreference, MessageKey> = {
  TRAFFICKING_SPECIALIZED: 'pref.TRAFFICKING_SPECIALIZED', LANGUAGE: 'pref.LANGUAGE', CULTURALLY_SPECIFIC: 'pref.CULTURALLY_SPECIFIC',
};

export function preferenceText(p: MatchedPreference | string, l: Locale = locale()): string {
  const key = PREFERENCE_KEYS[p as MatchedPreference];
  return key ? t(key, {}, l) : p;
}

/**
 * What the live feed says about a match now: its bookable beds, and whether someone else took the last
 * one. A card holding a bed itself is never "full" (its own hold made it 0).
 */
export function liveState(m: Pick<Match, 'bookable'>, figure: Pick<Availability, 'bookable'> | undefined, holdsOne: boolean):
  { bookable: number; full: boolean } {
  const bookable = figure ? figure.bookable : m.bookable;
  return { bookable, full: bookable <= 0 && !holdsOne };
}
