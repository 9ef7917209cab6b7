/** Live updates over /ws/live: reconnects with exponential backoff and resumes with `since`. */
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

export interface LiveOptions {
  token: () => string | null;
  onMessage: (message: LiveMessage) => void;
  onStatus?: (status: LiveStatus) => void;
  baseUrl?: string;
  open?: (url: string) => SocketLike;
  initialDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

const POLICY_VIOLATION = 1008;

export class LiveClient {
  private socket: SocketLike | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private running = false;
  private lastSeq: number | null = null;
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
    this.clearTimer();
    this.dropSocket();
    this.setStatus('stopped');
  }

  /** Reconnects at once (the network came back, the phone woke up). */
  nudge(): void {
    if (!this.running || this.status === 'live' || this.status === 'connecting') return;
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
      if (ev.code === POLICY_VIOLATION) {
        this.running = false;
        this.setStatus('unauthorized');
        return;
      }
      this.scheduleReconnect();
    };
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
