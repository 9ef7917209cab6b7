import type { Chart } from 'chart.js';

let loading: Promise<typeof Chart> | null = null;

/**
 * Chart.js, loaded the first time a chart is drawn: only funders and admins open reports, so the phones of
 * caseworkers and staff never download it. Only the pieces these charts use are registered (and bundled).
 */
export function loadChart(): Promise<typeof Chart> {
  loading ??= import('chart.js').then(({
    Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend,
  }) => {
    Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
    // Readable on a phone: Chart.js draws 12 px text by default.
    Chart.defaults.font.size = 14;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    return Chart;
  });
  return loading;
}
