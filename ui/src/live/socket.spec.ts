import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LiveClient, SIGNED_OFF, afterClose, afterRefresh, type LiveMessage, type LiveStatus, type Reauthorization, type SocketLike,
} from './socket';

class FakeSocket implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
  serverOpens(): void {
    this.onopen?.({});
  }
  serverSends(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  serverCloses(code = 1006): void {
    this.onclose?.({ code });
  }
}

describe('LiveClient', () => {
  let sockets: FakeSocket[];
  let messages: LiveMessage[];
  let statuses: LiveStatus[];
  let client: LiveClient;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    messages = [];
    statuses = [];
    client = new LiveClient({
      token: () => 'tok',
      baseUrl: 'ws://harbour.test',
      open: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onMessage: (m) => messages.push(m),
      onStatus: (s) => statuses.push(s),
      initialDelayMs: 1000,
      maxDelayMs: 8000,
      random: () => 1,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('connects with the token and no since, then reports live', () => {
    client.start();
    expect(sockets[0].url).toBe('ws://harbour.test/ws/live?access_token=tok');
    sockets[0].serverOpens();
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('reconnects after a drop and resumes from the last seq', () => {
    client.start();
    sockets[0].serverOpens();
    sockets[0].serverSends({ type: 'snapshot', seq: 10, availability: [] });
    sockets[0].serverSends({ type: 'availability.changed', seq: 11, availability: {} });
    sockets[0].serverCloses();
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toContain('since=11');
  });

  it('backs off exponentially up to the maximum and resets after a message', () => {
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = sockets.length;
      sockets[sockets.length - 1].serverCloses();
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    const last = sockets[sockets.length - 1];
    last.serverOpens();
    last.serverSends({ type: 'snapshot', seq: 1, availability: [] });
    last.serverCloses();
    vi.advanceTimersByTime(1000);
    expect(sockets[sockets.length - 1]).not.toBe(last);
  });

  it('drops duplicates replayed after a resume but accepts a new snapshot', () => {
    client.start();
    sockets[0].serverSends({ type: 'snapshot', seq: 5, availability: [] });
    sockets[0].serverSends({ type: 'hold.created', seq: 6 });
    sockets[0].serverSends({ type: 'hold.created', seq: 6 });
    sockets[0].serverSends({ type: 'snapshot', seq: 3, availability: [] });
    expect(messages.map((m) => m.seq)).toEqual([5, 6, 3]);
  });

  it('stops retrying when the server refuses the token', () => {
    client.start();
    sockets[0].serverCloses(1008);
    expect(client.status).toBe('unauthorized');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('stop closes the socket and cancels any retry', () => {
    client.start();
    sockets[0].serverCloses();
    client.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    client.start();
    expect(sockets).toHaveLength(2);
    client.stop();
    expect(sockets[1].closed).toBe(true);
    expect(client.status).toBe('stopped');
  });

  it('nudge reconnects at once while waiting to retry', () => {
    client.start();
    sockets[0].serverCloses();
    client.nudge();
    expect(sockets).toHaveLength(2);
  });

  it('ignores malformed frames', () => {
    client.start();
    sockets[0].onmessage?.({ data: 'not json' });
    sockets[0].onmessage?.({ data: '{"type":"x"}' });
    expect(messages).toHaveLength(0);
  });
});

describe('what a close leads to', () => {
  it('refreshes on 4401 when it can, stops on 1008, and otherwise reconnects', () => {
    expect(afterClose(SIGNED_OFF, true)).toBe('refresh');
    expect(afterClose(SIGNED_OFF, false)).toBe('stop');
    expect(afterClose(1008, true)).toBe('stop');
    for (const code of [1000, 1001, 1006, 1011, 1013]) expect(afterClose(code, true)).toBe('reconnect');
  });

  it('a fresh token reconnects at once, a refused one signs out, an unreachable service waits', () => {
    expect(afterRefresh('refreshed')).toBe('reconnect-now');
    expect(afterRefresh('refused')).toBe('sign-out');
    expect(afterRefresh('unreachable')).toBe('reconnect-later');
  });
});

describe('LiveClient closed for its token or its user (4401)', () => {
  let sockets: FakeSocket[];
  let messages: LiveMessage[];
  let token: string;
  let outcomes: Reauthorization[];
  let refreshes: number;
  let signedOut: number;
  let client: LiveClient;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    messages = [];
    token = 'old';
    outcomes = [];
    refreshes = 0;
    signedOut = 0;
    client = new LiveClient({
      token: () => token,
      baseUrl: 'ws://harbour.test',
      open: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onMessage: (m) => messages.push(m),
      reauthorize: async () => {
        refreshes += 1;
        const outcome = outcomes.shift() ?? 'refreshed';
        if (outcome === 'refreshed') token = `fresh${refreshes}`;
        return outcome;
      },
      onSignedOut: () => (signedOut += 1),
      initialDelayMs: 1000,
      maxDelayMs: 8000,
      random: () => 1,
    });
    client.start();
    sockets[0].serverOpens();
    sockets[0].serverSends({ type: 'snapshot', seq: 40, availability: [] });
    sockets[0].serverSends({ type: 'availability.changed', seq: 41, availability: {} });
  });
  afterEach(() => vi.useRealTimers());

  it('refreshes the token and reconnects at once with it, where it left off', async () => {
    sockets[0].serverCloses(SIGNED_OFF);
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes).toBe(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toBe('ws://harbour.test/ws/live?access_token=fresh1&since=41');
    sockets[1].serverSends({ type: 'availability.changed', seq: 42, availability: {} });
    expect(messages.map((m) => m.seq)).toEqual([40, 41, 42]);
    expect(signedOut).toBe(0);
  });

  it('signs out when the refresh is refused, and tries nothing more', async () => {
    outcomes = ['refused'];
    sockets[0].serverCloses(SIGNED_OFF);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signedOut).toBe(1);
    expect(client.status).toBe('unauthorized');
    expect(sockets).toHaveLength(1);
  });

  it('waits out the backoff when the service cannot be reached, then resumes', async () => {
    outcomes = ['unreachable'];
    sockets[0].serverCloses(SIGNED_OFF);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(sockets[1].url).toContain('since=41');
    expect(signedOut).toBe(0);
  });

  it('does not reconnect with the old token while the refresh is out, nor after a stop', async () => {
    let answer: (o: Reauthorization) => void = () => {};
    const slow = new LiveClient({
      token: () => token,
      baseUrl: 'ws://harbour.test',
      open: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onMessage: () => {},
      reauthorize: () => new Promise((resolve) => (answer = resolve)),
    });
    slow.start();
    const first = sockets.length;
    sockets[first - 1].serverCloses(SIGNED_OFF);
    slow.nudge();
    expect(sockets).toHaveLength(first);
    slow.stop();
    answer('refreshed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(first);
    expect(slow.status).toBe('stopped');
  });

  it('without a way to refresh, 4401 stops it like a refused token', () => {
    const plain = new LiveClient({
      token: () => token,
      baseUrl: 'ws://harbour.test',
      open: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      onMessage: () => {},
    });
    plain.start();
    sockets[sockets.length - 1].serverCloses(SIGNED_OFF);
    expect(plain.status).toBe('unauthorized');
  });
});
