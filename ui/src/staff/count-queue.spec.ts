import { describe, expect, it } from 'vitest';
import { CountQueue, storageKey, verdictOf, wanted, withChange, type CountSender, type Figures, type KeyValueStore } from './count-queue';

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

/** A service in memory: one program's figures with a version; `down` answers nothing (status 0). */
class FakeService implements CountSender<Figures> {
  figures = new Map<string, Figures>();
  down = false;
  capacity = 10;
  puts: { programId: string; body: Figures }[] = [];

  async put(programId: string, body: Figures): Promise<Figures> {
    this.puts.push({ programId, body });
    if (this.down) throw { status: 0 };
    const now = this.figures.get(programId)!;
    if (body.version !== now.version) throw { status: 409, title: 'Conflict', detail: 'version 3 is not current' };
    if (body.available + body.outOfService > this.capacity) {
      throw { status: 422, title: 'Invalid', errors: [{ field: 'available', message: 'available + outOfService must not exceed capacity 10' }] };
    }
    const saved = { available: body.available, outOfService: body.outOfService, version: now.version + 1 };
    this.figures.set(programId, saved);
    return saved;
  }

  async get(programId: string): Promise<Figures> {
    if (this.down) throw { status: 0 };
    return this.figures.get(programId)!;
  }
}

const base: Figures = { available: 4, outOfService: 0, version: 3 };
const at = new Date('2026-11-21T04:00:00Z');

describe('count queue: changes merge', () => {
  it('keeps the first figure and the last wanted one for a field', () => {
    let e = withChange(null, '7', base, 'available', 5, at);
    e = withChange(e, '7', base, 'available', 6, at);
    expect(e).toEqual({ programId: '7', base, changes: [{ field: 'available', from: 4, to: 6 }], queuedAt: at.toISOString() });
    expect(wanted(e!)).toEqual({ available: 6, outOfService: 0, version: 3 });
  });

  it('keeps both fields, on the version first shown', () => {
    let e = withChange(null, '7', base, 'available', 3, at);
    e = withChange(e, '7', { available: 9, outOfService: 9, version: 99 }, 'outOfService', 1, at);
    expect(e!.changes).toEqual([{ field: 'available', from: 4, to: 3 }, { field: 'outOfService', from: 0, to: 1 }]);
    expect(wanted(e!)).toEqual({ available: 3, outOfService: 1, version: 3 });
  });

  it('forgets a change that goes back to where it started', () => {
    const e = withChange(null, '7', base, 'available', 5, at);
    expect(withChange(e, '7', base, 'available', 4, at)).toBeNull();
    const both = withChange(withChange(e, '7', base, 'outOfService', 2, at), '7', base, 'available', 4, at);
    expect(both!.changes).toEqual([{ field: 'outOfService', from: 0, to: 2 }]);
  });

  it('ignores a change to the figure already wanted', () => {
    expect(withChange(null, '7', base, 'available', 4, at)).toBeNull();
  });
});

describe('count queue: what a failed send means', () => {
  it('waits on no answer, a failing service or an ended sign-in; a 409 is a conflict; other 4xx are refusals', () => {
    expect([0, 500, 503, 401, 408, 429].map(verdictOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry', 'retry']);
    expect(verdictOf(409)).toBe('conflict');
    expect([400, 403, 404, 422].map(verdictOf)).toEqual(['refused', 'refused', 'refused', 'refused']);
  });
});

describe('count queue: kept per user, sent when the connection returns', () => {
  const setUp = () => {
    const storage = new MemoryStore();
    const service = new FakeService();
    service.figures.set('7', { ...base });
    service.figures.set('8', { available: 2, outOfService: 1, version: 10 });
    let changes = 0;
    const queue = new CountQueue<Figures>(storage, storageKey('desk-1'), () => changes++);
    return { storage, service, queue, changed: () => changes };
  };

  it('stores the waiting changes under the user, and a new queue (a reload) reads them back', () => {
    const { storage, queue, changed } = setUp();
    queue.add('7', base, 'available', 5, at);
    queue.add('8', { available: 2, outOfService: 1, version: 10 }, 'outOfService', 0, at);
    expect(changed()).toBe(2);
    expect([...storage.map.keys()]).toEqual(['harbour.counts.waiting.desk-1']);
    const again = new CountQueue<Figures>(storage, storageKey('desk-1'));
    expect(again.waiting()).toBe(2);
    expect(again.shown('7', { ...base, version: 3 })).toEqual({ available: 5, outOfService: 0, version: 3 });
    expect(new CountQueue<Figures>(storage, storageKey('someone-else')).waiting()).toBe(0);
  });

  it('keeps everything while there is no connection, and sends it, conditional on the version, when it returns', async () => {
    const { service, queue } = setUp();
    queue.add('7', base, 'available', 5, at);
    queue.add('7', base, 'available', 6, at);
    queue.add('8', { available: 2, outOfService: 1, version: 10 }, 'outOfService', 0, at);
    service.down = true;
    expect(await queue.flush(service)).toEqual([]);
    expect(queue.waiting()).toBe(2);
    expect(service.puts).toHaveLength(1); // the first program failed: the second was not tried
    service.down = false;
    const outcomes = await queue.flush(service);
    expect(outcomes.map((o) => o.kind)).toEqual(['sent', 'sent']);
    expect(service.puts.slice(1).map((p) => p.body)).toEqual([
      { available: 6, outOfService: 0, version: 3 }, { available: 2, outOfService: 0, version: 10 }]);
    expect(service.figures.get('7')).toEqual({ available: 6, outOfService: 0, version: 4 });
    expect(queue.waiting()).toBe(0);
  });

  it('refuses a change when someone else saved first, and says what the figures are now', async () => {
    const { service, queue } = setUp();
    queue.add('7', base, 'available', 6, at);
    service.figures.set('7', { available: 2, outOfService: 0, version: 4 }); // the night manager, from her phone
    const [o] = await queue.flush(service);
    expect(o).toEqual({ kind: 'conflict', programId: '7', changes: [{ field: 'available', from: 4, to: 6 }],
      current: { available: 2, outOfService: 0, version: 4 } });
    expect(queue.waiting()).toBe(0);
    expect(service.figures.get('7')!.available).toBe(2);
  });

  it('counts a change that already arrived (its answer was lost) as sent, not refused', async () => {
    const { service, queue } = setUp();
    queue.add('7', base, 'available', 6, at);
    service.figures.set('7', { available: 6, outOfService: 0, version: 4 });
    const [o] = await queue.flush(service);
    expect(o.kind).toBe('sent');
  });

  it('refuses for good what the service calls invalid, with its words', async () => {
    const { service, queue } = setUp();
    service.capacity = 5;
    queue.add('7', base, 'outOfService', 3, at);
    const [o] = await queue.flush(service);
    expect(o).toMatchObject({ kind: 'refused', status: 422, detail: 'available + outOfService must not exceed capacity 10',
      current: { available: 4, outOfService: 0, version: 3 } });
    expect(queue.waiting()).toBe(0);
  });

  it('sends once when asked twice at the same time', async () => {
    const { service, queue } = setUp();
    queue.add('7', base, 'available', 5, at);
    const [a, b] = await Promise.all([queue.flush(service), queue.flush(service)]);
    expect(a).toBe(b);
    expect(service.puts).toHaveLength(1);
  });

  it('says which program is being sent while it is', async () => {
    const { service, queue } = setUp();
    queue.add('7', base, 'available', 5, at);
    let during = false;
    const slow: CountSender<Figures> = { put: async (id, body) => { during = queue.isSending(id); return service.put(id, body); }, get: (id) => service.get(id) };
    await queue.flush(slow);
    expect(during).toBe(true);
    expect(queue.isSending('7')).toBe(false);
  });

  it('survives storage that is broken or off', () => {
    const broken: KeyValueStore = { getItem: () => '{not json', setItem: () => { throw new Error('full'); }, removeItem: () => {} };
    const q = new CountQueue<Figures>(broken, 'k');
    expect(q.entries()).toEqual([]);
    expect(() => q.add('7', base, 'available', 5, at)).not.toThrow();
    expect(new CountQueue<Figures>(null, 'k').waiting()).toBe(0);
  });
});
