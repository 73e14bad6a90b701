import { INBOX_PAGE_SIZE } from '../applications/service.ts';
import type { z } from 'zod';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import type { Answers } from '../../domain/forms/definition.ts';
import type { Translated as TranslatedText } from '../../domain/translated.ts';
import type { ApplicationView, InboxRow as ServiceInboxRow } from '../applications/service.ts';
import type { PublicCall } from '../calls/service.ts';
import type { Application, Call, CallApplications, InboxRow, Translated } from './contract.ts';

// From the services' records to the contract's shapes. The return types are the contract's, so the
// type checker holds these to the schemas the OpenAPI document is generated from.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function translated(text: TranslatedText): z.output<typeof Translated> {
  return { fr: text.fr, nl: text.nl?.trim() ? text.nl : null, en: text.en?.trim() ? text.en : null };
}

export function presentCall(call: PublicCall): z.output<typeof Call> {
  return {
    id: call.id,
    code: call.code,
    title: translated(call.title),
    status: call.status,
    funder: { id: call.funderId, slug: call.funderSlug, name: translated(call.funderName) },
    budgetCents: call.budgetCents,
    grantMinCents: call.grantMinCents,
    grantMaxCents: call.grantMaxCents,
    opensAt: iso(call.opensAt),
    closesAt: iso(call.closesAt),
    closedAt: iso(call.closedAt),
  };
}

function presentInboxRow(row: ServiceInboxRow): z.output<typeof InboxRow> {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    organisationName: row.organisationName,
    requestedCents: row.requestedCents,
    communes: row.communes,
    targetPublics: row.targetPublics,
    submittedAt: iso(row.submittedAt),
  };
}

export function presentInbox(
  callId: string,
  inbox: { rows: ServiceInboxRow[]; total: number; counts: Partial<Record<ApplicationStatus, number>> },
  page: number,
): z.output<typeof CallApplications> {
  // Every status is listed, zero included, so a client need not know which ones may be missing.
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, inbox.counts[s] ?? 0])) as Record<
    ApplicationStatus,
    number
  >;
  return {
    callId,
    total: inbox.total,
    page,
    pageSize: INBOX_PAGE_SIZE,
    counts,
    applications: inbox.rows.map(presentInboxRow),
  };
}

export function presentApplication(view: ApplicationView): z.output<typeof Application> {
  const { application } = view;
  return {
    id: application.id,
    callId: application.callId,
    reference: application.reference,
    title: application.title,
    status: application.status,
    organisationName: view.organisationName,
    requestedCents: application.requestedCents,
    submittedAt: iso(application.submittedAt),
    // The frozen answers are those of the latest submission: what the SHA-256 on the receipt covers.
    // The view types them loosely; they come from the submissions' column, typed Answers.
    answers: (view.submissions.at(-1)?.answers as Answers | undefined) ?? null,
    submissions: view.submissions.map((s) => ({
      submittedAt: s.submittedAt.toISOString(),
      submittedBy: s.submittedBy,
      sha256: s.sha256,
    })),
  };
}
