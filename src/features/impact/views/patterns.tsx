// Fills that differ by pattern as well as by colour, so that a reader who cannot tell the colours apart, or a
// print in black and white, still tells the series apart (WCAG 1.4.1). Each chart defines its own, under its
// id, since several charts share one page.
const COLOURS = ['#0b4f8a', '#8a3b0b', '#2f6b2f', '#6b2f6b', '#5a5a00', '#00606b'] as const;

type Shape = 'solid' | 'stripes' | 'dots' | 'cross' | 'vertical' | 'grid';
const SHAPES: readonly Shape[] = ['solid', 'stripes', 'dots', 'cross', 'vertical', 'grid'];

/** The pattern of series `i` in chart `chartId`: its fill attribute. */
export function fillOf(chartId: string, i: number): string {
  return `url(#${chartId}-p${i % (SHAPES.length * 2)})`;
}

/** The fill of a hidden cell ("< 5"): pale dots, the same in every chart. */
export function hiddenFillOf(chartId: string): string {
  return `url(#${chartId}-hidden)`;
}

function shapeOf(shape: Shape, colour: string) {
  switch (shape) {
    case 'solid':
      return <rect width="8" height="8" fill={colour} />;
    case 'stripes':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={colour} stroke-width="2.5" />
        </>
      );
    case 'dots':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <circle cx="4" cy="4" r="2.6" fill={colour} />
        </>
      );
    case 'cross':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M0,0 l8,8 M8,0 l-8,8" stroke={colour} stroke-width="2" />
        </>
      );
    case 'vertical':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M4,0 v8" stroke={colour} stroke-width="3" />
        </>
      );
    case 'grid':
      return (
        <>
          <rect width="8" height="8" fill="#ffffff" />
          <path d="M0,4 h8 M4,0 v8" stroke={colour} stroke-width="2" />
        </>
      );
  }
}

/** The `<defs>` of a chart: twelve series fills (six patterns in two colours each) and the hidden cells' fill. */
export function PatternDefs({ chartId }: { chartId: string }) {
  const fills = Array.from({ length: SHAPES.length * 2 }, (_, i) => ({
    shape: SHAPES[i % SHAPES.length]!,
    colour: COLOURS[(i + Math.floor(i / SHAPES.length)) % COLOURS.length]!,
  }));
  return (
    <defs>
      {fills.map(({ shape, colour }, i) => (
        <pattern id={`${chartId}-p${i}`} width="8" height="8" patternUnits="userSpaceOnUse">
          {shapeOf(shape, colour)}
        </pattern>
      ))}
      <pattern id={`${chartId}-hidden`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <circle cx="3" cy="3" r="1" fill="#4a4a55" />
      </pattern>
    </defs>
  );
}
