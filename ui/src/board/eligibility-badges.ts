import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Eligibility, Needs } from '../api/types';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { badges } from './eligibility';

@customElement('harbour-eligibility')
export class EligibilityBadges extends LitElement {
  static styles = [shared, css`
    ul { display: flex; flex-wrap: wrap; gap: 0.3rem; }
    li { display: inline-flex; gap: 0.3rem; align-items: center; font-size: 0.85rem; padding: 0.15rem 0.5rem;
      border-radius: 999px; border: 1px solid var(--border); background: var(--surface-2); }
    li.limit { border-color: var(--warn); color: var(--warn); font-weight: 600; }
  `];

  @property({ attribute: false }) rules: Eligibility | null = null;
  /** A known person's needs: then only the rules that concern her are shown. */
  @property({ attribute: false }) needs: Needs | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    if (!this.rules) return html``;
    return html`<ul class="plain" aria-label=${t('elig.title')}>
      ${badges(this.rules, this.needs).map((b) => html`<li class=${b.limit ? 'limit' : ''}>
        <span aria-hidden="true">${b.icon}</span>${t(b.key, b.genders ? { list: b.genders.map((g) => t(g)).join(', ') } : b.params)}</li>`)}
    </ul>`;
  }
}
