import type { MaybeActor } from '../../../domain/access.ts';
import { refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { applicationFor } from '../access.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applicationNotes } from '../schema.ts';

export const MAX_NOTE_LENGTH = 5_000;

/** Why no note is written: nothing but spaces, or more than MAX_NOTE_LENGTH characters. */
export type AddNoteRefusal = 'note-empty' | 'note-too-long';

/**
 * Adds an officer's internal note to a submitted application (the `keepNotes` ability: the call's
 * officers only; a member is refused, anyone else told "not found"). The note and its audit row are
 * written in one transaction; the audit row names the note, not its text, and no mail is sent: the
 * applicant never learns of it.
 */
export async function addNote(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; body: string },
): Promise<Outcome<void, AddNoteRefusal>> {
  const { application, funderId } = await applicationFor(deps, input.actor, input.applicationId, 'keepNotes');
  const body = input.body.normalize('NFC').trim();
  if (!body) return refused('note-empty');
  if ([...body].length > MAX_NOTE_LENGTH) return refused('note-too-long');
  await inTransaction(deps, async (tx) => {
    const [note] = await tx
      .insert(applicationNotes)
      .values({ applicationId: application.id, body, authorId: input.actor!.userId })
      .returning({ id: applicationNotes.id });
    await recordAudit(tx, {
      actorId: input.actor!.userId,
      funderId,
      action: 'application.note-added',
      subjectType: 'application',
      subjectId: application.id,
      after: { note: note!.id },
    });
  });
  return { ok: true, value: undefined };
}
