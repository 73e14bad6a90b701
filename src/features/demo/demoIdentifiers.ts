// Identifiers for the demo organisations that pass the same checks as real ones (the registration
// form refuses anything else), made from a sequence number so that every run gives the same.
import { enterpriseCheckDigits, formatEnterpriseNumber } from '../../domain/enterpriseNumber.ts';
import { formatIban } from '../../domain/iban.ts';

/** The n-th demo enterprise number, in the registry's notation (0871.000.137 …). */
export function demoEnterpriseNumber(n: number): string {
  const firstEight = String(8_710_000 + n * 1_013).padStart(8, '0');
  return formatEnterpriseNumber(firstEight + enterpriseCheckDigits(firstEight));
}

/**
 * The n-th demo Belgian IBAN, printed in groups of four: a Belgian account number (bank code,
 * account, and its national check: the first ten digits mod 97, 97 for 0), then the IBAN check
 * digits, 98 − the mod 97 of the account followed by "BE00" in digits (B = 11, E = 14).
 */
export function demoIban(n: number): string {
  const first = `001${String(4_200_000 + n * 7_919).padStart(7, '0')}`;
  const bban = first + String(Number(first) % 97 || 97).padStart(2, '0');
  const check = 98n - (BigInt(`${bban}111400`) % 97n);
  return formatIban(`BE${String(check).padStart(2, '0')}${bban}`);
}
