import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { api, PROGRAM_TYPES, WEEKDAYS, type Facility, type ProgramType, type Region } from '../api';
import { LocaleController, regionName, t, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { errorSummary, requiredNote, fieldError, focusFirstProblem, formStyles, selectField, textField } from './fields';
import { confidentialByDefault, confidentialShown } from './confidential';
import { facilityBody, facilityDraft, problemSummary, serverFieldErrors, unplaced, type FieldErrors } from './forms';

/** Canadian zones first; any IANA zone is accepted (the service checks it). */
const TIME_ZONES = ['America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Regina', 'America/Winnipeg',
  'America/Halifax', 'America/St_Johns', 'America/Whitehorse'];
const FIELDS = ['name', 'organization', 'regionCode', 'municipality', 'timeZone', 'address', 'intakePhone', 'intakeHours'];

interface HoursRow { key: number; day: string; open: string; close: string }

/** Create or edit a facility: where it is, who runs it, whether its address is secret, when intake answers. */
@customElement('harbour-facility-form')
export class FacilityForm extends LitElement {
  static styles = [shared, formStyles, css`
    .hours { display: grid; gap: 0.5rem; margin-top: 0.5rem; }
    .hours-row { display: grid; grid-template-columns: minmax(7rem, 1.4fr) 1fr 1fr auto; gap: 0.5rem; align-items: end; }
    @media (max-width: 30rem) { .hours-row { grid-template-columns: 1fr 1fr; } .hours-row .day { grid-column: 1 / -1; } }
    .warn-text { color: var(--warn); font-weight: 700; }
    #fac-kind { max-width: 24rem; }
  `];

  @property({ attribute: false }) facility: Facility | null = null;
  @property({ attribute: false }) regions: Region[] = [];
  @state() private errors: FieldErrors = {};
  @state() private summary = '';
  @state() private status = '';
  @state() private busy = false;
  @state() private alwaysOpen = true;
  @state() private rows: HoursRow[] = [];
  /** A new facility's main type of place: a DV shelter or safe house starts confidential. Not sent. */
  @state() private kind: ProgramType | '' = '';
  @state() private confidentialTouched = false;
  @state() private confidentialChosen = false;
  private nextKey = 0;
  private shownFor: Facility | null | undefined = undefined;

  constructor() {
    super();
    new LocaleController(this);
  }

  willUpdate(): void {
    if (this.shownFor !== this.facility) {
      // A different facility: start again from its values.
      this.shownFor = this.facility;
      const draft = facilityDraft(this.facility ?? undefined);
      this.alwaysOpen = draft.intakeHours.alwaysOpen;
      this.rows = draft.intakeHours.weekly.map((w) => ({ key: this.nextKey++, ...w }));
      this.errors = {};
      this.summary = '';
      this.kind = '';
      this.confidentialTouched = false;
      this.confidentialChosen = draft.confidential;
    }
  }

  render() {
    const d = facilityDraft(this.facility ?? undefined);
    const e = this.errors;
    const p = 'fac';
    return html`
      <form novalidate @submit=${this.save} aria-label=${this.facility ? t('admin.facility.edit') : t('admin.facility.new')}>
        ${requiredNote(t('admin.requiredNote'))}
        ${this.summary ? errorSummary('fac-summary', this.summary, unplaced(e, (f) => FIELDS.some((k) => f === k || f.startsWith('intakeHours')))) : nothing}
        <div class="grid">
          ${textField({ prefix: p, name: 'name', label: t('admin.facility.name'), value: d.name, errors: e, required: true, autocomplete: 'off' })}
          ${textField({ prefix: p, name: 'organization', label: t('admin.facility.organization'), value: d.organization, errors: e, required: true, autocomplete: 'organization' })}
          ${selectField({ prefix: p, name: 'regionCode', label: t('admin.facility.region'), value: d.regionCode, errors: e, required: true,
            options: [{ value: '', label: t('admin.choose') }, ...this.regions.map((r) => ({ value: r.code, label: `${regionName(r)} (${r.province})` }))] })}
          ${textField({ prefix: p, name: 'municipality', label: t('admin.facility.municipality'), value: d.municipality, errors: e, required: true, autocomplete: 'address-level2' })}
          ${textField({ prefix: p, name: 'timeZone', label: t('admin.facility.timeZone'), value: d.timeZone, errors: e, required: true, list: 'fac-zones', autocomplete: 'off', hint: t('admin.facility.timeZoneHint') })}
          ${textField({ prefix: p, name: 'address', label: t('admin.facility.address'), value: d.address, errors: e, autocomplete: 'street-address' })}
          ${textField({ prefix: p, name: 'intakePhone', label: t('admin.facility.intakePhone'), value: d.intakePhone, errors: e, type: 'tel', autocomplete: 'tel' })}
        </div>
        <datalist id="fac-zones">${TIME_ZONES.map((z) => html`<option value=${z}></option>`)}</datalist>
        ${this.facility ? nothing : html`<div class="field">
          <label for="fac-kind">${t('admin.facility.kind')}</label>
          <select id="fac-kind" aria-describedby="fac-kind-hint" @change=${(ev: Event) => (this.kind = (ev.target as HTMLSelectElement).value as ProgramType | '')}>
            <option value="" ?selected=${this.kind === ''}>${t('admin.choose')}</option>
            ${PROGRAM_TYPES.map((type) => html`<option value=${type} ?selected=${this.kind === type}>${t(`type.${type}` as MessageKey)}</option>`)}
          </select>
          <p class="hint" id="fac-kind-hint">${t('admin.facility.kindHint')}</p>
        </div>`}
        <div class="check"><input id="fac-confidential" name="confidential" type="checkbox"
          .checked=${confidentialShown(d.confidential, this.kind, this.confidentialTouched, this.confidentialChosen)}
          @change=${(ev: Event) => { this.confidentialTouched = true; this.confidentialChosen = (ev.target as HTMLInputElement).checked; }} />
          <label for="fac-confidential">${t('admin.facility.confidential')}</label></div>
        <p class="hint">${t('admin.facility.confidentialHint')}</p>
        ${confidentialByDefault(this.kind) && !confidentialShown(d.confidential, this.kind, this.confidentialTouched, this.confidentialChosen)
          ? html`<p class="hint warn-text" data-warning="not-confidential">${t('admin.facility.shouldBeConfidential')}</p>` : nothing}
        <fieldset>
          <legend>${t('admin.facility.intakeHours')}</legend>
          <div class="check"><input id="fac-alwaysOpen" name="alwaysOpen" type="checkbox" .checked=${this.alwaysOpen}
            @change=${(ev: Event) => (this.alwaysOpen = (ev.target as HTMLInputElement).checked)} />
            <label for="fac-alwaysOpen">${t('admin.facility.alwaysOpen')}</label></div>
          ${fieldError(p, e, 'intakeHours')}${fieldError(p, e, 'intakeHours.weekly')}
          ${this.alwaysOpen ? nothing : html`
            <div class="hours">
              ${repeat(this.rows, (r) => r.key, (r, i) => this.hoursRow(r, i))}
            </div>
            <div class="actions"><button type="button" class="secondary" @click=${this.addRow}>${t('admin.facility.addHours')}</button></div>`}
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('admin.saving') : this.facility ? t('admin.facility.save') : t('admin.facility.create')}</button>
          <span role="status" class="ok">${this.status}</span>
        </div>
      </form>`;
  }

  private hoursRow(r: HoursRow, i: number) {
    const p = 'fac';
    const e = this.errors;
    const f = (part: string) => `intakeHours.weekly[${i}].${part}`;
    const id = (part: string) => `fac-hours-${r.key}-${part}`;
    const n = i + 1;
    return html`<div class="hours-row" data-row=${i}>
      <div class="field day">
        <label for=${id('day')}>${t('admin.hours.day', { n })}</label>
        <select id=${id('day')} name="weeklyDay" data-field=${f('day')} aria-invalid=${e[f('day')] ? 'true' : 'false'}>
          ${WEEKDAYS.map((day) => html`<option value=${day} ?selected=${day === r.day}>${t(`day.${day}` as MessageKey)}</option>`)}
        </select>${fieldError(p, e, f('day'))}
      </div>
      <div class="field">
        <label for=${id('open')}>${t('admin.hours.open')}</label>
        <input id=${id('open')} name="weeklyOpen" type="time" .value=${r.open} data-field=${f('open')} aria-invalid=${e[f('open')] ? 'true' : 'false'} />
        ${fieldError(p, e, f('open'))}
      </div>
      <div class="field">
        <label for=${id('close')}>${t('admin.hours.close')}</label>
        <input id=${id('close')} name="weeklyClose" type="time" .value=${r.close} data-field=${f('close')} aria-invalid=${e[f('close')] ? 'true' : 'false'} />
        ${fieldError(p, e, f('close'))}
      </div>
      <button type="button" class="danger" @click=${() => this.removeRow(r.key)}
        aria-label=${t('admin.hours.remove', { n })}>✕</button>
    </div>`;
  }

  private addRow(): void {
    const last = this.rows[this.rows.length - 1];
    const nextDay = last ? WEEKDAYS[(WEEKDAYS.indexOf(last.day as never) + 1) % 7] : 'MONDAY';
    this.rows = [...this.rows, { key: this.nextKey++, day: nextDay, open: last?.open ?? '09:00', close: last?.close ?? '17:00' }];
  }

  private removeRow(key: number): void {
    this.rows = this.rows.filter((r) => r.key !== key);
  }

  private async save(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    const { body } = facilityBody(new FormData(form));
    this.busy = true;
    this.status = '';
    try {
      const saved = this.facility ? await api.updateFacility(this.facility.id, body) : await api.createFacility(body);
      this.errors = {};
      this.summary = '';
      this.status = t('admin.facility.saved', { name: saved.name });
      this.dispatchEvent(new CustomEvent<Facility>('saved', { detail: saved }));
    } catch (err) {
      this.errors = serverFieldErrors(err);
      this.summary = problemSummary(err);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, 'fac-summary');
    } finally {
      this.busy = false;
    }
  }
}
