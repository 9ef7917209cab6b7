import { refreshSession, session, type RefreshOutcome } from '../api';

/** How long before the token expires it is swapped for a fresh one. */
const AHEAD_MS = 5 * 60_000;
/** How soon to try again when the service could not be reached. */
const RETRY_MS = 30_000;

/**
 * Keeps a signed-in caseworker signed in through a night shift: the token (1 h) is refreshed a few
 * minutes before it expires, up to the service's 12 h limit. A phone that slept past the moment
 * tries as soon as it is looked at; once the service refuses, the token simply runs out.
 */
export class SessionKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private refusedAt: number | null = null;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') this.schedule(0);
  };

  constructor(private readonly refresh: () => Promise<RefreshOutcome> = refreshSession) {}

  start(): void {
    this.running = true;
    document.addEventListener('visibilitychange', this.onVisible);
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    this.clear();
  }

  private schedule(notBefore: number): void {
    this.clear();
    const current = session.get();
    if (!this.running || !current || this.refusedAt === current.expiresAt) return;
    const wait = Math.max(notBefore, current.expiresAt - AHEAD_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.renewOnce(current.expiresAt);
    }, wait);
  }

  /**
   * Refreshes at once, for the live socket the server closed (its token ran out, or its user was disabled or
   * changed); callers at the same moment share one request. The next scheduled refresh follows the new token.
   */
  renewNow(): Promise<RefreshOutcome> {
    this.clear();
    return this.renewOnce(session.get()?.expiresAt ?? 0);
  }

  private renewOnce(expiresAt: number): Promise<RefreshOutcome> {
    if (!this.inFlight) this.inFlight = this.renew(expiresAt).finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  private async renew(expiresAt: number): Promise<RefreshOutcome> {
    const outcome = await this.refresh();
    if (outcome === 'refused') {
      // not again for this token: it runs out, and the next call's 401 shows sign-in
      this.refusedAt = expiresAt;
      return outcome;
    }
    this.schedule(outcome === 'unreachable' ? RETRY_MS : 0);
    return outcome;
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
