import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, type Facility, type Program, type Region } from '../api';
import { LocaleController, formatNumber, regionName as regionNameIn, t, tn } from '../i18n';
import { shared } from '../ui/styles';
import { problemSummary } from './forms';
import { facilityMatches, upsertFacility, upsertProgram } from './lists';
import './facility-editor';
import './user-admin';
import './audit-log';

type Panel = 'facilities' | 'users' | 'audit';

/** ADMIN: facilities and their programs, feed keys, user accounts, and the audit log. */
@customElement('harbour-admin-view')
export class AdminView extends LitElement {
  static styles = [shared, css`
    .switch { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0 1rem; }
    .switch button[aria-pressed='false'] { background: transparent; color: var(--accent); }
    .bar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 0.75rem; }
    .bar .filter { flex: 1 1 14rem; }
    .list { display: grid; gap: 0.5rem; }
    .facility { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
    .facility p { margin: 0; }
    .name { font-weight: 700; overflow-wrap: anywhere; }
  `];

  @state() private panel: Panel = 'facilities';
  @state() private facilities: Facility[] | null = null;
  @state() private regions: Region[] = [];
  @state() private selected: Facility | 'new' | null = null;
  @state() private filter = '';
  @state() private error = '';
  @state() private limit = 50;

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [facilities, regions] = await Promise.all([api.facilities(), api.regions()]);
      this.facilities = facilities;
      this.regions = regions;
      this.error = '';
    } catch (err) {
      this.error = problemSummary(err);
    }
  }

  render() {
    return html`
      <h1>${t('admin.title')}</h1>
      <div class="switch" role="group" aria-label=${t('admin.sections')}>
        <button type="button" aria-pressed=${this.panel === 'facilities' ? 'true' : 'false'} @click=${() => this.show('facilities')}>${t('admin.facilities')}</button>
        <button type="button" aria-pressed=${this.panel === 'users' ? 'true' : 'false'} @click=${() => this.show('users')}>${t('admin.users')}</button>
        <button type="button" aria-pressed=${this.panel === 'audit' ? 'true' : 'false'} @click=${() => this.show('audit')}>${t('admin.audit')}</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error} <button type="button" class="secondary" @click=${this.load}>${t('common.retry')}</button></p>` : nothing}
      ${this.panel === 'users'
        ? html`<harbour-user-admin .facilities=${this.facilities ?? []}></harbour-user-admin>`
        : this.panel === 'audit' ? html`<harbour-audit-log></harbour-audit-log>`
        : this.selected ? this.editor(this.selected) : this.list()}
    `;
  }

  private show(panel: Panel): void {
    this.panel = panel;
  }

  private editor(selected: Facility | 'new') {
    return html`<harbour-facility-editor .facility=${selected === 'new' ? null : selected} .regions=${this.regions}
      @facility-saved=${(e: CustomEvent<Facility>) => this.facilitySaved(e.detail)}
      @program-saved=${(e: CustomEvent<Program>) => this.programSaved(e.detail)}
      @close=${this.closeEditor}></harbour-facility-editor>`;
  }

  private list() {
    const all = this.facilities;
    if (all === null) return html`<p class="muted">${t('common.loading')}</p>`;
    const regionName = new Map(this.regions.map((r) => [r.code, regionNameIn(r)]));
    const shown = all.filter((f) => facilityMatches(f, this.filter, regionName));
    return html`
      <div class="bar">
        <div class="filter">
          <label for="facility-filter">${t('admin.facility.filter')}</label>
          <input id="facility-filter" type="search" autocomplete="off" .value=${this.filter}
            @input=${(e: Event) => { this.filter = (e.target as HTMLInputElement).value; this.limit = 50; }} />
        </div>
        <button type="button" @click=${() => this.open('new')}>${t('admin.facility.new')}</button>
      </div>
      <h2 aria-live="polite">${t('admin.facility.count', { n: formatNumber(shown.length) })}</h2>
      <ul class="plain list">
        ${shown.slice(0, this.limit).map((f) => html`<li class="card facility" data-facility-id=${String(f.id)}>
          <div>
            <p class="name">${f.name}${f.confidential ? html` <span class="muted">· ${t('admin.facility.confidentialShort')}</span>` : nothing}</p>
            <p class="muted">${f.municipality} · ${regionName.get(f.regionCode) ?? f.regionCode} · ${tn('board.programs', f.programs.length)}</p>
          </div>
          <button type="button" class="secondary" @click=${() => this.open(f)} aria-label=${t('admin.facility.editNamed', { name: f.name })}>${t('admin.edit')}</button>
        </li>`)}
      </ul>
      ${shown.length > this.limit ? html`<div class="bar"><button type="button" class="secondary" @click=${() => (this.limit += 50)}>${t('admin.facility.more')}</button></div>` : nothing}
    `;
  }

  private async open(f: Facility | 'new'): Promise<void> {
    this.selected = f;
    await this.updateComplete;
    const editor = this.renderRoot.querySelector('harbour-facility-editor');
    await (editor as LitElement | null)?.updateComplete;
    editor?.shadowRoot?.querySelector<HTMLElement>('#editor-title')?.focus();
  }

  private closeEditor(): void {
    const was = this.selected;
    this.selected = null;
    void this.updateComplete.then(() => {
      const id = was && was !== 'new' ? String(was.id) : null;
      const target = id ? this.renderRoot.querySelector<HTMLElement>(`[data-facility-id="${id}"] button`) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('#facility-filter'))?.focus();
    });
  }

  private facilitySaved(f: Facility): void {
    const existing = this.facilities?.find((x) => String(x.id) === String(f.id));
    // A PUT answers the facility; keep the programs already known if it leaves them out.
    const saved = { ...f, programs: f.programs ?? existing?.programs ?? [] };
    this.facilities = upsertFacility(this.facilities ?? [], saved);
    this.selected = saved;
  }

  private programSaved(p: Program): void {
    if (!this.selected || this.selected === 'new') return;
    const updated = upsertProgram(this.selected, p);
    this.facilities = upsertFacility(this.facilities ?? [], updated);
    this.selected = updated;
  }
}
