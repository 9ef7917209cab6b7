import { html, nothing } from 'lit';
import { t } from '../i18n';
import { childrenField, flagFields, genderField, preferenceFields, type FieldValues } from '../find/needs';

/**
 * The client form's fields, for a new client and for editing one (`values` pre-fills them). Names match
 * the find-a-bed form, so one reader (needsFrom) reads both. There is deliberately no field for a legal name.
 */
export function clientFields(year: number, askOrganization: boolean, values: FieldValues = {}, isNew = true) {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '');
  return html`
    <div class="row">
      <div>
        <label for="alias">${t('clients.alias')}</label>
        <input id="alias" name="alias" required maxlength="60" autocomplete="off" autocapitalize="characters"
          aria-describedby="alias-hint" value=${text('alias')} />
        <p id="alias-hint" class="muted hint">${t('clients.aliasHint')}</p>
      </div>
      <div>
        <label for="birthYear">${t('clients.birthYear')}</label>
        <input id="birthYear" name="birthYear" type="number" inputmode="numeric" min=${year - 110} max=${year}
          value=${text('birthYear')} />
      </div>
      ${genderField(values)}
      ${childrenField(values)}
      ${askOrganization ? html`<div>
        <label for="organization">${t('clients.organization')}</label>
        <input id="organization" name="organization" required maxlength="120" />
      </div>` : nothing}
    </div>
    <fieldset>
      <legend>${t('clients.needs')}</legend>
      ${flagFields(values)}
    </fieldset>
    ${preferenceFields(values)}
    ${isNew ? html`<label class="check"><input type="checkbox" name="consentToShare" />${t('clients.consent')}</label>` : nothing}
  `;
}
