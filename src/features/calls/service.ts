import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, type SQL } from 'drizzle-orm';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import { files } from '../../platform/storage/schema.ts';
import { addCallDocument, removeCallDocument } from './commands/callDocuments.ts';
import { answerQuestion, askQuestion } from './commands/questions.ts';
import { authorize, canManageCalls, type MaybeActor } from '../../domain/access.ts';
import { publishProblems } from '../../domain/callLifecycle.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { validateForm } from '../../domain/forms/validateForm.ts';
import { DEFAULT_ACTIVITY_TYPES, DEFAULT_TARGET_PUBLICS } from '../../domain/referenceData.ts';
import { closeCall, closeCallsPastDeadline } from './commands/closeCall.ts';
import { saveCriteria } from './commands/saveCriteria.ts';
import { saveForm } from './commands/saveForm.ts';
import { saveJurySettings } from './commands/saveJurySettings.ts';
import { updateCall } from './commands/updateCall.ts';
import { isUuid } from '../../domain/ids.ts';
import type { Translated } from '../../domain/translated.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { funders } from '../../platform/identity/schema.ts';
import { createCall } from './commands/createCall.ts';
import { publishCall } from './commands/publishCall.ts';
import { callDocuments, callForms, callQuestions, calls, taxonomyTerms } from './schema.ts';

export type Call = typeof calls.$inferSelect;
export type PublicCall = Call & { funderName: Translated; funderSlug: string };
export interface Term {
  key: string;
  label: Translated;
}
export interface ApplicationContext {
  call: PublicCall;
  form: { id: string; version: number; definition: FormDefinition };
  publics: readonly Term[];
}
export interface CallForManagement {
  call: PublicCall;
  form: FormDefinition;
  formVersion: number;
  targetPublics: readonly Term[];
  activityTypes: readonly Term[];
  publishProblems: string[];
}
export interface FunderWithCalls {
  id: string;
  slug: string;
  name: Translated;
  description: Translated;
  calls: PublicCall[];
}

/** Calls for projects. Drafts are never part of a public query: the scope excludes them at the source. */
export function callsService(deps: CommandDeps & { storage: FileStorage }) {
  const publicCalls = (condition?: SQL) =>
    deps.db
      .select({ call: calls, funderName: funders.name, funderSlug: funders.slug })
      .from(calls)
      .innerJoin(funders, eq(funders.id, calls.funderId))
      .where(and(ne(calls.status, 'draft'), condition));

  return {
    createCall: (input: Parameters<typeof createCall>[1]) => createCall(deps, input),
    updateCall: (input: Parameters<typeof updateCall>[1]) => updateCall(deps, input),
    saveForm: (input: Parameters<typeof saveForm>[1]) => saveForm(deps, input),
    saveCriteria: (input: Parameters<typeof saveCriteria>[1]) => saveCriteria(deps, input),
    saveJurySettings: (input: Parameters<typeof saveJurySettings>[1]) => saveJurySettings(deps, input),
    publishCall: (input: Parameters<typeof publishCall>[1]) => publishCall(deps, input),
    closeCall: (input: Parameters<typeof closeCall>[1]) => closeCall(deps, input),
    closeCallsPastDeadline: (now?: Date) => closeCallsPastDeadline(deps, now),
    askQuestion: (input: Parameters<typeof askQuestion>[1]) => askQuestion(deps, input),
    answerQuestion: (input: Parameters<typeof answerQuestion>[1]) => answerQuestion(deps, input),
    addCallDocument: (input: Parameters<typeof addCallDocument>[1]) => addCallDocument(deps, input),
    removeCallDocument: (input: Parameters<typeof removeCallDocument>[1]) => removeCallDocument(deps, input),

    /** The call's published questions and answers, oldest first. */
    async publicQuestions(
      callId: string,
    ): Promise<{ id: string; question: string; answer: string; publishedAt: Date }[]> {
      if (!isUuid(callId)) return [];
      const rows = await deps.db
        .select({
          id: callQuestions.id,
          question: callQuestions.question,
          answer: callQuestions.answer,
          publishedAt: callQuestions.publishedAt,
        })
        .from(callQuestions)
        .where(and(eq(callQuestions.callId, callId), isNotNull(callQuestions.publishedAt)))
        .orderBy(asc(callQuestions.publishedAt));
      return rows.map((r) => ({ ...r, answer: r.answer ?? '', publishedAt: r.publishedAt! }));
    },

    /** Questions waiting for an answer, for the call's officers only. */
    async pendingQuestions(
      actor: MaybeActor,
      callId: string,
    ): Promise<{ id: string; question: string; askedAt: Date }[]> {
      await this.callForManagement(actor, callId);
      return deps.db
        .select({ id: callQuestions.id, question: callQuestions.question, askedAt: callQuestions.askedAt })
        .from(callQuestions)
        .where(and(eq(callQuestions.callId, callId), isNull(callQuestions.publishedAt)))
        .orderBy(asc(callQuestions.askedAt));
    },

    /** A call's documents; for a draft call, only its officers see them (the call itself is not public). */
    async documents(callId: string): Promise<{ id: string; label: Translated; name: string; sizeBytes: number }[]> {
      if (!isUuid(callId)) return [];
      return deps.db
        .select({ id: callDocuments.id, label: callDocuments.label, name: files.name, sizeBytes: files.sizeBytes })
        .from(callDocuments)
        .innerJoin(files, eq(files.id, callDocuments.fileId))
        .where(eq(callDocuments.callId, callId))
        .orderBy(asc(callDocuments.addedAt));
    },

    /** A document of a public call, for anyone; of a draft, for its officers. */
    async document(
      actor: MaybeActor,
      callId: string,
      documentId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const call = await this.publicCall(callId).catch(async () => (await this.callForManagement(actor, callId)).call);
      if (!isUuid(documentId)) throw new NotFoundError('document');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(callDocuments)
        .innerJoin(files, eq(files.id, callDocuments.fileId))
        .where(and(eq(callDocuments.id, documentId), eq(callDocuments.callId, call.id)));
      if (!row) throw new NotFoundError('document');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** The funders at which the actor may create calls. */
    async managedFunders(actor: MaybeActor): Promise<{ id: string; name: Translated }[]> {
      authorize(actor, true, 'manage calls');
      const all = await deps.db.select({ id: funders.id, name: funders.name }).from(funders).orderBy(asc(funders.slug));
      return all.filter((f) => canManageCalls(actor, f.id));
    },

    /** Every call, drafts included, of the funders the actor runs calls for. */
    async managedCalls(actor: MaybeActor): Promise<PublicCall[]> {
      const funderIds = (await this.managedFunders(actor)).map((f) => f.id);
      if (!funderIds.length) return [];
      const rows = await deps.db
        .select({ call: calls, funderName: funders.name, funderSlug: funders.slug })
        .from(calls)
        .innerJoin(funders, eq(funders.id, calls.funderId))
        .where(inArray(calls.funderId, funderIds))
        .orderBy(desc(calls.createdAt));
      return rows.map((r) => ({ ...r.call, funderName: r.funderName, funderSlug: r.funderSlug }));
    },

    /** A call with its current form, for its officers; to anyone else it does not exist. */
    async callForManagement(actor: MaybeActor, id: string): Promise<CallForManagement> {
      authorize(actor, true, 'manage call');
      if (!isUuid(id)) throw new NotFoundError('call');
      const [row] = await deps.db
        .select({ call: calls, funderName: funders.name, funderSlug: funders.slug })
        .from(calls)
        .innerJoin(funders, eq(funders.id, calls.funderId))
        .where(eq(calls.id, id));
      if (!row || !canManageCalls(actor, row.call.funderId)) throw new NotFoundError('call');
      const [form] = await deps.db
        .select()
        .from(callForms)
        .where(eq(callForms.callId, id))
        .orderBy(desc(callForms.version))
        .limit(1);
      const problems: string[] =
        row.call.status === 'draft' ? publishProblems({ ...row.call, titleFr: row.call.title.fr }, new Date()) : [];
      if (row.call.status === 'draft' && validateForm(form!.definition).length) problems.push('form-invalid');
      return {
        call: { ...row.call, funderName: row.funderName, funderSlug: row.funderSlug },
        form: form!.definition,
        formVersion: form!.version,
        targetPublics: await this.terms(row.call.funderId, 'target-public'),
        activityTypes: await this.terms(row.call.funderId, 'activity-type'),
        publishProblems: problems,
      };
    },

    /** A funder's editable list; the defaults until the funder has its own. */
    async terms(funderId: string, kind: 'target-public' | 'activity-type'): Promise<readonly Term[]> {
      const own = await deps.db
        .select({ key: taxonomyTerms.key, label: taxonomyTerms.label })
        .from(taxonomyTerms)
        .where(and(eq(taxonomyTerms.funderId, funderId), eq(taxonomyTerms.kind, kind)))
        .orderBy(asc(taxonomyTerms.position));
      return own.length ? own : kind === 'target-public' ? DEFAULT_TARGET_PUBLICS : DEFAULT_ACTIVITY_TYPES;
    },

    /** The form applicants answer (its current version), for the public page and new applications. */
    async currentForm(callId: string): Promise<{ id: string; version: number; definition: FormDefinition }> {
      const [form] = await deps.db
        .select()
        .from(callForms)
        .where(eq(callForms.callId, callId))
        .orderBy(desc(callForms.version))
        .limit(1);
      if (!form) throw new NotFoundError('form');
      return form;
    },

    /**
     * What applying to a call needs: the call as published, its current form and the publics an
     * applicant may choose. Drafts do not exist for applicants.
     */
    async applicationContext(callId: string): Promise<ApplicationContext> {
      const call = await this.publicCall(callId);
      const form = await this.currentForm(callId);
      const publics = (await this.terms(call.funderId, 'target-public')).filter((p) =>
        call.targetPublics.includes(p.key),
      );
      return { call, form, publics };
    },

    async formById(formId: string): Promise<FormDefinition> {
      const [form] = await deps.db
        .select({ definition: callForms.definition })
        .from(callForms)
        .where(eq(callForms.id, formId));
      if (!form) throw new NotFoundError('form');
      return form.definition;
    },

    /** Every funder with its public calls, for the home page. */
    async fundersWithPublicCalls(): Promise<FunderWithCalls[]> {
      const allFunders = await deps.db.select().from(funders).orderBy(asc(funders.slug));
      const rows = await publicCalls().orderBy(asc(calls.closesAt));
      return allFunders.map((f) => ({
        id: f.id,
        slug: f.slug,
        name: f.name,
        description: f.description,
        calls: rows
          .filter((r) => r.call.funderId === f.id)
          .map((r) => ({ ...r.call, funderName: r.funderName, funderSlug: r.funderSlug })),
      }));
    },

    async publicCall(id: string): Promise<PublicCall> {
      if (!isUuid(id)) throw new NotFoundError('call');
      const [row] = await publicCalls(eq(calls.id, id)).limit(1);
      if (!row) throw new NotFoundError('call');
      return { ...row.call, funderName: row.funderName, funderSlug: row.funderSlug };
    },
  };
}
export type CallsService = ReturnType<typeof callsService>;
