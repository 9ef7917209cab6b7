import { describe, expect, it } from 'vitest';
import type { UserAccount } from '../api';
import { accountState, upsertUser, userChangeBody, userMatches, withActive } from './accounts';
import { auditQueryFrom, instantFrom } from './audit-query';
import { confidentialByDefault, confidentialShown } from './confidential';

const form = (entries: [string, string][]) => {
  const d = new FormData();
  for (const [k, v] of entries) d.append(k, v);
  return d;
};

const ann: UserAccount = {
  id: 4, username: 'ann', role: 'SHELTER_STAFF', organization: 'Harbour Society', facilityIds: [7, 9], active: true, mustChangePassword: false,
};

describe('account edit form', () => {
  it('maps role, organization and facilities to PUT /api/users/{id}, keeping the state as it is', () => {
    const { body, errors } = userChangeBody(form([['role', 'SHELTER_STAFF'], ['organization', ' Harbour Society '],
      ['facilityIds', '7'], ['facilityIds', '12']]), false);
    expect(errors).toEqual({});
    expect(body).toEqual({ role: 'SHELTER_STAFF', organization: 'Harbour Society', facilityIds: [7, 12], active: false });
  });

  it('drops facilities for other roles and says what each role lacks', () => {
    expect(userChangeBody(form([['role', 'FUNDER'], ['organization', ''], ['facilityIds', '7']]), true).body)
      .toEqual({ role: 'FUNDER', organization: null, facilityIds: [], active: true });
    expect(Object.keys(userChangeBody(form([['role', 'CASEWORKER'], ['organization', ' ']]), true).errors)).toEqual(['organization']);
    expect(Object.keys(userChangeBody(form([['role', 'SHELTER_STAFF']]), true).errors)).toEqual(['facilityIds']);
  });

  it('disables or enables with the access unchanged', () => {
    expect(withActive(ann, false)).toEqual({ role: 'SHELTER_STAFF', organization: 'Harbour Society', facilityIds: [7, 9], active: false });
  });

  it('says disabled before a pending password change', () => {
    expect(accountState(ann)).toBe('active');
    expect(accountState({ ...ann, mustChangePassword: true })).toBe('mustChange');
    expect(accountState({ ...ann, active: false, mustChangePassword: true })).toBe('disabled');
  });

  it('filters by name, organization, role and state, and replaces a changed account in place', () => {
    expect(userMatches(ann, 'HARBOUR')).toBe(true);
    expect(userMatches(ann, 'shelter staff')).toBe(true);
    expect(userMatches({ ...ann, active: false }, 'disabled')).toBe(true);
    expect(userMatches(ann, 'disabled')).toBe(false);
    const bob = { ...ann, id: 5, username: 'bob' };
    expect(upsertUser([ann, bob], { ...ann, id: '4', active: false }).map((u) => [u.username, u.active]))
      .toEqual([['ann', false], ['bob', true]]);
    expect(upsertUser([ann], bob)).toHaveLength(2);
  });
});

describe('confidential by default', () => {
  it('is on for violence against women shelters and safe houses only', () => {
    expect(confidentialByDefault('DV_SHELTER')).toBe(true);
    expect(confidentialByDefault('SAFE_HOUSE')).toBe(true);
    for (const other of ['EMERGENCY_SHELTER', 'HOTEL_MOTEL', 'YOUTH_SHELTER', ''] as const) expect(confidentialByDefault(other)).toBe(false);
  });

  it('follows the type until the admin touches the box, and never unticks a saved confidential facility', () => {
    expect(confidentialShown(false, 'SAFE_HOUSE', false, false)).toBe(true);
    expect(confidentialShown(false, 'SAFE_HOUSE', true, false)).toBe(false);
    expect(confidentialShown(false, 'HOTEL_MOTEL', true, true)).toBe(true);
    expect(confidentialShown(true, '', false, false)).toBe(true);
    expect(confidentialShown(false, '', false, false)).toBe(false);
  });
});

describe('audit filters', () => {
  it('turns a local date and time into an instant, and refuses what is not one', () => {
    expect(instantFrom('')).toBeNull();
    expect(instantFrom('2026-01-05T21:30')).toBe(new Date('2026-01-05T21:30').toISOString());
    expect(instantFrom('yesterday')).toBeUndefined();
    expect(instantFrom('2026-13-45T99:99')).toBeUndefined();
  });

  it('keeps the filters that are set, in the case the log uses', () => {
    const { body, errors } = auditQueryFrom(form([['username', ' ann '], ['action', 'user_disabled'], ['objectType', 'user'],
      ['objectId', '42'], ['from', '2026-01-05T08:00'], ['to', ''], ['remoteAddress', ''], ['limit', '50']]));
    expect(errors).toEqual({});
    expect(body).toEqual({ username: 'ann', action: 'USER_DISABLED', objectType: 'USER', objectId: '42',
      from: new Date('2026-01-05T08:00').toISOString(), limit: 50 });
  });

  it('says which filter is wrong before asking the service', () => {
    const { errors } = auditQueryFrom(form([['objectId', '4x'], ['from', '2026-01-06T08:00'], ['to', '2026-01-05T08:00'], ['limit', '1001']]));
    expect(Object.keys(errors).sort()).toEqual(['limit', 'objectId', 'to']);
    expect(Object.keys(auditQueryFrom(form([['limit', '0']])).errors)).toEqual(['limit']);
    expect(Object.keys(auditQueryFrom(form([['from', 'soon']])).errors)).toEqual(['from']);
  });
});
