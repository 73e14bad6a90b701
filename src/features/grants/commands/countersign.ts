import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isAmendment } from '../../../domain/grants/amendment.ts';
import { agreementVersionLifecycle, bindingVersion, pendingVersion } from '../../../domain/grants/agreementVersions.ts';
import { grantContext, trancheContext, type Grant } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
import { trancheLifecycle } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants, grantTranches } from '../schema.ts';

export type CountersignRefusal = 'not-now';

/**
 * An officer countersigns the accepted agreement: the version binds, the grant is countersigned — and active
 * at once when its period has started — and the tranches whose condition is met (at signature, a date passed)
 * fall due, released by their condition (so that any officer may approve them). One transaction.
 */
export async function countersign(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; now?: Date },
): Promise<Outcome<{ status: string; due: number }, CountersignRefusal>> {
  const now = input.now ?? new Date();
  const { isMember } = await loadGrant(deps, input.actor, input.grantId, { action: 'countersign' });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'countersign', lock: tx, isMember });
      const { row, grant, versions, tranches } = scoped.record;
      if (!scoped.can.countersign) return refuse('not-now');
      const pending = pendingVersion(grant.versions);
      if (!pending) return refuse('not-now');
      const signed = agreementVersionLifecycle.transition(pending.status, 'countersign', pending);
      // An amendment binds in place of the version in force, which is superseded; the grant stays where it is.
      const amendment = isAmendment(pending);
      const replaced = amendment ? bindingVersion(grant.versions) : null;
      const superseded = replaced ? agreementVersionLifecycle.transition(replaced.status, 'supersede', replaced) : null;
      const moved = amendment
        ? ({ ok: true, value: row.status } as const)
        : grantLifecycle.transition(row.status, 'countersign', grantContext(grant, now));
      if (!signed.ok || !moved.ok || (superseded && !superseded.ok)) return refuse('not-now');
      const actorId = signedIn(scoped).userId;
      const version = versions.find((v) => v.number === pending.number)!;
      if (replaced && superseded?.ok)
        await tx
          .update(grantAgreementVersions)
          .set({ status: superseded.value })
          .where(eq(grantAgreementVersions.id, versions.find((v) => v.number === replaced.number)!.id));
      await tx
        .update(grantAgreementVersions)
        .set({ status: signed.value, countersignedBy: actorId, countersignedAt: now })
        .where(and(eq(grantAgreementVersions.id, version.id), eq(grantAgreementVersions.status, 'accepted')));
      let after: Grant = {
        ...grant,
        status: moved.value,
        versions: grant.versions.flatMap((v) =>
          v.number === pending.number
            ? [{ ...v, status: signed.value }]
            : v.number === replaced?.number && superseded?.ok
              ? [{ ...v, status: superseded.value }]
              : [v],
        ),
      };
      const active = amendment ? null : grantLifecycle.transition(after.status, 'activate', grantContext(after, now));
      if (active?.ok) after = { ...after, status: active.value };
      let due = 0;
      for (const [i, t] of after.tranches.entries()) {
        const made = trancheLifecycle.transition(
          t.status,
          'make-due',
          trancheContext(after, t, now, { secondApprovalAboveCents: null }),
        );
        if (!made.ok) continue;
        await tx
          .update(grantTranches)
          .set({ status: made.value, madeDueAt: now, version: tranches[i]!.version + 1 })
          .where(eq(grantTranches.id, tranches[i]!.id));
        after = { ...after, tranches: after.tranches.map((x, j) => (j === i ? { ...x, status: made.value } : x)) };
        due++;
      }
      await tx
        .update(grants)
        .set({ status: after.status, version: row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: amendment ? 'grant.amendment-countersigned' : 'grant.countersigned',
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: after.status, version: pending.number, sha256: pending.documentSha256, tranchesDue: due },
      });
      return { status: after.status, due };
    }),
  );
}
