import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api, type Availability } from '../api';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, formatAge, formatNumber, labelled, t, tn } from '../i18n';
import { problemMessage } from '../i18n/problem-text';
import { shared } from '../ui/styles';
import { countBody, parseFigure, undoOf, type CountField, type LastChange } from './counts';
import { changeList, outcomeText } from './count-words';

type Field = CountField;

/**
 * Large one-tap +/- (or a typed number) for a program's counts; every change is conditional on the version shown.
 * Without a connection a change is kept (DashboardData.counts) and sent when it returns; what the service then
 * says stays here, in words, until the person has seen it.
 */
@customElement('harbour-count-editor')
export class CountEditor extends LitElement {
  static styles = [shared, css`
    .steppers { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); margin: 0.75rem 0; }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.5rem 0.75rem 0.75rem; }
    fieldset.waiting { border: 2px dashed var(--warn); }
    legend { font-weight: 700; padding: 0 0.3rem; }
    .tag { color: var(--warn); font-weight: 700; font-size: 0.85rem; margin-left: 0.4rem; }
    .stepper { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
    .stepper button { width: 4rem; height: 4rem; font-size: 2rem; line-height: 1; padding: 0; }
    output { font-size: 2.4rem; font-weight: 800; min-width: 3ch; text-align: center; }
    form { display: flex; gap: 0.5rem; align-items: end; margin-top: 0.5rem; }
    form div { flex: 1; }
    form label { font-weight: 500; font-size: 0.9rem; }
    .status { min-height: 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    .outcome { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between;
      border: 2px solid currentColor; border-radius: var(--radius); padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
    .outcome span { flex: 1 1 14rem; }
  `];

  @property({ attribute: false }) figure!: Availability;
  @property({ attribute: false }) data: DashboardData | null = null;
  @property({ type: Number }) now = Date.now();
  /** DashboardData's revision: waiting changes and their outcomes live there, so a new one re-renders this. */
  @property({ type: Number }) revision = 0;
  @state() private saving = false;
  /** Kept as words to say, so a language switch translates it too. */
  @state() private message: () => string = () => '';
  @state() private kind: 'ok' | 'error' | 'stale' = 'ok';
  @state() private last: LastChange | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  private get programId(): string {
    return String(this.figure.programId);
  }

  /** The figures on screen: the wanted ones while changes wait to be sent. */
  private get shown(): Availability {
    return this.data?.counts.shown(this.programId, this.figure) ?? this.figure;
  }

  render() {
    const a = this.figure;
    const shown = this.shown;
    const undo = undoOf(this.last, shown);
    const busy = this.saving || (this.data?.counts.isSending(this.programId) ?? false);
    const outcome = this.data?.countOutcomes.get(this.programId);
    return html`
      <article class="card" data-program-id=${this.programId}>
        <h2>${a.facilityName} — ${a.programName}</h2>
        <p class=${a.stale ? 'stale' : 'muted'}>
          ${a.stale ? html`⚠ ${t('age.stale')} · ` : nothing}${t('age.updated', { age: formatAge(a.updatedAt, this.now) })}
          · ${labelled(t('board.bookable'), a.bookable)} · ${labelled(t('board.held'), a.held)}
          · ${labelled(t('board.capacity'), a.capacity)}
        </p>
        <div class="steppers">
          ${this.stepper('available', shown, busy)}
          ${this.stepper('outOfService', shown, busy)}
        </div>
        ${outcome ? html`<div class="outcome ${outcome.kind === 'sent' ? 'ok' : 'error'}" data-outcome=${outcome.kind}
            role=${outcome.kind === 'sent' ? 'status' : 'alert'}>
            <span>${outcomeText(outcome)}</span>
            <button type="button" class="secondary" data-action="seen" @click=${() => this.data?.seenCountOutcome(this.programId)}>${t('staff.seen')}</button>
          </div>` : nothing}
        <div class="status ${this.kind}" role="status" data-count-status>
          <span>${busy ? t('staff.saving') : outcome ? '' : this.message()}</span>
          ${undo && !busy ? html`<button type="button" class="secondary" data-action="undo"
            @click=${() => this.save(undo.field, undo.to, true)}>${t('staff.undo')}</button>` : nothing}
        </div>
      </article>
    `;
  }

  private label(field: Field): string {
    return t(field === 'available' ? 'staff.available' : 'staff.outOfService');
  }

  private stepper(field: Field, shown: Availability, busy: boolean) {
    const label = this.label(field);
    const value = shown[field];
    const room = shown.available + shown.outOfService < shown.capacity;
    const waiting = this.data?.counts.entry(this.programId)?.changes.some((c) => c.field === field) ?? false;
    const id = `type-${field}`;
    return html`<fieldset class=${waiting ? 'waiting' : ''}>
      <legend>${label}${waiting ? html`<span class="tag" data-waiting>${t('staff.waitingHere')}</span>` : nothing}</legend>
      <div class="stepper">
        <button class="secondary" data-action="${field}-down" aria-label=${t('staff.less', { what: label })}
          ?disabled=${busy || value <= 0} @click=${() => this.save(field, value - 1)}>−</button>
        <output data-field=${field} aria-live="polite" aria-label=${label}>${formatNumber(value)}</output>
        <button data-action="${field}-up" aria-label=${t('staff.more', { what: label })}
          ?disabled=${busy || !room} @click=${() => this.save(field, value + 1)}>+</button>
      </div>
      <form novalidate @submit=${(e: SubmitEvent) => this.typed(e, field)}>
        <div><label for=${id}>${t('staff.typeFigure')} (${label})</label>
          <input id=${id} name="figure" inputmode="numeric" pattern="[0-9]*" autocomplete="off" maxlength="5" /></div>
        <button type="submit" class="secondary" data-action="${field}-set" ?disabled=${busy}>${t('staff.set')}</button>
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
    if (value !== this.shown[field]) void this.save(field, value);
  }

  private async save(field: Field, value: number, undoing = false): Promise<void> {
    const d = this.data;
    const from = this.shown[field];
    d?.seenCountOutcome(this.programId);
    // Changes already waiting go first: a new one joins them rather than overtake them.
    if (d && (d.offline || d.counts.entry(this.programId))) {
      this.keep(field, value, from, undoing);
      return;
    }
    const a = this.figure;
    this.saving = true;
    try {
      const saved = await api.updateAvailability(a.programId, countBody(a, field, value));
      d?.store.upsert(saved);
      this.figure = saved;
      this.last = undoing ? null : { field, from, to: saved[field] };
      const to = saved[field];
      this.show('ok', undoing
        ? () => t('staff.undone', { what: this.label(field), to })
        : () => t('staff.changed', { what: this.label(field), from, to }));
    } catch (e) {
      if (d && e instanceof ApiError && e.status === 0) {
        this.keep(field, value, from, undoing); // the connection dropped on the way: kept, sent when it returns
      } else {
        this.last = null;
        await this.explain(e);
      }
    } finally {
      this.saving = false;
    }
  }

  /** Keeps the change on this device; it goes with the others when the connection returns. */
  private keep(field: Field, value: number, from: number, undoing: boolean): void {
    const d = this.data!;
    const entry = d.counts.add(this.programId, this.figure, field, value);
    this.last = undoing ? null : { field, from, to: value };
    if (entry) {
      const changes = entry.changes;
      this.show('stale', () => t('staff.queued', { changes: changeList(changes) }));
    } else {
      this.show('ok', () => t('staff.undone', { what: this.label(field), to: value }));
    }
    void d.flushCounts();
  }

  private async explain(e: unknown): Promise<void> {
    if (e instanceof ApiError && e.status === 409) {
      const newer = await api.programAvailability(this.figure.programId).catch(() => null);
      if (newer) {
        this.data?.store.upsert(newer);
        this.figure = newer;
      }
      const n = this.figure.available;
      this.show('error', () => tn('staff.conflict', n));
    } else if (e instanceof ApiError && e.status === 422) {
      this.show('error', () => t('staff.invalid', { detail: problemMessage(e).replace(/[.\s]+$/, '') }));
    } else {
      this.show('error', () => problemMessage(e));
    }
  }

  private show(kind: 'ok' | 'error' | 'stale', message: () => string): void {
    this.kind = kind;
    this.message = message;
  }
}
