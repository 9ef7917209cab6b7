import { describe, expect, it } from 'vitest';
import { formatDay, noticeFrom, noticeLink, noticeLinkKey, noticeText, offerAlias } from './notices';

describe('live notices', () => {
  it('reads waitlist offers and placements ending, and nothing else', () => {
    expect(noticeFrom({ type: 'waitlist.offered', seq: 4, entryId: 9, programId: 12, offerExpiresAt: '2026-11-21T23:30:00Z' }))
      .toEqual({ id: 'offered-9', kind: 'offered', programId: '12', when: '2026-11-21T23:30:00Z', entryId: '9' });
    expect(noticeFrom({ type: 'placement.ending', seq: 5, placementId: 3, programId: 12, expectedEndDate: '2026-12-05' }))
      .toEqual({ id: 'ending-3', kind: 'ending', programId: '12', when: '2026-12-05' });
    expect(noticeFrom({ type: 'availability.changed', seq: 6 })).toBeNull();
    expect(noticeFrom({ type: 'waitlist.offered', seq: 7, programId: 12 })).toBeNull();
  });

  it('says which program and until when, in both languages', () => {
    const offer = noticeFrom({ type: 'waitlist.offered', seq: 1, entryId: 1, programId: 1, offerExpiresAt: '2026-11-21T23:30:00Z' })!;
    expect(noticeText(offer, 'Emergency beds', 'en')).toMatch(/^A bed is offered at Emergency beds for your waitlisted client until .*2026/);
    expect(noticeText(offer, undefined, 'fr')).toMatch(/^Un lit est offert à un programme/);
    const ending = noticeFrom({ type: 'placement.ending', seq: 2, placementId: 1, programId: 1, expectedEndDate: '2026-12-05' })!;
    expect(noticeText(ending, 'Emergency beds', 'en')).toBe('A placement at Emergency beds ends on December 5, 2026.');
    expect(noticeText(ending, 'Lits d’urgence', 'fr')).toBe('Un placement à Lits d’urgence se termine le 5 décembre 2026.');
  });

  it('names the offer\'s client by her alias, read from the caller\'s own lists', () => {
    const offer = noticeFrom({ type: 'waitlist.offered', seq: 1, entryId: 9, programId: 1, offerExpiresAt: '2026-11-21T23:30:00Z' })!;
    const alias = offerAlias(offer.entryId, [{ id: 8, clientId: 1 }, { id: 9, clientId: 2 }], [{ id: 1, alias: 'A' }, { id: 2, alias: 'RB-1987' }]);
    expect(alias).toBe('RB-1987');
    expect(noticeText({ ...offer, alias }, 'Emergency beds', 'en')).toMatch(/^A bed is offered at Emergency beds for RB-1987 until /);
    expect(noticeText({ ...offer, alias }, 'Lits', 'fr')).toMatch(/^Un lit est offert à Lits pour RB-1987 jusqu’au /);
    expect(offerAlias('10', [{ id: 9, clientId: 2 }], [{ id: 2, alias: 'X' }])).toBeUndefined();
  });

  it('keeps a date on its own day whatever the time zone', () => {
    expect(formatDay('2026-01-01', 'en')).toBe('January 1, 2026');
  });

  it('leads an offer to the waitlists and a placement ending to the clients', () => {
    expect(noticeLink({ id: 'offered-1', kind: 'offered', programId: '1', when: '2026-11-21T23:30:00Z' })).toBe('#/waitlist');
    expect(noticeLink({ id: 'ending-1', kind: 'ending', programId: '1', when: '2026-12-05' })).toBe('#/clients');
  });

  it('reads door outcomes and says them in words, with the next step one tap away', () => {
    const declined = noticeFrom({ type: 'hold.declined', seq: 8, programId: 12, holdId: 40, reason: 'PETS' })!;
    expect(declined).toMatchObject({ id: 'door-40', kind: 'declined', programId: '12', holdId: '40', reason: 'PETS' });
    expect(noticeText(declined, 'Emergency beds', 'en')).toBe('Emergency beds could not take your client: we can’t take her pet.');
    expect(noticeText({ ...declined, alias: 'Robin' }, 'Lits', 'fr')).toBe('Lits n’a pas pu accueillir Robin\u00a0: nous ne pouvons pas prendre son animal.');
    expect(noticeLink({ ...declined, clientId: '5' })).toBe('#/find?client=5');
    expect(noticeLinkKey(declined)).toBe('notice.findNext');
    const arrived = noticeFrom({ type: 'hold.arrived', seq: 9, programId: 12, holdId: 41 })!;
    expect(noticeText(arrived, 'Emergency beds', 'en')).toBe('Your client has arrived at Emergency beds.');
    expect(noticeText({ ...arrived, alias: 'Robin' }, 'Emergency beds', 'en')).toBe('Robin has arrived at Emergency beds.');
    expect(noticeLink({ ...arrived, clientId: '5' })).toBe('#/clients/5');
    const noShow = noticeFrom({ type: 'hold.no-show', seq: 10, programId: 12, holdId: 42 })!;
    expect(noticeText(noShow, 'Emergency beds', 'en')).toBe('Emergency beds says your client did not come. The bed is released.');
    expect(noticeLink(noShow)).toBe('#/find');
    expect(noticeFrom({ type: 'hold.created', seq: 11, programId: 12, holdId: 43 })).toBeNull();
  });
});
