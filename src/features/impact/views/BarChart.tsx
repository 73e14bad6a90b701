import { scaleBand, scaleLinear } from 'd3-scale';
import type { ChartData } from '../charts.ts';
import { fillOf, hiddenFillOf, PatternDefs } from './patterns.tsx';

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 110;
const ROW = 26;

/**
 * Horizontal bars, one per row, labelled and valued in the drawing itself. `perRow`: each bar its own pattern
 * (a few distinct figures, like the budget's); otherwise every bar shares one. A hidden cell is drawn to the
 * threshold in pale dots with a dashed outline, and reads "< 5".
 */
export function BarChart({ chart, perRow = false }: { chart: ChartData; perRow?: boolean }) {
  const height = chart.rows.length * ROW + 8;
  const y = scaleBand<string>()
    .domain(chart.rows.map((r) => r.key))
    .range([4, height - 4])
    .paddingInner(0.2);
  const max = Math.max(1, ...chart.rows.map((r) => r.value));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_WIDTH]);
  const titleId = `${chart.id}-svg-title`;
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{`${chart.title}. ${chart.summary}`}</title>
      <PatternDefs chartId={chart.id} />
      {chart.rows.map((r, i) => {
        const top = y(r.key) ?? 0;
        const hidden = r.shown.kind !== 'count';
        const w = Math.max(r.value > 0 ? 2 : 0, x(r.value));
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={top + y.bandwidth() / 2} dy="0.35em" text-anchor="end" font-size="13">
              {r.label.length > 32 ? `${r.label.slice(0, 31)}…` : r.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={top}
              width={w}
              height={y.bandwidth()}
              fill={hidden ? hiddenFillOf(chart.id) : fillOf(chart.id, perRow ? i : 1)}
              stroke={hidden ? '#4a4a55' : '#1b1b1f'}
              stroke-width="1"
              stroke-dasharray={hidden ? '3 2' : undefined}
            />
            <text x={LABEL_WIDTH + w + 6} y={top + y.bandwidth() / 2} dy="0.35em" font-size="13">
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
