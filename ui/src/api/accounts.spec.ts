// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, auditUrl, isPasswordChangeRequired, session, setPasswordChangeHandler, signIn } from './index';

function reply(status: number, body: unknown, type = 'application/json') {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

const held = { type: '/problems/password-change-required', title: 'Password change required', status: 403, detail: 'Change your password first' };

describe('accounts api', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    sessionStorage.clear();
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps mustChangePassword from the sign-in answer, false when the service leaves it out', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, {
      access_token: 'tok', token_type: 'Bearer', expires_in: 3600, username: 'new', roles: ['FUNDER'], mustChangePassword: true,
    }));
    await signIn('new', 'given-by-the-admin');
    expect(session.get()?.mustChangePassword).toBe(true);

    fetchMock.mockResolvedValueOnce(reply(200, { access_token: 't2', token_type: 'Bearer', expires_in: 3600, username: 'old', roles: ['FUNDER'] }));
    await signIn('old', 'her-own-password');
    expect(session.get()?.mustChangePassword).toBe(false);
  });

  it('a 403 that asks for a password change marks the session and tells the app; another 403 does not', async () => {
    session.set({ token: 'tok', username: 'cw', roles: ['CASEWORKER'], expiresAt: Date.now() + 60_000 });
    const handler = vi.fn();
    setPasswordChangeHandler(handler);

    fetchMock.mockResolvedValueOnce(reply(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'no' }, 'application/problem+json'));
    const plain = await api.users().catch((e) => e);
    expect(isPasswordChangeRequired(plain)).toBe(false);
    expect(handler).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(reply(403, held, 'application/problem+json'));
    const error = await api.clients().catch((e) => e);
    expect(isPasswordChangeRequired(error)).toBe(true);
    expect(handler).toHaveBeenCalledOnce();
    expect(session.get()).toMatchObject({ token: 'tok', mustChangePassword: true });
  });

  it('sends the password change, the reset, the user change and the key revocation to their routes', async () => {
    session.set({ token: 'tok', username: 'admin', roles: ['ADMIN'], expiresAt: Date.now() + 60_000 });
    fetchMock.mockImplementation(async () => new Response(null, { status: 204 }));
    await api.changeOwnPassword('given', 'mine-and-long-enough');
    await api.revokeFeedKey(12);
    fetchMock.mockImplementation(async () => reply(200, {}));
    await api.resetPassword(7);
    await api.updateUser(7, { role: 'FUNDER', organization: null, facilityIds: [], active: false });
    const calls = fetchMock.mock.calls.map(([path, init]) => `${init.method} ${path} ${init.body ?? ''}`);
    expect(calls).toEqual([
      'POST /api/users/me/password {"currentPassword":"given","newPassword":"mine-and-long-enough"}',
      'DELETE /api/feed-keys/12 ',
      'POST /api/users/7/password-reset ',
      'PUT /api/users/7 {"role":"FUNDER","organization":null,"facilityIds":[],"active":false}',
    ]);
  });

  it('builds the audit query from the filters that are set only', () => {
    expect(auditUrl({})).toBe('/api/audit');
    expect(auditUrl({ username: ' ann ', objectType: '', action: 'USER_DISABLED', limit: 50 }))
      .toBe('/api/audit?username=ann&action=USER_DISABLED&limit=50');
    expect(auditUrl({ from: '2026-01-05T02:30:00.000Z', to: '2026-01-06T02:30:00.000Z', objectId: '7', remoteAddress: '10.0.0.1' }))
      .toBe('/api/audit?objectId=7&from=2026-01-05T02%3A30%3A00.000Z&to=2026-01-06T02%3A30%3A00.000Z&remoteAddress=10.0.0.1');
  });
});
