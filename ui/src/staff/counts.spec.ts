import { describe, expect, it } from 'vitest';
import { countBody, parseFigure, undoOf } from './counts';
import { t } from '../i18n';

describe('staff counts', () => {
  it('reads a typed figure', () => {
    expect(parseFigure(' 12 ')).toBe(12);
    expect(parseFigure('0')).toBe(0);
    expect(parseFigure('-1')).toBeNull();
    expect(parseFigure('2.5')).toBeNull();
    expect(parseFigure('')).toBeNull();
  });

  it('sets one field and keeps the other, with the version shown', () => {
    expect(countBody({ available: 3, outOfService: 1, version: 7 }, 'outOfService', 0)).toEqual({ available: 3, outOfService: 0, version: 7 });
  });

  it('undoes the last change only while the figure is still what it left', () => {
    expect(undoOf({ field: 'available', from: 4, to: 5 }, { available: 5, outOfService: 0 })).toEqual({ field: 'available', from: 5, to: 4 });
    expect(undoOf({ field: 'available', from: 4, to: 5 }, { available: 3, outOfService: 0 })).toBeNull();
    expect(undoOf(null, { available: 3, outOfService: 0 })).toBeNull();
  });

  it('names the field that changed, in both languages', () => {
    expect(t('staff.changed', { what: 'Available', from: 4, to: 5 }, 'en')).toBe('Saved: Available is now 5 (was 4).');
    expect(t('staff.changed', { what: 'Disponibles', from: 4, to: 5 }, 'fr')).toBe('Enregistré\u00a0: Disponibles passe à 5 (avant\u00a0: 4).');
  });
});
