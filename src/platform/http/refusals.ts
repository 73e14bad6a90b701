import type { Stale } from '../../domain/refusal.ts';
import type { UploadRefusal } from '../storage/fileStorage.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/**
 * The message of each refusal of a command. Written `{…} satisfies RefusalMessages<XRefusal>` next
 * to the route, so a refusal added to a command without a message fails the type check.
 */
export type RefusalMessages<R extends string> = { readonly [K in R]: MessageKey };

/** The messages of an outcome's refusals, each once, in the order the command gave them. */
export function refusalMessages<R extends string>(refusals: readonly R[], table: RefusalMessages<R>): MessageKey[] {
  return [...new Set(refusals.map((r) => table[r]))];
}

/** The message of a refused command's first refusal: what a page shows when it shows one. */
export function refusalMessage<R extends string>(
  refusals: readonly [R, ...R[]],
  table: RefusalMessages<R>,
): MessageKey {
  return table[refusals[0]];
}

/** One message for a stale version, whatever was being saved. */
export const STALE_MESSAGES = { stale: 'error.stale' } as const satisfies RefusalMessages<Stale>;

/** One message per refused upload, for every upload of the application. */
export const UPLOAD_MESSAGES = {
  'file-empty': 'file.error.empty',
  'file-too-large': 'file.error.tooLarge',
  'file-type-not-allowed': 'file.error.type',
} as const satisfies RefusalMessages<UploadRefusal>;
