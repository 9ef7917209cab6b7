import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, type Availability } from '../api';
import type { BoardStore } from '../live/board-store';
import { LocaleController, formatAge, formatNumber, t } from '../i18n';
import { shared } from '../ui/styles';
import { countBody, parseFigure, undoOf, type CountField, type LastChange } from './counts';

type Field = CountField;

/** Large one-tap +/- (or a typed number) for a program's counts; every change is conditional on the version shown. */
@customElement('harbour-count-editor')
export class CountEditor extends LitElement {
  static styles = [shared, css`
    .steppers { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); margin: 0.75rem 0; }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem 0.75rem; }
    legend { font-weight: 700; padding: 0 0.3rem; }
    .stepper { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
    .stepper button { width: 4rem; height: 4rem; font-size: 2rem; line-height: 1; padding: 0; }
    output { font-size: 2.4rem; font-weight: 800; min-width: 3ch; text-align: center; }
    form { display: flex; gap: 0.5rem; align-items: end; margin-top: 0.5rem; }
    form div { flex: 1; }
    form label { font-weight: 500; font-size: 0.9rem; }
    .status { min-height: 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  `];

  @property({ attribute: false }) figure!: Availability;
  @property({ attribute: false }) store: BoardStore | null = null;
  @property({ type: Number }) now = Date.now();
  @state() private saving = false;
  /** Kept as words to say, so a language switch translates it too. */
  @state() private message: () => string = () => '';
  @state() private kind: 'ok' | 'error' = 'ok';
  @state() private last: LastChange | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const a = this.figure;
    const undo = undoOf(this.last, a);
    return html`
      <article class="card" data-program-id=${String(a.programId)}>
        <h2>${a.facilityName} — ${a.programName}</h2>
        <p class=${a.stale ? 'stale' : 'muted'}>
          ${a.stale ? html`⚠ ${t('age.stale')} · ` : nothing}${t('age.updated', { age: formatAge(a.updatedAt, this.now) })}
          · ${t('board.bookable')}: ${formatNumber(a.bookable)} · ${t('board.held')}: ${formatNumber(a.held)}
          · ${t('board.capacity')}: ${formatNumber(a.capacity)}
        </p>
        <div class="steppers">
          ${this.stepper('available')}
          ${this.stepper('outOfService')}
        </div>
        <div class="status ${this.kind}" role="status">
          <span>${this.saving ? t('staff.saving') : this.message()}</span>
          ${undo && !this.saving ? html`<button type="button" class="secondary" data-action="undo"
            @click=${() => this.save(undo.field, undo.to, true)}>${t('staff.undo')}</button>` : nothing}
        </div>
      </article>
    `;
  }

  private label(field: Field): string {
    return t(field === 'available' ? 'staff.available' : 'staff.outOfService');
  }

  private stepper(field: Field) {
    const a = this.figure;
    const label = this.label(field);
    const value = a[field];
    const room = a.available + a.outOfService < a.capacity;
    const id = `type-${field}`;
    return html`<fieldset>
      <legend>${label}</legend>
      <div class="stepper">
        <button class="secondary" data-action="${field}-down" aria-label=${t('staff.less', { what: label })}
          ?disabled=${this.saving || value <= 0} @click=${() => this.save(field, value - 1)}>−</button>
        <output data-field=${field} aria-live="polite" aria-label=${label}>${formatNumber(value)}</output>
        <button data-action="${field}-up" aria-label=${t('staff.more', { what: label })}
          ?disabled=${this.saving || !room} @click=${() => this.save(field, value + 1)}>+</button>
      </div>
      <form novalidate @submit=${(e: SubmitEvent) => this.typed(e, field)}>
        <div><label for=${id}>${t('staff.typeFigure')} (${label})</label>
          <input id=${id} name="figure" inputmode="numeric" pattern="[0-9]*" autocomplete="off" maxlength="5" /></div>
        <button type="submit" class="secondary" data-action="${field}-set" ?disabled=${this.saving}>${t('staff.set')}</button>
      </form>
    </fieldset>`;
  }

  private typed(e: SubmitEvent, field: Field): void {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('figure') as HTMLInputElement;
    const value = parseFigure(input.value);
    if (value === null) {
      this.show('error', () => t('staff.badFigure'));
      return;
    }
    input.value = '';
    if (value !== this.figure[field]) void this.save(field, value);
  }

  private async save(field: Field, value: number, undoing = false): Promise<void> {
    const a = this.figure;
    const from = a[field];
    this.saving = true;
    try {
      const saved = await api.updateAvailability(a.programId, countBody(a, field, value));
      this.store?.upsert(saved);
      this.figure = saved;
      this.last = undoing ? null : { field, from, to: saved[field] };
      const to = saved[field];
      this.show('ok', undoing
        ? () => t('staff.undone', { what: this.label(field), to })
        : () => t('staff.changed', { what: this.label(field), from, to }));
    } catch (e) {
      this.last = null;
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
      const n = this.figure.available;
      this.show('error', () => t('staff.conflict', { n }));
    } else if (e instanceof ApiError && e.status === 422) {
      const detail = e.errors[0]?.message ?? e.detail ?? e.title;
      this.show('error', () => t('staff.invalid', { detail }));
    } else {
      const status = e instanceof ApiError && e.status ? String(e.status) : '';
      this.show('error', () => (status ? t('error.generic', { status }) : t('error.network')));
    }
  }

  private show(kind: 'ok' | 'error', message: () => string): void {
    this.kind = kind;
    this.message = message;
  }
}
