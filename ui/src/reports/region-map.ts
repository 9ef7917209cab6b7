import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CapacityQuery, CapacityRow } from '../api/types';
import type { DashboardData } from '../app/dashboard-data';
import { LocaleController, t, type MessageKey } from '../i18n';
import { shared } from '../ui/styles';
import { columnLabel, filterWords, groupLabel } from './report';
import { MAP_FIGURES, figureOf, formatFigure, shade, specializedBeds, stateWords, type MapCell, type MapFigure, type Shading } from './region-shading';
import { PROVINCES, TILES, tilesOf, wrapWords, type Province, type Tile } from './region-tiles';

/** A grid unit in the SVG's own coordinates; the SVG scales to its box, so this only sets the proportions. */
const UNIT = 100;
const GAP = 6;
const NAME_SIZE = 13;

/**
 * The funders' map (issue 19.2): every region a tile where it lies, shaded by the figure chosen, with the scale,
 * "suppressed" hatched and said in words (never 0), and the same figures in a table for screen readers. It shows
 * the report's own rows by region (the charts' request: nothing more is asked of the service). No facility is drawn.
 */
@customElement('harbour-region-map')
export class RegionMap extends LitElement {
  static styles = [shared, css`
    :host {
      /* a blue ramp, light to dark; text turns white from the fourth step (contrast at least 4.5:1 on every step) */
      --map-0: #eff3ff; --map-1: #bdd7e7; --map-2: #6baed6; --map-3: #2171b5; --map-4: #08306b;
      --map-ink: #0f1722; --map-ink-dark: #ffffff;
      margin-top: 1.25rem;
    }
    .controls { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0; }
    .controls > div { min-width: min(100%, 18rem); }
    figure { margin: 0; max-width: 58rem; }
    figcaption { font-weight: 700; margin-bottom: 0.4rem; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; list-style: none; margin: 0 0 0.75rem; padding: 0; font-size: 0.9rem; }
    .legend li { display: flex; align-items: center; gap: 0.4rem; }
    .swatch { display: inline-block; width: 1.6rem; height: 1rem; border: 1px solid var(--border); border-radius: 3px; flex-shrink: 0; }
    .swatch.step-0 { background: var(--map-0); } .swatch.step-1 { background: var(--map-1); } .swatch.step-2 { background: var(--map-2); }
    .swatch.step-3 { background: var(--map-3); } .swatch.step-4 { background: var(--map-4); }
    .swatch.suppressed { background: repeating-linear-gradient(45deg, var(--surface) 0 3px, var(--muted) 3px 5px); }
    .swatch.none { background: var(--surface-2); border-style: dashed; }
    /* the provinces west to east, at one scale (columns in proportion to their tiles), their south coasts aligned */
    .provinces { display: grid; grid-template-columns: 3fr 2fr 3fr; gap: 0.75rem; align-items: end; }
    .province p { margin: 0 0 0.2rem; font-weight: 600; color: var(--muted); font-size: 0.9rem; }
    svg { display: block; width: 100%; height: auto; overflow: visible; }
    rect.tile-shape { stroke: var(--border); stroke-width: 1; }
    rect.step-0 { fill: var(--map-0); } rect.step-1 { fill: var(--map-1); } rect.step-2 { fill: var(--map-2); }
    rect.step-3 { fill: var(--map-3); } rect.step-4 { fill: var(--map-4); }
    rect.none { fill: var(--surface-2); stroke-dasharray: 5 4; }
    .hatch-bg { fill: var(--surface); } .hatch-line { stroke: var(--muted); stroke-width: 2.5; }
    text { fill: var(--map-ink); font-family: inherit; }
    text.name { font-size: ${NAME_SIZE}px; font-weight: 600; }
    text.figure { font-size: 22px; font-weight: 700; }
    text.words { font-size: 13px; font-weight: 700; }
    g[data-step='3'] text, g[data-step='4'] text { fill: var(--map-ink-dark); }
    g[data-state='noData'] text, g[data-state='filteredOut'] text, g[data-state='noBeds'] text { fill: var(--text); }
    /* over the hatching, words keep a halo of the page's colour so they stay readable */
    g[data-state='suppressed'] text { fill: var(--text); paint-order: stroke; stroke: var(--surface); stroke-width: 4px; stroke-linejoin: round; }
    .note { font-size: 0.9rem; margin-top: 0.5rem; }
    /* a phone: the provinces one under the other, west first, each wide enough for its names */
    @media (max-width: 45rem) {
      .provinces { grid-template-columns: 1fr; }
      .province.p-AB { width: 67%; }
    }
  `];

  /** The report's rows by region (the same range and filters as the table). */
  @property({ attribute: false }) rows: CapacityRow[] = [];
  @property({ attribute: false }) query: CapacityQuery | null = null;
  @property({ attribute: false }) data: DashboardData | null = null;
  /** The dashboard's revision: region names and programs arrive after the first render. */
  @property({ type: Number }) revision = 0;
  /** Unmet requests per 100 bed nights first: where the gap is, at a glance. */
  @state() private figure: MapFigure = 'unmetPer100';

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const q = this.query;
    if (!q) return nothing;
    const programs = this.data?.programs;
    const beds = programs && programs.size ? specializedBeds(programs.values(), q) : new Map<string, number>();
    const shading = shade(this.figure, this.rows, q, beds);
    const regions = this.data?.regions ?? new Map<string, string>();
    const filters = filterWords(q, regions);
    const caption = (this.figure === 'specializedBeds'
      ? t('reports.map.captionToday', { figure: figureName(this.figure) })
      : t('reports.map.caption', { figure: figureName(this.figure), from: q.from, to: q.to }))
      + (filters.length ? ` (${filters.join(', ')})` : '');
    return html`
      <section aria-labelledby="map-title">
        <h3 id="map-title">${t('reports.map.title')}</h3>
        <div class="controls">
          <div><label for="mapFigure">${t('reports.map.figure')}</label>
            <select id="mapFigure" @change=${(e: Event) => { this.figure = (e.target as HTMLSelectElement).value as MapFigure; }}>
              ${MAP_FIGURES.map((f) => html`<option value=${f} ?selected=${f === this.figure}>${figureName(f)}</option>`)}
            </select></div>
        </div>
        <figure data-figure=${this.figure}>
          <figcaption>${caption}</figcaption>
          ${this.legend(shading)}
          <div class="provinces" aria-hidden="true">
            ${PROVINCES.map((p) => html`<div class="province p-${p.code}">
              <p>${t(`reports.map.province.${p.code}` as MessageKey)}</p>
              ${this.province(p.code, p.columns, p.rows, shading, regions)}
            </div>`)}
          </div>
          ${this.table(caption, shading, regions)}
          <p class="muted note">${t('reports.map.note')}${this.figure === 'specializedBeds' ? ` ${t('reports.map.noteSpecialized')}` : ''}</p>
        </figure>
      </section>`;
  }

  private legend(shading: Shading) {
    const states = new Set(shading.cells.map((c) => c.state));
    const none = states.has('noData') || states.has('noBeds') || states.has('filteredOut');
    return html`<ul class="legend" aria-label=${t('reports.map.legend')}>
      ${shading.steps.map((s, i) => html`<li data-step=${i}><span class="swatch step-${i}" aria-hidden="true"></span>${s.label}</li>`)}
      ${states.has('suppressed') ? html`<li data-legend="suppressed"><span class="swatch suppressed" aria-hidden="true"></span>${t('reports.map.legend.suppressed')}</li>` : nothing}
      ${none ? html`<li data-legend="none"><span class="swatch none" aria-hidden="true"></span>${t('reports.map.legend.none')}</li>` : nothing}
    </ul>`;
  }

  private province(province: Province, columns: number, rows: number, shading: Shading, regions: Map<string, string>) {
    const cells = new Map(shading.cells.map((c) => [c.code, c]));
    const hatch = `hatch-${province}`;
    return html`<svg viewBox="0 0 ${columns * UNIT} ${rows * UNIT}" focusable="false">
      <defs><pattern id=${hatch} width="9" height="9" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="hatch-bg" width="9" height="9"></rect><line class="hatch-line" x1="0" y1="0" x2="0" y2="9"></line>
      </pattern></defs>
      ${tilesOf(province).map((tile) => this.tile(tile, cells.get(tile.code) as MapCell, shading.figure, hatch, regions))}
    </svg>`;
  }

  private tile(tile: Tile, cell: MapCell, figure: MapFigure, hatch: string, regions: Map<string, string>) {
    const x = tile.x * UNIT + GAP / 2;
    const y = tile.y * UNIT + GAP / 2;
    const width = tile.w * UNIT - GAP;
    const height = tile.h * UNIT - GAP;
    const perLine = Math.floor((width - 14) / (NAME_SIZE * 0.56));
    const name = wrapWords(t(`reports.map.tile.${tile.code}` as MessageKey), perLine);
    const said = cell.state === 'value' ? formatFigure(figure, cell.value as number) : stateWords(cell);
    const shape = cell.state === 'value' ? `step-${cell.step}` : cell.state === 'suppressed' ? '' : 'none';
    const words = cell.state === 'value' ? [] : wrapWords(said, perLine + 2);
    const bottom = y + height - 12;
    return svg`<g data-region=${tile.code} data-state=${cell.state} data-step=${cell.step ?? ''}>
      <title>${regions.get(tile.code) ?? t(`reports.map.tile.${tile.code}` as MessageKey)}: ${said}</title>
      <rect class="tile-shape ${shape}" x=${x} y=${y} width=${width} height=${height} rx="8"
        fill=${cell.state === 'suppressed' ? `url(#${hatch})` : 'none'}></rect>
      <text class="name" x=${x + 8} y=${y + 20}>${name.map((line, i) => svg`<tspan x=${x + 8} dy=${i === 0 ? 0 : 16}>${line}</tspan>`)}</text>
      ${cell.state === 'value'
        ? svg`<text class="figure" x=${x + 8} y=${bottom}>${said}</text>`
        : svg`<text class="words" x=${x + 8} y=${bottom - (words.length - 1) * 16}>${words.map((line, i) => svg`<tspan x=${x + 8} dy=${i === 0 ? 0 : 16}>${line}</tspan>`)}</text>`}
    </g>`;
  }

  /** The text alternative: the same figures, a region per row, west to east, with the step of the scale it shows. */
  private table(caption: string, shading: Shading, regions: Map<string, string>) {
    const label = figureName(shading.figure);
    const named = (code: string) => regions.get(code) ?? t(`reports.map.tile.${code}` as MessageKey);
    const onMap = new Set(TILES.map((tile) => tile.code));
    // Requests that named no region (or a region added since) have figures but no tile: listed after the map's.
    const others = shading.figure === 'specializedBeds' ? [] : this.rows.filter((r) => !onMap.has(r.group));
    // In a box, not on the table: a table grows to its content whatever its width, and would widen the page.
    return html`<div class="sr-only"><table data-map-table>
      <caption>${caption}</caption>
      <thead><tr><th scope="col">${t('reports.group.region')}</th><th scope="col">${label}</th><th scope="col">${t('reports.map.col.shade')}</th></tr></thead>
      <tbody>
        ${shading.cells.map((cell) => html`<tr data-region=${cell.code} data-state=${cell.state}>
          <th scope="row">${named(cell.code)}</th>
          <td>${cell.state === 'value' ? formatFigure(shading.figure, cell.value as number) : stateWords(cell)}</td>
          <td>${cell.step === null ? t('reports.map.unshaded') : shading.steps[cell.step].label}</td>
        </tr>`)}
        ${others.map((row) => {
          const value = figureOf(shading.figure as Exclude<MapFigure, 'specializedBeds'>, row);
          return html`<tr data-region=${row.group}>
            <th scope="row">${groupLabel('region', row.group, regions)}</th>
            <td>${value === null ? t('reports.map.state.suppressed') : formatFigure(shading.figure, value)}</td>
            <td>${t('reports.map.notOnMap')}</td>
          </tr>`;
        })}
      </tbody>
    </table></div>`;
  }
}

/** The figure's name: the table's own words where it has the same column. */
function figureName(figure: MapFigure): string {
  return figure === 'unmetPer100' || figure === 'specializedBeds' ? t(`reports.map.fig.${figure}`) : columnLabel(figure);
}

declare global {
  interface HTMLElementTagNameMap { 'harbour-region-map': RegionMap }
}
