import { describe, expect, it } from 'vitest';
import { sheetLines } from './code-sheet';

describe('the arrival code on paper', () => {
  const held = { code: 'K7M4PQ', programName: 'Door beds', expiresAt: '2026-11-21T09:42:00Z' };

  it('names the program and until when, and the address only when the viewer was given it', () => {
    const hidden = sheetLines({ ...held, address: null }, 'en');
    expect(hidden.map((l) => l.key)).toEqual(['program', 'until']);
    expect(hidden[0]).toEqual({ key: 'program', label: 'Program', value: 'Door beds' });
    const shown = sheetLines({ ...held, address: '3 Test Lane' }, 'fr');
    expect(shown.map((l) => `${l.label}=${l.value}`).slice(0, 2)).toEqual(['Programme=Door beds', 'Adresse=3 Test Lane']);
    expect(shown[2].label).toBe('Retenu jusqu’à');
    expect(shown[2].value).toMatch(/2026/);
  });

  it('has nowhere to put an alias or a client id', () => {
    const lines = sheetLines({ ...held, address: null, alias: 'Robin', clientId: 12 } as never, 'en');
    expect(JSON.stringify(lines)).not.toMatch(/Robin|12"/);
  });
});
