import { html } from 'lit';
import { GENDERS, type BedRequest, type Needs, type ProgramType } from '../api/types';
import { t, tEnum } from '../i18n';

/** Outside Mon–Fri 09:00–17:00 most agencies are closed, so the search asks for intake right now. */
export function admitNowByDefault(when: Date): boolean {
  const day = when.getDay();
  const hour = when.getHours();
  return day === 0 || day === 6 || hour < 9 || hour >= 17;
}

const FLAGS = [
  ['pets', 'find.pets'], ['substanceUse', 'find.substanceUse'], ['currentSexTrade', 'find.sexTrade'],
  ['wheelchair', 'find.wheelchair'], ['traffickingSpecialized', 'find.trafficking'],
] as const;

export function bedRequestFrom(form: FormData): BedRequest {
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
  const request: BedRequest = { needs, admitNow: form.get('admitNow') === 'on' };
  const region = String(form.get('regionCode') ?? '');
  if (region) request.regionCode = region;
  const types = form.getAll('types').map(String) as ProgramType[];
  if (types.length) request.types = types;
  return request;
}

/** The needs part of the search form; the form reads it back with bedRequestFrom. */
export function needsFields() {
  return html`
    <div class="row">
      <div>
        <label for="gender">${t('find.gender')}</label>
        <select id="gender" name="gender">
          <option value="">${t('find.any')}</option>
          ${GENDERS.map((g) => html`<option value=${g}>${tEnum('gender', g)}</option>`)}
        </select>
      </div>
      <div>
        <label for="age">${t('find.age')}</label>
        <input id="age" name="age" type="number" inputmode="numeric" min="0" max="120" />
      </div>
      <div>
        <label for="children">${t('find.children')}</label>
        <input id="children" name="children" type="number" inputmode="numeric" min="0" max="20" value="0" />
      </div>
      <div>
        <label for="language">${t('find.language')}</label>
        <select id="language" name="language">
          <option value="">${t('find.any')}</option>
          <option value="en" lang="en">English</option>
          <option value="fr" lang="fr">Français</option>
        </select>
      </div>
    </div>
    <div class="flags">
      ${FLAGS.map(([name, key]) => html`<label class="check"><input type="checkbox" name=${name} />${t(key)}</label>`)}
    </div>
  `;
}
