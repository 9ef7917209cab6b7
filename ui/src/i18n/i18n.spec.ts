import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { formatAge, formatCountdown, formatNumber, regionName, t, tn } from './index';

describe('i18n', () => {
  it('has every English key in French and nothing more', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(fr)) expect(text, key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(names(fr[key]), key).toBe(names(en[key]));
  });

  it('fills placeholders and formats numbers in the locale', () => {
    expect(t('elig.ages', { range: '16–24' }, 'fr')).toBe('Âges 16–24');
    expect(tn('board.programs', 1200, 'en')).toBe('1,200 programs');
    expect(tn('board.programs', 1200, 'fr')).toMatch(/^1\s200 programmes$/);
    expect(formatNumber(3.5, 'fr')).toBe('3,5');
  });

  it('picks the plural form by the rules of the locale', () => {
    expect(tn('board.programs', 1, 'en')).toBe('1 program');
    expect(tn('board.programs', 0, 'en')).toBe('0 programs');
    expect(tn('find.results', 0, 'fr')).toBe('0 résultat');
    expect(tn('find.results', 2, 'fr')).toBe('2 résultats');
  });

  it('says how old a figure is in words', () => {
    const now = Date.parse('2026-11-21T23:00:00Z');
    expect(formatAge('2026-11-21T20:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatAge('2026-11-21T20:00:00Z', now, 'fr')).toBe('il y a 3 heures');
    expect(formatAge('2026-11-21T22:50:00Z', now, 'en')).toBe('10 minutes ago');
    expect(formatAge('2026-11-21T22:59:50Z', now, 'en')).toBe('now');
    expect(formatAge('2026-11-19T23:00:00Z', now, 'en')).toBe('2 days ago');
  });

  it('counts down in minutes and seconds', () => {
    expect(formatCountdown(90 * 60_000)).toBe('90:00');
    expect(formatCountdown(61_500)).toBe('1:01');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('region names', () => {
  it('shows the French name in French and the English one otherwise, or when there is no French one', () => {
    const north = { name: 'Northwestern Ontario', nameFr: 'Nord-Ouest de l’Ontario' };
    expect(regionName(north, 'fr')).toBe('Nord-Ouest de l’Ontario');
    expect(regionName(north, 'en')).toBe('Northwestern Ontario');
    expect(regionName({ name: 'Testville' }, 'fr')).toBe('Testville');
  });
});
