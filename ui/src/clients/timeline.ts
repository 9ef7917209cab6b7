import type { ClientPlacements, EndReason, PlacementDetail } from '../api/types';
import { daysBetween } from './format';

/** How the client came to a placement: her first one, a move within a stay, or a return after time away. */
export type Arrival = 'first' | 'move' | 'return';

export interface ChainStep {
  placement: PlacementDetail;
  /** 1-based place in the chain, oldest first. */
  number: number;
  /** 1-based episode: placements with no gap of more than one night between them. */
  episode: number;
  arrival: Arrival;
  /** Nights between the previous placement's end and this start, when she came back after time away. */
  gapNights: number | null;
  hotel: boolean;
  active: boolean;
  /** nights x nightly cost, when the placement has a cost. */
  cost: number | null;
}

export interface ChainSummary {
  placements: number;
  nights: number;
  hotelNights: number;
  hotelCost: number;
  moves: number;
  episodes: number;
  active: PlacementDetail | null;
  /** Why placements ended, most frequent first (MOVED left out: moves are counted on their own). */
  endings: { reason: EndReason; count: number }[];
}

/**
 * Shapes GET /api/clients/{id}/placements into the patchwork the timeline draws. Episodes follow the
 * service's rule (a gap of more than one night starts a new one); the totals are the service's own.
 */
export function shapeChain(chain: ClientPlacements, today: string): { steps: ChainStep[]; summary: ChainSummary } {
  const ordered = [...chain.placements].sort((a, b) => a.startDate.localeCompare(b.startDate) || Number(a.id) - Number(b.id));
  const steps: ChainStep[] = [];
  let episode = 0;
  let previousEnd: string | null = null;
  for (const [i, p] of ordered.entries()) {
    const gap = previousEnd === null ? null : daysBetween(previousEnd, p.startDate);
    const startsEpisode = gap === null || gap > 1;
    if (startsEpisode) episode += 1;
    const end = p.endDate ?? today;
    if (previousEnd === null || end > previousEnd) previousEnd = end;
    steps.push({
      placement: p,
      number: i + 1,
      episode,
      arrival: i === 0 ? 'first' : startsEpisode ? 'return' : 'move',
      gapNights: startsEpisode && gap !== null ? gap : null,
      hotel: p.programType === 'HOTEL_MOTEL',
      active: p.status === 'ACTIVE',
      cost: p.nightlyCost == null ? null : round2(p.nightlyCost * p.nights),
    });
  }
  const hotel = steps.filter((s) => s.hotel);
  const endings = new Map<EndReason, number>();
  for (const p of ordered) if (p.endReason && p.endReason !== 'MOVED') endings.set(p.endReason, (endings.get(p.endReason) ?? 0) + 1);
  return {
    steps,
    summary: {
      placements: ordered.length,
      nights: chain.nights,
      hotelNights: hotel.reduce((sum, s) => sum + s.placement.nights, 0),
      hotelCost: round2(hotel.reduce((sum, s) => sum + (s.cost ?? 0), 0)),
      moves: chain.moves,
      episodes: chain.episodes,
      active: ordered.find((p) => p.status === 'ACTIVE') ?? null,
      endings: [...endings.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    },
  };
}

/** The date an end or a move defaults to: today where she is, never before the placement started. */
export function defaultActionDate(startDate: string, today: string): string {
  return today < startDate ? startDate : today;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
