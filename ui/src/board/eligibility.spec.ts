import { describe, expect, it } from 'vitest';
import type { Eligibility } from '../api/types';
import { en } from '../i18n/en';
import { badges, fits, refusals } from './eligibility';

const rules: Eligibility = {
  genders: ['WOMAN', 'TRANS_WOMAN'], minAge: 16, maxAge: null, acceptsChildren: true, acceptsPets: false,
  substanceUse: 'SOBRIETY_REQUIRED', acceptsCurrentSexTrade: true, mandatoryActivities: false,
  wheelchairAccessible: true, traffickingSpecialized: true, languages: ['en', 'fr'], culturallySpecific: null,
};

describe('badges', () => {
  it('labels every rule with text and marks the limiting ones', () => {
    const list = badges(rules);
    expect(list.map((b) => b.key)).toEqual([
      'elig.genders', 'elig.ages', 'elig.children', 'elig.noPets', 'elig.SOBRIETY_REQUIRED',
      'elig.sexTrade', 'elig.wheelchair', 'elig.trafficking', 'elig.languages',
    ]);
    for (const b of list) expect(en[b.key]).toBeTruthy();
    expect(list.filter((b) => b.limit).map((b) => b.key)).toEqual(['elig.noPets', 'elig.SOBRIETY_REQUIRED']);
    expect(list.find((b) => b.key === 'elig.ages')?.params?.range).toBe('16+');
    expect(badges({ ...rules, minAge: null, maxAge: 24 }).find((b) => b.key === 'elig.ages')?.params?.range).toBe('0–24');
    expect(list[0].genders).toEqual(['elig.women', 'elig.transWomen']);
    expect(badges({ ...rules, genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'] })[0].key)
      .toBe('elig.allGenders');
  });

  it('warns a known person only about what concerns her: no "No pets" for a woman without a pet', () => {
    const woman = badges(rules, { gender: 'WOMAN', age: 30, children: 0, pets: false, substanceUse: false });
    expect(woman.map((b) => b.key)).toEqual(['elig.genders', 'elig.ages', 'elig.trafficking', 'elig.languages']);
    expect(woman.some((b) => b.limit)).toBe(false);
    const withDog = badges(rules, { pets: true, substanceUse: true, children: 2, wheelchair: true });
    expect(withDog.filter((b) => b.limit).map((b) => b.key)).toEqual(['elig.noPets', 'elig.SOBRIETY_REQUIRED']);
    expect(withDog.map((b) => b.key)).toContain('elig.children');
    expect(withDog.map((b) => b.key)).toContain('elig.wheelchair');
    expect(badges({ ...rules, mandatoryActivities: true }, {}).map((b) => b.key)).not.toContain('elig.mandatory');
    expect(badges({ ...rules, mandatoryActivities: true }, { avoidMandatoryActivities: true }).map((b) => b.key)).toContain('elig.mandatory');
    expect(badges({ ...rules, mandatoryActivities: true }).map((b) => b.key)).toContain('elig.mandatory');
  });
});

describe('refusals', () => {
  const all: Eligibility = { ...rules, genders: ['WOMAN', 'MAN', 'TRANS_WOMAN', 'TRANS_MAN', 'NON_BINARY', 'TWO_SPIRIT'] };

  it('gives the reasons in the service’s order, and none when she fits', () => {
    expect(refusals(rules, { gender: 'MAN', age: 15, children: 1, pets: true, substanceUse: true })).toEqual(['GENDER', 'AGE', 'PETS', 'SUBSTANCE_USE']);
    expect(refusals(rules, { gender: 'WOMAN', age: 16, children: 2 })).toEqual([]);
    expect(fits(rules, {})).toBe(true);
  });

  it('checks each rule only when the fact is stated', () => {
    const strict: Eligibility = { ...all, minAge: 18, maxAge: 24, acceptsChildren: false, acceptsCurrentSexTrade: false,
      wheelchairAccessible: false, mandatoryActivities: true, languages: ['fr'] };
    expect(refusals(strict, { age: 25 })).toEqual(['AGE']);
    expect(refusals(strict, { age: 24, children: 0 })).toEqual([]);
    expect(refusals(strict, { currentSexTrade: true, wheelchair: true, avoidMandatoryActivities: true }))
      .toEqual(['SEX_TRADE', 'WHEELCHAIR', 'MANDATORY_ACTIVITIES']);
    // A language is a preference unless required.
    expect(refusals(strict, { language: 'en' })).toEqual([]);
    expect(refusals(strict, { language: 'en', languageRequired: true })).toEqual(['LANGUAGE']);
    expect(refusals({ ...strict, substanceUse: 'HARM_REDUCTION' }, { substanceUse: true })).toEqual([]);
  });
});
