import { html, nothing } from 'lit';
import { CULTURAL_FOCUSES, GENDERS, type BedRequest, type CulturalFocus, type Id, type Needs, type ProgramType } from '../api/types';
import { intlLocale, t, tEnum, type MessageKey } from '../i18n';

/** Outside Mon–Fri 09:00–17:00 most agencies are closed, so the search asks for intake right now. */
export function admitNowByDefault(when: Date): boolean {
  const day = when.getDay();
  const hour = when.getHours();
  return day === 0 || day === 6 || hour < 9 || hour >= 17;
}

export const FLAGS = [
  ['pets', 'find.pets'], ['substanceUse', 'find.substanceUse'], ['currentSexTrade', 'find.sexTrade'],
  ['wheelchair', 'find.wheelchair'], ['avoidMandatoryActivities', 'find.avoidMandatory'],
  ['traffickingSpecialized', 'find.trafficking'],
] as const;

/** Languages offered in the pickers (ISO 639-1/-3 codes, as programs list them); named in the reader's language. */
export const LANGUAGES = ['en', 'fr', 'cr', 'oj', 'iu', 'es', 'ar', 'zh', 'pa', 'uk', 'ti', 'so'];

/** Names the browser's own data may lack (Indigenous languages of Canada). */
const OWN_NAMES: Record<string, [string, string]> = { cr: ['Cree', 'Cri'], oj: ['Ojibwe', 'Ojibwé'], iu: ['Inuktitut', 'Inuktitut'] };

export function languageName(code: string, lang: string = intlLocale()): string {
  const own = OWN_NAMES[code];
  if (own) return lang.startsWith('fr') ? own[1] : own[0];
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code);
    return name && name !== code ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** The needs of the search form and the client form (the same field names in both). */
export function needsFrom(form: FormData): Needs {
  const needs: Needs = {};
  const gender = String(form.get('gender') ?? '');
  if (gender) needs.gender = gender as Needs['gender'];
  const age = Number.parseInt(String(form.get('age') ?? ''), 10);
  if (Number.isFinite(age)) needs.age = age;
  const children = Number.parseInt(String(form.get('children') ?? ''), 10);
  if (Number.isFinite(children)) needs.children = children;
  for (const [name] of FLAGS) needs[name] = form.get(name) === 'on';
  const language = String(form.get('language') ?? '');
  if (language) needs.language = language;
  // "Must speak it" means nothing without a language: it is not sent then.
  if (language) needs.languageRequired = form.get('languageRequired') === 'on';
  const cultural = String(form.get('culturallySpecific') ?? '');
  if (cultural) needs.culturallySpecific = cultural as CulturalFocus;
  return needs;
}

export function bedRequestFrom(form: FormData): BedRequest & { needs: Needs } {
  const request: BedRequest & { needs: Needs } = { needs: needsFrom(form), admitNow: form.get('admitNow') === 'on' };
  const region = String(form.get('regionCode') ?? '');
  if (region) request.regionCode = region;
  const types = form.getAll('types').map(String) as ProgramType[];
  if (types.length) request.types = types;
  return request;
}

/** The search for a chosen client: her id, and "save to client" stores these needs on her record. */
export function searchBodyFor(form: FormData, clientId: Id | null): BedRequest {
  const request: BedRequest = bedRequestFrom(form);
  if (clientId != null && clientId !== '') {
    request.clientId = clientId;
    if (form.get('saveNeeds') === 'on') request.saveNeeds = true;
  }
  return request;
}

/** Who the search is for: nobody, a chosen client, a new one by the alias typed, or both (which one?). */
export type ClientChoice =
  | { kind: 'anonymous' } | { kind: 'existing'; id: string } | { kind: 'new'; alias: string } | { kind: 'conflict' };

export function clientChoice(chosen: string, typedAlias: string): ClientChoice {
  const alias = typedAlias.trim();
  if (chosen && alias) return { kind: 'conflict' };
  if (chosen) return { kind: 'existing', id: chosen };
  if (alias) return { kind: 'new', alias };
  return { kind: 'anonymous' };
}

/** A field's value in a pre-filled form: text for inputs and selects, true/false for checkboxes. */
export type FieldValues = Record<string, string | boolean>;

const str = (v: FieldValues, name: string) => (typeof v[name] === 'string' ? (v[name] as string) : '');

export function genderField(v: FieldValues = {}) {
  return html`<div>
    <label for="gender">${t('find.gender')}</label>
    <select id="gender" name="gender">
      <option value="">${t('find.any')}</option>
      ${GENDERS.map((g) => html`<option value=${g} ?selected=${str(v, 'gender') === g}>${tEnum('gender', g)}</option>`)}
    </select>
  </div>`;
}

export function childrenField(v: FieldValues = {}) {
  return html`<div>
    <label for="children">${t('find.children')}</label>
    <input id="children" name="children" type="number" inputmode="numeric" min="0" max="20" value=${str(v, 'children') || '0'} />
  </div>`;
}

/** Language (a preference unless "must speak it") and a culturally specific service (a preference). */
export function preferenceFields(v: FieldValues = {}) {
  const language = str(v, 'language');
  const cultural = str(v, 'culturallySpecific');
  return html`<fieldset>
    <legend>${t('find.preferences')}</legend>
    <div class="row">
      <div>
        <label for="language">${t('find.language')}</label>
        <select id="language" name="language">
          <option value="">${t('find.any')}</option>
          ${LANGUAGES.map((code) => html`<option value=${code} ?selected=${language === code}>${languageName(code)}</option>`)}
          ${language && !LANGUAGES.includes(language) ? html`<option value=${language} selected>${languageName(language)}</option>` : nothing}
        </select>
      </div>
      <div>
        <label for="culturallySpecific">${t('find.cultural')}</label>
        <select id="culturallySpecific" name="culturallySpecific">
          <option value="">${t('find.noPreference')}</option>
          ${CULTURAL_FOCUSES.map((c) => html`<option value=${c} ?selected=${cultural === c}>${t(`admin.cultural.${c}` as MessageKey)}</option>`)}
        </select>
      </div>
    </div>
    <label class="check"><input type="checkbox" name="languageRequired" ?checked=${v.languageRequired === true} />${t('find.languageRequired')}</label>
    <p class="muted hint">${t('find.preferencesHint')}</p>
  </fieldset>`;
}

export function flagFields(v: FieldValues = {}) {
  return html`<div class="flags">
    ${FLAGS.map(([name, key]) => html`<label class="check"><input type="checkbox" name=${name} ?checked=${v[name] === true} />${t(key)}</label>`)}
  </div>`;
}

/** The needs part of the search form; the form reads it back with bedRequestFrom. */
export function needsFields() {
  return html`
    <div class="row">
      ${genderField()}
      <div>
        <label for="age">${t('find.age')}</label>
        <input id="age" name="age" type="number" inputmode="numeric" min="0" max="120" />
      </div>
      ${childrenField()}
    </div>
    ${flagFields()}
    ${preferenceFields()}
  `;
}
