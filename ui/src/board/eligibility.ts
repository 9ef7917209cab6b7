import type { Eligibility, MissReason, Needs } from '../api/types';
import type { MessageKey } from '../i18n';

/** One rule shown at a glance: an icon (decorative, plain Unicode that any font has) always next to its text label. */
export interface Badge {
  icon: string;
  key: MessageKey;
  params?: Record<string, string>;
  /** For elig.genders: the labels that fill its {list}. */
  genders?: MessageKey[];
  /** A rule that turns people away (sobriety, no children...) is drawn as a warning. */
  limit?: boolean;
}

const GENDER_KEYS: Record<string, MessageKey> = {
  WOMAN: 'elig.women', MAN: 'elig.men', TRANS_WOMAN: 'elig.transWomen', TRANS_MAN: 'elig.transMen',
  NON_BINARY: 'elig.nonBinary', TWO_SPIRIT: 'elig.twoSpirit',
};

/**
 * The program's rules as badges. With a known person's needs, only what concerns her is shown: no "No pets"
 * for a woman without a pet, no "Pets OK" either; the rules for everyone (genders, ages, languages...) stay.
 */
export function badges(e: Eligibility, needs: Needs | null = null): Badge[] {
  const all = allBadges(e);
  if (!needs) return all;
  const concerns: Record<string, boolean> = {
    'elig.children': (needs.children ?? 0) > 0, 'elig.noChildren': (needs.children ?? 0) > 0,
    'elig.pets': needs.pets === true, 'elig.noPets': needs.pets === true,
    'elig.SOBRIETY_REQUIRED': needs.substanceUse === true, 'elig.HARM_REDUCTION': needs.substanceUse === true,
    'elig.ALLOWED': needs.substanceUse === true, 'elig.sexTrade': needs.currentSexTrade === true,
    'elig.wheelchair': needs.wheelchair === true, 'elig.mandatory': needs.avoidMandatoryActivities === true,
  };
  return all.filter((b) => concerns[b.key] ?? true);
}

function allBadges(e: Eligibility): Badge[] {
  const list: Badge[] = [];
  if (e.genders.length >= Object.keys(GENDER_KEYS).length) list.push({ icon: '⚥', key: 'elig.allGenders' });
  else list.push({ icon: '⚥', key: 'elig.genders', genders: e.genders.map((g) => GENDER_KEYS[g] ?? 'common.unknown') });
  if (e.minAge !== null || e.maxAge !== null) {
    // "16+" with no upper age ("16–+" read as a typo).
    const range = e.maxAge === null ? `${e.minAge}+` : `${e.minAge ?? 0}–${e.maxAge}`;
    list.push({ icon: '◔', key: 'elig.ages', params: { range } });
  }
  list.push(e.acceptsChildren ? { icon: '☺', key: 'elig.children' } : { icon: '☺', key: 'elig.noChildren', limit: true });
  list.push(e.acceptsPets ? { icon: '♘', key: 'elig.pets' } : { icon: '♘', key: 'elig.noPets', limit: true });
  list.push({ icon: '⚕', key: `elig.${e.substanceUse}`, limit: e.substanceUse === 'SOBRIETY_REQUIRED' });
  if (e.acceptsCurrentSexTrade) list.push({ icon: '✓', key: 'elig.sexTrade' });
  if (e.mandatoryActivities) list.push({ icon: '☑', key: 'elig.mandatory', limit: true });
  if (e.wheelchairAccessible) list.push({ icon: '♿', key: 'elig.wheelchair' });
  if (e.traffickingSpecialized) list.push({ icon: '⚑', key: 'elig.trafficking' });
  if (e.languages.length) list.push({ icon: '❝', key: 'elig.languages', params: { list: e.languages.join(', ').toUpperCase() } });
  if (e.culturallySpecific) list.push({ icon: '✿', key: 'elig.cultural', params: { focus: e.culturallySpecific } });
  return list;
}

/**
 * Why this program would turn the person away, in the server's order (search/Matcher.java: the same rules,
 * read here so the board can show "fits this person" at once; the server's search stays the authority, and
 * also weighs intake hours and holds). Empty when it would take her; preferences never exclude.
 */
export function refusals(e: Eligibility, needs: Needs): MissReason[] {
  const reasons: MissReason[] = [];
  if (needs.gender && !e.genders.includes(needs.gender)) reasons.push('GENDER');
  if (needs.age !== undefined && ((e.minAge !== null && needs.age < e.minAge) || (e.maxAge !== null && needs.age > e.maxAge))) {
    reasons.push('AGE');
  }
  if ((needs.children ?? 0) > 0 && !e.acceptsChildren) reasons.push('CHILDREN');
  if (needs.pets === true && !e.acceptsPets) reasons.push('PETS');
  if (needs.substanceUse === true && e.substanceUse === 'SOBRIETY_REQUIRED') reasons.push('SUBSTANCE_USE');
  if (needs.currentSexTrade === true && !e.acceptsCurrentSexTrade) reasons.push('SEX_TRADE');
  if (needs.wheelchair === true && !e.wheelchairAccessible) reasons.push('WHEELCHAIR');
  if (needs.languageRequired === true && needs.language && !e.languages.includes(needs.language)) reasons.push('LANGUAGE');
  if (needs.avoidMandatoryActivities === true && e.mandatoryActivities) reasons.push('MANDATORY_ACTIVITIES');
  return reasons;
}

export function fits(e: Eligibility, needs: Needs): boolean {
  return refusals(e, needs).length === 0;
}
