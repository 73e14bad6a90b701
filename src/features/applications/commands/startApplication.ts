import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { applicationWindow } from '../../../domain/applicationWindow.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applications } from '../schema.ts';
import { searchVector } from '../search.ts';

/** The call does not accept applications: not open yet, or closed (or decided). */
export type StartApplicationRefusal = 'call-not-open' | 'call-closed';

/**
 * Opens a draft application of an organisation on an open call. Only the organisation's members
 * may, and only while the call accepts submissions: a draft that could never be sent helps nobody.
 */
export async function startApplication(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; callId: string; organisationId: string; title: string; now?: Date },
): Promise<Outcome<string, StartApplicationRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'start application');
  const { call, form } = await deps.calls.applicationContext(input.callId);
  if (!(await deps.organisations.membership(actor, input.organisationId))) throw new NotFoundError('organisation');
  const now = input.now ?? new Date();
  const window = applicationWindow(call, now);
  // Said as it is: a call not open yet, or one that is closed (or decided), not "not open yet" for both.
  if (window !== 'open') return refused(window === 'not-yet-open' ? 'call-not-open' : 'call-closed');
  const id = await inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({
        callId: call.id,
        organisationId: input.organisationId,
        formId: form.id,
        title: input.title,
        search: searchVector(input.title),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning({ id: applications.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'application.started',
      subjectType: 'application',
      subjectId: created!.id,
      after: { callId: call.id, organisationId: input.organisationId, title: input.title },
    });
    return created!.id;
  });
  return { ok: true, value: id };
}
