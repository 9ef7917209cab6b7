import { describe, expect, it } from 'vitest';
import type { WaitlistEntry } from '../api/types';
import { acceptBody, bookableNowLink, canAccept, formatOfferCountdown, joinBodyFrom, nextExpiry, offerTimeLeft, offersFirst, waitCandidates } from './offers';

const now = Date.parse('2026-11-22T02:00:00Z');
function entry(over: Partial<WaitlistEntry>): WaitlistEntry {
  return { id: 1, clientId: 7, programId: 3, type: null, regionCode: null, priority: 2, status: 'WAITING', position: 1,
    createdAt: '2026-11-21T02:00:00Z', offeredProgramId: null, holdId: null, offerExpiresAt: null, ...over };
}
const offer = entry({ id: 2, status: 'OFFERED', position: 0, offeredProgramId: 3, holdId: 44, offerExpiresAt: '2026-11-22T04:00:00Z' });

describe('waitlist offers', () => {
  it('counts an offer down to zero, with hours when there are', () => {
    expect(offerTimeLeft(offer, now)).toBe(2 * 3600_000);
    expect(offerTimeLeft(offer, Date.parse('2026-11-22T05:00:00Z'))).toBe(0);
    expect(offerTimeLeft(entry({}), now)).toBeNull();
    expect(formatOfferCountdown(2 * 3600_000)).toBe('2:00:00');
    expect(formatOfferCountdown(2 * 3600_000 - 1000)).toBe('1:59:59');
    expect(formatOfferCountdown(65_500)).toBe('1:05');
    expect(formatOfferCountdown(-1)).toBe('0:00');
  });

  it('accepts an offer with its hold, in the offered program, while time is left', () => {
    expect(canAccept(offer, now)).toBe(true);
    expect(canAccept(offer, Date.parse('2026-11-22T04:00:00Z'))).toBe(false);
    expect(canAccept(entry({}), now)).toBe(false);
    expect(acceptBody(offer)).toEqual({ clientId: 7, programId: 3, holdId: 44 });
    expect(() => acceptBody(entry({}))).toThrow();
  });

  it('joins for one program or for a type in a region, priority 1 to 3', () => {
    const f = new FormData();
    f.set('clientId', '7');
    f.set('priority', '1');
    f.set('scope', 'program');
    f.set('programId', '3');
    expect(joinBodyFrom(f)).toEqual({ clientId: '7', priority: 1, programId: '3' });
    f.set('scope', 'type');
    f.set('type', 'DETOX');
    f.set('regionCode', 'ON-NORTHEAST');
    expect(joinBodyFrom(f)).toEqual({ clientId: '7', priority: 1, type: 'DETOX', regionCode: 'ON-NORTHEAST' });
  });

  it('shows offers first and knows when the next one runs out', () => {
    const waiting = entry({ id: 1 });
    const later = { ...offer, id: 3, offerExpiresAt: '2026-11-22T03:00:00Z' };
    expect(offersFirst([waiting, offer, later]).map((e) => e.id)).toEqual([2, 3, 1]);
    expect(nextExpiry([waiting, offer, later], now)).toBe(Date.parse('2026-11-22T03:00:00Z'));
    expect(nextExpiry([waiting], now)).toBeNull();
  });
});

describe('what she can wait for', () => {
  const m = (id: number) => ({ programId: id, facilityId: 1, facilityName: 'F', programName: `P${id}`, type: 'DETOX' as const,
    regionCode: 'ON-EAST', municipality: 'Ottawa', bookable: 0, intakeOpenNow: true, intakePhone: null, updatedAt: '', stale: false,
    maxStayDays: null });
  it('offers the full programs that fit her, and those with a bed now; never one that does not take her', () => {
    const got = waitCandidates({ matches: [{ ...m(1), bookable: 2 }], nearMisses: [
      { ...m(2), reasons: ['NO_BED'] }, { ...m(3), reasons: ['NO_BED', 'PETS'] }, { ...m(4), reasons: ['GENDER'] }] });
    expect(got.full.map((x) => x.programId)).toEqual([2]);
    expect(got.open.map((x) => x.programId)).toEqual([1]);
    expect(waitCandidates({ matches: [] })).toEqual({ full: [], open: [] });
  });

  it('links "beds fit her now" to the search for her in that region, run at once', () => {
    expect(bookableNowLink(12, 'ON-EAST')).toBe('#/find?client=12&region=ON-EAST&search=1');
    expect(bookableNowLink('a b', null)).toBe('#/find?client=a+b&search=1');
  });
});
