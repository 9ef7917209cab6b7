import { api, session, type Availability, type Facility, type Me, type Program, type Region } from '../api';
import { regionName } from '../i18n';
import { BoardStore } from '../live/board-store';
import { isDoorNotice, noticeFrom, offerAlias, type Notice } from '../live/notices';
import { clientOfHold } from '../door/hold-memory';
import { HoldDirectory } from '../door/hold-directory';
import { LiveClient, type LiveMessage, type LiveStatus, type Reauthorization } from '../live/socket';
import { CountQueue, storageKey, type FlushOutcome } from '../staff/count-queue';

export interface ProgramInfo { program: Program; facility: Facility }

/** How the live socket gets a fresh token when the server closes it (4401), and what ends the session. */
export interface SessionHooks {
  reauthorize: () => Promise<Reauthorization>;
  onSignedOut: () => void;
}

/** What every signed-in screen shares: who I am, the programs' rules and the live figures. */
export class DashboardData {
  me: Me | null = null;
  programs = new Map<string, ProgramInfo>();
  private regionList: Region[] = [];
  liveStatus: LiveStatus = 'stopped';
  error: unknown = null;
  /** Waitlist offers and placements ending, newest first, until dismissed. */
  notices: Notice[] = [];
  /** Goes up on every change, so views given the same DashboardData still re-render. */
  revision = 0;
  readonly store: BoardStore;
  /** Staff count changes made offline, kept per user and sent when the connection returns. */
  readonly counts: CountQueue<Availability>;
  /** What became of each program's offline changes, until the person has seen it (by program id). */
  countOutcomes = new Map<string, FlushOutcome<Availability>>();
  private readonly live: LiveClient;
  private readonly onOnline = () => {
    this.live.nudge();
    void this.flushCounts();
  };
  private readonly onOffline = () => this.changed();
  private retry: ReturnType<typeof setInterval> | null = null;
  /** The organization's holds by id, so a door outcome names her whichever tab or phone took the hold. */
  private readonly holds = new HoldDirectory((programId) => api.programHolds(programId));

  private readonly changed: () => void;
  private readonly liveListeners = new Set<(m: LiveMessage) => void>();

  constructor(onChange: () => void, hooks?: SessionHooks) {
    this.changed = () => {
      this.revision += 1;
      onChange();
    };
    const changed = this.changed;
    this.store = new BoardStore(changed);
    this.counts = new CountQueue<Availability>(sessionStore(), storageKey(session.get()?.username ?? ''), changed);
    this.live = new LiveClient({
      token: () => session.get()?.token ?? null,
      reauthorize: hooks?.reauthorize,
      onSignedOut: hooks?.onSignedOut,
      onMessage: (m) => {
        const notice = noticeFrom(m);
        // Door outcomes are the caseworker's news; the shelter's own staff see them on "Coming tonight".
        const forMe = notice && (!isDoorNotice(notice) || this.caseworkerOrAdmin());
        if (notice && forMe && !this.notices.some((n) => n.id === notice.id)) {
          this.notices = [notice, ...this.notices].slice(0, 5);
          changed();
          if (notice.kind === 'offered') void this.nameOffer(notice);
          if (isDoorNotice(notice)) void this.nameDoor(notice);
        }
        this.store.apply(m);
        this.learnHolds(m);
        this.liveListeners.forEach((listener) => listener(m));
      },
      onStatus: (s) => {
        this.liveStatus = s;
        changed();
        // The socket is back: so is the connection, whether or not the browser said "online".
        if (s === 'live') void this.flushCounts();
      },
    });
  }

  async start(): Promise<void> {
    this.live.start();
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    document.addEventListener('visibilitychange', this.onOnline);
    // "online" is not always told (a Wi-Fi without internet): waiting changes are tried again every 15 s.
    this.retry = setInterval(() => void this.flushCounts(), 15_000);
    void this.flushCounts();
    try {
      const [me, facilities, availability, regions] = await Promise.all([
        api.me(), api.facilities(), api.availability(), api.regions()]);
      this.regionList = regions;
      this.me = me;
      this.programs = new Map();
      for (const f of facilities) for (const p of f.programs) this.programs.set(String(p.id), { program: p, facility: f });
      // The socket's snapshot may already be newer; upsert keeps the higher version.
      for (const a of availability) this.store.upsert(a);
      this.learnHeld(availability);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
    this.changed();
  }

  /** Region names by code, in the language shown now. */
  get regions(): Map<string, string> {
    return new Map(this.regionList.map((r) => [r.code, regionName(r)]));
  }

  /** Every live message, for screens that read their own lists again (waitlists); returns the unsubscribe. */
  onLive(listener: (m: LiveMessage) => void): () => void {
    this.liveListeners.add(listener);
    return () => this.liveListeners.delete(listener);
  }

  /** "Facility — Program" from the board figures or the facilities loaded at start. */
  programLabel(programId: string): string | undefined {
    const figure = this.store.get(programId);
    if (figure) return `${figure.facilityName} — ${figure.programName}`;
    const info = this.programs.get(programId);
    return info ? `${info.facility.name} — ${info.program.name}` : undefined;
  }

  /** Names the offer's client (her alias, from this caseworker's own lists; the message never carries it). */
  private async nameOffer(n: Notice): Promise<void> {
    try {
      const [entries, clients] = await Promise.all([api.waitlist(), api.clientList()]);
      const alias = offerAlias(n.entryId, entries, clients);
      if (!alias) return;
      this.notices = this.notices.map((x) => (x.id === n.id ? { ...x, alias } : x));
      this.changed();
    } catch {
      /* the notice still says which program */
    }
  }

  private caseworkerOrAdmin(): boolean {
    const roles = session.get()?.roles ?? [];
    return roles.includes('CASEWORKER') || roles.includes('ADMIN');
  }

  /**
   * Caseworkers (and ADMIN) learn their organization's holds while they are active: a new hold's program is read
   * again; a snapshot (after a reconnect) reads the programs with a bed held. The door's outcome comes later.
   */
  private learnHolds(m: LiveMessage): void {
    if (!this.caseworkerOrAdmin()) return;
    if (m.type === 'hold.created' && m.programId != null) void this.holds.refresh(String(m.programId));
    if (m.type === 'snapshot' && Array.isArray(m.availability)) this.learnHeld(m.availability as Availability[]);
  }

  private learnHeld(figures: Availability[]): void {
    if (!this.caseworkerOrAdmin()) return;
    // Bounded: a reconnect must not become a burst of reads; the newest holds also come by hold.created.
    for (const a of figures.filter((f) => f.held > 0).slice(0, 40)) void this.holds.refresh(String(a.programId));
  }

  /** Names a door outcome's client: from the holds this browser took, else from her organization's holds. */
  private async nameDoor(n: Notice): Promise<void> {
    try {
      const clientId = clientOfHold(n.holdId!) ?? await this.holds.clientOf(n.holdId!, n.programId);
      if (!clientId) return;
      const clients = await api.clientList();
      const alias = clients.find((c) => String(c.id) === clientId)?.alias;
      this.notices = this.notices.map((x) => (x.id === n.id ? { ...x, clientId: clientId!, ...(alias ? { alias } : {}) } : x));
      this.changed();
    } catch {
      /* the notice still says which program and what happened */
    }
  }

  dismiss(id: string): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.changed();
  }

  /** A program's name from the board figures, or from the facilities loaded at start. */
  programName(programId: string): string | undefined {
    return this.store.get(programId)?.programName ?? this.programs.get(programId)?.program.name;
  }

  /** Sends the waiting count changes; what the service said stays on the program's counter until seen. */
  async flushCounts(): Promise<void> {
    if (this.counts.waiting() === 0 || (typeof navigator !== 'undefined' && navigator.onLine === false)) return;
    const outcomes = await this.counts.flush({
      put: (id, body) => api.updateAvailability(id, body),
      get: (id) => api.programAvailability(id),
    });
    for (const o of outcomes) {
      const figure = o.kind === 'sent' ? o.saved : o.current;
      if (figure) this.store.upsert(figure);
      this.countOutcomes.set(o.programId, o);
    }
    if (outcomes.length) this.changed();
  }

  /** The person has read what became of a program's offline changes (or made a new one). */
  seenCountOutcome(programId: string): void {
    if (this.countOutcomes.delete(programId)) this.changed();
  }

  /** Whether the browser says it is offline (the socket may take a while to notice). */
  get offline(): boolean {
    return typeof navigator !== 'undefined' && navigator.onLine === false;
  }

  stop(): void {
    this.live.stop();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    document.removeEventListener('visibilitychange', this.onOnline);
    if (this.retry) clearInterval(this.retry);
  }
}

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
