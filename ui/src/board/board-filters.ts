import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GENDERS, PROGRAM_TYPES, type Gender, type ProgramType } from '../api/types';
import { LocaleController, intlLocale, t, tEnum, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { NO_FILTER, NO_NEEDS, factCount, isFiltered, type BoardFilter, type BoardNeeds } from './board-filter';

type Flag = 'pets' | 'wheelchair' | 'substanceUse' | 'currentSexTrade' | 'avoidMandatoryActivities';
/** The yes/no facts, with the labels Find a bed uses for the same questions. */
const FLAGS: [Flag, MessageKey][] = [
  ['pets', 'find.pets'], ['wheelchair', 'find.wheelchair'], ['substanceUse', 'find.substanceUse'],
  ['currentSexTrade', 'find.sexTrade'], ['avoidMandatoryActivities', 'find.avoidMandatory'],
];

/** The board's filters in one compact row; "fits this person" opens a short needs form below it. */
@customElement('harbour-board-filters')
export class BoardFilters extends LitElement {
  static styles = [shared, css`
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: end; }
    .text { flex: 2 1 14rem; }
    .pick { flex: 1 1 10rem; min-width: 0; }
    .bar > .check { flex: 0 0 auto; margin: 0; white-space: nowrap; }
    label { font-size: 0.85rem; }
    details { flex: 0 0 auto; }
    details[open] { flex: 1 1 100%; order: 10; }
    summary { min-height: 44px; display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.4rem 0.8rem;
      border: 2px solid var(--accent); border-radius: var(--radius); color: var(--accent); font-weight: 600; cursor: pointer; }
    summary.on { background: var(--accent); color: var(--accent-text); }
    summary::-webkit-details-marker { display: none; }
    summary::after { content: '▾' / ''; }
    details[open] summary::after { content: '▴' / ''; }
    .needs { margin-top: 0.5rem; padding: 0.6rem 0.75rem; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
    .facts { display: grid; gap: 0.5rem 0.75rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr)); }
    .flags { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr)); }
    .hint { font-size: 0.85rem; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
    button.secondary { min-height: 44px; }
  `];

  @property({ attribute: false }) filter: BoardFilter = NO_FILTER;
  /** The regions to choose from, in the board's order: [code, name]. */
  @property({ attribute: false }) regions: [string, string][] = [];
  /** Funders see no person, so they get no "fits this person". */
  @property({ attribute: false }) fitsPerson = true;

  constructor() {
    super();
    new LocaleController(this);
  }

  private change(next: Partial<BoardFilter>): void {
    this.dispatchEvent(new CustomEvent<BoardFilter>('filter-change', { detail: { ...this.filter, ...next } }));
  }

  private changeNeeds(next: Partial<BoardNeeds>): void {
    this.change({ needs: { ...this.filter.needs, ...next } });
  }

  render() {
    const f = this.filter;
    const facts = factCount(f.needs);
    return html`<div class="bar" role="search" aria-label=${t('board.filters')}>
      <div class="text">
        <label for="filter">${t('board.filter')}</label>
        <input id="filter" type="search" .value=${f.text} @input=${(e: Event) => this.change({ text: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="pick">
        <label for="type">${t('board.type')}</label>
        <select id="type" @change=${(e: Event) => this.change({ type: (e.target as HTMLSelectElement).value as ProgramType | '' })}>
          <option value="" ?selected=${!f.type}>${t('board.anyType')}</option>
          ${PROGRAM_TYPES.map((ty) => html`<option value=${ty} ?selected=${f.type === ty}>${tEnum('type', ty)}</option>`)}
        </select>
      </div>
      <div class="pick">
        <label for="region">${t('find.region')}</label>
        <select id="region" @change=${(e: Event) => this.change({ region: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!f.region}>${t('board.anyRegion')}</option>
          ${this.regions.map(([code, name]) => html`<option value=${code} ?selected=${f.region === code}>${name}</option>`)}
        </select>
      </div>
      <label class="check"><input type="checkbox" .checked=${f.hasBed}
        @change=${(e: Event) => this.change({ hasBed: (e.target as HTMLInputElement).checked })} />${t('board.hasBed')}</label>
      ${this.fitsPerson ? this.fits(facts) : nothing}
      ${isFiltered(f) ? html`<button type="button" class="secondary" data-action="clear-filters"
        @click=${() => this.change(NO_FILTER)}>${t('board.clearFilters')}</button>` : nothing}
    </div>`;
  }

  private fits(facts: number) {
    const n = this.filter.needs;
    const number = (e: Event) => {
      const v = Number.parseInt((e.target as HTMLInputElement).value, 10);
      return Number.isFinite(v) && v >= 0 && v <= 120 ? v : null;
    };
    return html`<details>
      <summary class=${facts ? 'on' : ''}>${facts ? t(new Intl.PluralRules(intlLocale()).select(facts) === 'one' ? 'board.fitsOn_one' : 'board.fitsOn_other', { n: facts }) : t('board.fits')}</summary>
      <div class="needs">
        <div class="facts">
          <div>
            <label for="gender">${t('find.gender')}</label>
            <select id="gender" @change=${(e: Event) => this.changeNeeds({ gender: (e.target as HTMLSelectElement).value as Gender | '' })}>
              <option value="" ?selected=${!n.gender}>${t('find.any')}</option>
              ${GENDERS.map((g) => html`<option value=${g} ?selected=${n.gender === g}>${tEnum('gender', g)}</option>`)}
            </select>
          </div>
          <div>
            <label for="age">${t('find.age')}</label>
            <input id="age" type="number" inputmode="numeric" min="0" max="120" .value=${n.age === null ? '' : String(n.age)}
              @input=${(e: Event) => this.changeNeeds({ age: number(e) })} />
          </div>
          <div>
            <label for="children">${t('find.children')}</label>
            <input id="children" type="number" inputmode="numeric" min="0" max="20" .value=${String(n.children)}
              @input=${(e: Event) => this.changeNeeds({ children: number(e) ?? 0 })} />
          </div>
        </div>
        <div class="flags">
          ${FLAGS.map(([name, key]) => html`<label class="check"><input type="checkbox" name=${name} .checked=${n[name]}
            @change=${(e: Event) => this.changeNeeds({ [name]: (e.target as HTMLInputElement).checked })} />${t(key)}</label>`)}
        </div>
        <p class="muted hint">${t('board.fitsHint')}</p>
        ${facts ? html`<div class="actions"><button type="button" class="secondary" data-action="clear-facts"
          @click=${() => this.change({ needs: NO_NEEDS })}>${t('board.fitsClear')}</button></div>` : nothing}
      </div>
    </details>`;
  }
}
