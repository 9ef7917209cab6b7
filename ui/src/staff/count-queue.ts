import type { CountField } from './counts';

/**
 * Count changes made while the connection is down, kept per user and program and sent when it returns, each
 * conditional on the version the change was made on. No Lit and no fetch here: the caller gives the storage and
 * the two calls (PUT and GET a program's availability), so the rules below are tested on their own.
 *
 * Kept in sessionStorage (the token's own lifetime): a reload keeps them, a closed tab forgets them with the sign-in,
 * and two tabs never send the same change twice.
 */

/** The figures a change is made on: what the person saw, with its version. */
export interface Figures { available: number; outOfService: number; version: number }

/** One field changed offline; changes to the same field merge (4 -> 5 -> 6 is 4 -> 6). */
export interface QueuedChange { field: CountField; from: number; to: number }

/** A program's waiting changes, on the figures (and version) last read from the service. */
export interface QueuedEntry { programId: string; base: Figures; changes: QueuedChange[]; queuedAt: string }

export interface KeyValueStore { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void }

/** What the service said about a program's waiting changes. */
export type FlushOutcome<A extends Figures> =
  | { kind: 'sent'; programId: string; changes: QueuedChange[]; saved: A }
  /** 409: the figures changed after the change was made (current: what they are now, when it could be read). */
  | { kind: 'conflict'; programId: string; changes: QueuedChange[]; current: A | null }
  /** Another 4xx (422 beyond capacity, 403 no longer assigned, 404 gone): refused for good, with the service's words. */
  | { kind: 'refused'; programId: string; changes: QueuedChange[]; status: number; detail: string; current: A | null;
    /** The service's problem, said in the language shown (i18n/problem-text) rather than its English detail. */
    problem?: unknown };

export interface CountSender<A extends Figures> {
  put(programId: string, body: Figures): Promise<A>;
  get(programId: string): Promise<A>;
}

/** How a failed send is treated, from the error's HTTP status (0: no answer at all). */
export type Verdict = 'retry' | 'conflict' | 'refused';

export function verdictOf(status: number): Verdict {
  // No answer, the service failing, a timeout, too many requests, or the sign-in ended (the change waits for it).
  if (status === 0 || status >= 500 || status === 401 || status === 408 || status === 429) return 'retry';
  return status === 409 ? 'conflict' : 'refused';
}

export function storageKey(username: string): string {
  return `harbour.counts.waiting.${username}`;
}

/** The figures the person wants: the base with each change applied. */
export function wanted(entry: QueuedEntry): Figures {
  const next = { ...entry.base };
  for (const c of entry.changes) next[c.field] = c.to;
  return next;
}

/**
 * The entry after one more change to `field` (made on `shown`, the figures on screen). A change back to where
 * the field started cancels it; no changes left, no entry (null).
 */
export function withChange(entry: QueuedEntry | null, programId: string, base: Figures, field: CountField, to: number,
  now: Date = new Date()): QueuedEntry | null {
  const current = entry ?? { programId, base: { ...base }, changes: [], queuedAt: now.toISOString() };
  const from = wanted(current)[field];
  if (from === to) return entry;
  const earlier = current.changes.find((c) => c.field === field);
  const changes = earlier
    ? current.changes.map((c) => (c.field === field ? { ...c, to } : c)).filter((c) => c.from !== c.to)
    : [...current.changes, { field, from, to }];
  return changes.length ? { ...current, changes } : null;
}

function errorStatus(e: unknown): number {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : 0;
}

function errorDetail(e: unknown): string {
  const p = e as { detail?: unknown; title?: unknown; errors?: { message?: unknown }[] } | null;
  const first = p?.errors?.[0]?.message;
  for (const text of [first, p?.detail, p?.title]) if (typeof text === 'string' && text) return text;
  return '';
}

export class CountQueue<A extends Figures> {
  private flushing: Promise<FlushOutcome<A>[]> | null = null;
  private readonly sending = new Set<string>();

  /** `onChange` is told whenever the waiting changes do (queued, sent, refused). */
  constructor(private readonly storage: KeyValueStore | null, private readonly key: string,
    private readonly onChange: () => void = () => {}) {}

  /** Read from storage every time, so a reload (or another component) sees the same list. */
  entries(): QueuedEntry[] {
    try {
      const list = JSON.parse(this.storage?.getItem(this.key) ?? '[]') as QueuedEntry[];
      return Array.isArray(list) ? list.filter((e) => e && typeof e.programId === 'string' && Array.isArray(e.changes)) : [];
    } catch {
      return [];
    }
  }

  entry(programId: string): QueuedEntry | null {
    return this.entries().find((e) => e.programId === programId) ?? null;
  }

  /** How many changes wait, all programs together. */
  waiting(): number {
    return this.entries().reduce((n, e) => n + e.changes.length, 0);
  }

  /** While a program's changes are on their way, its buttons wait too (a new change would race the send). */
  isSending(programId: string): boolean {
    return this.sending.has(programId);
  }

  /** What the screen shows: the wanted figures while changes wait, else the service's. */
  shown<F extends Figures>(programId: string, server: F): F {
    const e = this.entry(programId);
    return e ? { ...server, ...wanted(e), version: server.version } : server;
  }

  /** Keeps a change to send later; `server` is the last figure read from the service (its version is the condition). */
  add(programId: string, server: Figures, field: CountField, to: number, now: Date = new Date()): QueuedEntry | null {
    const next = withChange(this.entry(programId), programId, server, field, to, now);
    this.write(this.entries().filter((e) => e.programId !== programId).concat(next ? [next] : []));
    this.onChange();
    return next;
  }

  /** Sends every program's waiting changes, one program at a time; one flush at once (later calls share it). */
  flush(sender: CountSender<A>): Promise<FlushOutcome<A>[]> {
    if (!this.flushing) {
      this.flushing = this.sendAll(sender).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async sendAll(sender: CountSender<A>): Promise<FlushOutcome<A>[]> {
    const outcomes: FlushOutcome<A>[] = [];
    for (const entry of this.entries()) {
      this.sending.add(entry.programId);
      this.onChange();
      let outcome: FlushOutcome<A> | 'retry';
      try {
        outcome = await this.sendOne(entry, sender);
      } finally {
        this.sending.delete(entry.programId);
      }
      if (outcome === 'retry') {
        this.onChange();
        break; // still no connection (or no service): the rest would fail the same way
      }
      this.write(this.entries().filter((e) => e.programId !== entry.programId));
      outcomes.push(outcome);
      this.onChange();
    }
    return outcomes;
  }

  private async sendOne(entry: QueuedEntry, sender: CountSender<A>): Promise<FlushOutcome<A> | 'retry'> {
    const body = wanted(entry);
    const { programId, changes } = entry;
    try {
      return { kind: 'sent', programId, changes, saved: await sender.put(programId, body) };
    } catch (e) {
      const status = errorStatus(e);
      const verdict = verdictOf(status);
      if (verdict === 'retry') return 'retry';
      const current = await sender.get(programId).catch(() => null);
      // Already what she wanted (the first try did arrive, or someone set the same): nothing was lost.
      if (current && current.available === body.available && current.outOfService === body.outOfService) {
        return { kind: 'sent', programId, changes, saved: current };
      }
      return verdict === 'conflict'
        ? { kind: 'conflict', programId, changes, current }
        : { kind: 'refused', programId, changes, status, detail: errorDetail(e), current, problem: e };
    }
  }

  private write(list: QueuedEntry[]): void {
    try {
      if (list.length) this.storage?.setItem(this.key, JSON.stringify(list));
      else this.storage?.removeItem(this.key);
    } catch {
      /* storage full or off: the change is still on screen and in this call's result */
    }
  }
}
