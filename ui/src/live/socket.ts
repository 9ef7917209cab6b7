/**
 * Live updates over /ws/live: reconnects with exponential backoff and resumes with `since`. Closed with 4401
 * (its token ran out, or its user was disabled or changed), it refreshes the token and resumes at once.
 */
export interface LiveMessage {
  type: string;
  seq: number;
  [key: string]: unknown;
}

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorized' | 'stopped';

/** The part of the browser WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  close(code?: number): void;
}

/** What a refresh of the token came to (POST /api/login/refresh), as the session keeper reports it. */
export type Reauthorization = 'refreshed' | 'refused' | 'unreachable';

export interface LiveOptions {
  token: () => string | null;
  onMessage: (message: LiveMessage) => void;
  onStatus?: (status: LiveStatus) => void;
  /** Fetches a fresh token after the server closed the socket with 4401; without it, 4401 stops the client. */
  reauthorize?: () => Promise<Reauthorization>;
  /** The refresh was refused: the user was disabled, or her session is over. The client has stopped. */
  onSignedOut?: () => void;
  baseUrl?: string;
  open?: (url: string) => SocketLike;
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

const POLICY_VIOLATION = 1008;
/** The server's "token expired" or "signed out": its token ran out, or its user was disabled or changed. */
export const SIGNED_OFF = 4401;

/** What to do when the socket closes: resume after a backoff, refresh the token first, or give up. */
export type CloseDecision = 'reconnect' | 'refresh' | 'stop';

export function afterClose(code: number, canRefresh: boolean): CloseDecision {
  if (code === SIGNED_OFF) return canRefresh ? 'refresh' : 'stop';
  if (code === POLICY_VIOLATION) return 'stop';
  return 'reconnect';
}

/**
 * After a 4401 and a refresh: a fresh token reconnects at once (with since, so nothing is lost); a refused one
 * means she is signed out; an unreachable service is tried again after the usual backoff.
 */
export type RefreshDecision = 'reconnect-now' | 'sign-out' | 'reconnect-later';

export function afterRefresh(outcome: Reauthorization): RefreshDecision {
  if (outcome === 'refreshed') return 'reconnect-now';
  if (outcome === 'refused') return 'sign-out';
  return 'reconnect-later';
}

export class LiveClient {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private running = false;
  private lastSeq: number | null = null;
  /** Counts refreshes begun, so an answer that comes after a stop and a start is ignored. */
  private refreshes = 0;
  /** A refresh is out: reconnecting now would only offer the old token again. */
  private refreshing = false;
  status: LiveStatus = 'stopped';

  constructor(private readonly options: LiveOptions) {}

  get seq(): number | null {
    return this.lastSeq;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  stop(): void {
    this.running = false;
    this.refreshes += 1;
    this.refreshing = false;
    this.clearTimer();
    this.dropSocket();
    this.setStatus('stopped');
  }

  /** Reconnects at once (the network came back, the phone woke up). */
  nudge(): void {
    if (!this.running || this.refreshing || this.status === 'live' || this.status === 'connecting') return;
    this.clearTimer();
    this.connect();
  }

  url(): string {
    const base = this.options.baseUrl ?? defaultBase();
    const params = new URLSearchParams({ access_token: this.options.token() ?? '' });
    if (this.lastSeq !== null) params.set('since', String(this.lastSeq));
    return `${base}/ws/live?${params}`;
  }

  private connect(): void {
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const open = this.options.open ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
    const socket = open(this.url());
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket === socket) this.setStatus('live');
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.receive(ev.data);
    };
    socket.onerror = () => {};
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (!this.running) return;
      const decision = afterClose(ev.code, this.options.reauthorize !== undefined);
      if (decision === 'stop') {
        this.running = false;
        this.setStatus('unauthorized');
      } else if (decision === 'refresh') {
        void this.refreshThenResume();
      } else {
        this.scheduleReconnect();
      }
    };
  }

  /** Closed for its token or its user: a fresh token, then the same place in the stream (since = last seq). */
  private async refreshThenResume(): Promise<void> {
    this.setStatus('reconnecting');
    const run = ++this.refreshes;
    this.refreshing = true;
    let outcome: Reauthorization;
    try {
      outcome = await this.options.reauthorize!();
    } catch {
      outcome = 'unreachable';
    }
    // stopped, or stopped and started again, while the refresh was out: that decides, not this answer
    if (run !== this.refreshes) return;
    this.refreshing = false;
    if (!this.running) return;
    const next = afterRefresh(outcome);
    if (next === 'reconnect-now') {
      this.attempt = 0;
      this.connect();
    } else if (next === 'sign-out') {
      this.running = false;
      this.setStatus('unauthorized');
      this.options.onSignedOut?.();
    } else {
      this.scheduleReconnect();
    }
  }

  private receive(data: unknown): void {
    let message: LiveMessage;
    try {
      message = JSON.parse(String(data)) as LiveMessage;
    } catch {
      return;
    }
    if (typeof message.seq !== 'number') return;
    // A snapshot restarts the stream; anything else already seen is a duplicate after a resume.
    if (message.type !== 'snapshot' && this.lastSeq !== null && message.seq <= this.lastSeq) return;
    this.lastSeq = message.seq;
    this.options.onMessage(message);
  }

  private scheduleReconnect(): void {
    const initial = this.options.initialDelayMs ?? 1000;
    const max = this.options.maxDelayMs ?? 30_000;
    const random = this.options.random ?? Math.random;
    const ceiling = Math.min(max, initial * 2 ** this.attempt);
    const delay = Math.round(ceiling / 2 + (ceiling / 2) * random());
    this.attempt += 1;
    this.setStatus('reconnecting');
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.connect();
    }, delay);
  }

  private dropSocket(): void {
    const s = this.socket;
    this.socket = null;
    if (s) s.close(1000);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.options.onStatus?.(status);
  }
}

function defaultBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}
