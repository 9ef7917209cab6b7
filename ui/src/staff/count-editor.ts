import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, type Availability } from '../api';
import type { BoardStore } from '../live/board-store';
import { LocaleController, formatAge, formatNumber, t } from '../i18n';
import { shared } from '../ui/styles';

type Field = 'available' | 'outOfService';

/** Large one-tap +/- for a program's counts; every change is conditional on the version shown. */
@customElement('harbour-count-editor')
export class CountEditor extends LitElement {
  static styles = [shared, css`
    .steppers { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); margin: 0.75rem 0; }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem 0.75rem; }
    legend { font-weight: 700; padding: 0 0.3rem; }
    .stepper { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
    .stepper button { width: 4rem; height: 4rem; font-size: 2rem; line-height: 1; padding: 0; }
    output { font-size: 2.4rem; font-weight: 800; min-width: 3ch; text-align: center; }
    .status { min-height: 1.5rem; }
  `];

  @property({ attribute: false }) figure!: Availability;
  @property({ attribute: false }) store: BoardStore | null = null;
  @property({ type: Number }) now = Date.now();
  @state() private saving = false;
  @state() private message = '';
  @state() private kind: 'ok' | 'error' = 'ok';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const a = this.figure;
    return html`
      <article class="card" data-program-id=${String(a.programId)}>
        <h2>${a.facilityName} — ${a.programName}</h2>
        <p class=${a.stale ? 'stale' : 'muted'}>
          ${a.stale ? html`⚠ ${t('age.stale')} · ` : nothing}${t('age.updated', { age: formatAge(a.updatedAt, this.now) })}
          · ${t('board.bookable')}: ${formatNumber(a.bookable)} · ${t('board.held')}: ${formatNumber(a.held)}
          · ${t('board.capacity')}: ${formatNumber(a.capacity)}
        </p>
        <div class="steppers">
          ${this.stepper('available', t('staff.available'))}
          ${this.stepper('outOfService', t('staff.outOfService'))}
        </div>
        <p class="status ${this.kind}" role="status">${this.saving ? t('staff.saving') : this.message}</p>
      </article>
    `;
  }

  private stepper(field: Field, label: string) {
    const a = this.figure;
    const value = a[field];
    const room = a.available + a.outOfService < a.capacity;
    return html`<fieldset>
      <legend>${label}</legend>
      <div class="stepper">
        <button class="secondary" data-action="${field}-down" aria-label=${t('staff.less', { what: label })}
          ?disabled=${this.saving || value <= 0} @click=${() => this.change(field, -1)}>−</button>
        <output data-field=${field} aria-live="polite" aria-label=${label}>${formatNumber(value)}</output>
        <button data-action="${field}-up" aria-label=${t('staff.more', { what: label })}
          ?disabled=${this.saving || !room} @click=${() => this.change(field, 1)}>+</button>
      </div>
    </fieldset>`;
  }

  private async change(field: Field, delta: number): Promise<void> {
    const a = this.figure;
    const next = { available: a.available, outOfService: a.outOfService, version: a.version };
    next[field] += delta;
    this.saving = true;
    try {
      const saved = await api.updateAvailability(a.programId, next);
      this.store?.upsert(saved);
      this.figure = saved;
      this.show('ok', t('staff.saved', { n: saved.available }));
    } catch (e) {
      await this.explain(e);
    } finally {
      this.saving = false;
    }
  }

  private async explain(e: unknown): Promise<void> {
    if (e instanceof ApiError && e.status === 409) {
      const newer = await api.programAvailability(this.figure.programId).catch(() => null);
      if (newer) {
        this.store?.upsert(newer);
        this.figure = newer;
      }
      this.show('error', t('staff.conflict', { n: this.figure.available }));
    } else if (e instanceof ApiError && e.status === 422) {
      this.show('error', t('staff.invalid', { detail: e.errors[0]?.message ?? e.detail ?? e.title }));
    } else {
      this.show('error', e instanceof ApiError && e.status ? t('error.generic', { status: String(e.status) }) : t('error.network'));
    }
  }

  private show(kind: 'ok' | 'error', message: string): void {
    this.kind = kind;
    this.message = message;
  }
}
