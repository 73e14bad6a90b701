// Belgian national register number (numéro de registre national / rijksregisternummer): 11 digits,
// the birth date as yymmdd, a serial of three and two check digits. FAS gives it (egovnrn) to the
// services that may receive it; a number that fails its check is taken as no number at all.

// 97 − (n mod 97) lies in 1..97, as for the enterprise number.
const checkOf = (firstNine: number) => 97 - (firstNine % 97);

/**
 * The number as 11 digits when its check holds, else null. Dots, dashes and spaces are ignored
 * (85.07.30-033.28). For people born from 2000 the check is computed on the nine digits with a 2
 * put before them, so a number passes if either form's check matches: the two never both do.
 */
export function parseNationalNumber(input: string | null | undefined): string | null {
  const digits = (input ?? '').replace(/[\s.-]/g, '');
  if (!/^[0-9]{11}$/.test(digits)) return null;
  const firstNine = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return check === checkOf(firstNine) || check === checkOf(2_000_000_000 + firstNine) ? digits : null;
}

/** The register's notation: 85.07.30-033.28. */
export function formatNationalNumber(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}
