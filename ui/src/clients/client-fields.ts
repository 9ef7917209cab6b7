import { html, nothing } from 'lit';
import { GENDERS } from '../api/types';
import { t, tEnum } from '../i18n';

const FLAGS = [
  ['pets', 'find.pets'], ['substanceUse', 'find.substanceUse'], ['currentSexTrade', 'find.sexTrade'],
  ['wheelchair', 'find.wheelchair'], ['traffickingSpecialized', 'find.trafficking'],
] as const;

/**
 * The new-client form's fields. Names match the find-a-bed form, so one reader (bedRequestFrom) reads
 * both. There is deliberately no field for a legal name.
 */
export function clientFields(year: number, askOrganization: boolean) {
  return html`
    <div class="row">
      <div>
        <label for="alias">${t('clients.alias')}</label>
        <input id="alias" name="alias" required maxlength="60" autocomplete="off" autocapitalize="characters"
          aria-describedby="alias-hint" />
        <p id="alias-hint" class="muted hint">${t('clients.aliasHint')}</p>
      </div>
      <div>
        <label for="birthYear">${t('clients.birthYear')}</label>
        <input id="birthYear" name="birthYear" type="number" inputmode="numeric" min=${year - 110} max=${year} />
      </div>
      <div>
        <label for="gender">${t('find.gender')}</label>
        <select id="gender" name="gender">
          <option value="">${t('find.any')}</option>
          ${GENDERS.map((g) => html`<option value=${g}>${tEnum('gender', g)}</option>`)}
        </select>
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
      ${askOrganization ? html`<div>
        <label for="organization">${t('clients.organization')}</label>
        <input id="organization" name="organization" required maxlength="120" />
      </div>` : nothing}
    </div>
    <fieldset>
      <legend>${t('clients.needs')}</legend>
      <div class="flags">
        ${FLAGS.map(([name, key]) => html`<label class="check"><input type="checkbox" name=${name} />${t(key)}</label>`)}
      </div>
    </fieldset>
    <label class="check"><input type="checkbox" name="consentToShare" />${t('clients.consent')}</label>
  `;
}
