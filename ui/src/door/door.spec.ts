import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS } from '../api/types';
import { en } from '../i18n/en';
import { groupCode, heldUntil, intakeFacts, isCompleteCode, normalizeCode, reasonText, spellCode, triesLeft } from './door';
import { clientOfHold, heldPrograms, rememberHold } from './hold-memory';
import { activeHolds } from './coming-tonight';

describe('arrival code', () => {
  it('is compared in capitals without spaces or dashes', () => {
    expect(normalizeCode(' k7m 4pq ')).toBe('K7M4PQ');
    expect(normalizeCode('K7M-4PQ')).toBe('K7M4PQ');
    expect(isCompleteCode('k7m 4pq')).toBe(true);
    expect(isCompleteCode('K7M4P')).toBe(false);
    expect(isCompleteCode('K7M4PQR')).toBe(false);
  });

  it('is shown in two groups of three', () => {
    expect(groupCode('k7m4pq')).toBe('K7M 4PQ');
    expect(groupCode('ABC')).toBe('ABC');
  });

  it('is spelled with a phonetic hint in both languages', () => {
    expect(spellCode('K7', 'en')).toEqual(['K as in Kilo', '7 (seven)']);
    expect(spellCode('K7', 'fr')).toEqual(['K comme Kilo', '7 (sept)']);
  });

  it('reads the tries left from the service detail', () => {
    expect(triesLeft('Wrong code: 3 tries left')).toBe(3);
    expect(triesLeft('Wrong code')).toBeNull();
    expect(triesLeft(null)).toBeNull();
  });
});

describe('intake facts', () => {
  it('says each stated fact in plain words and leaves out what is not stated', () => {
    expect(intakeFacts({ gender: 'WOMAN', age: 19, children: 2, pets: true, substanceUse: false, wheelchair: false, language: 'fr' }, 'en'))
      .toEqual(['Woman', 'Age 19', '2 children with her', 'Has a pet', 'No substance use', 'Speaks French']);
    expect(intakeFacts({ children: 1, wheelchair: true }, 'en')).toEqual(['1 child with her', 'Uses a wheelchair']);
    expect(intakeFacts({ gender: 'TRANS_WOMAN', age: 30, children: 0, language: 'en' }, 'fr'))
      .toEqual(['Femme trans', '30 ans', 'Sans enfant', 'Parle anglais']);
    expect(intakeFacts(null)).toEqual([]);
  });
});

describe('hold time at the door', () => {
  it('says until when and how long is left, in minutes, then seconds', () => {
    const now = Date.parse('2026-12-07T09:00:00Z');
    expect(heldUntil('2026-12-07T10:29:30Z', now, 'en')).toMatch(/^Held until .+ · 89 min left$/);
    expect(heldUntil('2026-12-07T09:00:42Z', now, 'en')).toMatch(/ · 0:42 left$/);
    expect(heldUntil('2026-12-07T09:05:00Z', now, 'fr')).toMatch(/^Retenu jusqu’à .+ · encore 5 min$/);
  });
});

describe('decline reasons', () => {
  it('has plain words for every reason the service takes, in both languages', () => {
    expect(DECLINE_REASONS).toHaveLength(13);
    for (const r of DECLINE_REASONS) {
      expect(`decline.${r}` in en, r).toBe(true);
      expect(reasonText(r, 'fr')).not.toBe(reasonText(r, 'en'));
    }
    expect(reasonText('NO_BED', 'en')).toBe('No bed free after all');
    expect(reasonText('SOMETHING_NEW', 'en')).toBe('Another reason');
  });
});

describe('holds remembered by the browser', () => {
  it('keeps ids only, newest first, each program once', () => {
    const data = new Map<string, string>();
    const s = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    rememberHold({ id: 1, programId: 7, clientId: 3, arrivalCode: 'K7M4PQ' } as never, s);
    rememberHold({ id: 2, programId: 8, clientId: 4 }, s);
    rememberHold({ id: 3, programId: 7, clientId: 5 }, s);
    expect(heldPrograms(s)).toEqual(['7', '8']);
    expect(clientOfHold('2', s)).toBe('4');
    expect(clientOfHold('9', s)).toBeNull();
    expect(data.get('harbour.holds')).not.toContain('K7M4PQ');
  });

  it('lists only active holds, the soonest to expire first', () => {
    const list = activeHolds([
      { id: 1, expiresAt: '2026-12-07T05:00:00Z', status: 'ACTIVE' },
      { id: 2, expiresAt: '2026-12-07T04:30:00Z' },
      { id: 3, expiresAt: '2026-12-07T04:00:00Z', status: 'ARRIVED' },
    ]);
    expect(list.map((h) => h.id)).toEqual([2, 1]);
  });
});
