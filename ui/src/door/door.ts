import type { DeclineReason, IntakeNeeds } from '../api/types';
import { en } from '../i18n/en';
import { formatCountdown, intlLocale, locale, t, type Locale, type MessageKey } from '../i18n';

/** What staff type, as the service compares it: capitals, no spaces or dashes ("k7m 4pq" -> "K7M4PQ"). */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-.·]+/g, '');
}

/** Six characters typed: the check-in button can go. */
export function isCompleteCode(typed: string): boolean {
  return /^[A-Z0-9]{6}$/.test(normalizeCode(typed));
}

/** The code in two groups of three, easier to read out and to copy ("K7M 4PQ"). */
export function groupCode(code: string): string {
  const c = normalizeCode(code);
  return c.length === 6 ? `${c.slice(0, 3)} ${c.slice(3)}` : c;
}

const NATO: Record<string, string> = {
  A: 'Alfa', B: 'Bravo', C: 'Charlie', D: 'Delta', E: 'Echo', F: 'Foxtrot', G: 'Golf', H: 'Hotel', I: 'India',
  J: 'Juliett', K: 'Kilo', L: 'Lima', M: 'Mike', N: 'November', O: 'Oscar', P: 'Papa', Q: 'Quebec', R: 'Romeo',
  S: 'Sierra', T: 'Tango', U: 'Uniform', V: 'Victor', W: 'Whiskey', X: 'X-ray', Y: 'Yankee', Z: 'Zulu',
};
const DIGITS: Record<Locale, string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  fr: ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
};

/** Each character with a phonetic hint, to read over the phone: "K as in Kilo", "7 (seven)". */
export function spellCode(code: string, l: Locale = locale()): string[] {
  return [...normalizeCode(code)].map((ch) => {
    if (/[0-9]/.test(ch)) return t('code.digit', { ch, word: DIGITS[l][Number(ch)] }, l);
    return NATO[ch] ? t('code.letter', { ch, word: NATO[ch] }, l) : ch;
  });
}

/** How many tries are left, from the service's 422 detail ("2 tries left"), or null when it does not say. */
export function triesLeft(detail: string | null | undefined): number | null {
  const m = /(\d+)/.exec(detail ?? '');
  return m ? Number(m[1]) : null;
}

/** The intake facts the shelter needs, in plain words; a fact the service did not state is left out. */
export function intakeFacts(n: IntakeNeeds | null | undefined, l: Locale = locale()): string[] {
  if (!n) return [];
  const facts: string[] = [];
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => facts.push(t(key, params, l));
  if (n.gender) facts.push(`gender.${n.gender}` in en ? t(`gender.${n.gender}` as MessageKey, {}, l) : n.gender);
  if (typeof n.age === 'number') say('intake.age', { n: n.age });
  if (typeof n.children === 'number') {
    if (n.children === 0) say('intake.noChildren');
    else say(n.children === 1 ? 'intake.children_one' : 'intake.children_other', { n: n.children });
  }
  if (n.pets === true) say('intake.pet');
  if (n.pets === false) say('intake.noPet');
  if (n.substanceUse === true) say('intake.substanceUse');
  if (n.substanceUse === false) say('intake.noSubstanceUse');
  if (n.wheelchair === true) say('intake.wheelchair');
  if (n.language) say('intake.language', { language: languageName(n.language, l) });
  return facts;
}

/** "French", "Cree": the language's name in the reader's language (the code itself when unknown). */
export function languageName(code: string, l: Locale = locale()): string {
  try {
    const name = new Intl.DisplayNames([intlLocale(l)], { type: 'language' }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** Why the shelter could not take her, in plain words (the picker and the caseworker's notice). */
export function reasonText(reason: DeclineReason | string, l: Locale = locale()): string {
  const key = `decline.${reason}`;
  return t(key in en ? (key as MessageKey) : 'decline.OTHER', {}, l);
}

/** "Held until 5:42 a.m. · 89 min left" (the last minute in seconds). */
export function heldUntil(expiresAt: string, now: number, l: Locale = locale()): string {
  const left = new Date(expiresAt).getTime() - now;
  const time = new Intl.DateTimeFormat(intlLocale(l), { timeStyle: 'short' }).format(new Date(expiresAt));
  const rest = left >= 60_000 ? t('door.minutesLeft', { n: Math.floor(left / 60_000) }, l) : t('door.secondsLeft', { time: formatCountdown(left) }, l);
  return t('door.heldUntil', { time, rest }, l);
}

/** A reason inside a sentence: "could not take her: we can’t take her pet". */
export function reasonInSentence(reason: string, l: Locale = locale()): string {
  const text = reasonText(reason, l);
  return text.charAt(0).toLowerCase() + text.slice(1);
}
