import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { intlLocale } from '../i18n';
import { formatValue, wrapLabel, type ChartSpec, type ValueFormat } from './charts';

export interface Colours { text: string; grid: string; series: string[] }

export function themeColours(host: Element): Colours {
  const style = getComputedStyle(host);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { text: v('--text', '#f2f5f9'), grid: v('--border', '#3a4b5e'), series: [v('--accent', '#7cc4ff'), v('--warn', '#ffcf5c'), v('--ok', '#6fdc8c')] };
}

function tick(format: ValueFormat) {
  return (value: string | number) => formatValue(format, Number(value));
}

/** The Chart.js configuration of a spec: no animation, the locale's numbers, a right axis only when used. */
export function chartConfig(spec: ChartSpec, colours: Colours): ChartConfiguration {
  const usesRight = spec.series.some((s) => s.axis === 'right');
  const formatOf = (axis: 'left' | 'right') => spec.series.find((s) => s.axis === axis)?.format ?? 'count';
  const datasets = spec.series.map((s, i): ChartDataset => {
    const colour = colours.series[i % colours.series.length];
    return {
      type: s.draw,
      label: s.label,
      data: s.values,
      ...(spec.horizontal ? { xAxisID: 'x', yAxisID: 'y' } : { yAxisID: s.axis === 'right' ? 'right' : 'y' }),
      backgroundColor: colour,
      borderColor: colour,
      borderWidth: s.draw === 'line' ? 3 : 0,
      pointRadius: s.draw === 'line' ? 4 : undefined,
      spanGaps: false,
      order: s.draw === 'line' ? 0 : 1,
    } as ChartDataset;
  });
  const axis = (format: ValueFormat, position: 'left' | 'right' | 'bottom') => ({
    position,
    beginAtZero: true,
    stacked: spec.stacked ?? false,
    ticks: { color: colours.text, callback: tick(format), precision: format === 'percent' ? undefined : 0 },
    grid: { color: colours.grid, drawOnChartArea: position !== 'right' },
    ...(format === 'percent' ? { suggestedMax: 1 } : {}),
  });
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: intlLocale(),
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal
        ? {
          x: axis(formatOf('left'), 'bottom'),
          y: {
            stacked: spec.stacked ?? false,
            ticks: { color: colours.text, autoSkip: false, callback: (_: unknown, i: number) => wrapLabel(spec.labels[i] ?? '') },
            grid: { color: colours.grid },
          },
        }
        : {
          x: { stacked: spec.stacked ?? false, ticks: { color: colours.text, autoSkip: true, maxRotation: 60 }, grid: { color: colours.grid } },
          y: axis(formatOf('left'), 'left'),
          ...(usesRight ? { right: axis(formatOf('right'), 'right') } : {}),
        },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: colours.text } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${formatValue(spec.series[item.datasetIndex].format, item.raw as number | null)}`,
          },
        },
      },
    },
  } as ChartConfiguration;
}
