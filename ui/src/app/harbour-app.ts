import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { session, setPasswordChangeHandler, setUnauthorizedHandler, signOut } from '../api';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { DashboardData } from './dashboard-data';
import { SessionKeeper } from './session-keeper';
import type { SignInReason } from './sign-in';
import { canonicalHash, hashDetail, parseHash, type RouteId } from './routes';
import './sign-in';
import './change-password';
import './app-header';
import '../board/live-board';
import '../staff/staff-view';
import '../find/find-bed';
import '../reports/capacity-report';
import '../clients/clients-view';
import '../clients/client-timeline';
import '../waitlist/waitlist-view';
import { isDoorNotice, noticeLink, noticeLinkKey, noticeText } from '../live/notices';
import '../reports/turnaway-report';
import '../admin/admin-view';

@customElement('harbour-app')
export class HarbourApp extends LitElement {
  static styles = [shared, css`
    main { max-width: 72rem; margin: 0 auto; padding: 1rem 0.75rem 3rem; }
    .skip { position: absolute; left: -999px; top: 0; background: var(--accent); color: var(--accent-text); padding: 0.6rem; z-index: 10; }
    .skip:focus { left: 0.5rem; }
    .notices { display: grid; gap: 0.5rem; }
    .notices.some { margin-bottom: 1rem; }
    .notice button { flex-shrink: 0; padding: 0.5rem 0.75rem; }
    .notice .next { display: flex; width: fit-content; margin-top: 0.5rem; }
    .notice { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; border-color: var(--accent); border-width: 2px; }
  `];

  @state() private signedIn = session.get() !== null;
  @state() private route: RouteId = 'board';
  /** The hash after the screen: a client's id (#/clients/12) or a preselected client (#/find?client=12). */
  @state() private detail = hashDetail('');
  /** Why the sign-in screen shows: the token ran out, or the live socket's refresh was refused. */
  @state() private ended: SignInReason = 'none';
  /** Signed in with a password an admin set: only the password change is shown until it is done. */
  @state() private mustChange = session.get()?.mustChangePassword === true;
  @state() private now = Date.now();
  private data: DashboardData | null = null;
  private readonly keeper = new SessionKeeper();
  private tick: ReturnType<typeof setInterval> | null = null;
  private readonly onHash = () => {
    this.syncRoute();
    // A new screen: move focus to it, as a page load would (the skip link stays first on a real load).
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus());
  };

  constructor() {
    super();
    new LocaleController(this);
    setUnauthorizedHandler(() => this.end('expired'));
    setPasswordChangeHandler(() => this.holdForPasswordChange());
  }

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.tick = setInterval(() => (this.now = Date.now()), 30_000);
    if (this.signedIn) this.begin();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    if (this.tick) clearInterval(this.tick);
    this.data?.stop();
    this.keeper.stop();
  }

  private begin(): void {
    this.signedIn = true;
    this.ended = 'none';
    this.keeper.start();
    if (session.get()?.mustChangePassword) {
      // no data, no socket: the service would refuse them all until the password is changed
      this.mustChange = true;
      return;
    }
    this.mustChange = false;
    this.syncRoute();
    this.data = new DashboardData(() => this.requestUpdate(), {
      reauthorize: () => this.keeper.renewNow(),
      onSignedOut: () => this.end('signedOut'),
    });
    void this.data.start();
  }

  /** An admin reset the password while she was signed in: the screens give way to the password change. */
  private holdForPasswordChange(): void {
    if (this.mustChange) return;
    this.data?.stop();
    this.data = null;
    this.mustChange = true;
  }

  private passwordChanged(): void {
    const s = session.get();
    if (s) session.set({ ...s, mustChangePassword: false });
    this.begin();
  }

  private end(reason: SignInReason): void {
    this.keeper.stop();
    this.data?.stop();
    this.data = null;
    signOut();
    this.signedIn = false;
    this.ended = reason;
    history.replaceState(null, '', location.pathname);
  }

  private syncRoute(): void {
    const roles = session.get()?.roles ?? [];
    this.route = parseHash(location.hash, roles);
    const wanted = canonicalHash(location.hash, this.route);
    if (location.hash !== wanted) history.replaceState(null, '', wanted);
    this.detail = hashDetail(wanted);
  }

  updated(): void {
    document.title = !this.signedIn ? `${t('signIn.title')} · ${t('app.name')}`
      : this.mustChange ? `${t('password.title')} · ${t('app.name')}` : `${t(`nav.${this.route}`)} · ${t('app.name')}`;
  }

  render() {
    if (!this.signedIn || !session.get()) {
      return html`<harbour-sign-in .reason=${this.ended} @signed-in=${() => this.begin()}></harbour-sign-in>`;
    }
    const s = session.get()!;
    if (this.mustChange) {
      return html`<harbour-change-password .username=${s.username} @password-changed=${() => this.passwordChanged()}
        @sign-out=${() => this.end('none')}></harbour-change-password>`;
    }
    return html`
      <harbour-header .route=${this.route} .roles=${s.roles} .username=${s.username}
        .liveStatus=${this.data?.liveStatus ?? 'stopped'} @sign-out=${() => this.end('none')}>
        <a slot="skip" class="skip" href="#main" @click=${this.skip}>${t('app.skip')}</a>
      </harbour-header>
      <main id="main" tabindex="-1">${this.notices()}${this.view()}</main>
    `;
  }

  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** Live notices for caseworkers; the status region is always there so screen readers announce additions. */
  private notices() {
    const d = this.data;
    const list = d?.notices ?? [];
    return html`<section class="notices ${list.length ? 'some' : ''}" role="status" aria-label=${t('notice.title')}>
      ${list.map((n) => html`<p class="card notice" data-notice=${n.kind}>
        <span>${noticeText(n, d?.programName(n.programId))}
          <a href=${noticeLink(n)} data-link=${noticeLinkKey(n)}
            class=${isDoorNotice(n) ? 'button next' : ''}>${t(noticeLinkKey(n))}</a></span>
        <button type="button" class="secondary" @click=${() => d?.dismiss(n.id)}>${t('notice.dismiss')}</button>
      </p>`)}
    </section>`;
  }

  private view() {
    const d = this.data;
    if (!d) return nothing;
    const figures = d.store.all();
    switch (this.route) {
      case 'staff':
        return html`<harbour-staff-view .data=${d} .revision=${d.revision} .figures=${figures} .now=${this.now}></harbour-staff-view>`;
      case 'reports':
        return html`<harbour-capacity-report .data=${d} .revision=${d.revision}></harbour-capacity-report>
          <harbour-turnaway-report></harbour-turnaway-report>`;
      case 'admin':
        return html`<harbour-admin-view></harbour-admin-view>`;
      case 'find':
        return html`<harbour-find-bed .data=${d} .revision=${d.revision} .now=${this.now}
          .preselect=${this.detail.params.get('client')} .preselectRegion=${this.detail.params.get('region')}
          .autoSearch=${this.detail.params.get('search') === '1'}></harbour-find-bed>`;
      case 'clients':
        return this.detail.sub
          ? html`<harbour-client-timeline .data=${d} .revision=${d.revision} .clientId=${this.detail.sub}></harbour-client-timeline>`
          : html`<harbour-clients-view .data=${d} .revision=${d.revision}></harbour-clients-view>`;
      case 'waitlist':
        return html`<harbour-waitlist-view .data=${d} .revision=${d.revision}
          .preselect=${this.detail.params.get('client')}></harbour-waitlist-view>`;
      default:
        return html`<harbour-live-board .data=${d} .revision=${d.revision} .figures=${figures} .now=${this.now}></harbour-live-board>`;
    }
  }
}
