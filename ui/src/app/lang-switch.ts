import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocaleController, locale, setLocale, t } from '../i18n';
import { shared } from '../ui/styles';

@customElement('harbour-lang-switch')
export class LangSwitch extends LitElement {
  static styles = [shared];

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const other = locale() === 'en' ? 'fr' : 'en';
    return html`<button class="secondary" lang=${other} aria-label=${t('lang.switchLabel')}
      @click=${() => setLocale(other)}>${t('lang.switch')}</button>`;
  }
}
