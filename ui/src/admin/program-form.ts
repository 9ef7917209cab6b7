import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  api, CAPACITY_TYPES, CULTURAL_FOCUSES, GENDERS, POPULATIONS, PROGRAM_TYPES, SUBSTANCE_USES, type Id, type Program,
} from '../api';
import { LocaleController, t, tEnum, tn, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { checkField, describedBy, errorSummary, requiredNote, fieldError, focusFirstProblem, formStyles, selectField, textField } from './fields';
import { problemSummary, programBody, programDraft, serverFieldErrors, unplaced, type FieldErrors } from './forms';

const FIELDS = new Set(['name', 'type', 'population', 'capacityType', 'capacity', 'maxStayDays', 'nightlyCost',
  'eligibility.genders', 'eligibility.minAge', 'eligibility.maxAge', 'eligibility.substanceUse', 'eligibility.languages',
  'eligibility.culturallySpecific']);

/** Add or edit a program of a facility, with the whole eligibility model that search matches against. */
@customElement('harbour-program-form')
export class ProgramForm extends LitElement {
  static styles = [shared, formStyles, css`
    form { display: grid; gap: 0.9rem; }
  `];

  @property({ attribute: false }) facilityId: Id | null = null;
  @property({ attribute: false }) program: Program | null = null;
  @state() private errors: FieldErrors = {};
  @state() private summary = '';
  @state() private busy = false;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const d = programDraft(this.program ?? undefined);
    const el = d.eligibility;
    const e = this.errors;
    const p = this.program ? `prog-${this.program.id}` : 'prog-new';
    const options = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
    const gendersError = e['eligibility.genders'];
    return html`
      <form novalidate @submit=${this.save} aria-labelledby="${p}-title" data-form="program">
        <h3 id="${p}-title">${this.program ? t('admin.program.editTitle', { name: this.program.name }) : t('admin.program.new')}</h3>
        ${requiredNote(t('admin.requiredNote'))}
        ${this.summary ? errorSummary(`${p}-summary`, this.summary, unplaced(e, (f) => FIELDS.has(f))) : nothing}
        <div class="grid">
          ${textField({ prefix: p, name: 'name', label: t('admin.program.name'), value: d.name, errors: e, required: true, autocomplete: 'off' })}
          ${selectField({ prefix: p, name: 'type', label: t('admin.program.type'), value: d.type, errors: e, required: true, options: options(PROGRAM_TYPES, (v) => tEnum('type', v)) })}
          ${selectField({ prefix: p, name: 'population', label: t('admin.program.population'), value: d.population, errors: e, required: true, options: options(POPULATIONS, (v) => tEnum('pop', v)) })}
          ${selectField({ prefix: p, name: 'capacityType', label: t('admin.program.capacityType'), value: d.capacityType, errors: e, required: true, options: options(CAPACITY_TYPES, (v) => t(`admin.capacityType.${v}` as MessageKey)) })}
          ${textField({ prefix: p, name: 'capacity', label: t('admin.program.capacity'), value: d.capacity, errors: e, required: true, type: 'number', inputmode: 'numeric' })}
          ${textField({ prefix: p, name: 'maxStayDays', label: t('admin.program.maxStayDays'), value: d.maxStayDays, errors: e, type: 'number', inputmode: 'numeric', hint: t('admin.optional') })}
          ${textField({ prefix: p, name: 'nightlyCost', label: t('admin.program.nightlyCost'), value: d.nightlyCost, errors: e, inputmode: 'decimal', hint: t('admin.program.nightlyCostHint') })}
        </div>
        <fieldset aria-describedby=${describedBy(p, e, 'eligibility.genders') ?? ''} data-field="eligibility.genders">
          <legend>${t('admin.program.genders')}<span class="req" aria-hidden="true"> *</span></legend>
          <div class="checks">
            ${GENDERS.map((g) => html`<div class="check"><input id="${p}-g-${g}" type="checkbox" name="genders" value=${g}
              .checked=${el.genders.includes(g)} aria-invalid=${gendersError ? 'true' : 'false'} />
              <label for="${p}-g-${g}">${tEnum('gender', g)}</label></div>`)}
          </div>
          ${fieldError(p, e, 'eligibility.genders')}
        </fieldset>
        <fieldset>
          <legend>${t('admin.program.eligibility')}</legend>
          <div class="grid">
            ${textField({ prefix: p, name: 'minAge', field: 'eligibility.minAge', label: t('admin.program.minAge'), value: el.minAge, errors: e, type: 'number', inputmode: 'numeric' })}
            ${textField({ prefix: p, name: 'maxAge', field: 'eligibility.maxAge', label: t('admin.program.maxAge'), value: el.maxAge, errors: e, type: 'number', inputmode: 'numeric' })}
            ${selectField({ prefix: p, name: 'substanceUse', field: 'eligibility.substanceUse', label: t('admin.program.substanceUse'), value: el.substanceUse, errors: e, required: true,
              options: options(SUBSTANCE_USES, (v) => t(`elig.${v}` as MessageKey)) })}
            ${textField({ prefix: p, name: 'languages', field: 'eligibility.languages', label: t('admin.program.languages'), value: el.languages.join(', '), errors: e, autocomplete: 'off', hint: t('admin.program.languagesHint') })}
            ${selectField({ prefix: p, name: 'culturallySpecific', field: 'eligibility.culturallySpecific', label: t('admin.program.cultural'), value: el.culturallySpecific ?? '', errors: e,
              options: [{ value: '', label: t('admin.program.culturalNone') }, ...options(CULTURAL_FOCUSES, (v) => t(`admin.cultural.${v}` as MessageKey))] })}
          </div>
          <div class="checks">
            ${checkField(p, 'acceptsChildren', t('admin.program.acceptsChildren'), el.acceptsChildren)}
            ${checkField(p, 'acceptsPets', t('admin.program.acceptsPets'), el.acceptsPets)}
            ${checkField(p, 'acceptsCurrentSexTrade', t('admin.program.acceptsCurrentSexTrade'), el.acceptsCurrentSexTrade)}
            ${checkField(p, 'mandatoryActivities', t('admin.program.mandatoryActivities'), el.mandatoryActivities)}
            ${checkField(p, 'wheelchairAccessible', t('admin.program.wheelchairAccessible'), el.wheelchairAccessible)}
            ${checkField(p, 'traffickingSpecialized', t('admin.program.traffickingSpecialized'), el.traffickingSpecialized)}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t('admin.saving') : this.program ? t('admin.program.save') : t('admin.program.add')}</button>
          <button type="button" class="secondary" @click=${this.cancel}>${t('admin.cancel')}</button>
        </div>
      </form>`;
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  private async save(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const p = this.program ? `prog-${this.program.id}` : 'prog-new';
    const { body, errors } = programBody(new FormData(ev.target as HTMLFormElement));
    if (Object.keys(errors).length) {
      this.errors = errors;
      this.summary = tn('admin.fixErrors', Object.keys(errors).length);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, `${p}-summary`);
      return;
    }
    this.busy = true;
    try {
      const saved = this.program
        ? await api.updateProgram(this.program.id, body)
        : await api.addProgram(this.facilityId!, body);
      this.errors = {};
      this.summary = '';
      this.dispatchEvent(new CustomEvent<Program>('saved', { detail: saved }));
    } catch (err) {
      this.errors = serverFieldErrors(err);
      this.summary = problemSummary(err);
      await this.updateComplete;
      focusFirstProblem(this.renderRoot, `${p}-summary`);
    } finally {
      this.busy = false;
    }
  }
}
