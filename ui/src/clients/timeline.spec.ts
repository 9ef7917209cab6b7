import { describe, expect, it } from 'vitest';
import type { ClientPlacements, PlacementDetail } from '../api/types';
import { defaultActionDate, shapeChain } from './timeline';

let nextId = 1;
function placement(over: Partial<PlacementDetail>): PlacementDetail {
  return {
    id: nextId++, clientId: 7, programId: 1, programName: 'Emergency beds', facilityName: 'Harbour House',
    programType: 'EMERGENCY_SHELTER', startDate: '2026-11-01', expectedEndDate: null, endDate: null, endReason: null,
    moveReason: null, status: 'ENDED', nightlyCost: null, movedFromId: null, nights: 0, ...over,
  };
}

function chain(placements: PlacementDetail[], totals: Partial<ClientPlacements> = {}): ClientPlacements {
  return { clientId: 7, placements, moves: 0, nights: placements.reduce((n, p) => n + p.nights, 0), episodes: 1, ...totals };
}

describe('shapeChain: the patchwork of one client', () => {
  it('reads a hotel stay, a move and the active placement as one episode', () => {
    const hotel = placement({ programType: 'HOTEL_MOTEL', programName: 'Hotel rooms', startDate: '2026-11-02', endDate: '2026-11-16',
      endReason: 'MOVED', moveReason: 'FUNDING_ENDED', nightlyCost: 129, nights: 14 });
    const shelter = placement({ startDate: '2026-11-16', status: 'ACTIVE', nights: 6, movedFromId: hotel.id });
    const { steps, summary } = shapeChain(chain([shelter, hotel], { moves: 1, episodes: 1 }), '2026-11-22');
    expect(steps.map((s) => [s.number, s.arrival, s.episode, s.hotel, s.active])).toEqual([
      [1, 'first', 1, true, false],
      [2, 'move', 1, false, true],
    ]);
    expect(steps[0].cost).toBe(1806);
    expect(steps[1].cost).toBeNull();
    expect(summary).toMatchObject({ placements: 2, nights: 20, hotelNights: 14, hotelCost: 1806, moves: 1, episodes: 1 });
    expect(summary.active?.id).toBe(shelter.id);
    expect(summary.endings).toEqual([]);
  });

  it('starts a new episode after more than one night away and says how long she was away', () => {
    const a = placement({ startDate: '2026-10-01', endDate: '2026-10-05', endReason: 'LEFT', nights: 4 });
    const b = placement({ startDate: '2026-10-06', endDate: '2026-10-09', endReason: 'DISCHARGED_RULES', nights: 3 }); // one night gap: same episode
    const c = placement({ startDate: '2026-10-20', endDate: '2026-10-22', endReason: 'LEFT', nights: 2 });
    const { steps, summary } = shapeChain(chain([a, b, c], { moves: 1, episodes: 2 }), '2026-11-22');
    expect(steps.map((s) => [s.arrival, s.episode, s.gapNights])).toEqual([
      ['first', 1, null],
      ['move', 1, null],
      ['return', 2, 11],
    ]);
    expect(summary.active).toBeNull();
    expect(summary.endings).toEqual([{ reason: 'LEFT', count: 2 }, { reason: 'DISCHARGED_RULES', count: 1 }]);
    expect(summary.moves).toBe(1);
    expect(summary.episodes).toBe(2);
  });

  it('counts an active placement to today and keeps same-day starts in start order', () => {
    const first = placement({ startDate: '2026-11-22', endDate: '2026-11-22', endReason: 'MOVED', nights: 0 });
    const second = placement({ startDate: '2026-11-22', status: 'ACTIVE', programType: 'HOTEL_MOTEL', nightlyCost: 139, nights: 0 });
    const { steps, summary } = shapeChain(chain([second, first], { moves: 1 }), '2026-11-22');
    expect(steps.map((s) => s.placement.id)).toEqual([first.id, second.id]);
    expect(steps[1]).toMatchObject({ arrival: 'move', hotel: true, cost: 0 });
    expect(summary.hotelNights).toBe(0);
  });

  it('is empty for a client never placed', () => {
    const { steps, summary } = shapeChain(chain([], { episodes: 0 }), '2026-11-22');
    expect(steps).toEqual([]);
    expect(summary).toMatchObject({ placements: 0, nights: 0, moves: 0, episodes: 0, active: null });
  });
});

describe('defaultActionDate', () => {
  it('is today, never before the placement started (the service counts days in UTC)', () => {
    expect(defaultActionDate('2026-11-16', '2026-11-22')).toBe('2026-11-22');
    expect(defaultActionDate('2026-11-23', '2026-11-22')).toBe('2026-11-23');
  });
});
