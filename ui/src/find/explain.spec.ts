import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { setLocale } from '../i18n';
import { formatWhen, intakeText, liveState, preferenceText, reasonText, widenHint } from './explain';

// Local times (the caseworker's own zone): Friday 20 November 2026, 23:30.
const now = new Date(2026, 10, 20, 23, 30);
const iso = (d: Date) => d.toISOString();

describe('reasons in plain words', () => {
  afterEach(() => setLocale('en'));

  it('says each reason as what is in the way', () => {
    expect(reasonText('PETS')).toBe('No pets');
    expect(reasonText('NO_BED')).toBe('Full');
    expect(reasonText('GENDER')).toBe('Does not take her gender');
    expect(reasonText('SUBSTANCE_USE')).toBe('Sobriety required');
    expect(reasonText('WHEELCHAIR')).toBe('No wheelchair access');
    expect(reasonText('LANGUAGE')).toBe('Does not offer her language');
    expect(reasonText('MANDATORY_ACTIVITIES')).toBe('Mandatory activities');
    expect(reasonText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    for (const r of ['GENDER', 'AGE', 'CHILDREN', 'PETS', 'SUBSTANCE_USE', 'SEX_TRADE', 'WHEELCHAIR', 'LANGUAGE',
      'MANDATORY_ACTIVITIES', 'NO_BED', 'INTAKE_CLOSED']) {
      expect(en[`miss.${r}` as keyof typeof en]).toBeTruthy();
      expect(fr[`miss.${r}` as keyof typeof fr]).toBeTruthy();
    }
  });

  it('says until when intake is closed, in local time with the weekday', () => {
    const monday9 = new Date(2026, 10, 23, 9, 0);
    expect(reasonText('INTAKE_CLOSED', { intakeOpensAt: iso(monday9) }, now)).toBe('Intake closed until Monday at 9:00 a.m.');
    expect(reasonText('INTAKE_CLOSED', { intakeOpensAt: iso(new Date(2026, 10, 21, 8, 0)) }, now)).toBe('Intake closed until tomorrow at 8:00 a.m.');
    expect(reasonText('INTAKE_CLOSED', {}, now)).toBe('Intake closed now');
    setLocale('fr');
    expect(reasonText('INTAKE_CLOSED', { intakeOpensAt: iso(monday9) }, now)).toBe('Admission fermée jusqu’à lundi à 9 h 00');
    expect(reasonText('NO_BED')).toBe('Complet');
  });

  it('points at the form box that would widen the search', () => {
    expect(widenHint('INTAKE_CLOSED')).toBe('miss.widenIntake');
    expect(widenHint('LANGUAGE')).toBe('miss.widenLanguage');
    expect(widenHint('PETS')).toBeNull();
  });

  it('names matched preferences', () => {
    expect(preferenceText('LANGUAGE')).toBe('Speaks her language');
    expect(preferenceText('TRAFFICKING_SPECIALIZED')).toBe('Trafficking-specialized');
  });
});

describe('when she can get in', () => {
  it('says when intake closes, that it never closes, or when it opens next', () => {
    expect(intakeText({ intakeOpenNow: true, intakeClosesAt: iso(new Date(2026, 10, 21, 2, 0)), intakeOpensAt: null }, now))
      .toEqual({ text: 'Intake open until tomorrow at 2:00 a.m.', open: true });
    expect(intakeText({ intakeOpenNow: true, intakeClosesAt: null, intakeOpensAt: null }, now)).toEqual({ text: 'Intake open 24 hours', open: true });
    expect(intakeText({ intakeOpenNow: false, intakeOpensAt: iso(new Date(2026, 10, 23, 9, 0)) }, now))
      .toEqual({ text: 'Intake closed. Opens Monday at 9:00 a.m.', open: false });
    // An older service without the instants: open or closed, nothing more.
    expect(intakeText({ intakeOpenNow: true }, now).text).toBe('Intake open now');
    expect(formatWhen(iso(new Date(2026, 10, 20, 23, 45)), now)).toBe('today at 11:45 p.m.');
  });
});

describe('results follow the live feed', () => {
  it('marks a match full when the last bed goes elsewhere, never the card holding it', () => {
    expect(liveState({ bookable: 2 }, { bookable: 0 }, false)).toEqual({ bookable: 0, full: true });
    expect(liveState({ bookable: 1 }, { bookable: 0 }, true)).toEqual({ bookable: 0, full: false });
    expect(liveState({ bookable: 1 }, undefined, false)).toEqual({ bookable: 1, full: false });
    expect(liveState({ bookable: 0 }, { bookable: 3 }, false)).toEqual({ bookable: 3, full: false });
  });
});
