// Text in a SEPA file is restricted to the EPC's Latin character set (EPC217-08: a–z A–Z 0–9 / - ? : ( ) . , ' +
// and space), which every bank in the scheme must carry; anything else may be rejected or mangled on the way.
// Names and addresses are transliterated to it the way the EPC's conversion table does, in this order:
// 1. Unicode compatibility decomposition (NFKD) splits accented letters from their accents and undoes ligatures
//    and look-alikes (é → e + ◌́, ﬁ → fi, a no-break space → a space); the accents are dropped.
// 2. Letters that do not decompose are spelt out (ß → ss, æ → ae, œ → oe, ø → o, ł → l, þ → th …), typographic
//    quotes become an apostrophe, dashes a hyphen, & a + (the EPC's own replacement, since & is reserved in XML).
// 3. Any other character becomes a full stop, as the EPC recommends, so that its place stays visible.
// White space runs become one space and the ends are trimmed. Since none of & < > " survives, the result needs
// no XML escaping: it can be written between tags as it is.

const ALL_ALLOWED = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

const SPELT_OUT: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  '&': '+',
  '\u2018': "'",
  '\u2019': "'",
  '\u02BC': "'",
  '`': "'",
  '\u00B4': "'",
  '"': "'",
  '\u201C': "'",
  '\u201D': "'",
  '\u201E': "'",
  '\u00AB': "'",
  '\u00BB': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
  '\u2014': '-',
  _: '-',
};

const OUTSIDE = /[^A-Za-z0-9/\-?:().,'+ ]/gu;

function replacement(ch: string): string {
  if (/\p{M}/u.test(ch)) return ''; // an accent split off by NFKD
  if (/\s/.test(ch)) return ' ';
  return SPELT_OUT[ch] ?? '.';
}

function transliterate(text: string): string {
  return text.normalize('NFKD').replace(OUTSIDE, replacement);
}

/**
 * `text` in the SEPA character set, white space collapsed, at most `maxLength` characters (cut at the limit, then
 * trimmed). May be empty: the caller decides whether an empty value is acceptable.
 */
export function sepaText(text: string, maxLength: number): string {
  const latin = ALL_ALLOWED.test(text) ? text : transliterate(text);
  return latin.replace(/ {2,}/g, ' ').trim().slice(0, maxLength).trimEnd();
}

/**
 * An identifier the file carries and the bank echoes back (message, payment information and end-to-end ids):
 * 1 to 35 characters of the SEPA set, without a leading or trailing slash or a double slash (EPC rule for
 * references), and without spaces so that it reads back unambiguously from a statement.
 */
export function isSepaIdentifier(id: string): boolean {
  return /^[A-Za-z0-9/\-?:().,'+]{1,35}$/.test(id) && !id.startsWith('/') && !id.endsWith('/') && !id.includes('//');
}
