import type { Pictogram as PictogramName } from '../../../domain/directory/guidedPath.ts';

// Simple line drawings, 24 × 24, one path each: drawn once per page as symbols, then used by name,
// so that twenty answers with a house cost twenty short tags, not twenty drawings.
const PATHS: Record<PictogramName, string> = {
  phone: 'M8 2h8a1 1 0 0 1 1 1v18a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zM11 18h2',
  form: 'M6 2h9l4 4v16H6zM9 10h7M9 14h7M9 18h4',
  briefcase: 'M3 7h18v13H3zM8 7V4h8v3M3 13h18',
  computer: 'M3 4h18v12H3zM8 20h8M12 16v4',
  'price-tag': 'M3 12l9-9h9v9l-9 9zM16 8h.01',
  wifi: 'M2 9a15 15 0 0 1 20 0M5 13a10 10 0 0 1 14 0M8.5 16.5a5 5 0 0 1 7 0M12 20h.01',
  question: 'M9 9a3 3 0 1 1 4 2.8c-.7.3-1 .9-1 1.7V15M12 19h.01',
  speech: 'M4 4h16v12H9l-5 4z',
  house: 'M3 11l9-8 9 8M5 10v10h14V10M10 20v-6h4v6',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  ear: 'M7 9a5 5 0 0 1 10 0c0 3-3 4-3 7a3 3 0 0 1-6 0M10 9a2 2 0 0 1 4 0',
  book: 'M2 5h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H2zM22 5h-7a3 3 0 0 0-3 3v13a2 2 0 0 1 2-2h8z',
  wheelchair: 'M12 4h.01M12 7v6h5l2 5M9 10a6 6 0 1 0 7 8',
};

/** The symbols the page's pictograms use, drawn once (hidden: the words beside each say the same). */
export function PictogramSymbols({ names }: { names: readonly PictogramName[] }) {
  return (
    <svg aria-hidden="true" focusable="false" class="picto-defs" width="0" height="0">
      {[...new Set(names)].map((name) => (
        <symbol id={`picto-${name}`} viewBox="0 0 24 24">
          <path d={PATHS[name]} />
        </symbol>
      ))}
    </svg>
  );
}

/** A pictogram beside its words: decorative for screen readers, which read the words. */
export function Pictogram({ name }: { name: PictogramName }) {
  return (
    <svg class="picto" aria-hidden="true" focusable="false">
      <use href={`#picto-${name}`} />
    </svg>
  );
}
