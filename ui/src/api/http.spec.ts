// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, refreshSession, session, setUnauthorizedHandler, signIn } from './index';

function reply(status: number, body: unknown, type = 'application/json') {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('api', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in, keeps the token in sessionStorage only and sends it as a bearer token', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, {
      access_token: 'tok', token_type: 'Bearer', expires_in: 3600, username: 'cw', roles: ['CASEWORKER'],
    }));
    await signIn('cw', 'secret-secret');
    expect(session.get()?.token).toBe('tok');
    expect(localStorage.length).toBe(0);

    fetchMock.mockResolvedValueOnce(reply(200, []));
    await api.availability();
    const [path, init] = fetchMock.mock.calls[1];
    expect(path).toBe('/api/availability');
    expect(init.headers.Authorization).toBe('Bearer tok');
  });

  it('turns problem+json into an ApiError with title, detail and field errors', async () => {
    fetchMock.mockResolvedValueOnce(reply(422, {
      type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'bad count',
      errors: [{ field: 'available', message: 'must be >= 0' }],
    }, 'application/problem+json'));
    const error = await api.updateAvailability(1, { available: -1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.detail).toBe('bad count');
    expect(error.errors[0].field).toBe('available');
  });

  it('clears the session and tells the app on 401', async () => {
    session.set({ token: 'old', username: 'x', roles: ['FUNDER'], expiresAt: Date.now() + 60_000 });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValueOnce(reply(401, { title: 'Unauthorized', status: 401 }));
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(session.get()).toBeNull();
    expect(handler).toHaveBeenCalledOnce();
  });

  it('refreshes the session with the current token; a refusal keeps the token and does not sign out', async () => {
    session.set({ token: 'old', username: 'cw', roles: ['CASEWORKER'], expiresAt: Date.now() + 60_000 });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    fetchMock.mockResolvedValueOnce(reply(200, {
      access_token: 'new', token_type: 'Bearer', expires_in: 3600, username: 'cw', roles: ['CASEWORKER'],
    }));
    expect(await refreshSession()).toBe('refreshed');
    const [path, init] = fetchMock.mock.calls[0];
    expect([path, init.method, init.headers.Authorization]).toEqual(['/api/login/refresh', 'POST', 'Bearer old']);
    expect(session.get()?.token).toBe('new');
    expect(session.get()!.expiresAt).toBeGreaterThan(Date.now() + 3500_000);

    fetchMock.mockResolvedValueOnce(reply(401, { title: 'Unauthorized', status: 401 }));
    expect(await refreshSession()).toBe('refused');
    expect(session.get()?.token).toBe('new');
    expect(handler).not.toHaveBeenCalled();

    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    expect(await refreshSession()).toBe('unreachable');
  });

  it('reports a network failure as status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    await expect(api.regions()).rejects.toMatchObject({ status: 0, title: 'network' });
  });

  it('ignores an expired session', () => {
    session.set({ token: 't', username: 'x', roles: ['ADMIN'], expiresAt: Date.now() - 1 });
    expect(session.get()).toBeNull();
  });

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api.releaseHold(5)).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/holds/5');
    expect(fetchMock.mock.calls[0][1].method).toBe('DELETE');
  });
});
