import type { BedRequestResult, Id, JoinWaitlistBody, Match, NearMiss, ProgramType, WaitlistEntry } from '../api/types';

/** Milliseconds left on an offer (0 once expired; null when the entry has no offer). */
export function offerTimeLeft(entry: Pick<WaitlistEntry, 'offerExpiresAt'>, now: number): number | null {
  if (!entry.offerExpiresAt) return null;
  return Math.max(0, Date.parse(entry.offerExpiresAt) - now);
}

/** "1:59:30" for offers of an hour or more, "4:05" below: the hold countdown, with hours. */
export function formatOfferCountdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** An offer can be accepted while it is OFFERED, has its hold, and time is left. */
export function canAccept(entry: WaitlistEntry, now: number): boolean {
  return entry.status === 'OFFERED' && entry.holdId != null && entry.offeredProgramId != null && (offerTimeLeft(entry, now) ?? 0) > 0;
}

/** POST /api/placements that takes the offer: the offer's hold, in the offered program. */
export function acceptBody(entry: WaitlistEntry): { clientId: Id; programId: Id; holdId: Id } {
  if (entry.offeredProgramId == null || entry.holdId == null) throw new Error('not an offer');
  return { clientId: entry.clientId, programId: entry.offeredProgramId, holdId: entry.holdId };
}

/** POST /api/waitlist from the join form: one program, or any program of a type in a region. */
export function joinBodyFrom(form: FormData): JoinWaitlistBody {
  const clientId = String(form.get('clientId') ?? '');
  const priority = Number(form.get('priority') ?? 2) || 2;
  if (form.get('scope') === 'type') {
    return { clientId, priority, type: String(form.get('type') ?? '') as ProgramType, regionCode: String(form.get('regionCode') ?? '') };
  }
  return { clientId, priority, programId: String(form.get('programId') ?? '') };
}

/** Offers first (they expire), then the rest in the service's offer order. */
export function offersFirst(entries: WaitlistEntry[]): WaitlistEntry[] {
  const offered = entries.filter((e) => e.status === 'OFFERED');
  return [...offered, ...entries.filter((e) => e.status !== 'OFFERED')];
}

/** The next moment an offer on screen runs out, so the list can be read again then. */
export function nextExpiry(entries: WaitlistEntry[], now: number): number | null {
  const times = entries.map((e) => (e.status === 'OFFERED' && e.offerExpiresAt ? Date.parse(e.offerExpiresAt) : NaN))
    .filter((x) => Number.isFinite(x) && x > now);
  return times.length ? Math.min(...times) : null;
}

/**
 * The programs a client may wait for in a region, from a bed request with her needs: the full ones that
 * fit her (a near miss whose only reason is NO_BED: "full, she can wait here") first, then those with a
 * bed for her now.
 */
export function waitCandidates(result: Pick<BedRequestResult, 'matches' | 'nearMisses'>): { full: NearMiss[]; open: Match[] } {
  const full = (result.nearMisses ?? []).filter((m) => m.reasons.length === 1 && m.reasons[0] === 'NO_BED');
  return { full, open: result.matches };
}

/** Where "N beds fit her now — see them" leads: the search for her in that region, run at once. */
export function bookableNowLink(clientId: Id, regionCode: string | null | undefined): string {
  const params = new URLSearchParams({ client: String(clientId) });
  if (regionCode) params.set('region', regionCode);
  params.set('search', '1');
  return `#/find?${params}`;
}
