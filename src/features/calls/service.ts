import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { authorize, canManageCalls, type MaybeActor } from '../../domain/access.ts';
import { installationAbilities } from '../../domain/adminPolicy.ts';
import { acceptsApplications, publishProblems } from '../../domain/callLifecycle.ts';
import { missingTranslations, type MissingTranslation } from '../../domain/callTranslations.ts';
import { callAbilities, type CallAbilities, type CallAction } from '../../domain/callPolicy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { validateForm } from '../../domain/forms/validateForm.ts';
import { isUuid } from '../../domain/ids.ts';
import { isLocale, type Locale } from '../../domain/locale.ts';
import { signedIn } from '../../domain/policy.ts';
import { DEFAULT_ACTIVITY_TYPES, DEFAULT_TARGET_PUBLICS } from '../../domain/referenceData.ts';
import type { Translated } from '../../domain/translated.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { invalidateAroundCommit, invalidating, type PublishedPages } from '../../platform/http/publishedPages.ts';
import { funders, users } from '../../platform/identity/schema.ts';
import type { FileStorage } from '../../platform/storage/fileStorage.ts';
import { files } from '../../platform/storage/schema.ts';
import type { ScopedFunder } from '../admin/service.ts';
import {
  CALL_WITH_FUNDER,
  loadCall,
  publicRecord,
  scopeAll,
  toPublicCall,
  type PublicCall,
  type ScopedCall,
} from './access.ts';
import { addCallDocument, removeCallDocument } from './commands/callDocuments.ts';
import { closeCall, closeCallsPastDeadline } from './commands/closeCall.ts';
import { createCall } from './commands/createCall.ts';
import { publishCall, type PublishCallRefusal } from './commands/publishCall.ts';
import { answerQuestion, askQuestion } from './commands/questions.ts';
import { saveCriteria } from './commands/saveCriteria.ts';
import { saveForm } from './commands/saveForm.ts';
import { saveJurySettings } from './commands/saveJurySettings.ts';
import { advanceCall, transitionCall, type CallTransition } from './commands/transitionCall.ts';
import { updateCall } from './commands/updateCall.ts';
import { correctionsOf, type Correction } from './corrections.ts';
import { callDocuments, callForms, callQuestions, calls, taxonomyTerms } from './schema.ts';

export type { Call, PublicCall, ScopedCall } from './access.ts';
export {
  MAX_JUROR_CAPACITY,
  MAX_REVIEWERS_PER_APPLICATION,
  type SaveJurySettingsRefusal,
} from './commands/saveJurySettings.ts';
export interface Term {
  key: string;
  label: Translated;
}
type TermKind = 'target-public' | 'activity-type';
export interface ApplicationContext {
  call: PublicCall;
  form: { id: string; version: number; definition: FormDefinition };
  publics: readonly Term[];
}
export interface CallForManagement {
  scoped: ScopedCall;
  call: PublicCall;
  can: CallAbilities;
  form: FormDefinition;
  formVersion: number;
  targetPublics: readonly Term[];
  activityTypes: readonly Term[];
  publishProblems: PublishCallRefusal[];
  /** For a draft, the texts still to give in one of the funder's required languages. */
  missingTranslations: MissingTranslation[];
}
export interface CallDocument {
  id: string;
  label: Translated;
  name: string;
  sizeBytes: number;
}
export interface PublishedQuestion {
  id: string;
  question: Translated;
  answer: Translated;
  publishedAt: Date;
}
export interface PendingQuestion {
  id: string;
  question: string;
  /** The asker's language: the question as asked is the published one in that language, to start from. */
  askedIn: Locale;
  askedAt: Date;
}
export interface PublicCallPage {
  scoped: ScopedCall;
  /** Whether the call takes applications now (the countdown and the apply button), whoever reads it. */
  acceptsApplications: boolean;
  documents: CallDocument[];
  questions: PublishedQuestion[];
  corrections: Correction[];
}
export interface FunderWithCalls {
  id: string;
  slug: string;
  name: Translated;
  description: Translated;
  calls: PublicCall[];
}

/** Calls for projects. Every read starts from a call loaded for the actor (`loadCall`): a draft is the officers' alone. */
export function callsService(deps: CommandDeps & { storage: FileStorage; publishedPages: PublishedPages }) {
  const pages = deps.publishedPages;
  /** A funder's own terms of a kind, or the defaults while it has none. */
  const termsOr = (own: readonly Term[], kind: TermKind): readonly Term[] =>
    own.length ? own : kind === 'target-public' ? DEFAULT_TARGET_PUBLICS : DEFAULT_ACTIVITY_TYPES;
  const terms = async (funderId: string, kind: TermKind): Promise<readonly Term[]> => {
    const own = await deps.db
      .select({ key: taxonomyTerms.key, label: taxonomyTerms.label })
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.funderId, funderId), eq(taxonomyTerms.kind, kind)))
      .orderBy(asc(taxonomyTerms.position));
    return termsOr(own, kind);
  };

  const currentForm = async (callId: string): Promise<{ id: string; version: number; definition: FormDefinition }> => {
    const [form] = await deps.db
      .select()
      .from(callForms)
      .where(eq(callForms.callId, callId))
      .orderBy(desc(callForms.version))
      .limit(1);
    if (!form) throw new NotFoundError('form');
    return form;
  };

  const publicCallRows = (condition?: SQL) =>
    deps.db
      .select(CALL_WITH_FUNDER)
      .from(calls)
      .innerJoin(funders, eq(funders.id, calls.funderId))
      .where(and(ne(calls.status, 'draft'), condition));

  const publicQuestions = async (call: ScopedCall): Promise<PublishedQuestion[]> => {
    const rows = await deps.db
      .select({
        id: callQuestions.id,
        question: callQuestions.publishedQuestion,
        answer: callQuestions.answer,
        publishedAt: callQuestions.publishedAt,
      })
      .from(callQuestions)
      .where(and(eq(callQuestions.callId, call.record.id), isNotNull(callQuestions.publishedAt)))
      .orderBy(asc(callQuestions.publishedAt));
    return rows.map((r) => ({
      id: r.id,
      question: r.question ?? { fr: '' },
      answer: r.answer ?? { fr: '' },
      publishedAt: r.publishedAt!,
    }));
  };

  const documents = (call: ScopedCall): Promise<CallDocument[]> =>
    deps.db
      .select({ id: callDocuments.id, label: callDocuments.label, name: files.name, sizeBytes: files.sizeBytes })
      .from(callDocuments)
      .innerJoin(files, eq(files.id, callDocuments.fileId))
      .where(eq(callDocuments.callId, call.record.id))
      .orderBy(asc(callDocuments.addedAt));

  const managedFunders = async (actor: MaybeActor): Promise<{ id: string; name: Translated }[]> => {
    authorize(actor, installationAbilities(actor).runCalls, 'manage calls');
    const all = await deps.db.select({ id: funders.id, name: funders.name }).from(funders).orderBy(asc(funders.slug));
    return all.filter((f) => canManageCalls(actor, f.id));
  };

  return {
    createCall: (input: Parameters<typeof createCall>[1]) => createCall(deps, input),
    // What the public pages show changes: they are rendered anew once the change is committed.
    updateCall: invalidating(pages, 'call corrected', (input: Parameters<typeof updateCall>[1]) =>
      updateCall(deps, input),
    ),
    saveForm: invalidating(pages, 'call form', (input: Parameters<typeof saveForm>[1]) => saveForm(deps, input)),
    saveCriteria: invalidating(pages, 'call criteria', (input: Parameters<typeof saveCriteria>[1]) =>
      saveCriteria(deps, input),
    ),
    saveJurySettings: (input: Parameters<typeof saveJurySettings>[1]) => saveJurySettings(deps, input),
    publishCall: invalidating(pages, 'call published', (input: Parameters<typeof publishCall>[1]) =>
      publishCall(deps, input),
    ),
    closeCall: invalidating(pages, 'call closed', (input: Parameters<typeof closeCall>[1]) => closeCall(deps, input)),
    async closeCallsPastDeadline(now?: Date) {
      const closed = await closeCallsPastDeadline(deps, now);
      if (closed > 0) pages.invalidate('calls closed at their deadline');
      return closed;
    },
    askQuestion: (input: Parameters<typeof askQuestion>[1]) => askQuestion(deps, input),
    answerQuestion: invalidating(pages, 'question answered', (input: Parameters<typeof answerQuestion>[1]) =>
      answerQuestion(deps, input),
    ),
    addCallDocument: invalidating(pages, 'call document', (input: Parameters<typeof addCallDocument>[1]) =>
      addCallDocument(deps, input),
    ),
    removeCallDocument: invalidating(pages, 'call document', (input: Parameters<typeof removeCallDocument>[1]) =>
      removeCallDocument(deps, input),
    ),

    /**
     * The call as the actor may know it, for every capability that works on a call: "not found" when
     * they may not see it; with `action`, refused when their relation may never take it.
     */
    load: (actor: MaybeActor, id: string, opts: { action?: CallAction; now?: Date; db?: Executor } = {}) =>
      loadCall(opts.db ?? deps.db, actor, id, opts),

    /**
     * Moves a call through its lifecycle inside another capability's transaction, on behalf of the
     * actor who loaded it (decision, publication of results, follow-up). Refusals are the table's.
     */
    transitionCall: (tx: Transaction, call: ScopedCall, input: Omit<CallTransition, 'callId' | 'actorId'>) => {
      invalidateAroundCommit(pages, 'call status');
      return transitionCall(tx, { ...input, callId: call.record.id, actorId: signedIn(call).userId });
    },

    /** Moves a call on to the phase its work has reached, if it is not there yet (see `advanceCall`). */
    advanceCall: (tx: Transaction, call: ScopedCall, input: Omit<CallTransition, 'callId' | 'actorId'>) => {
      invalidateAroundCommit(pages, 'call status');
      return advanceCall(tx, { ...input, callId: call.record.id, actorId: signedIn(call).userId });
    },

    /** The public page of a call: the call, its documents, its answered questions and its corrections. */
    async publicPage(actor: MaybeActor, id: string): Promise<PublicCallPage> {
      const scoped = await loadCall(deps.db, actor, id);
      const [docs, questions, corrections] = await Promise.all([
        documents(scoped),
        publicQuestions(scoped),
        correctionsOf(deps.db, scoped.record.id),
      ]);
      return {
        scoped,
        acceptsApplications: acceptsApplications(scoped.record, new Date()),
        documents: docs,
        questions,
        corrections,
      };
    },

    documents,
    publicQuestions,

    /** Questions waiting for an answer, for the call's officers only. */
    async pendingQuestions(call: ScopedCall): Promise<PendingQuestion[]> {
      if (!call.can.manage) throw new NotFoundError('call');
      const rows = await deps.db
        .select({
          id: callQuestions.id,
          question: callQuestions.question,
          askedIn: users.locale,
          askedAt: callQuestions.askedAt,
        })
        .from(callQuestions)
        .innerJoin(users, eq(users.id, callQuestions.askedBy))
        .where(and(eq(callQuestions.callId, call.record.id), isNull(callQuestions.publishedAt)))
        .orderBy(asc(callQuestions.askedAt));
      return rows.map((r) => ({ ...r, askedIn: isLocale(r.askedIn) ? r.askedIn : 'fr' }));
    },

    /** A document of a call the actor may see: a public call's for anyone, a draft's for its officers. */
    async document(
      actor: MaybeActor,
      callId: string,
      documentId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const call = await loadCall(deps.db, actor, callId);
      if (!isUuid(documentId)) throw new NotFoundError('document');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(callDocuments)
        .innerJoin(files, eq(files.id, callDocuments.fileId))
        .where(and(eq(callDocuments.id, documentId), eq(callDocuments.callId, call.record.id)));
      if (!row) throw new NotFoundError('document');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** The funders at which the actor may create calls. */
    managedFunders,

    /** Every call, drafts included, of the funders the actor runs calls for. */
    async managedCalls(actor: MaybeActor): Promise<ScopedCall[]> {
      const funderIds = (await managedFunders(actor)).map((f) => f.id);
      if (!funderIds.length) return [];
      const rows = await deps.db
        .select(CALL_WITH_FUNDER)
        .from(calls)
        .innerJoin(funders, eq(funders.id, calls.funderId))
        .where(inArray(calls.funderId, funderIds))
        .orderBy(desc(calls.createdAt));
      return scopeAll(actor, rows.map(toPublicCall));
    },

    /**
     * Every call, drafts included, of funders an administrator administers (the administration has
     * scoped them), newest first, with what the administrator may do with each: an administrator of
     * the installation who runs no call there sees drafts listed, and may open none.
     */
    async callsOfFunders(administered: readonly ScopedFunder[]): Promise<{ call: PublicCall; can: CallAbilities }[]> {
      const funderIds = administered.filter((f) => f.can.see).map((f) => f.record.id);
      if (!funderIds.length) return [];
      const rows = await deps.db
        .select(CALL_WITH_FUNDER)
        .from(calls)
        .innerJoin(funders, eq(funders.id, calls.funderId))
        .where(inArray(calls.funderId, funderIds))
        .orderBy(desc(calls.createdAt));
      const now = new Date();
      return rows.map((r) => {
        const call = toPublicCall(r);
        return { call, can: callAbilities(administered[0]!.actor, { ...call, now }) };
      });
    },

    /** A call with its current form, for its officers; to anyone else it does not exist (or is read-only to the public). */
    async callForManagement(actor: MaybeActor, id: string): Promise<CallForManagement> {
      const scoped = await loadCall(deps.db, actor, id, { action: 'manage' });
      const call = scoped.record;
      const form = await currentForm(call.id);
      const problems: PublishCallRefusal[] =
        call.status === 'draft' ? publishProblems({ ...call, titleFr: call.title.fr }, new Date()) : [];
      if (call.status === 'draft' && validateForm(form.definition).length) problems.push('form-invalid');
      const missing =
        call.status === 'draft'
          ? missingTranslations(call, form.definition, await documents(scoped), call.funderLanguages)
          : [];
      if (missing.length) problems.push('missing-translations');
      return {
        scoped,
        call,
        can: scoped.can,
        form: form.definition,
        formVersion: form.version,
        targetPublics: await terms(call.funderId, 'target-public'),
        activityTypes: await terms(call.funderId, 'activity-type'),
        publishProblems: problems,
        missingTranslations: missing,
      };
    },

    /** A funder's editable list; the defaults until the funder has its own. Lists are public. */
    terms,

    /** The form applicants answer (its current version), for the public page and new applications. */
    currentForm,

    /**
     * What applying to a call needs: the call as published, its current form and the publics an
     * applicant may choose. Drafts do not exist for applicants.
     */
    /**
     * What an application is read against: its call as the public sees it, the call's current form and the
     * publics it names. One round trip, since every autosave at a deadline asks for it.
     */
    async applicationContext(callId: string): Promise<ApplicationContext> {
      if (!isUuid(callId)) throw new NotFoundError('call');
      const [row] = await deps.db
        .select({
          ...CALL_WITH_FUNDER,
          form: sql<ApplicationContext['form'] | null>`(
            select json_build_object('id', f.id, 'version', f.version, 'definition', f.definition)
            from ${callForms} f where f.call_id = ${calls.id} order by f.version desc limit 1)`,
          publics: sql<Term[]>`coalesce((
            select json_agg(json_build_object('key', t.key, 'label', t.label) order by t.position)
            from ${taxonomyTerms} t where t.funder_id = ${calls.funderId} and t.kind = 'target-public'), '[]')`,
        })
        .from(calls)
        .innerJoin(funders, eq(funders.id, calls.funderId))
        .where(eq(calls.id, callId));
      if (!row) throw new NotFoundError('call');
      const call = publicRecord(row);
      if (!row.form) throw new NotFoundError('form');
      const publics = termsOr(row.publics, 'target-public').filter((p) => call.targetPublics.includes(p.key));
      return { call, form: row.form, publics };
    },

    /** A version of a call's form by its id, for the applications that answer it (they know their form's id). */
    async formById(formId: string): Promise<FormDefinition> {
      if (!isUuid(formId)) throw new NotFoundError('form');
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
      const rows = await publicCallRows().orderBy(asc(calls.closesAt));
      return allFunders.map((f) => ({
        id: f.id,
        slug: f.slug,
        name: f.name,
        description: f.description,
        calls: rows.filter((r) => r.call.funderId === f.id).map(toPublicCall),
      }));
    },

    /** A call the public may read (never a draft), without an actor: what anyone may know of it. */
    async publicCall(id: string): Promise<PublicCall> {
      return (await loadCall(deps.db, null, id)).record;
    },
  };
}
export type CallsService = ReturnType<typeof callsService>;
