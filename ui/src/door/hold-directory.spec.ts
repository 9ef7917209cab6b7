import { describe, expect, it } from 'vitest';
import type { ProgramHold } from '../api/types';
import { HoldDirectory } from './hold-directory';

const hold = (id: number, clientId: number | null, programId = 7): ProgramHold =>
  ({ id, programId, clientId, expiresAt: '2026-11-21T05:00:00Z' });

describe('the organization\'s holds by id', () => {
  it('names the client of a hold learned while it was active, after it has ended', async () => {
    const lists = new Map<string, ProgramHold[]>([['7', [hold(1, 12), hold(2, null)]]]);
    const reads: string[] = [];
    const dir = new HoldDirectory(async (p) => { reads.push(p); return lists.get(p) ?? []; });
    await dir.refresh('7');
    lists.set('7', []); // the hold is consumed: the service lists it no more
    expect(await dir.clientOf('1', '7')).toBe('12');
    expect(reads).toEqual(['7']);
    expect(dir.known('2')).toBeNull(); // another organization's hold: no client, nothing kept
  });

  it('reads the program once when the hold is not known yet, and says null when it is not the organization\'s', async () => {
    let calls = 0;
    const dir = new HoldDirectory(async () => { calls++; return [hold(5, 30)]; });
    expect(await dir.clientOf('5', '7')).toBe('30');
    expect(await dir.clientOf('6', '7')).toBeNull();
    expect(calls).toBe(2);
  });

  it('shares a read already on its way (hold.created, then the outcome at once)', async () => {
    let release: (l: ProgramHold[]) => void = () => {};
    let calls = 0;
    const dir = new HoldDirectory(() => { calls++; return new Promise((r) => (release = r)); });
    const created = dir.refresh('7');
    const named = dir.clientOf('9', '7');
    release([hold(9, 44)]);
    await created;
    expect(await named).toBe('44');
    expect(calls).toBe(1);
  });

  it('survives a failed read', async () => {
    const dir = new HoldDirectory(async () => { throw new Error('offline'); });
    await expect(dir.refresh('7')).resolves.toBeUndefined();
    expect(await dir.clientOf('1', '7')).toBeNull();
  });
});
