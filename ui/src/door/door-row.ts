import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, DECLINE_REASONS, api, type DeclineReason, type ProgramHold } from '../api';
import { problemText } from '../clients/format';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { heldUntil, intakeFacts, isCompleteCode, normalizeCode, reasonText, triesLeft } from './door';

type Mode = 'idle' | 'checkin' | 'noshow' | 'decline' | 'busy';

/** One person on the way: who sent her, how long the bed is held, her intake facts, and the three door actions. */
@customElement('harbour-door-row')
export class DoorRow extends LitElement {
  static styles = [shared, css`
    article { display: grid; gap: 0.5rem; border-left: 4px solid var(--accent); }
    .top { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; align-items: baseline; }
    .left { font-size: 1.2rem; font-weight: 800; color: var(--warn); font-variant-numeric: tabular-nums; }
    .facts { display: flex; flex-wrap: wrap; gap: 0.35rem; }
    .facts li { padding: 0.2rem 0.6rem; border: 1px solid var(--border); border-radius: 999px; background: var(--surface-2); }
    .actions { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); }
    .actions button, form button { min-height: 52px; }
    form { display: grid; gap: 0.5rem; }
    .code { font: 800 1.8rem/1.2 ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.15em; text-transform: uppercase; }
    .pair { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .pair button { flex: 1 1 9rem; }
    .reasons { border: 1px solid var(--border); border-radius: var(--radius); margin: 0; padding: 0.25rem 0.75rem 0.5rem;
      display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); gap: 0 1rem; }
    .reasons legend { font-weight: 700; padding: 0 0.3rem; }
    .reasons input[type='radio'] { width: 1.4rem; height: 1.4rem; min-height: 1.4rem; flex-shrink: 0; accent-color: var(--accent); }
  `];

  @property({ attribute: false }) hold!: ProgramHold;
  @property({ type: Number }) now = Date.now();
  @state() private mode: Mode = 'idle';
  /** Kept as words to say, so a language switch translates it too. */
  @state() private error: () => string = () => '';
  private lastTries: number | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const h = this.hold;
    const left = new Date(h.expiresAt).getTime() - this.now;
    const facts = intakeFacts(h.needs);
    return html`
      <article class="card" data-hold-id=${String(h.id)}>
        <div class="top">
          <strong>${h.referringOrganization ? t('door.from', { organization: h.referringOrganization }) : ''}</strong>
          <span class="left" role="timer">${left > 0 ? heldUntil(h.expiresAt, this.now) : t('door.expired')}</span>
        </div>
        ${facts.length ? html`<ul class="plain facts" data-facts>${facts.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
        ${this.body()}
        <p class="error" role="alert">${this.error()}</p>
      </article>`;
  }

  private body() {
    const busy = this.mode === 'busy';
    switch (this.mode) {
      case 'checkin':
      case 'busy':
        if (this.mode === 'busy' && !this.renderRoot.querySelector('form[data-form="checkin"]')) return this.idle(true);
        return html`<form data-form="checkin" novalidate @submit=${this.checkIn}>
          <label for="code">${t('door.codeLabel')}</label>
          <input id="code" class="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false"
            maxlength="9" enterkeyhint="done" aria-describedby="code-hint" ?disabled=${busy} />
          <span id="code-hint" class="sr-only">${t('door.codeShort')}</span>
          <div class="pair">
            <button type="submit" data-action="check-in" ?disabled=${busy}>${t('door.checkIn')}</button>
            <button type="button" class="secondary" ?disabled=${busy} @click=${this.back}>${t('door.cancel')}</button>
          </div>
        </form>`;
      case 'noshow':
        return html`<p>${t('door.noShowConfirm')}</p>
          <div class="pair">
            <button type="button" class="danger" data-action="no-show-yes" @click=${this.noShow}>${t('door.noShowYes')}</button>
            <button type="button" class="secondary" @click=${this.back}>${t('door.cancel')}</button>
          </div>`;
      case 'decline':
        // Radios, not a select: every reason is read whole at 360 px (a select's box cuts the longer ones).
        return html`<form data-form="decline" novalidate @submit=${this.decline}>
          <fieldset class="reasons">
            <legend id="reason-legend">${t('door.reason')}</legend>
            ${DECLINE_REASONS.map((r) => html`<label class="check"><input type="radio" name="reason" value=${r}
              data-reason=${r} />${reasonText(r)}</label>`)}
          </fieldset>
          <div class="pair">
            <button type="submit" class="danger" data-action="decline-yes">${t('door.declineYes')}</button>
            <button type="button" class="secondary" @click=${this.back}>${t('door.cancel')}</button>
          </div>
        </form>`;
      default:
        return this.idle(false);
    }
  }

  private idle(busy: boolean) {
    return html`<div class="actions">
      <button type="button" data-action="arrived" ?disabled=${busy} @click=${() => this.open('checkin', '#code')}>${t('door.arrived')}</button>
      <button type="button" class="secondary" data-action="no-show" ?disabled=${busy} @click=${() => this.open('noshow')}>${t('door.noShow')}</button>
      <button type="button" class="danger" data-action="decline" ?disabled=${busy} @click=${() => this.open('decline', 'input[name="reason"]')}>${t('door.decline')}</button>
    </div>`;
  }

  private async open(mode: Mode, focus?: string): Promise<void> {
    this.mode = mode;
    this.error = () => '';
    await this.updateComplete;
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  private back(): void {
    this.mode = 'idle';
    this.error = () => '';
  }

  private async checkIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const typed = (this.renderRoot.querySelector('#code') as HTMLInputElement).value;
    if (!isCompleteCode(typed)) {
      this.error = () => t('door.codeShort');
      return;
    }
    await this.act(() => api.arrive(this.hold.id, normalizeCode(typed)), () => t('door.checkedIn'), 'checkin');
  }

  private async noShow(): Promise<void> {
    await this.act(() => api.noShow(this.hold.id), () => t('door.noShowDone'), 'noshow');
  }

  private async decline(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const picked = this.renderRoot.querySelector<HTMLInputElement>('input[name="reason"]:checked');
    const reason = (picked?.value ?? '') as DeclineReason | '';
    if (!reason) {
      this.error = () => t('door.reason');
      return;
    }
    await this.act(() => api.decline(this.hold.id, reason), () => t('door.declined'), 'decline');
  }

  private async act(call: () => Promise<unknown>, done: () => string, back: Mode): Promise<void> {
    this.error = () => '';
    this.mode = 'busy';
    try {
      await call();
      this.dispatchEvent(new CustomEvent('door-done', { detail: { message: done, programId: String(this.hold.programId ?? '') }, bubbles: true, composed: true }));
      this.mode = 'idle';
    } catch (err) {
      this.mode = back;
      const words = this.explain(err, back);
      this.error = words;
      if (err instanceof ApiError && (err.status === 409 || err.status === 404)) {
        this.dispatchEvent(new CustomEvent('door-done', { detail: { message: words, programId: String(this.hold.programId ?? '') }, bubbles: true, composed: true }));
      }
      await this.updateComplete;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
      if (input) input.select();
    }
  }

  private explain(err: unknown, back: Mode): () => string {
    if (!(err instanceof ApiError)) return () => problemText(err);
    if (err.status === 422) {
      const wrong = err.errors.find((x) => x.field === 'arrivalCode');
      const n = typeof wrong?.params?.triesLeft === 'number' ? wrong.params.triesLeft : triesLeft(wrong?.message ?? err.detail);
      this.lastTries = n;
      return () => (n === null ? t('door.wrongCode') : t(n === 1 ? 'door.wrongCode_one' : 'door.wrongCode_other', { n }));
    }
    // The wrong code that used the last try answers 409: the hold is released.
    if (err.status === 409) {
      const tooMany = back === 'checkin' && (this.lastTries === 1 || err.code === 'WRONG_CODES_HOLD_RELEASED');
      return () => t(tooMany ? 'door.tooMany' : 'door.gone');
    }
    if (err.status === 404) return () => t('door.gone');
    return () => problemText(err);
  }
}
