import { describe, expect, it } from 'vitest';
import type { Eligibility } from '../api/types';
import { en } from '../i18n/en';
import { badges } from './eligibility';

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
