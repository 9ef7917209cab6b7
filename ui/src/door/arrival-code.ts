import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { groupCode, spellCode } from './door';
import { openCodeSheet } from './code-sheet';

/** The arrival code, big and clear, with a large-type view to read it over the phone (and print it). */
@customElement('harbour-arrival-code')
export class ArrivalCode extends LitElement {
  static styles = [shared, css`
    .box { border: 2px dashed var(--accent); border-radius: var(--radius); padding: 0.6rem 0.8rem; display: grid; gap: 0.35rem; }
    .label { font-weight: 700; }
    .code { font: 800 2.2rem/1.1 ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.12em; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    dialog { background: var(--surface); color: var(--text); border: 2px solid var(--accent); border-radius: var(--radius);
      width: min(40rem, 96vw); max-height: 96vh; padding: 1rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.75); }
    .huge { font: 800 clamp(3rem, 16vw, 6rem)/1 ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.1em; text-align: center; margin: 0.5rem 0 1rem; }
    ol { font-size: 1.35rem; line-height: 1.6; margin: 0 0 1rem; padding-left: 1.8rem; }
  `];

  @property() code = '';
  /** The client's alias, shown in the large view so the caseworker reads the right code (never printed). */
  @property() alias = '';
  /** For the printed sheet: the program, its address when this viewer may already see it, and the hold's expiry. */
  @property() programName = '';
  @property({ attribute: false }) address: string | null = null;
  @property() expiresAt = '';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    if (!this.code) return nothing;
    const grouped = groupCode(this.code);
    return html`
      <div class="box" data-arrival-code=${this.code}>
        <span class="label">${t('code.title')}</span>
        <span class="code" aria-label=${spellCode(this.code).join(', ')}>${grouped}</span>
        <span class="muted">${t('code.hint')}</span>
        <div class="buttons">
          <button type="button" class="secondary" data-action="large-code" @click=${this.show}>${t('code.large')}</button>
          <button type="button" class="secondary" data-action="print-view" @click=${this.print}>${t('code.printView')}</button>
        </div>
      </div>
      <dialog aria-labelledby="big-title">
        <h2 id="big-title">${t('code.title')}${this.alias ? html` · ${t('code.forClient', { alias: this.alias })}` : nothing}</h2>
        <p class="huge" data-big-code>${grouped}</p>
        <h3>${t('code.spelled')}</h3>
        <ol>${spellCode(this.code).map((s) => html`<li>${s}</li>`)}</ol>
        <div class="buttons">
          <button type="button" data-action="print-code" @click=${this.print}>${t('code.printView')}</button>
          <button type="button" class="secondary" data-action="close-code" @click=${this.hide}>${t('code.close')}</button>
        </div>
      </dialog>`;
  }

  /** The print view: the code, the program, the address if already visible, the expiry; never the alias. */
  private print(e: Event): void {
    this.hide();
    const opener = this.renderRoot.querySelector<HTMLElement>('[data-action="print-view"]') ?? (e.currentTarget as HTMLElement);
    openCodeSheet({ code: this.code, programName: this.programName, address: this.address, expiresAt: this.expiresAt }, opener);
  }

  private show(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private hide(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }
}
