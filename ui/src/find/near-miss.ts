import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Availability, NearMiss } from '../api';
import { LocaleController, formatNumber, t, unbrokenPhone, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import { intakeText, reasonText, widenHint } from './explain';

/** A program left out of the matches, and why, in plain words: what would have to change for it to take her. */
@customElement('harbour-near-miss')
export class NearMissCard extends LitElement {
  static styles = [shared, css`
    article { display: grid; gap: 0.35rem; }
    h3 { margin: 0; }
    .reasons li { font-weight: 700; color: var(--warn); }
    .reasons li::before { content: '✕ '; }
    .hint { font-size: 0.9rem; }
    .opened { color: var(--ok); font-weight: 800; }
    .phone { font-weight: 700; display: inline-flex; align-items: center; min-height: 44px; }
  `];

  @property({ attribute: false }) miss!: NearMiss;
  /** The live figure: a full program that gains a bed says so. */
  @property({ attribute: false }) figure: Availability | undefined;
  @property({ type: Number }) now = Date.now();

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const m = this.miss;
    const now = new Date(this.now);
    const onlyFull = m.reasons.length === 1 && m.reasons[0] === 'NO_BED';
    const opened = onlyFull && (this.figure?.bookable ?? 0) > 0;
    const hints = m.reasons.map(widenHint).filter((h) => h !== null);
    const intake = intakeText(m, now);
    return html`
      <article class="card" data-program-id=${String(m.programId)} data-reasons=${m.reasons.join(' ')}>
        <h3>${m.facilityName} — ${m.programName}</h3>
        <p class="muted">${tEnum('type', m.type)} · ${m.municipality}</p>
        <ul class="plain reasons" aria-label=${t('find.whyNot')}>
          ${m.reasons.map((r) => html`<li data-reason=${r}>${reasonText(r, m, now)}</li>`)}
        </ul>
        ${hints.map((h) => html`<p class="hint muted">${t(h!)}</p>`)}
        ${opened ? html`<p class="opened" role="status">${t('find.bedOpened', { n: formatNumber(this.figure!.bookable) })}</p>` : nothing}
        ${m.reasons.includes('INTAKE_CLOSED') ? nothing : html`<p class=${intake.open ? 'muted' : 'stale'}>${intake.text}</p>`}
        ${m.intakePhone ? html`<a class="phone" href="tel:${m.intakePhone}">☎ ${t('find.call', { phone: unbrokenPhone(m.intakePhone) })}</a>` : nothing}
      </article>`;
  }
}
