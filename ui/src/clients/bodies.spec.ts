import { describe, expect, it } from 'vitest';
import { waitlistUrl } from '../api';
import { byAlias, clientFieldValues, clientFromSearch, clientUpdateFrom, endBodyFrom, moveBodyFrom, newClientFrom, searchFieldsFor } from './bodies';

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('request bodies of the client screens', () => {
  it('makes a client from an alias, birth year, gender and needs; no legal name, no age', () => {
    expect(newClientFrom(form([['alias', '  RB-1987 '], ['birthYear', '2005'], ['gender', 'WOMAN'], ['age', '21'],
      ['children', '1'], ['pets', 'on'], ['language', 'fr'], ['consentToShare', 'on']]))).toEqual({
      alias: 'RB-1987', birthYear: 2005, gender: 'WOMAN', consentToShare: true,
      needs: { gender: 'WOMAN', children: 1, pets: true, substanceUse: false, currentSexTrade: false, wheelchair: false, avoidMandatoryActivities: false,
        language: 'fr', languageRequired: false, traffickingSpecialized: false },
    });
  });

  it('keeps every need of a new client: language required and a culturally specific service too', () => {
    const body = newClientFrom(form([['alias', 'NK-7'], ['language', 'cr'], ['languageRequired', 'on'],
      ['culturallySpecific', 'INDIGENOUS'], ['wheelchair', 'on'], ['substanceUse', 'on'], ['currentSexTrade', 'on']]));
    expect(body.needs).toEqual({ pets: false, substanceUse: true, currentSexTrade: true, wheelchair: true, avoidMandatoryActivities: false,
      traffickingSpecialized: false, language: 'cr', languageRequired: true, culturallySpecific: 'INDIGENOUS' });
  });

  it('edits a client with every field; a cleared birth year or gender is sent as null, never left out', () => {
    expect(clientUpdateFrom(form([['alias', ' RB-1987 '], ['birthYear', '2004'], ['gender', 'TRANS_WOMAN'], ['children', '2'],
      ['pets', 'on'], ['language', 'fr'], ['culturallySpecific', 'BLACK']]))).toEqual({
      alias: 'RB-1987', birthYear: 2004, gender: 'TRANS_WOMAN',
      needs: { gender: 'TRANS_WOMAN', children: 2, pets: true, substanceUse: false, currentSexTrade: false, wheelchair: false, avoidMandatoryActivities: false,
        traffickingSpecialized: false, language: 'fr', languageRequired: false, culturallySpecific: 'BLACK' },
    });
    expect(clientUpdateFrom(form([['alias', 'Sky'], ['birthYear', ''], ['gender', '']]))).toMatchObject({ birthYear: null, gender: null });
  });

  it('fills the edit form from her record', () => {
    expect(clientFieldValues({ id: 3, alias: 'Sky', birthYear: 1990, gender: 'WOMAN',
      needs: { pets: true, culturallySpecific: 'INDIGENOUS', language: 'oj', languageRequired: true } })).toMatchObject({
      alias: 'Sky', birthYear: '1990', gender: 'WOMAN', pets: true, culturallySpecific: 'INDIGENOUS', language: 'oj', languageRequired: true,
    });
  });

  it('makes a client from the search form\'s new alias with all her needs and a birth year from her age', () => {
    expect(clientFromSearch(' NEW-1 ', { gender: 'WOMAN', age: 19, children: 1, pets: true, language: 'en',
      languageRequired: true, culturallySpecific: 'INDIGENOUS' }, 2026)).toEqual({
      alias: 'NEW-1', birthYear: 2007, gender: 'WOMAN', consentToShare: false,
      needs: { gender: 'WOMAN', children: 1, pets: true, language: 'en', languageRequired: true, culturallySpecific: 'INDIGENOUS' },
    });
    expect(clientFromSearch('X', {}, 2026)).toEqual({ alias: 'X', consentToShare: false, needs: {} });
  });

  it('leaves out what was not stated and names an organization only when asked', () => {
    expect(newClientFrom(form([['alias', 'Sky'], ['birthYear', ''], ['gender', '']]))).toEqual({
      alias: 'Sky', consentToShare: false,
      needs: { pets: false, substanceUse: false, currentSexTrade: false, wheelchair: false, avoidMandatoryActivities: false, traffickingSpecialized: false },
    });
    expect(newClientFrom(form([['alias', 'Sky'], ['organization', ' Street Outreach ']])).organization).toBe('Street Outreach');
  });

  it('ends a placement with a date and a reason', () => {
    expect(endBodyFrom(form([['endDate', '2026-11-22'], ['reason', 'HOUSED']]))).toEqual({ endDate: '2026-11-22', reason: 'HOUSED' });
  });

  it('moves to a program on a date, with why only when given', () => {
    expect(moveBodyFrom(form([['toProgramId', '17'], ['date', '2026-11-22'], ['reason', 'UNSAFE']])))
      .toEqual({ toProgramId: '17', date: '2026-11-22', reason: 'UNSAFE' });
    expect(moveBodyFrom(form([['toProgramId', '17'], ['date', '2026-11-22'], ['reason', '']])))
      .toEqual({ toProgramId: '17', date: '2026-11-22' });
  });

  it('fills the search form from a client: age this year, her needs, unset flags off', () => {
    expect(searchFieldsFor({ id: 1, alias: 'RB', birthYear: 2005, gender: 'WOMAN',
      needs: { children: 2, pets: true, language: 'en', traffickingSpecialized: true } }, 2026)).toEqual({
      gender: 'WOMAN', age: '21', children: '2', language: 'en', pets: true, substanceUse: false, currentSexTrade: false,
      wheelchair: false, avoidMandatoryActivities: false, traffickingSpecialized: true, languageRequired: false, culturallySpecific: '',
    });
    expect(searchFieldsFor({ id: 2, alias: 'X', needs: null }, 2026)).toMatchObject({ gender: '', age: '', children: '0' });
    // The service answers unset needs as null.
    expect(searchFieldsFor({ id: 3, alias: 'Y', needs: { age: null, children: null, language: null } as never }, 2026))
      .toMatchObject({ age: '', children: '0', language: '' });
  });

  it('sorts aliases as people read them', () => {
    expect(byAlias([{ alias: 'b-10' }, { alias: 'B-9' }, { alias: 'a' }], 'en').map((c) => c.alias)).toEqual(['a', 'B-9', 'b-10']);
  });

  it('asks for the organization\'s waitlist entries, one program\'s or one type and region\'s', () => {
    expect(waitlistUrl({})).toBe('/api/waitlist');
    expect(waitlistUrl({ programId: 12 })).toBe('/api/waitlist?programId=12');
    expect(waitlistUrl({ type: 'DETOX', regionCode: 'ON-NORTHEAST' })).toBe('/api/waitlist?type=DETOX&regionCode=ON-NORTHEAST');
  });
});
