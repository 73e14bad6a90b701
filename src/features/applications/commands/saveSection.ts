import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import type { RawAnswers } from '../../../domain/forms/definition.ts';
import type { Outcome } from '../../../domain/refusal.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applications } from '../schema.ts';
import { attachFile, detachFile, type AttachFileRefusal, type DetachFileRefusal } from './attachments.ts';
import { saveAnswers, type SaveAnswersRefusal, type SaveResult } from './saveAnswers.ts';

export interface SectionSaveInput {
  actor: MaybeActor;
  applicationId: string;
  version: number;
  raw: RawAnswers;
  title?: string | undefined;
  /** The files chosen in the section's file inputs, by field id. */
  files: { fieldId: string; name: string; bytes: Buffer }[];
  /** Attached files ticked "remove" in the section. */
  remove: string[];
  now?: Date;
}

export interface SectionSaveResult {
  save: SaveResult;
  /** A file refused (too large, not an accepted type, one too many), by field id: the refusal's code. */
  fileErrors: Record<string, AttachFileRefusal>;
  /** The application's version once everything is done: attaching a file moves it on too. */
  version: number;
}

/** Why the section is not saved: its answers refused, or a removal refused once the application stopped being editable. */
export type SaveSectionRefusal = SaveAnswersRefusal | DetachFileRefusal;

/**
 * Saves one section as its form sends it without JavaScript: the answers typed, the files chosen and
 * the files ticked for removal, in one request, so that attaching a file never loses what was typed.
 * The answers are saved first (their own command, one transaction: a conflict or a refused value is
 * reported as by saveAnswers); each file is then attached or removed by its own command, a refused
 * file coming back next to its field while the answers stay saved. After a conflict (someone else
 * saved meanwhile) the chosen files are still attached, since adding a file overwrites nobody's
 * work, but nothing is removed: the person decides again with both versions in front of them.
 */
export async function saveSection(
  deps: ApplicationsDeps,
  input: SectionSaveInput,
): Promise<Outcome<SectionSaveResult, SaveSectionRefusal>> {
  const saved = await saveAnswers(deps, input);
  if (!saved.ok) return saved;
  const save = saved.value;
  const fileErrors: Record<string, AttachFileRefusal> = {};
  if (save.status === 'saved')
    for (const fileId of input.remove) {
      let detached;
      try {
        detached = await detachFile(deps, { actor: input.actor, applicationId: input.applicationId, fileId });
      } catch (error) {
        // Already removed (the form sent twice): what was asked is done.
        if (!(error instanceof NotFoundError)) throw error;
        continue;
      }
      if (!detached.ok) return detached;
    }
  for (const file of input.files) {
    const attached = await attachFile(deps, { actor: input.actor, applicationId: input.applicationId, ...file });
    if (!attached.ok) fileErrors[file.fieldId] = attached.refusals[0];
  }
  const [row] = await deps.db
    .select({ version: applications.version })
    .from(applications)
    .where(eq(applications.id, input.applicationId));
  return { ok: true, value: { save, fileErrors, version: row?.version ?? save.version } };
}
