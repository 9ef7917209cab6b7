// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session, type RefreshOutcome } from '../api';
import { SessionKeeper } from './session-keeper';

const MINUTE = 60_000;

describe('SessionKeeper', () => {
  let outcomes: RefreshOutcome[];
  let calls: number;
  let keeper: SessionKeeper;

  /** A refresh as the service does it: a new token good for an hour from now. */
  const refresh = async (): Promise<RefreshOutcome> => {
    calls += 1;
    const outcome = outcomes.shift() ?? 'refreshed';
    if (outcome === 'refreshed') {
      session.set({ token: `t${calls}`, username: 'cw', roles: ['CASEWORKER'], expiresAt: Date.now() + 60 * MINUTE });
    }
    return outcome;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sessionStorage.clear();
    outcomes = [];
    calls = 0;
    session.set({ token: 't0', username: 'cw', roles: ['CASEWORKER'], expiresAt: Date.now() + 60 * MINUTE });
    keeper = new SessionKeeper(refresh);
  });
  afterEach(() => {
    keeper.stop();
    vi.useRealTimers();
  });

  it('refreshes five minutes before the token expires, and again before the next one does', async () => {
    keeper.start();
    await vi.advanceTimersByTimeAsync(54 * MINUTE);
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1 * MINUTE + 1);
    expect(calls).toBe(1);
    expect(session.get()?.token).toBe('t1');
    await vi.advanceTimersByTimeAsync(55 * MINUTE + 1);
    expect(calls).toBe(2);
    expect(session.get()?.token).toBe('t2');
  });

  it('once refused (the 12 h limit), lets the token run out without asking again', async () => {
    outcomes = ['refused'];
    keeper.start();
    await vi.advanceTimersByTimeAsync(55 * MINUTE + 1);
    expect(calls).toBe(1);
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(calls).toBe(1);
    expect(session.get()?.token).toBe('t0');
  });

  it('tries again in 30 s when the service cannot be reached', async () => {
    outcomes = ['unreachable', 'unreachable', 'refreshed'];
    keeper.start();
    await vi.advanceTimersByTimeAsync(55 * MINUTE + 1);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(3);
    expect(session.get()?.token).toBe('t3');
  });

  it('refreshes at once when asked (the live socket was closed), once for callers at the same moment', async () => {
    keeper.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    const [a, b] = await Promise.all([keeper.renewNow(), keeper.renewNow()]);
    expect([a, b]).toEqual(['refreshed', 'refreshed']);
    expect(calls).toBe(1);
    expect(session.get()?.token).toBe('t1');
    // the next one follows the new token: 55 minutes on, not at the old token's time
    await vi.advanceTimersByTimeAsync(50 * MINUTE);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(5 * MINUTE + 1);
    expect(calls).toBe(2);
  });

  it('answers refused when the account was disabled, and asks no more for that token', async () => {
    outcomes = ['refused'];
    keeper.start();
    expect(await keeper.renewNow()).toBe('refused');
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(calls).toBe(1);
  });

  it('asks nothing after sign-out', async () => {
    keeper.start();
    keeper.stop();
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(calls).toBe(0);
  });
});
