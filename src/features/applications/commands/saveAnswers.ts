import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { APPLICANT_EDITABLE } from '../../../domain/applicationLifecycle.ts';
import { isBeforeDeadline } from '../../../domain/brusselsTime.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { rawAnswersFromBody } from '../../forms/answerBody.ts';
import {
  allFields,
  type Answers,
  type FieldType,
  type FormDefinition,
  type RawAnswers,
} from '../../../domain/forms/definition.ts';
import {
  answersToStore,
  normaliseAnswers,
  readTitle,
  requestedCents,
  type AnswerError,
} from '../../../domain/forms/answers.ts';
import { searchVector } from '../search.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { applicationFor, lockApplication, type Application } from '../access.ts';
import type { ApplicationContext } from '../../calls/service.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { openReturn } from '../returns.ts';
import { applications } from '../schema.ts';
import { answerContext, fieldsAfterReturn } from '../answerContext.ts';

export type SaveResult =
  | {
      status: 'saved';
      version: number;
      savedAt: Date;
      /** Every problem of the fields saved, as feedback, and of those refused. */
      errors: Record<string, AnswerError>;
      /** Answers that break a limit (too long, too many items): not stored, the field keeps what it held. */
      refused: Record<string, AnswerError>;
      /** Why the title sent was not stored, if it was not. */
      titleError: AnswerError | null;
    }
  /** Someone saved since `version`: nothing was written; their answers and name come back. */
  | { status: 'conflict'; version: number; theirs: RawAnswers; by: string; at: Date };

/**
 * Why nothing is saved: the application is no longer editable, its call closed (a draft), or its
 * return overdue (a returned application).
 */
export type SaveAnswersRefusal = 'not-editable' | 'call-closed' | 'return-overdue';

/**
 * What a member typed: the answers read already, or a section's form body as the browser sends it (an autosave), read
 * here against the form the save uses, so that the request is not made to load the application twice.
 */
type Typed = { raw: RawAnswers } | { section: { id: string; body: Record<string, unknown> } };

function sectionAnswers(form: FormDefinition, section: { id: string; body: Record<string, unknown> }): RawAnswers {
  const fields = form.sections.find((s) => s.id === section.id)?.fields;
  if (!fields) throw new NotFoundError('section');
  return rawAnswersFromBody(fields, section.body);
}

/**
 * Saves what a member typed in some fields of a draft (or of a returned application, only in the
 * fields the officer reopened). What does not validate yet is saved too, its problems coming back
 * per field, but an answer or a title that breaks a limit is not: it is refused with its error and
 * the other answers are saved (answersToStore, readTitle: the same rules for every way of saving).
 * The save names the version it edited: if another member saved in between, nothing is
 * overwritten and the other person's answers are returned to be shown.
 */
export async function saveAnswers(
  deps: ApplicationsDeps,
  input: {
    actor: MaybeActor;
    applicationId: string;
    version: number;
    title?: string | undefined;
    now?: Date;
  } & Typed,
): Promise<Outcome<SaveResult, SaveAnswersRefusal>> {
  const now = input.now ?? new Date();
  const { application: seen, context } = await applicationFor(deps, input.actor, input.applicationId, 'edit');
  const actor = input.actor!;
  const ownForm = seen.status === 'draft' ? null : await deps.calls.formById(seen.formId);
  const typed = 'raw' in input ? input.raw : sectionAnswers(ownForm ?? context.form.definition, input.section);
  const callOpen =
    context.call.status === 'published' && !!context.call.closesAt && isBeforeDeadline(now, context.call.closesAt);

  // A draft of an open call, saved over the version read above, as nearly every autosave at a deadline is: one
  // UPDATE that names that version writes it or nothing, so no transaction, lock or second read is needed.
  if (seen.status === 'draft' && callOpen && seen.version === input.version) {
    const save = changes({ application: seen, form: context.form, typed, ret: null, context, title: input.title });
    const [saved] = await deps.db
      .update(applications)
      .set({ ...save.set, version: sql`${applications.version} + 1`, updatedBy: actor.userId, updatedAt: now })
      .where(
        and(eq(applications.id, seen.id), eq(applications.version, seen.version), eq(applications.status, 'draft')),
      )
      .returning({ version: applications.version });
    if (saved) return { ok: true, value: save.result(saved.version, now) };
    // Saved or submitted meanwhile: the transaction below reads it locked and says which.
  }

  return refusable<SaveResult, SaveAnswersRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const application = await lockApplication(tx, seen.id);
      if (!APPLICANT_EDITABLE.includes(application.status)) return refuse('not-editable');
      const ret = application.status === 'returned' ? await openReturn(tx, application.id) : null;
      if (application.status === 'draft' && !callOpen) return refuse('call-closed');
      if (ret && ret.dueAt && !isBeforeDeadline(now, ret.dueAt)) return refuse('return-overdue');

      if (application.version !== input.version) {
        const [by] = await tx
          .select({ name: users.displayName })
          .from(users)
          .where(eq(users.id, application.updatedBy ?? application.createdBy));
        return {
          status: 'conflict',
          version: application.version,
          theirs: application.rawAnswers,
          by: by?.name ?? '',
          at: application.updatedAt,
        } as const;
      }

      // A draft moves to the call's current form; a returned application keeps the version it was submitted with.
      const form =
        application.status === 'draft' || !ownForm ? context.form : { id: application.formId, definition: ownForm };
      const save = changes({ application, form, typed, ret, context, title: input.title });
      const [saved] = await tx
        .update(applications)
        .set({ ...save.set, version: sql`${applications.version} + 1`, updatedBy: actor.userId, updatedAt: now })
        .where(and(eq(applications.id, application.id), eq(applications.version, input.version)))
        .returning({ version: applications.version });
      // A draft is its members' working copy, saved every few seconds: its saves are not acts to
      // chain into the audit trail, whose lock every audited command takes in turn (at the deadline a
      // submission would wait behind hundreds of autosaves). Its version, updated_by and updated_at
      // say who saved last; the submission freezes the answers with their SHA-256, audited. A save of
      // a returned application changes what was submitted: that one is audited.
      if (application.status !== 'draft')
        await recordAudit(tx, {
          actorId: actor.userId,
          action: 'application.saved',
          subjectType: 'application',
          subjectId: application.id,
          after: {
            fields: save.fields,
            ...(Object.keys(save.refused).length ? { refused: Object.keys(save.refused) } : {}),
            version: saved!.version,
          },
        });
      return save.result(saved!.version, now);
    }),
  );
}

/**
 * What a save of `typed` writes into the application (answered against `form`; after a return, only in the fields
 * reopened) and what it answers once written as `version`. Both ways of saving use it, so that they store the same.
 */
function changes(opts: {
  application: Application;
  form: { id: string; definition: FormDefinition };
  typed: RawAnswers;
  ret: Awaited<ReturnType<typeof openReturn>>;
  context: ApplicationContext;
  title: string | undefined;
}) {
  const { application, form } = opts;
  const allowed = fieldsAfterReturn(form.definition, opts.ret);
  const sent = Object.fromEntries(Object.entries(opts.typed).filter(([id]) => allowed.has(id)));
  const ctx = answerContext(opts.context);
  const { raw, refused } = answersToStore(form.definition, application.rawAnswers, sent, ctx);
  const { values, errors } = normaliseAnswers(form.definition, raw, ctx, { forSubmission: false });
  const title = opts.title === undefined ? null : readTitle(opts.title);
  const newTitle = title?.ok ? title.value : application.title;
  const draft = application.status === 'draft';
  return {
    set: {
      formId: form.id,
      title: newTitle,
      rawAnswers: raw,
      // A returned application keeps its frozen answers until it is resubmitted.
      ...(draft ? { answers: values } : {}),
      requestedCents: requestedCents(form.definition, values),
      communes: listOf(form.definition, values, 'communes') ?? [],
      targetPublics: listOf(form.definition, values, 'target-publics') ?? [],
      // Officers search submitted applications only, and the submission indexes its answers: a
      // draft's autosave (every few seconds, by everyone, at the deadline) does not.
      ...(draft ? {} : { search: searchVector(newTitle, form.definition, values) }),
    },
    fields: Object.keys(sent).filter((id) => !Object.hasOwn(refused, id)),
    refused,
    result: (version: number, savedAt: Date): SaveResult => ({
      status: 'saved',
      version,
      savedAt,
      errors: { ...errors, ...refused },
      refused,
      titleError: title && !title.ok ? title.error : null,
    }),
  };
}

/** The answer to the form's first field of a kind (communes, publics), for the officer's filters. */
function listOf(form: FormDefinition, values: Answers, type: FieldType): string[] | null {
  const field = allFields(form).find((f) => f.type === type);
  const value = field ? values[field.id] : null;
  return Array.isArray(value) ? (value as string[]) : null;
}
