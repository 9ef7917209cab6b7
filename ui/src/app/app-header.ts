import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Role } from '../api/types';
import { LocaleController, t } from '../i18n';
import type { LiveStatus } from '../live/socket';
import { shared } from '../ui/styles';
import { routesFor, type RouteId } from './routes';
import './lang-switch';

@customElement('harbour-header')
export class AppHeader extends LitElement {
  static styles = [shared, css`
    header { background: var(--surface); border-bottom: 1px solid var(--border); padding: 0.5rem 0.75rem; }
    .row { max-width: 72rem; margin: 0 auto; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .brand { font-weight: 800; font-size: 1.2rem; margin-right: auto; }
    nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
    nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 0.75rem; border-radius: var(--radius);
      color: var(--text); text-decoration: none; font-weight: 600; }
    nav a[aria-current='page'] { background: var(--accent); color: var(--accent-text); }
    nav { margin-right: auto; }
    .row + .row { margin-top: 0.4rem; }
    .who { width: 100%; margin: 0; overflow-wrap: anywhere; }
    .live { display: inline-flex; align-items: center; gap: 0.4rem; font-weight: 700; font-size: 0.9rem; }
    .dot { width: 0.8rem; height: 0.8rem; border-radius: 50%; background: var(--warn); }
    .live.on .dot { background: var(--ok); }
    .live.off .dot { background: var(--danger); }
    .who { font-size: 0.85rem; }
  `];

  @property() route: RouteId = 'board';
  @property({ attribute: false }) roles: Role[] = [];
  @property() username = '';
  @property() liveStatus: LiveStatus = 'stopped';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const cls = this.liveStatus === 'live' ? 'on' : this.liveStatus === 'unauthorized' || this.liveStatus === 'stopped' ? 'off' : '';
    return html`
      <header>
        <slot name="skip"></slot>
        <div class="row">
          <span class="brand">${t('app.name')}</span>
          <span class="live ${cls}" role="status" data-live=${this.liveStatus}>
            <span class="dot" aria-hidden="true"></span>${t(`live.${this.liveStatus}`)}
          </span>
          <harbour-lang-switch></harbour-lang-switch>
        </div>
        <div class="row">
          <nav aria-label=${t('nav.label')}>
            <ul>
              ${routesFor(this.roles).map((r) => html`<li><a href="#/${r.id}"
                aria-current=${r.id === this.route ? 'page' : 'false'}>${t(r.label)}</a></li>`)}
            </ul>
          </nav>
          <button class="secondary" @click=${this.signOut}>${t('nav.signOut')}</button>
          <p class="who muted">${t('nav.signedInAs', { user: this.username })}</p>
        </div>
      </header>
    `;
  }

  private signOut(): void {
    this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }));
  }
}
