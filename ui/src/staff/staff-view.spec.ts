import { describe, expect, it } from 'vitest';
import type { Availability } from '../api/types';
import { ownPrograms } from './staff-view';

const a = (programId: number, facilityId: number, facilityName: string) =>
  ({ programId, facilityId, facilityName, programName: 'P' } as Availability);

describe('ownPrograms', () => {
  const all = [a(1, 10, 'B'), a(2, 11, 'A'), a(3, 10, 'A')];
  it('keeps the assigned facilities only, sorted by name', () => {
    expect(ownPrograms(all, ['10'], false).map((p) => p.programId)).toEqual([3, 1]);
  });
  it('gives ADMIN every program', () => {
    expect(ownPrograms(all, [], true)).toHaveLength(3);
  });
});
