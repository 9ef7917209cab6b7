import { describe, expect, it } from 'vitest';
import type { Availability } from '../api/types';
import { BoardStore } from './board-store';

const figure = (programId: number, version: number, available: number) =>
  ({ programId, version, available } as unknown as Availability);

describe('BoardStore', () => {
  it('takes a snapshot, then applies changes by program', () => {
    let changes = 0;
    const store = new BoardStore(() => changes++);
    store.apply({ type: 'snapshot', seq: 1, availability: [figure(1, 1, 3), figure(2, 1, 0)] });
    store.apply({ type: 'availability.changed', seq: 2, availability: figure(2, 2, 4) });
    store.apply({ type: 'hold.created', seq: 3, programId: 1, holdId: 9 });
    expect(store.get(2)?.available).toBe(4);
    expect(store.all()).toHaveLength(2);
    expect(changes).toBe(2);
  });

  it('never replaces a figure with an older version', () => {
    const store = new BoardStore();
    store.upsert(figure(1, 5, 2));
    store.upsert(figure(1, 4, 9));
    expect(store.get('1')?.available).toBe(2);
  });
});
