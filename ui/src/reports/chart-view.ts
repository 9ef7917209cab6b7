import type { Chart } from 'chart.js';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import { shared } from '../ui/styles';
import { chartConfig, themeColours } from './chart-config';
import { loadChart } from './chart-lib';
import { describeChart, formatValue, hasData, type ChartSpec } from './charts';

/**
 * One chart on a canvas (Chart.js), with its title, a text alternative for screen readers and the same
 * figures in a table anyone can open. Colours come from the theme's custom properties.
 */
@customElement('harbour-chart')
export class ChartView extends LitElement {
  static styles = [shared, css`
    figure { margin: 0; }
    figcaption { font-weight: 700; margin-bottom: 0.4rem; }
    .canvas { position: relative; height: 16rem; width: 100%; }
    details { margin-top: 0.5rem; }
    summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; color: var(--accent); }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 0.3rem 0.6rem; border-top: 1px solid var(--border); text-align: right; white-space: nowrap; }
    th[scope='row'], thead th:first-child { text-align: left; }
  `];

  @property({ attribute: false }) spec: ChartSpec | null = null;
  /** The figures' table is only built when opened (it can be long, and it is the same data as the chart). */
  @state() private open = false;
  private chart: Chart | null = null;

  constructor() {
    super();
    new LocaleController(this);
  }

  render() {
    const s = this.spec;
    if (!s) return nothing;
    if (!hasData(s)) {
      return html`<figure data-chart=${s.id}><figcaption>${s.title}</figcaption><p class="muted">${t('reports.chart.empty')}</p></figure>`;
    }
    const descId = `${s.id}-desc`;
    return html`<figure data-chart=${s.id}>
      <figcaption id="${s.id}-title">${s.title}</figcaption>
      <div class="canvas"><canvas role="img" aria-labelledby="${s.id}-title" aria-describedby=${descId}></canvas></div>
      <div class="sr-only" id=${descId}>${describeChart(s).join(' ')}</div>
      <details @toggle=${(e: Event) => (this.open = (e.target as HTMLDetailsElement).open)}>
        <summary>${t('reports.chart.figures')}</summary>
        ${this.open ? html`<div class="scroll" role="region" tabindex="0" aria-label=${t('reports.chart.figuresOf', { chart: s.title })}>
          <table>
            <thead><tr><th scope="col">${t('reports.chart.label')}</th>${s.series.map((x) => html`<th scope="col">${x.label}</th>`)}</tr></thead>
            <tbody>${s.labels.map((label, i) => html`<tr><th scope="row">${label}</th>
              ${s.series.map((x) => html`<td>${formatValue(x.format, x.values[i] ?? null)}</td>`)}</tr>`)}</tbody>
          </table>
        </div>` : nothing}
      </details>
    </figure>`;
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.draw();
  }

  private readonly scheme = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: light)') : null;
  private readonly onScheme = () => void this.draw();

  connectedCallback(): void {
    super.connectedCallback();
    // The theme's colours changed: draw again with them.
    this.scheme?.addEventListener('change', this.onScheme);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.scheme?.removeEventListener('change', this.onScheme);
    this.chart?.destroy();
    this.chart = null;
  }

  /** Drawn again on every render (new figures, new language, new theme); the data are small. */
  private drawing = 0;

  private async draw(): Promise<void> {
    const turn = ++this.drawing;
    this.chart?.destroy();
    this.chart = null;
    if (!this.spec || !hasData(this.spec)) return;
    const ChartJs = await loadChart();
    const canvas = this.renderRoot.querySelector('canvas');
    // A newer render asked for its own drawing meanwhile, or the chart left the page.
    if (turn !== this.drawing || !canvas || !this.spec || !this.isConnected) return;
    const box = canvas.parentElement as HTMLElement;
    // Through the CSSOM, not a style attribute: the Content-Security-Policy allows no inline style.
    box.style.height = this.spec.horizontal ? `${Math.max(12, 4 + this.spec.labels.length * 2.4)}rem` : '';
    this.chart = new ChartJs(canvas, chartConfig(this.spec, themeColours(this)));
  }
}

