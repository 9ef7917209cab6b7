import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, formatDateTime, locale, t, type Locale } from '../i18n';
import { shared } from '../ui/styles';
import { groupCode } from './door';

/**
 * What goes on paper with an arrival code, and nothing more: no alias, no client id, no phone. The address only
 * when the service already gave it to this viewer (a confidential shelter's address is null for a caseworker).
 */
export interface SheetContent { code: string; programName: string; address: string | null; expiresAt: string }

export interface SheetLine { key: 'program' | 'address' | 'until'; label: string; value: string }

/** The lines under the code, in the reader's language. */
export function sheetLines(c: SheetContent, l: Locale = locale()): SheetLine[] {
  const lines: SheetLine[] = [{ key: 'program', label: t('sheet.program', {}, l), value: c.programName }];
  if (c.address) lines.push({ key: 'address', label: t('sheet.address', {}, l), value: c.address });
  lines.push({ key: 'until', label: t('sheet.until', {}, l), value: formatDateTime(c.expiresAt, l) });
  return lines;
}

const PRINTING = 'printing-code';

/** Opens the print view over the dashboard; the dashboard waits behind it (inert) until it closes. */
export function openCodeSheet(content: SheetContent, opener: HTMLElement | null = null): CodeSheet {
  document.querySelector('harbour-code-sheet')?.remove();
  const sheet = document.createElement('harbour-code-sheet') as CodeSheet;
  sheet.content = content;
  sheet.opener = opener;
  document.body.append(sheet);
  return sheet;
}

/**
 * The arrival code as a sheet to print: on screen a full-page view with Print and Close; on paper the code, large,
 * and its lines (global.css hides everything else in the body while it is open).
 */
@customElement('harbour-code-sheet')
export class CodeSheet extends LitElement {
  static styles = [shared, css`
    :host { position: fixed; inset: 0; z-index: 1000; overflow: auto; background: var(--bg); }
    .page { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; display: grid; gap: 1rem; }
    .code { font: 800 clamp(3rem, 17vw, 6.5rem)/1 ui-monospace, 'DejaVu Sans Mono', monospace; letter-spacing: 0.1em;
      text-align: center; margin: 0.5rem 0; border: 3px solid currentColor; border-radius: var(--radius); padding: 1.25rem 0.5rem; }
    dl { display: grid; gap: 0.6rem; margin: 0; font-size: 1.3rem; }
    dt { font-weight: 700; font-size: 1rem; }
    dd { margin: 0; overflow-wrap: anywhere; }
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .buttons button { flex: 1 1 9rem; min-height: 52px; }
    .hint { font-size: 0.95rem; }
    @media print {
      :host { position: static; overflow: visible; background: #fff; color: #000; }
      .page { max-width: none; padding: 0; }
      .code { font-size: min(64pt, 15vw); white-space: nowrap; color: #000; }
      dl { font-size: 16pt; color: #000; }
      .screen-only { display: none !important; }
    }
  `];

  @property({ attribute: false }) content: SheetContent | null = null;
  opener: HTMLElement | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.close();
  };

  constructor() {
    super();
    new LocaleController(this);
  }

  connectedCallback(): void {
    super.connectedCallback();
    document.body.classList.add(PRINTING);
    this.app(true);
    document.addEventListener('keydown', this.onKey);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="print-sheet"]')?.focus());
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.body.classList.remove(PRINTING);
    this.app(false);
    document.removeEventListener('keydown', this.onKey);
  }

  /** The dashboard behind the sheet: out of reach of the keyboard and screen readers while the sheet is open. */
  private app(inert: boolean): void {
    const app = document.querySelector('harbour-app') as HTMLElement | null;
    if (app) app.inert = inert;
  }

  render() {
    const c = this.content;
    if (!c) return nothing;
    return html`<div class="page" role="dialog" aria-modal="true" aria-labelledby="sheet-title">
      <p class="screen-only muted hint">${t('sheet.hint')}</p>
      <h1 id="sheet-title">${t('code.title')}</h1>
      <p class="code" data-sheet-code aria-label=${[...c.code].join(' ')}>${groupCode(c.code)}</p>
      <dl>${sheetLines(c).map((line) => html`<div data-line=${line.key}><dt>${line.label}</dt><dd>${line.value}</dd></div>`)}</dl>
      <div class="buttons screen-only">
        <button type="button" data-action="print-sheet" @click=${() => window.print()}>${t('code.print')}</button>
        <button type="button" class="secondary" data-action="close-sheet" @click=${this.close}>${t('code.close')}</button>
      </div>
    </div>`;
  }

  close = (): void => {
    const back = this.opener;
    this.remove();
    back?.focus();
  };
}
