// French as a careful writer sets it, in one place: the first of the month is "1er", a name that
// begins with an article loses its capital mid-sentence and contracts with "de" and "à" ("du
// Gouvernement", "au Clic Solidaire"), and the high punctuation : ; ! ? takes a narrow no-break
// space before it. Pages, mails and letters all go through these helpers.

const NARROW_NBSP = '\u202F';

/** "1 décembre 2026" → "1er décembre 2026" (the first day of a month is an ordinal in French). */
export function frenchFirstOfMonth(date: string): string {
  return date.replace(/(^|[\s\u00A0\u202F])1(?=[\s\u00A0\u202F]\p{L})/gu, '$11er');
}

/**
 * A name placed inside a French sentence: its leading article is written in lower case
 * ("Le Gouvernement de la Région" → "le Gouvernement de la Région"), as the sentence reads.
 */
export function frenchNameInSentence(name: string): string {
  return name.replace(/^(?:(?:Le|La|Les)(?=\s)|L['’](?=\p{L}))/u, (article) => article.toLowerCase());
}

/**
 * Contracts "de le", "de les", "à le", "à les" into "du", "des", "au", "aux", also before a name
 * whose article has a capital ("À l’attention de Le Clic Solidaire" → "À l’attention du Clic Solidaire").
 */
export function frenchContractions(text: string): string {
  return text.replace(
    /(^|[\s(«\u00A0])(de|De|à|À) (le|Le|les|Les) (?=\S)/gu,
    (_m, before: string, prep: string, article: string) => {
      const plural = article.toLowerCase() === 'les';
      const capital = prep === 'De' || prep === 'À';
      const word = prep.toLowerCase() === 'de' ? (plural ? 'des' : 'du') : plural ? 'aux' : 'au';
      return `${before}${capital ? word[0]!.toUpperCase() + word.slice(1) : word} `;
    },
  );
}

/**
 * The narrow no-break space French sets before : ; ! ? (and inside « »), replacing a plain or
 * no-break space there (or one already there), or adding it when missing. URLs and times (12:00) are left alone.
 */
export function frenchPunctuation(text: string): string {
  return (
    text
      // A mark ends a word, the text, or a branch of an ICU message (`one {… :}`).
      .replace(/[ \u00A0\u202F]?([;!?])(?=\s|$|\})/gu, (_m, mark: string) => `${NARROW_NBSP}${mark}`)
      .replace(/([^\s\u202F])[ \u00A0\u202F]?:(?=\s|$|\})/gu, (_m, before: string) => `${before}${NARROW_NBSP}:`)
      .replace(/«[ \u00A0]?/gu, `«${NARROW_NBSP}`)
      .replace(/[ \u00A0]?»/gu, `${NARROW_NBSP}»`)
  );
}

/** Everything above, for a French sentence built from a message and names. */
export function frenchTypography(text: string): string {
  return frenchPunctuation(frenchContractions(text));
}
