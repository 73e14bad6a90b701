import { authorize, type MaybeActor } from '../../../domain/access.ts';
import type { Locale } from '../../../domain/locale.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { JuryDeps } from '../deps.ts';
import { mailInvitation, mailReminder } from '../mails.ts';
import { loadRecords, lockJury, type JuryRecords, type JurorRecord } from '../records.ts';
import { juryReminders } from '../schema.ts';

/** What a juror still has to do, if anything: accept, sign, or finish some evaluations. */
export function pendingWork(
  juror: JurorRecord,
  records: JuryRecords,
): { kind: 'accept' } | { kind: 'sign' } | { kind: 'evaluate'; count: number } | null {
  if (juror.stage === 'invited') return { kind: 'accept' };
  if (juror.stage === 'accepted') return { kind: 'sign' };
  if (juror.stage !== 'active') return null;
  const count = records.assignments.filter((a) => a.jurorId === juror.id && a.evaluation !== 'submitted').length;
  return count ? { kind: 'evaluate', count } : null;
}

/** Why one juror is not reminded: no such juror on the call, or nothing left for them to do. */
export type SendRemindersRefusal = 'unknown-juror' | 'nothing-pending';

/**
 * An officer reminds one juror, or every juror with something pending (`jurorId` absent), of what
 * they still have to do: an unaccepted invitation is sent again with a fresh link, an unsigned
 * declaration or unfinished evaluations get a reminder. Each reminder is recorded, so officers see
 * who was reminded when. Returns how many were sent.
 */
export async function sendJuryReminders(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId?: string; locale: Locale; now?: Date },
): Promise<Outcome<number, SendRemindersRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'remind jurors');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  const now = input.now ?? new Date();
  return refusable<number, SendRemindersRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const records = await loadRecords(tx, call.id);
      const targets =
        input.jurorId === undefined ? records.jurors : records.jurors.filter((j) => j.id === input.jurorId);
      if (input.jurorId !== undefined && !targets.length) refuse('unknown-juror');
      let sent = 0;
      for (const juror of targets) {
        const work = pendingWork(juror, records);
        if (!work) continue;
        if (work.kind === 'accept')
          await mailInvitation(tx, deps.publicUrl, {
            jurorId: juror.id,
            email: juror.email,
            callTitle: call.title,
            locale: input.locale,
            now,
          });
        else
          await mailReminder(tx, deps.publicUrl, {
            email: juror.email,
            callId: call.id,
            callTitle: call.title,
            pending: work.kind === 'evaluate' ? work.count : null,
            locale: input.locale,
          });
        await tx
          .insert(juryReminders)
          .values({ jurorId: juror.id, sentAt: new Date(now.getTime() + sent), sentBy: actor.userId });
        await recordAudit(tx, {
          actorId: actor.userId,
          funderId: call.funderId,
          action: 'jury.reminder-sent',
          subjectType: 'juror',
          subjectId: juror.id,
          after: work,
        });
        sent++;
      }
      if (input.jurorId !== undefined && !sent) refuse('nothing-pending');
      return sent;
    }),
  );
}
