import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { Locale } from '../../../domain/locale.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { forgetUnallowedNationalNumbers } from '../../../platform/identity/nationalNumber.ts';
import { funders } from '../../../platform/identity/schema.ts';
import { loadFunder } from '../access.ts';

export interface FunderSettings {
  name: Translated;
  description: Translated;
  website: string | null;
  contactEmail: string | null;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  requiredLanguages: Locale[];
  /** The law or decree allowing the funder to keep the national register number; null, it keeps none. */
  nationalNumberLegalBasis: string | null;
}

export type UpdateFunderRefusal = Stale;

/**
 * Saves a funder's settings if nobody changed them since `version`: its names in each language,
 * its contact address (the Reply-To of its mails, named in its letters), its letterhead's address
 * and the languages every text it publishes must be given in, and whether it keeps national register
 * numbers: a basis withdrawn forgets, in the same transaction, the numbers no other funder allows.
 */
export async function updateFunder(
  deps: CommandDeps,
  input: { actor: MaybeActor; funderId: string; version: number; settings: FunderSettings },
): Promise<Outcome<void, UpdateFunderRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadFunder(tx, input.actor, input.funderId, { action: 'edit', lock: tx });
      const funder = scoped.record;
      if (funder.version !== input.version) refuse('stale');
      await tx
        .update(funders)
        .set({ ...input.settings, version: sql`${funders.version} + 1` })
        .where(eq(funders.id, funder.id));
      if (funder.nationalNumberLegalBasis && !input.settings.nationalNumberLegalBasis)
        await forgetUnallowedNationalNumbers(tx);
      const before = Object.fromEntries(Object.keys(input.settings).map((k) => [k, funder[k as keyof typeof funder]]));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: funder.id,
        action: 'funder.updated',
        subjectType: 'funder',
        subjectId: funder.id,
        before,
        after: input.settings,
      });
    }),
  );
}
