import { describe, expect, it } from 'vitest';
import { admitNowByDefault, bedRequestFrom, clientChoice, languageName, needsFrom, searchBodyFor } from './needs';

describe('admitNowByDefault', () => {
  it('is off during office hours and on evenings, nights and weekends', () => {
    expect(admitNowByDefault(new Date(2026, 10, 20, 10, 0))).toBe(false); // Friday 10:00
    expect(admitNowByDefault(new Date(2026, 10, 20, 16, 59))).toBe(false); // Friday 16:59
    expect(admitNowByDefault(new Date(2026, 10, 20, 17, 0))).toBe(true); // Friday 17:00
    expect(admitNowByDefault(new Date(2026, 10, 20, 8, 59))).toBe(true); // Friday 08:59
    expect(admitNowByDefault(new Date(2026, 10, 21, 17, 30))).toBe(true); // Saturday
    expect(admitNowByDefault(new Date(2026, 10, 22, 12, 0))).toBe(true); // Sunday
  });
});

describe('bedRequestFrom', () => {
  it('reads needs, region, types and admitNow from the form', () => {
    const form = new FormData();
    form.set('gender', 'TRANS_WOMAN');
    form.set('age', '19');
    form.set('children', '1');
    form.set('pets', 'on');
    form.set('traffickingSpecialized', 'on');
    form.set('regionCode', 'ON-CENTRAL');
    form.append('types', 'DV_SHELTER');
    form.append('types', 'HOTEL_MOTEL');
    form.set('admitNow', 'on');
    expect(bedRequestFrom(form)).toEqual({
      regionCode: 'ON-CENTRAL', types: ['DV_SHELTER', 'HOTEL_MOTEL'], admitNow: true,
      needs: { gender: 'TRANS_WOMAN', age: 19, children: 1, pets: true, substanceUse: false, currentSexTrade: false,
        wheelchair: false, avoidMandatoryActivities: false, traffickingSpecialized: true },
    });
  });

  it('leaves out what was not stated', () => {
    expect(bedRequestFrom(new FormData())).toEqual({
      admitNow: false,
      needs: { pets: false, substanceUse: false, currentSexTrade: false, wheelchair: false, avoidMandatoryActivities: false, traffickingSpecialized: false },
    });
  });
});

describe('the search for a client', () => {
  it('sends her id, and saveNeeds only when "save to client" is ticked', () => {
    const form = new FormData();
    form.set('gender', 'WOMAN');
    form.set('language', 'fr');
    form.set('languageRequired', 'on');
    form.set('culturallySpecific', 'INDIGENOUS');
    form.set('saveNeeds', 'on');
    expect(searchBodyFor(form, '12')).toEqual({
      clientId: '12', saveNeeds: true, admitNow: false,
      needs: { gender: 'WOMAN', language: 'fr', languageRequired: true, culturallySpecific: 'INDIGENOUS', pets: false,
        substanceUse: false, currentSexTrade: false, wheelchair: false, avoidMandatoryActivities: false, traffickingSpecialized: false },
    });
    form.delete('saveNeeds');
    expect(searchBodyFor(form, '12').saveNeeds).toBeUndefined();
  });

  it('never saves needs for an anonymous enquiry', () => {
    const form = new FormData();
    form.set('saveNeeds', 'on');
    const body = searchBodyFor(form, null);
    expect(body.clientId).toBeUndefined();
    expect(body.saveNeeds).toBeUndefined();
  });

  it('does not send "must speak it" without a language', () => {
    const form = new FormData();
    form.set('languageRequired', 'on');
    expect(needsFrom(form).languageRequired).toBeUndefined();
  });

  it('refuses a chosen client and a typed new alias together instead of picking one silently', () => {
    expect(clientChoice('12', 'NEW-1')).toEqual({ kind: 'conflict' });
    expect(clientChoice('12', '  ')).toEqual({ kind: 'existing', id: '12' });
    expect(clientChoice('', ' NEW-1 ')).toEqual({ kind: 'new', alias: 'NEW-1' });
    expect(clientChoice('', '')).toEqual({ kind: 'anonymous' });
  });
});

describe('languageName', () => {
  it('names languages in the reader\'s language, Indigenous ones too', () => {
    expect(languageName('fr', 'en-CA')).toBe('French');
    expect(languageName('en', 'fr-CA')).toBe('Anglais');
    expect(languageName('cr', 'en-CA')).toBe('Cree');
    expect(languageName('oj', 'fr-CA')).toBe('Ojibwé');
  });
});
