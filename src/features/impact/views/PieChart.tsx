import { arc, pie, type PieArcDatum } from 'd3-shape';
import type { ChartData, ChartRow } from '../charts.ts';
import { fillOf, PatternDefs } from './patterns.tsx';

const SIZE = 220;
const LEGEND_X = SIZE + 24;
const LEGEND_ROW = 24;

/** A ring of the rows' shares (grants by state), each slice its own pattern, with a legend that names them. */
export function PieChart({ chart }: { chart: ChartData }) {
  const rows = chart.rows.filter((r) => r.value > 0);
  const slices = pie<ChartRow>()
    .value((r) => r.value)
    .sort(null)(rows);
  const ring = arc<PieArcDatum<ChartRow>>()
    .innerRadius(SIZE / 4)
    .outerRadius(SIZE / 2 - 4);
  const height = Math.max(SIZE, rows.length * LEGEND_ROW + 8);
  const titleId = `${chart.id}-svg-title`;
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 640 ${height}`}
      width="640"
      height={height}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{`${chart.title}. ${chart.summary}`}</title>
      <PatternDefs chartId={chart.id} />
      <g transform={`translate(${SIZE / 2},${SIZE / 2})`}>
        {slices.map((s, i) => (
          <path d={ring(s) ?? ''} fill={fillOf(chart.id, i)} stroke="#1b1b1f" stroke-width="1" />
        ))}
      </g>
      {rows.map((r, i) => (
        <g transform={`translate(${LEGEND_X},${8 + i * LEGEND_ROW})`}>
          <rect width="18" height="18" fill={fillOf(chart.id, i)} stroke="#1b1b1f" />
          <text x="26" y="9" dy="0.35em" font-size="13">{`${r.label}: ${r.text}`}</text>
        </g>
      ))}
    </svg>
  );
}
