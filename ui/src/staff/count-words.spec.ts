import { describe, expect, it } from 'vitest';
import { changeList, outcomeText, waitingText } from './count-words';

const changes = [{ field: 'available' as const, from: 4, to: 6 }, { field: 'outOfService' as const, from: 0, to: 1 }];

describe('count changes made offline, in words', () => {
  it('names each field with its old and new figure', () => {
    expect(changeList(changes, 'en')).toBe('Available from 4 to 6 and Out of service from 0 to 1');
    expect(changeList(changes, 'fr')).toBe('Disponibles de 4 à 6 et Hors service de 0 à 1');
  });

  it('says how many changes wait, and whether the connection is down', () => {
    expect(waitingText(0, false, 'en')).toBe('');
    expect(waitingText(0, true, 'en')).toMatch(/^Offline\. /);
    expect(waitingText(1, true, 'en')).toBe('Offline — 1 change waiting. It is sent when the connection returns.');
    expect(waitingText(2, true, 'en')).toBe('Offline — 2 changes waiting. They are sent when the connection returns.');
    expect(waitingText(2, false, 'en')).toBe('Sending 2 changes made offline…');
    expect(waitingText(1, true, 'fr')).toBe('Hors ligne — 1 changement en attente. Il sera envoyé au retour de la connexion.');
  });

  it('tells which change was refused and what the figures are now', () => {
    const current = { available: 2, outOfService: 0, version: 9 };
    expect(outcomeText({ kind: 'conflict', programId: '7', changes: changes.slice(0, 1), current }, 'en')).toBe(
      'Not saved: the change made offline (Available from 4 to 6) was refused, because someone else changed these figures first. '
      + 'The figures now: 2 available, 0 out of service.');
    expect(outcomeText({ kind: 'conflict', programId: '7', changes: changes.slice(0, 1), current }, 'fr')).toBe(
      'Non enregistré\u00a0: le changement fait hors ligne (Disponibles de 4 à 6) a été refusé, car quelqu’un d’autre a modifié ces chiffres avant. '
      + 'Les chiffres actuels\u00a0: 2 disponibles, 0 hors service.');
    expect(outcomeText({ kind: 'refused', programId: '7', changes, status: 422, detail: 'available + outOfService must not exceed capacity 10.', current: null }, 'en'))
      .toBe('Not saved: the change made offline (Available from 4 to 6 and Out of service from 0 to 1) was refused: '
        + 'available + outOfService must not exceed capacity 10. The figures now could not be read: check them before you change them again.');
    expect(outcomeText({ kind: 'refused', programId: '7', changes, status: 403, detail: '', current }, 'en'))
      .toContain('was refused: Something went wrong (403).');
    expect(outcomeText({ kind: 'sent', programId: '7', changes, saved: current }, 'en'))
      .toBe('Sent now that the connection is back: Available from 4 to 6 and Out of service from 0 to 1.');
  });
});
