import { scaleQuantize } from 'd3-scale';
import type { Locale } from '../../../domain/locale.ts';
import { communeByNis } from '../../../domain/referenceData.ts';
import type { ChartData } from '../charts.ts';
import { fillOf, hiddenFillOf, PatternDefs } from './patterns.tsx';

// A schematic tile map of the 19 communes: each a square placed roughly where it lies (north at the top), not
// their borders. Column, row by NIS code.
const TILES: Record<string, readonly [number, number]> = {
  '21008': [1, 0], // Ganshoren
  '21010': [2, 0], // Jette
  '21004': [3, 0], // Bruxelles
  '21015': [4, 0], // Schaerbeek
  '21006': [5, 0], // Evere
  '21003': [0, 1], // Berchem-Sainte-Agathe
  '21011': [1, 1], // Koekelberg
  '21012': [2, 1], // Molenbeek-Saint-Jean
  '21014': [3, 1], // Saint-Josse-ten-Noode
  '21005': [4, 1], // Etterbeek
  '21018': [5, 1], // Woluwe-Saint-Lambert
  '21001': [1, 2], // Anderlecht
  '21013': [2, 2], // Saint-Gilles
  '21009': [3, 2], // Ixelles
  '21002': [4, 2], // Auderghem
  '21019': [5, 2], // Woluwe-Saint-Pierre
  '21007': [2, 3], // Forest
  '21016': [3, 3], // Uccle
  '21017': [4, 3], // Watermael-Boitsfort
};

const TILE = 104;
const GAP = 4;

/** A name in at most two lines: split after its first hyphen when long. */
function lines(name: string): string[] {
  if (name.length <= 13) return [name];
  const cut = name.indexOf('-');
  return cut > 0 ? [name.slice(0, cut + 1), name.slice(cut + 1)] : [name];
}

/**
 * The participants by commune of residence on the tile map: four classes of reach, each a denser pattern (not
 * only a darker colour), with the count written in each tile; a legend names the classes.
 */
export function CommuneMap({
  chart,
  locale,
  legend,
}: {
  chart: ChartData;
  locale: Locale;
  legend: { none: string; hidden: string };
}) {
  const rows = chart.rows.filter((r) => TILES[r.key]);
  const max = Math.max(1, ...rows.filter((r) => r.shown.kind === 'count').map((r) => r.value));
  const classOf = scaleQuantize<number>().domain([0, max]).range([0, 1, 2, 3]);
  // Patterns 0 (solid), 3 (cross), 1 (stripes), 2 (dots) from densest to lightest: the lightest class is dots.
  const classFill = [2, 1, 3, 0].map((p) => fillOf(chart.id, p));
  const width = 6 * (TILE + GAP);
  const mapHeight = 4 * (TILE + GAP);
  const titleId = `${chart.id}-map-title`;
  const bounds = classOf.thresholds().map((n) => Math.round(n));
  return (
    <svg
      class="chart-svg"
      viewBox={`0 0 ${width} ${mapHeight + 64}`}
      width={width}
      height={mapHeight + 64}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{`${chart.title}. ${chart.summary}`}</title>
      <PatternDefs chartId={chart.id} />
      {rows.map((r) => {
        const [col, row] = TILES[r.key]!;
        const commune = communeByNis(r.key);
        const name = commune ? (locale === 'nl' ? commune.nl : commune.fr) : r.label;
        const fill =
          r.shown.kind === 'fewer-than'
            ? hiddenFillOf(chart.id)
            : r.value === 0
              ? '#ffffff'
              : classFill[classOf(r.value)]!;
        const x = col * (TILE + GAP);
        const y = row * (TILE + GAP);
        return (
          <g transform={`translate(${x},${y})`}>
            <rect width={TILE} height={TILE} fill={fill} stroke="#1b1b1f" />
            <rect x="4" y="4" width={TILE - 8} height="50" fill="#ffffff" opacity="0.92" />
            {lines(name).map((l, i) => (
              <text x={TILE / 2} y={18 + i * 14} text-anchor="middle" font-size="11">
                {l}
              </text>
            ))}
            <text x={TILE / 2} y="48" text-anchor="middle" font-size="13" font-weight="bold">
              {r.text}
            </text>
          </g>
        );
      })}
      <g transform={`translate(0,${mapHeight + 12})`} font-size="12">
        {[
          { fill: '#ffffff', text: legend.none },
          { fill: hiddenFillOf(chart.id), text: legend.hidden },
          ...classFill.map((fill, i) => ({
            fill,
            text: `${i === 0 ? 1 : (bounds[i - 1] ?? 0) + 1}–${bounds[i] ?? max}`,
          })),
        ].map((item, i) => (
          <g transform={`translate(${i * 104},0)`}>
            <rect width="18" height="18" fill={item.fill} stroke="#1b1b1f" />
            <text x="24" y="9" dy="0.35em">
              {item.text}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
