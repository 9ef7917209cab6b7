import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, type Facility, type FeedKey, type Id, type ListedFeedKey, type Program, type Region } from '../api';
import { LocaleController, formatDateTime, formatNumber, t, tEnum } from '../i18n';
import { confidentialByDefault } from './confidential';
import { shared } from '../ui/styles';
import { formStyles } from './fields';
import { problemSummary } from './forms';
import './facility-form';
import './program-form';

/** One facility: its details, its programs (each with its eligibility) and the feed keys of its own system. */
@customElement('harbour-facility-editor')
export class FacilityEditor extends LitElement {
  static styles = [shared, formStyles, css`
    section { margin-top: 1.25rem; }
    .programs { display: grid; gap: 0.6rem; }
    .program { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
    .program p { margin: 0; }
    .key { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    .key .field { flex: 1 1 16rem; }
    .key input { font-family: ui-monospace, monospace; }
    .warning { border: 2px solid var(--warn); border-radius: var(--radius); padding: 0.6rem 0.8rem; margin: 0.5rem 0; }
    .warning strong { color: var(--warn); }
    .top { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; margin-bottom: 0.75rem; }
    h2 { margin: 0; overflow-wrap: anywhere; }
    .keys { display: grid; gap: 0.5rem; margin: 0.5rem 0; }
    .keys li { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
    .keys p { margin: 0; }
    .revoked { color: var(--muted); }
    .confirm { border: 2px solid var(--danger); border-radius: var(--radius); padding: 0.6rem 0.8rem; width: 100%; }
  `];

  @property({ attribute: false }) facility: Facility | null = null;
  @property({ attribute: false }) regions: Region[] = [];
  /** The program being edited: an id, 'new', or none. */
  @state() private editing: string | null = null;
  @state() private feedKey: FeedKey | null = null;
  @state() private keyBusy = false;
  @state() private keyError = '';
  @state() private copied = '';
  @state() private status = '';
  /** The facility's keys as listed by the service (never the keys themselves). */
  @state() private keys: ListedFeedKey[] | null = null;
  @state() private revoking: Id | null = null;
  @state() private revokeStatus = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const f = this.facility;
    return html`
      <div class="top">
        <h2 id="editor-title" tabindex="-1">${f ? f.name : t('admin.facility.new')}</h2>
        <button type="button" class="secondary" @click=${this.close}>${t('admin.facility.back')}</button>
      </div>
      <div class="card"><harbour-facility-form .facility=${f} .regions=${this.regions}
        @saved=${(e: CustomEvent<Facility>) => this.dispatchEvent(new CustomEvent('facility-saved', { detail: e.detail }))}></harbour-facility-form></div>
      ${f && !f.confidential && f.programs.some((p) => confidentialByDefault(p.type))
        ? html`<p class="warning" data-warning="not-confidential"><strong>${t('admin.facility.shouldBeConfidential')}</strong></p>` : nothing}
      ${f ? this.programs(f) : html`<p class="hint">${t('admin.facility.programsAfter')}</p>`}
      ${f ? this.feedKeys(f) : nothing}
    `;
  }

  private programs(f: Facility) {
    return html`<section aria-labelledby="programs-title">
      <h2 id="programs-title">${t('admin.program.title')}</h2>
      <p role="status" class="ok">${this.status}</p>
      <ul class="plain programs">
        ${f.programs.map((p) => html`<li class="card" data-program-id=${String(p.id)}>
          ${this.editing === String(p.id)
            ? html`<harbour-program-form .program=${p} .facilityId=${f.id}
                @saved=${(e: CustomEvent<Program>) => this.programSaved(e.detail)} @cancel=${this.stopEditing}></harbour-program-form>`
            : html`<div class="program">
                <div><p><strong>${p.name}</strong></p>
                  <p class="muted">${tEnum('type', p.type)} · ${tEnum('pop', p.population)} · ${t(p.capacityType === 'ROOM' ? 'admin.program.rooms' : 'admin.program.beds', { n: formatNumber(p.capacity) })}</p></div>
                <button type="button" class="secondary" @click=${() => this.edit(String(p.id))}
                  aria-label=${t('admin.program.editNamed', { name: p.name })}>${t('admin.edit')}</button>
              </div>`}
        </li>`)}
      </ul>
      ${f.programs.length === 0 ? html`<p class="muted">${t('admin.program.none')}</p>` : nothing}
      ${this.editing === 'new'
        ? html`<div class="card"><harbour-program-form .facilityId=${f.id}
            @saved=${(e: CustomEvent<Program>) => this.programSaved(e.detail)} @cancel=${this.stopEditing}></harbour-program-form></div>`
        : html`<div class="actions"><button type="button" @click=${() => this.edit('new')}>${t('admin.program.add')}</button></div>`}
    </section>`;
  }

  private feedKeys(f: Facility) {
    const k = this.feedKey;
    return html`<section aria-labelledby="keys-title">
      <h2 id="keys-title">${t('admin.feedKey.title')}</h2>
      <p class="hint">${t('admin.feedKey.intro')}</p>
      ${k && String(k.facilityId) === String(f.id) ? html`
        <div class="warning" role="alert">
          <p><strong>${t('admin.feedKey.once')}</strong></p>
          <div class="key">
            <div class="field">
              <label for="feed-key">${t('admin.feedKey.key')}</label>
              <input id="feed-key" readonly .value=${k.key} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            </div>
            <button type="button" @click=${this.copy}>${t('admin.feedKey.copy')}</button>
          </div>
          <p role="status" class="ok">${this.copied}</p>
          <p class="hint">${t('admin.feedKey.use', { facility: f.name })}</p>
        </div>` : nothing}
      ${this.keyError ? html`<p class="error" role="alert">${this.keyError}</p>` : nothing}
      ${this.keyList()}
      <div class="actions">
        <button type="button" class="secondary" ?disabled=${this.keyBusy} @click=${() => this.createKey(f)}>
          ${this.keyBusy ? t('admin.saving') : t('admin.feedKey.create')}</button>
      </div>
    </section>`;
  }

  private keyList() {
    const keys = this.keys;
    if (keys === null) return html`<p class="muted">${t('common.loading')}</p>`;
    if (keys.length === 0) return html`<p class="muted">${t('admin.feedKey.none')}</p>`;
    return html`<p role="status" class="ok">${this.revokeStatus}</p>
      <ul class="plain keys" aria-label=${t('admin.feedKey.listLabel')}>
      ${keys.map((k) => html`<li class="card ${k.revoked ? 'revoked' : ''}" data-key-id=${String(k.id)} data-revoked=${String(k.revoked)}>
        <div>
          <p><strong>${t('admin.feedKey.name', { id: String(k.id) })}</strong> · ${t('admin.feedKey.created', { at: formatDateTime(k.createdAt) })}</p>
          <p class="muted">${k.lastUsedAt ? t('admin.feedKey.lastUsed', { at: formatDateTime(k.lastUsedAt) }) : t('admin.feedKey.neverUsed')}
            ${k.revoked ? html` · <strong>${k.revokedAt ? t('admin.feedKey.revokedAt', { at: formatDateTime(k.revokedAt) }) : t('admin.feedKey.revoked')}</strong>` : nothing}</p>
        </div>
        ${k.revoked ? nothing : this.revokeControl(k)}
      </li>`)}
    </ul>`;
  }

  private revokeControl(k: ListedFeedKey) {
    const name = t('admin.feedKey.name', { id: String(k.id) });
    if (this.revoking === null || String(this.revoking) !== String(k.id)) {
      return html`<button type="button" class="danger" @click=${() => this.askRevoke(k.id)}
        aria-label=${t('admin.feedKey.revokeNamed', { name })}>${t('admin.feedKey.revoke')}</button>`;
    }
    return html`<div class="confirm" role="alertdialog" aria-labelledby="revoke-q-${k.id}">
      <p id="revoke-q-${k.id}"><strong>${t('admin.feedKey.revokeQuestion', { name })}</strong></p>
      <p class="hint">${t('admin.feedKey.revokeEffect')}</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.keyBusy} @click=${() => this.revoke(k.id)}>${t('admin.feedKey.revokeYes', { name })}</button>
        <button type="button" class="secondary" @click=${() => (this.revoking = null)}>${t('admin.cancel')}</button>
      </div>
    </div>`;
  }

  private async askRevoke(id: Id): Promise<void> {
    this.revoking = id;
    this.revokeStatus = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
  }

  private async revoke(id: Id): Promise<void> {
    this.keyBusy = true;
    this.keyError = '';
    try {
      await api.revokeFeedKey(id);
      this.revoking = null;
      this.revokeStatus = t('admin.feedKey.revokedNow', { name: t('admin.feedKey.name', { id: String(id) }) });
      await this.loadKeys();
    } catch (err) {
      this.keyError = problemSummary(err);
    } finally {
      this.keyBusy = false;
    }
  }

  private async loadKeys(): Promise<void> {
    const f = this.facility;
    if (!f) {
      this.keys = null;
      return;
    }
    try {
      const keys = await api.feedKeys(f.id);
      if (this.facility && String(this.facility.id) === String(f.id)) this.keys = keys;
    } catch (err) {
      this.keyError = problemSummary(err);
    }
  }

  private close(): void {
    this.feedKey = null;
    this.dispatchEvent(new CustomEvent('close'));
  }

  /** A new edit: the last "saved" message no longer applies. */
  private edit(which: string): void {
    this.status = '';
    this.editing = which;
  }

  private stopEditing(): void {
    this.editing = null;
  }

  private programSaved(p: Program): void {
    this.editing = null;
    this.status = t('admin.program.saved', { name: p.name });
    this.dispatchEvent(new CustomEvent('program-saved', { detail: p }));
  }

  private async createKey(f: Facility): Promise<void> {
    this.keyBusy = true;
    this.keyError = '';
    this.copied = '';
    try {
      this.feedKey = await api.createFeedKey(f.id);
      void this.loadKeys();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#feed-key')?.focus();
    } catch (err) {
      this.keyError = problemSummary(err);
    } finally {
      this.keyBusy = false;
    }
  }

  /** The clipboard API needs a secure context; otherwise the key stays selected for the user to copy. */
  private async copy(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#feed-key');
    if (!this.feedKey) return;
    try {
      await navigator.clipboard.writeText(this.feedKey.key);
      this.copied = t('admin.feedKey.copied');
    } catch {
      input?.focus();
      input?.select();
      this.copied = t('admin.feedKey.copyByHand');
    }
  }

  /** Leaving the facility forgets the key: it is shown once, never again. */
  updated(changed: Map<string, unknown>): void {
    if (changed.has('facility')) {
      const before = changed.get('facility') as Facility | null | undefined;
      if (before && this.facility && String(before.id) !== String(this.facility.id)) {
        this.feedKey = null;
        this.editing = null;
      }
      if (!before || !this.facility || String(before.id) !== String(this.facility.id)) {
        this.keys = null;
        this.revoking = null;
        this.revokeStatus = '';
        void this.loadKeys();
      }
    }
  }
}
