import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Availability } from '../api/types';
import type { ProgramInfo } from '../app/dashboard-data';
import { LocaleController, formatAge, formatDateTime, formatNumber, formatPercent, labelled, t, unbrokenPhone, tEnum } from '../i18n';
import { shared } from '../ui/styles';
import './eligibility-badges';

/** One program on the board: its figures, how old they are, and who it takes. */
@customElement('harbour-program-card')
export class ProgramCard extends LitElement {
  static styles = [shared, css`
    article { display: grid; gap: 0.4rem; }
    h3 { margin: 0; }
    article.is-stale { border-style: dashed; border-color: var(--warn); }
    .where { font-size: 0.9rem; }
    dl { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.5rem; margin: 0; }
    dl div { background: var(--surface-2); border-radius: 8px; padding: 0.4rem 0.5rem; }
    dt { font-size: 0.8rem; color: var(--muted); }
    dd { margin: 0; font-size: 1.5rem; font-weight: 800; }
    .bookable dd { color: var(--ok); }
    .bookable.none dd { color: var(--muted); }
    .is-stale dd, .is-stale .bookable dd { color: var(--muted); }
    .age { font-size: 0.9rem; }
    .stale-tag { display: inline-block; margin-right: 0.4rem; padding: 0 0.4rem; border: 2px solid var(--warn);
      border-radius: 6px; }
    .phone { font-weight: 700; }
  `];

  @property({ attribute: false }) figure!: Availability;
  @property({ attribute: false }) info: ProgramInfo | undefined;
  @property({ type: Number }) now = Date.now();

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const a = this.figure;
    const unit = a.capacityType === 'ROOM' ? t('board.roomUnit') : t('board.bedUnit');
    const phone = this.info?.facility.intakePhone;
    return html`
      <article class="card ${a.stale ? 'is-stale' : ''}" data-program-id=${String(a.programId)} aria-labelledby="n">
        <div>
          <h3 id="n">${a.facilityName} — ${a.programName}</h3>
          <p class="where muted">${a.municipality} · ${tEnum('pop', a.population)}</p>
        </div>
        <dl>
          <div class="bookable ${a.bookable ? '' : 'none'}"><dt>${t('board.bookable')}</dt>
            <dd data-figure="bookable">${formatNumber(a.bookable)}</dd></div>
          <div><dt>${t('board.held')}</dt><dd data-figure="held">${formatNumber(a.held)}</dd></div>
          <div><dt>${t('board.outOfService')}</dt><dd data-figure="outOfService">${formatNumber(a.outOfService)}</dd></div>
        </dl>
        <p class="muted">${labelled(t('board.capacity'), `${formatNumber(a.capacity)} ${unit}`)}</p>
        <p class="age ${a.stale ? 'stale' : 'muted'}" title=${formatDateTime(a.updatedAt)}>
          ${a.stale ? html`<span class="stale-tag">⚠ ${t('age.stale')}</span>` : nothing}
          <time datetime=${a.updatedAt}>${t('age.updated', { age: formatAge(a.updatedAt, this.now) })}</time>
          ${a.stale ? html`<span class="sr-only">${t('age.staleHint')}</span>` : nothing}
        </p>
        ${a.refusalRate !== null && a.refusalRate !== undefined
          ? html`<p class="muted">${t('board.refusalRate', { rate: formatPercent(a.refusalRate) })}</p>` : nothing}
        ${phone ? html`<p><a class="phone" href="tel:${phone}">${t('find.call', { phone: unbrokenPhone(phone) })}</a></p>` : nothing}
        <harbour-eligibility .rules=${this.info?.program.eligibility ?? null}></harbour-eligibility>
      </article>
    `;
  }
}
