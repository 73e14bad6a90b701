import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { APPLICANT_EDITABLE, can, type ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import { isBeforeDeadline } from '../../domain/brusselsTime.ts';
import {
  missingForSubmission,
  normaliseAnswers,
  type AnswerError,
  type ChecklistSection,
} from '../../domain/forms/answers.ts';
import type { Answers, FormDefinition } from '../../domain/forms/definition.ts';
import { isUuid } from '../../domain/ids.ts';
import type { ApplicationAction } from '../../domain/applicationPolicy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Translated } from '../../domain/translated.ts';
import { files } from '../../platform/storage/schema.ts';
import { users } from '../../platform/identity/schema.ts';
import type { ApplicationContext, CallForManagement } from '../calls/service.ts';
import { applicationFor, type Application } from './access.ts';
import { answerContext } from './answerContext.ts';
import { attachFile, detachFile } from './commands/attachments.ts';
import { returnForCompletion } from './commands/returnForCompletion.ts';
import { saveAnswers } from './commands/saveAnswers.ts';
import { saveSection } from './commands/saveSection.ts';
import { addNote } from './commands/addNote.ts';
import { submittedApplication } from './submittedPdf.ts';
import { sendDeadlineReminders } from './commands/sendReminders.ts';
import { startApplication } from './commands/startApplication.ts';
import { submitApplication } from './commands/submitApplication.ts';
import { transitionByOfficer } from './commands/transitionByOfficer.ts';
import { withdrawApplication } from './commands/withdrawApplication.ts';
import type { ApplicationsDeps } from './deps.ts';
import { openReturn } from './returns.ts';
import { applicationFiles, applicationNotes, applications, applicationSubmissions } from './schema.ts';

/** An officer's internal note on an application. */
export interface ApplicationNote {
  id: string;
  body: string;
  author: string;
  createdAt: Date;
}

export interface ApplicationView {
  application: Application;
  viewer: 'member' | 'officer';
  context: ApplicationContext;
  /** The form this application answers: the call's current one for a draft, its own once submitted. */
  form: FormDefinition;
  organisationName: string;
  /** The organisation's standing documents (statutes, accounts…), which every application carries. */
  organisationDocuments: { kind: string; name: string; href: string }[];
  files: Record<string, { id: string; name: string; href: string }[]>;
  /** Problems that would stop submission, section by section. */
  checklist: ChecklistSection[];
  /** Problems in what was typed (drafts are saved anyway). */
  errors: Record<string, AnswerError>;
  openReturn: { message: string; openFields: string[]; dueAt: Date } | null;
  submissions: { submittedAt: Date; sha256: string; submittedBy: string; answers: Record<string, unknown> }[];
  abilities: { edit: boolean; submit: boolean; withdraw: boolean; returnForCompletion: boolean };
}

export interface DashboardRow {
  id: string;
  title: string;
  reference: string | null;
  status: ApplicationStatus;
  organisationName: string;
  callTitle: Translated;
  closesAt: Date | null;
  /** When the call actually closed (earlier than `closesAt` when an officer closed it early). */
  closedAt: Date | null;
  updatedAt: Date;
}

export interface InboxFilters {
  status?: ApplicationStatus | undefined;
  commune?: string | undefined;
  targetPublic?: string | undefined;
  minCents?: number | undefined;
  maxCents?: number | undefined;
  q?: string | undefined;
  sort?: 'reference' | 'title' | 'requested' | 'submitted' | undefined;
  /** 1-based page of INBOX_PAGE_SIZE rows. */
  page?: number | undefined;
}

/** An officer reads a page at a time; the funnel and the total count all the matching applications. */
export const INBOX_PAGE_SIZE = 100;
/** Rows per page of the officers' other long lists of applications (screening, consensus). */
export const LIST_PAGE_SIZE = 100;

/** What a page of a call's applications asks for: its 1-based number, and the statuses it keeps (all when absent). */
export interface ListPage {
  page: number;
  statuses?: readonly ApplicationStatus[] | undefined;
}

export type InboxRow = Pick<
  Application,
  'id' | 'reference' | 'title' | 'status' | 'requestedCents' | 'communes' | 'targetPublics' | 'submittedAt'
> & { organisationName: string };

/** Applications: the applicant's drafts and submissions, and the officer's inbox. */
/** What every list of the funnel shows of an application. */
const FUNNEL_ROW = {
  id: applications.id,
  reference: applications.reference,
  title: applications.title,
  status: applications.status,
  organisationId: applications.organisationId,
};

/** A call's applications that entered the funnel: submitted once, so with a reference. */
const enteredFunnel = (callId: string) =>
  and(eq(applications.callId, callId), ne(applications.status, 'draft'), isNotNull(applications.reference));

export function applicationsService(deps: ApplicationsDeps) {
  return {
    startApplication: (input: Parameters<typeof startApplication>[1]) => startApplication(deps, input),
    saveAnswers: (input: Parameters<typeof saveAnswers>[1]) => saveAnswers(deps, input),
    /** A save the browser makes on its own while someone types: the same save, in the autosaves' lane. */
    autosave: (input: Parameters<typeof saveAnswers>[1]) => deps.autosaves(() => saveAnswers(deps, input)),
    saveSection: (input: Parameters<typeof saveSection>[1]) => saveSection(deps, input),
    addNote: (input: Parameters<typeof addNote>[1]) => addNote(deps, input),

    /** The officers' internal notes on an application, oldest first: the call's officers only (never its applicants). */
    async notes(actor: MaybeActor, id: string): Promise<ApplicationNote[]> {
      const { application } = await applicationFor(deps, actor, id, 'keepNotes');
      return deps.db
        .select({
          id: applicationNotes.id,
          body: applicationNotes.body,
          author: users.displayName,
          createdAt: applicationNotes.createdAt,
        })
        .from(applicationNotes)
        .innerJoin(users, eq(users.id, applicationNotes.authorId))
        .where(eq(applicationNotes.applicationId, application.id))
        .orderBy(asc(applicationNotes.createdAt));
    },

    /** A submitted application's frozen answers and attachments (with SHA-256), for its PDF. */
    submittedApplication: (actor: MaybeActor, id: string) => submittedApplication(deps, actor, id),
    submitApplication: (input: Parameters<typeof submitApplication>[1]) => submitApplication(deps, input),
    withdrawApplication: (input: Parameters<typeof withdrawApplication>[1]) => withdrawApplication(deps, input),
    returnForCompletion: (input: Parameters<typeof returnForCompletion>[1]) => returnForCompletion(deps, input),
    attachFile: (input: Parameters<typeof attachFile>[1]) => attachFile(deps, input),
    detachFile: (input: Parameters<typeof detachFile>[1]) => detachFile(deps, input),
    sendDeadlineReminders: (now?: Date) => sendDeadlineReminders(deps, now),
    /** For other capabilities' commands, inside their own transaction; they authorise first. */
    transitionByOfficer,

    /** The applications of all the actor's organisations, newest activity first. */
    async dashboard(actor: MaybeActor): Promise<DashboardRow[]> {
      authorize(actor, true, 'dashboard');
      const organisations = await deps.organisations.myOrganisations(actor);
      if (!organisations.length) return [];
      const names = new Map(organisations.map((o) => [o.id, o.name]));
      const rows = await deps.db
        .select({
          id: applications.id,
          title: applications.title,
          reference: applications.reference,
          status: applications.status,
          organisationId: applications.organisationId,
          callId: applications.callId,
          updatedAt: applications.updatedAt,
        })
        .from(applications)
        .where(inArray(applications.organisationId, [...names.keys()]))
        .orderBy(desc(applications.updatedAt));
      const contexts = new Map<string, ApplicationContext>();
      for (const callId of new Set(rows.map((r) => r.callId)))
        contexts.set(callId, await deps.calls.applicationContext(callId));
      return rows.map((r) => ({
        ...r,
        organisationName: names.get(r.organisationId) ?? '',
        callTitle: contexts.get(r.callId)!.call.title,
        closesAt: contexts.get(r.callId)!.call.closesAt,
        closedAt: contexts.get(r.callId)!.call.closedAt,
      }));
    },

    /**
     * Refuses (not found, forbidden, sign in first) unless the actor's relation to the application
     * may take `action` at all: what a route asks before it reads the request's body.
     */
    async authorize(actor: MaybeActor, id: string, action: ApplicationAction): Promise<void> {
      await applicationFor(deps, actor, id, action);
    },

    /**
     * One application, as its organisation or the call's officers see it; with `action`, refused to
     * a relation that may never take it (screening asks for `screen`).
     */
    async view(actor: MaybeActor, id: string, action: ApplicationAction | 'see' = 'see'): Promise<ApplicationView> {
      const now = new Date();
      const { application, viewer, context } = await applicationFor(deps, actor, id, action);
      const form =
        application.status === 'draft' ? context.form.definition : await deps.calls.formById(application.formId);
      const ret = application.status === 'returned' ? await openReturn(deps.db, application.id) : null;
      const attached = await deps.db
        .select({ id: files.id, name: files.name, fieldId: applicationFiles.fieldId })
        .from(applicationFiles)
        .innerJoin(files, eq(files.id, applicationFiles.fileId))
        .where(eq(applicationFiles.applicationId, application.id))
        .orderBy(asc(files.createdAt));
      const byField: ApplicationView['files'] = {};
      for (const f of attached)
        (byField[f.fieldId] ??= []).push({
          id: f.id,
          name: f.name,
          href: `/applications/${application.id}/files/${f.id}`,
        });
      const submissions = await deps.db
        .select({
          submittedAt: applicationSubmissions.submittedAt,
          sha256: applicationSubmissions.sha256,
          submittedBy: users.displayName,
          answers: applicationSubmissions.answers,
        })
        .from(applicationSubmissions)
        .innerJoin(users, eq(users.id, applicationSubmissions.submittedBy))
        .where(eq(applicationSubmissions.applicationId, application.id))
        .orderBy(asc(applicationSubmissions.submittedAt));
      const ctx = answerContext(context);
      const callOpen =
        context.call.status === 'published' && !!context.call.closesAt && isBeforeDeadline(now, context.call.closesAt);
      const returnOpen = !!ret && (!ret.dueAt || isBeforeDeadline(now, ret.dueAt));
      const editable =
        viewer === 'member' &&
        APPLICANT_EDITABLE.includes(application.status) &&
        (application.status === 'draft' ? callOpen : returnOpen);
      const transitionCtx = {
        now,
        call: { opensAt: context.call.opensAt, closesAt: context.call.closesAt ?? now },
        returnDueAt: ret?.dueAt ?? null,
      };
      const names = await deps.organisations.names([application.organisationId]);
      return {
        application,
        viewer,
        context,
        form,
        organisationName: names.get(application.organisationId)?.name ?? '',
        organisationDocuments: (await deps.organisations.shelf(application.organisationId)).map((d) => ({
          kind: d.kind,
          name: d.name,
          href: `/applications/${application.id}/organisation-documents/${d.id}`,
        })),
        files: byField,
        checklist: editable ? missingForSubmission(form, application.rawAnswers, ctx) : [],
        errors: editable ? normaliseAnswers(form, application.rawAnswers, ctx, { forSubmission: false }).errors : {},
        openReturn: ret ? { message: ret.message, openFields: ret.openFields, dueAt: ret.dueAt } : null,
        submissions,
        abilities: {
          edit: editable,
          submit: editable && can(application.status, 'submit', transitionCtx),
          withdraw: viewer === 'member' && can(application.status, 'withdraw', transitionCtx),
          returnForCompletion: viewer === 'officer' && can(application.status, 'return-for-completion', transitionCtx),
        },
      };
    },

    /**
     * A submitted application as the jury reads it: frozen answers, form, attachments' names. The
     * jury capability decides who may (assigned jurors without conflict); this only reads.
     */
    async forReview(applicationId: string) {
      if (!isUuid(applicationId)) throw new NotFoundError('application');
      const [application] = await deps.db.select().from(applications).where(eq(applications.id, applicationId));
      if (!application || !application.submittedAt) throw new NotFoundError('application');
      const context = await deps.calls.applicationContext(application.callId);
      const form = await deps.calls.formById(application.formId);
      const attached = await deps.db
        .select({ id: files.id, name: files.name, fieldId: applicationFiles.fieldId })
        .from(applicationFiles)
        .innerJoin(files, eq(files.id, applicationFiles.fileId))
        .where(eq(applicationFiles.applicationId, application.id));
      const names = await deps.organisations.names([application.organisationId]);
      return {
        application,
        context,
        form,
        organisation: names.get(application.organisationId) ?? null,
        files: attached,
      };
    },

    /** An attached file of a submitted application, for a capability that has already authorised the reader. */
    async fileForReview(applicationId: string, fileId: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
      if (!isUuid(applicationId) || !isUuid(fileId)) throw new NotFoundError('file');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(applicationFiles)
        .innerJoin(files, eq(files.id, applicationFiles.fileId))
        .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fileId, fileId)));
      if (!row) throw new NotFoundError('file');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** The submitted applications of a call, in reference order: what screening and the jury work on. */
    async submittedOf(callId: string) {
      return deps.db
        .select({
          id: applications.id,
          reference: applications.reference,
          title: applications.title,
          status: applications.status,
          organisationId: applications.organisationId,
          targetPublics: applications.targetPublics,
          communes: applications.communes,
          requestedCents: applications.requestedCents,
          submittedBy: applications.updatedBy,
        })
        .from(applications)
        .where(and(eq(applications.callId, callId), ne(applications.status, 'draft')))
        .orderBy(asc(applications.reference));
    },

    /**
     * The call's applications of these statuses (among `ids` when given), in reference order, with only what a
     * list of them shows: the ranking reads two thousand of them, and decoding wider rows was most of its time.
     */
    async listedOf(callId: string, statuses: readonly ApplicationStatus[], ids?: readonly string[]) {
      if (ids?.length === 0) return [];
      const ofCall = and(eq(applications.callId, callId), inArray(applications.status, [...statuses]));
      return deps.db
        .select({
          id: applications.id,
          reference: applications.reference,
          title: applications.title,
          status: applications.status,
        })
        .from(applications)
        .where(ids ? and(ofCall, inArray(applications.id, [...ids])) : ofCall)
        .orderBy(asc(applications.reference));
    },

    /**
     * The call's applications that entered the funnel, in reference order, with what the selection and the
     * decision letters read of each (the language of who saved them last among it), in one query.
     */
    async candidatesOf(callId: string) {
      const rows = await deps.db
        .select({
          ...FUNNEL_ROW,
          requestedCents: applications.requestedCents,
          targetPublics: applications.targetPublics,
          communes: applications.communes,
          locale: users.locale,
        })
        .from(applications)
        .leftJoin(users, eq(users.id, applications.updatedBy))
        .where(enteredFunnel(callId))
        .orderBy(asc(applications.reference));
      return rows.map((r) => ({ ...r, reference: r.reference! }));
    },

    /**
     * A page of the call's applications that entered the funnel (submitted once, so with a reference), in
     * reference order, with their count per status: a long list reads a page, not two thousand rows.
     */
    async funnelPage(callId: string, list: ListPage) {
      const entered = enteredFunnel(callId);
      const counted = await deps.db
        .select({ status: applications.status, n: sql<number>`count(*)::int` })
        .from(applications)
        .where(entered)
        .groupBy(applications.status);
      const counts: Partial<Record<ApplicationStatus, number>> = Object.fromEntries(
        counted.map((c) => [c.status, c.n]),
      );
      const kept = list.statuses;
      const rows = await deps.db
        .select(FUNNEL_ROW)
        .from(applications)
        .where(kept ? and(entered, inArray(applications.status, [...kept])) : entered)
        .orderBy(asc(applications.reference))
        .limit(LIST_PAGE_SIZE)
        .offset((Math.max(1, Math.floor(list.page)) - 1) * LIST_PAGE_SIZE);
      const total = counted.filter((c) => !kept || kept.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
      return { rows: rows.map((r) => ({ ...r, reference: r.reference! })), counts, total };
    },

    /** The frozen answers of applications, for what is published about them (results, open data); the caller decides what may be shown. */
    async answersOf(ids: string[]): Promise<Map<string, Answers>> {
      if (!ids.length) return new Map();
      const rows = await deps.db
        .select({ id: applications.id, answers: applications.answers })
        .from(applications)
        .where(inArray(applications.id, ids));
      return new Map(rows.map((r) => [r.id, r.answers]));
    },

    /** A document of the applying organisation's shelf, for whoever may see the application. */
    async organisationDocument(actor: MaybeActor, applicationId: string, documentId: string) {
      const { application } = await applicationFor(deps, actor, applicationId);
      return deps.organisations.shelfDocument(application.organisationId, documentId);
    },

    /** An attached file, for whoever may see the application. */
    async file(
      actor: MaybeActor,
      applicationId: string,
      fileId: string,
    ): Promise<{ name: string; mime: string; bytes: Buffer }> {
      const { application } = await applicationFor(deps, actor, applicationId);
      if (!isUuid(fileId)) throw new NotFoundError('file');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(applicationFiles)
        .innerJoin(files, eq(files.id, applicationFiles.fileId))
        .where(and(eq(applicationFiles.applicationId, application.id), eq(applicationFiles.fileId, fileId)));
      if (!row) throw new NotFoundError('file');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /**
     * The officer's inbox of a call: submitted applications (never drafts' contents) with filters,
     * full-text search in French and Dutch, and the count per status — the funnel, drafts included.
     */
    async inbox(
      actor: MaybeActor,
      callId: string,
      filters: InboxFilters = {},
    ): Promise<{
      managed: CallForManagement;
      rows: InboxRow[];
      total: number;
      counts: Partial<Record<ApplicationStatus, number>>;
    }> {
      const managed = await deps.calls.callForManagement(actor, callId);
      const page = Math.max(1, Math.floor(filters.page ?? 1));
      const conditions: SQL[] = [eq(applications.callId, callId), ne(applications.status, 'draft')];
      if (filters.status) conditions.push(eq(applications.status, filters.status));
      if (filters.commune) conditions.push(sql`${filters.commune} = any(${applications.communes})`);
      if (filters.targetPublic) conditions.push(sql`${filters.targetPublic} = any(${applications.targetPublics})`);
      if (filters.minCents !== undefined) conditions.push(gte(applications.requestedCents, filters.minCents));
      if (filters.maxCents !== undefined) conditions.push(lte(applications.requestedCents, filters.maxCents));
      if (filters.q?.trim())
        conditions.push(
          sql`${applications.search} @@ (websearch_to_tsquery('french', ${filters.q}) || websearch_to_tsquery('dutch', ${filters.q}))`,
        );
      const order = {
        reference: asc(applications.reference),
        title: asc(applications.title),
        requested: desc(applications.requestedCents),
        submitted: asc(applications.submittedAt),
      }[filters.sort ?? 'reference'];
      const rows = await deps.db
        .select({
          id: applications.id,
          reference: applications.reference,
          title: applications.title,
          status: applications.status,
          requestedCents: applications.requestedCents,
          communes: applications.communes,
          targetPublics: applications.targetPublics,
          submittedAt: applications.submittedAt,
          organisationId: applications.organisationId,
        })
        .from(applications)
        .where(and(...conditions))
        .orderBy(order, asc(applications.id))
        .limit(INBOX_PAGE_SIZE)
        .offset((page - 1) * INBOX_PAGE_SIZE);
      const [{ total } = { total: 0 }] = await deps.db
        .select({ total: sql<number>`count(*)::int` })
        .from(applications)
        .where(and(...conditions));
      const counted = await deps.db
        .select({ status: applications.status, n: sql<number>`count(*)::int` })
        .from(applications)
        .where(eq(applications.callId, callId))
        .groupBy(applications.status);
      const names = await deps.organisations.names([...new Set(rows.map((r) => r.organisationId))]);
      return {
        managed,
        rows: rows.map(({ organisationId, ...r }) => ({
          ...r,
          organisationName: names.get(organisationId)?.name ?? '',
        })),
        total,
        counts: Object.fromEntries(counted.map((c) => [c.status, c.n])),
      };
    },

    /** Every submitted application of a call with its frozen answers, for the exports. */
    async exportRows(actor: MaybeActor, callId: string) {
      const managed = await deps.calls.callForManagement(actor, callId);
      // Only what the export writes: the search vector and raw answers would triple what is read.
      const rows = await deps.db
        .select({
          id: applications.id,
          reference: applications.reference,
          title: applications.title,
          status: applications.status,
          organisationId: applications.organisationId,
          submittedAt: applications.submittedAt,
          requestedCents: applications.requestedCents,
          answers: applications.answers,
        })
        .from(applications)
        .where(and(eq(applications.callId, callId), ne(applications.status, 'draft')))
        .orderBy(asc(applications.reference));
      const names = await deps.organisations.names([...new Set(rows.map((r) => r.organisationId))]);
      return { managed, rows: rows.map((r) => ({ ...r, organisation: names.get(r.organisationId) })) };
    },
  };
}
export type ApplicationsService = ReturnType<typeof applicationsService>;
/** A submitted application as screening, the jury and the selection list it. */
export type SubmittedApplication = Awaited<ReturnType<ApplicationsService['submittedOf']>>[number];
/** Why an officer's move of an application is refused (see transitionByOfficer). */
export type { OfficerTransitionRefusal } from './commands/transitionByOfficer.ts';
