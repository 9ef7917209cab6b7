import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Role } from '../api/types';
import { LocaleController, t } from '../i18n';
import type { LiveStatus } from '../live/socket';
import { shared } from '../ui/styles';
import { routesFor, type RouteId } from './routes';
import './lang-switch';

/**
 * The header. On a phone it is one row (name, live status, a menu button) so most of the screen is left to the
 * work; the navigation, the language and sign-out open below it. From 40rem up everything sits in one line.
 */
@customElement('harbour-header')
export class AppHeader extends LitElement {
  static styles = [shared, css`
    header { background: var(--surface); border-bottom: 1px solid var(--border); padding: 0.4rem 0.75rem; }
    .bar { max-width: 72rem; margin: 0 auto; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
    .brand { font-weight: 800; font-size: 1.2rem; white-space: nowrap; }
    .live { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 700; font-size: 0.9rem; min-width: 0;
      margin-right: auto; }
    .dot { width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--warn); flex-shrink: 0; }
    .live.on .dot { background: var(--ok); }
    .live.off .dot { background: var(--danger); }
    .menu-button { padding: 0.4rem 0.8rem; }
    .menu-button .bars { font-size: 1.2rem; line-height: 1; }
    .menu { display: contents; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
    nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem; border-radius: var(--radius);
      color: var(--text); text-decoration: none; font-weight: 600; }
    nav a[aria-current='page'] { background: var(--accent); color: var(--accent-text); }
    .account { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .who { font-size: 0.85rem; margin: 0; overflow-wrap: anywhere; }

    /* Phone: the menu opens below the bar; closed, the header is a single row. The status takes the room left
       between the name and the menu button and claims none of its own, so a longer word ("Reconnecting…") never
       pushes the button to a second row; the one long message (signed out) wraps beside the button instead. */
    @media (max-width: 39.99rem) {
      .bar { column-gap: 0.5rem; }
      .brand { font-size: 1.1rem; }
      .live { flex: 1 1 0; gap: 0.3rem; font-size: 0.85rem; }
      .live-text { min-width: 0; overflow-wrap: anywhere; }
      .menu-button { padding: 0.4rem 0.6rem; }
      .menu { display: none; }
      .menu.open { display: grid; gap: 0.5rem; width: 100%; padding: 0.5rem 0 0.25rem; border-top: 1px solid var(--border); }
      nav ul { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); }
      nav a { display: flex; border: 1px solid var(--border); padding: 0.25rem 0.6rem; }
    }
    /* Wider: one line when it fits; the navigation wraps within its own space, never under the brand. */
    @media (min-width: 40rem) {
      .bar { align-items: flex-start; flex-wrap: nowrap; }
      .brand, .live { min-height: 44px; display: inline-flex; align-items: center; }
      .live { margin-right: 0.25rem; }
      .menu-button { display: none; }
      .menu { display: flex; flex: 1; align-items: flex-start; gap: 0.25rem 0.75rem; min-width: 0; }
      nav { flex: 1 1 auto; min-width: 0; }
      .account { flex-wrap: nowrap; margin-left: auto; }
      .account button { white-space: nowrap; }
      .who { display: none; }
    }
    /* A tablet: the name and the account on the first line, the navigation on the whole second. */
    @media (min-width: 40rem) and (max-width: 63.99rem) {
      .bar { flex-wrap: wrap; }
      .menu { display: contents; }
      nav { order: 3; flex-basis: 100%; }
    }
    @media (min-width: 90rem) {
      .who { display: block; }
    }
  `];

  @property() route: RouteId = 'board';
  @property({ attribute: false }) roles: Role[] = [];
  @property() username = '';
  @property() liveStatus: LiveStatus = 'stopped';
  @state() private open = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    // A new screen closes the menu, as following a link in it would.
    if (changed.has('route')) this.open = false;
  }

  render() {
    const cls = this.liveStatus === 'live' ? 'on' : this.liveStatus === 'unauthorized' || this.liveStatus === 'stopped' ? 'off' : '';
    return html`
      <header @keydown=${this.onKey}>
        <slot name="skip"></slot>
        <div class="bar">
          <span class="brand">${t('app.name')}</span>
          <span class="live ${cls}" role="status" data-live=${this.liveStatus}>
            <span class="dot" aria-hidden="true"></span><span class="live-text">${t(`live.${this.liveStatus}`)}</span>
          </span>
          <button type="button" class="secondary menu-button" aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="menu" data-action="menu" @click=${() => (this.open = !this.open)}>
            <span class="bars" aria-hidden="true">${this.open ? '✕' : '☰'}</span>${t('nav.menu')}
          </button>
          <div id="menu" class="menu ${this.open ? 'open' : ''}">
            <nav aria-label=${t('nav.label')}>
              <ul>
                ${routesFor(this.roles).map((r) => html`<li><a href="#/${r.id}" @click=${() => (this.open = false)}
                  aria-current=${r.id === this.route ? 'page' : 'false'}>${t(r.label)}</a></li>`)}
              </ul>
            </nav>
            <div class="account">
              <harbour-lang-switch></harbour-lang-switch>
              <button class="secondary" title=${t('nav.signedInAs', { user: this.username })}
                @click=${this.signOut}>${t('nav.signOut')}</button>
              <p class="who muted">${t('nav.signedInAs', { user: this.username })}</p>
            </div>
          </div>
        </div>
      </header>
    `;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.open) return;
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="menu"]')?.focus());
  }

  private signOut(): void {
    this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }));
  }
}
