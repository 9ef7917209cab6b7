import { api, session, type Facility, type Me, type Program, type Region } from '../api';
import { regionName } from '../i18n';
import { BoardStore } from '../live/board-store';
import { isDoorNotice, noticeFrom, offerAlias, type Notice } from '../live/notices';
import { clientOfHold } from '../door/hold-memory';
import { LiveClient, type LiveMessage, type LiveStatus, type Reauthorization } from '../live/socket';

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
  private readonly live: LiveClient;
  private readonly onOnline = () => this.live.nudge();

  private readonly changed: () => void;
  private readonly liveListeners = new Set<(m: LiveMessage) => void>();

  constructor(onChange: () => void, hooks?: SessionHooks) {
    this.changed = () => {
      this.revision += 1;
      onChange();
    };
    const changed = this.changed;
    this.store = new BoardStore(changed);
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
        this.liveListeners.forEach((listener) => listener(m));
      },
      onStatus: (s) => {
        this.liveStatus = s;
        changed();
      },
    });
  }

  async start(): Promise<void> {
    this.live.start();
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onOnline);
    try {
      const [me, facilities, availability, regions] = await Promise.all([
        api.me(), api.facilities(), api.availability(), api.regions()]);
      this.regionList = regions;
      this.me = me;
      this.programs = new Map();
      for (const f of facilities) for (const p of f.programs) this.programs.set(String(p.id), { program: p, facility: f });
      // The socket's snapshot may already be newer; upsert keeps the higher version.
      for (const a of availability) this.store.upsert(a);
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

  /** Names a door outcome's client: from the holds this browser took, else from her organization's holds. */
  private async nameDoor(n: Notice): Promise<void> {
    try {
      let clientId = clientOfHold(n.holdId!);
      if (!clientId) {
        const holds = await api.programHolds(n.programId).catch(() => []);
        const hold = holds.find((h) => String(h.id) === n.holdId);
        clientId = hold?.clientId != null ? String(hold.clientId) : null;
      }
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

  stop(): void {
    this.live.stop();
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onOnline);
  }
}
