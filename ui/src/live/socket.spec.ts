import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveMessage, type LiveStatus, type SocketLike } from './socket';

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
