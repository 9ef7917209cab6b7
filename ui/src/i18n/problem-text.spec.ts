import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { fieldLabel, fieldMessage, problemMessage } from './problem-text';

const noBed = new ApiError(409, 'Conflict', 'No bookable bed is left in this program', [], null, 'NO_BED_LEFT');

describe('the service\'s problems, in the language shown', () => {
  it('says a problem by its code, never by its English detail in French', () => {
    expect(problemMessage(noBed, 'fr')).toBe('Il ne reste aucune place réservable dans ce programme.');
    expect(problemMessage(noBed, 'en')).toBe('No bookable bed is left in this program.');
  });

  it('fills the figures a problem names, in the locale', () => {
    const limit = new ApiError(409, 'Conflict', 'Your organization already holds 1200 beds', [], null, 'HOLD_LIMIT_ORGANIZATION', { limit: 1200 });
    expect(problemMessage(limit, 'fr')).toMatch(/^Votre organisme retient déjà 1\s200 places/);
    expect(problemMessage(limit, 'en')).toMatch(/^Your organization already holds 1,200 beds/);
  });

  it('says each field at fault with its name and its rule', () => {
    const invalid = new ApiError(400, 'Bad Request', 'The value of from or to is not a date', [
      { field: 'from', message: 'must be a date YYYY-MM-DD', code: 'NOT_A_DATE' },
      { field: 'to', message: 'must be between 2000-01-01 and 2100-12-31', code: 'DATE_OUTSIDE_WINDOW', params: { min: '2000-01-01', max: '2100-12-31' } },
    ], null, 'BAD_DATE_PARAMETER');
    expect(problemMessage(invalid, 'fr')).toBe('Du\u00a0:\u00a0Ce n’est pas une date. Au\u00a0:\u00a0Une date entre le 2000-01-01 et le 2100-12-31.');
    expect(fieldMessage({ message: 'must be one of A, B', code: 'NOT_ALLOWED_VALUE', params: { allowed: ['A', 'B'] } }, 'fr')).toBe('Valeur non permise.');
    expect(fieldLabel('programs[0].eligibility.maxAge', 'fr')).toBe('programs[0].eligibility.maxAge');
    expect(fieldLabel('needs.age', 'fr')).toBe('Âge');
  });

  it('names what was not found', () => {
    const missing = new ApiError(404, 'Not Found', 'Program not found', [], null, 'NOT_FOUND', { object: 'PROGRAM' });
    expect(problemMessage(missing, 'fr')).toBe('Programme introuvable.');
    expect(problemMessage(new ApiError(404, 'Not Found', 'Not found', [], null, 'NOT_FOUND'), 'fr')).toBe('Introuvable.');
  });

  it('falls back to the generic sentence with the status, in French, for a code it does not know', () => {
    const future = new ApiError(409, 'Conflict', 'Something only a newer service says', [], null, 'SOMETHING_NEW');
    expect(problemMessage(future, 'fr')).toBe('Une erreur s’est produite (409).');
    expect(problemMessage(new ApiError(409, 'Conflict', 'An old service without codes'), 'fr')).toBe('Une erreur s’est produite (409).');
    expect(fieldMessage({ message: 'an old rule' }, 'fr')).toBe('Valeur non valide.');
    expect(fieldMessage({ message: 'an old rule' }, 'en')).toBe('an old rule');
    expect(problemMessage(new ApiError(0, 'network'), 'fr')).toBe('Harbour est injoignable. Vérifiez votre connexion.');
  });
});
