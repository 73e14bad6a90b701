import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../domain/applicationLifecycle.ts';
import { CALL_STATUSES } from '../../domain/callLifecycle.ts';
import { BUDGET_CATEGORIES } from '../../domain/forms/definition.ts';
import { TRANCHE_TRIGGERS } from '../../domain/callCriteria.ts';
import { AGREEMENT_VERSION_STATUSES } from '../../domain/grants/agreementVersions.ts';
import { JUROR_STAGES } from '../../domain/juryMembership.ts';
import { GRANT_STATUSES } from '../../domain/grants/grantLifecycle.ts';
import { REPORT_STATUSES } from '../../domain/grants/reportLifecycle.ts';
import { TRANCHE_STATUSES } from '../../domain/grants/trancheLifecycle.ts';
import { decodeCursor } from './paging.ts';

/**
 * The API's contract, as zod schemas: the handlers build values of these types, the OpenAPI
 * document is generated from them (openapi.ts), and the tests parse real responses with them.
 * One source of truth, so the document cannot drift from what the API sends.
 *
 * Every schema that becomes a named component is added to this registry with its id; descriptions
 * go on the schemas themselves (`.meta`), where the JSON Schema generator reads them.
 */
export const components = z.registry<{ id: string }>();
const named = <S extends z.ZodType>(id: string, schema: S): S => {
  components.add(schema, { id });
  return schema;
};

const instant = z.iso
  .datetime()
  .meta({ description: 'An instant, in UTC (ISO 8601). Deadlines are set and shown in Brussels time.' });
const cents = z.int().min(0).meta({ description: 'An amount in euro cents.' });
// Any UUID, as the ids in URLs are read (domain/ids.ts), whatever its version.
const id = z.guid();

export const ErrorBody = named(
  'Error',
  z
    .object({
      error: z.string().meta({
        description:
          'A stable code: unauthorized, forbidden, notFound, badRequest, tooMany, server; for a write refused in the record’s state (409), the refusal, e.g. alreadyPaid.',
      }),
      message: z
        .string()
        .meta({ description: 'What went wrong, in the language asked for with Accept-Language (fr, nl or en).' }),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'For badRequest: which parameter was refused and why.' }),
    })
    .meta({ description: 'Every refusal has this shape.' }),
);

export const Translated = named(
  'Translated',
  z
    .object({ fr: z.string(), nl: z.string().nullable(), en: z.string().nullable() })
    .meta({ description: 'A text in French (always present) and, when translated, Dutch and English.' }),
);

export const Call = named(
  'Call',
  z
    .object({
      id,
      code: z.string().meta({ description: 'Prefix of the reference numbers of its applications, e.g. BEE.' }),
      title: Translated,
      status: z.enum(CALL_STATUSES),
      funder: z.object({ id, slug: z.string(), name: Translated }),
      budgetCents: cents,
      grantMinCents: cents.nullable(),
      grantMaxCents: cents.nullable(),
      opensAt: instant.nullable(),
      closesAt: instant.nullable(),
      closedAt: instant.nullable().meta({
        description:
          'When the call stopped taking applications: before `closesAt` when an officer closed it early; null while it is open.',
      }),
    })
    .meta({ description: 'A call for projects, drafts included, as its officers see it.' }),
);

export const CallList = named(
  'CallList',
  z
    .object({ calls: z.array(Call) })
    .meta({ description: 'The calls of every funder at which the token’s owner runs calls, newest first.' }),
);

export const InboxRow = named(
  'InboxRow',
  z.object({
    id,
    reference: z.string().nullable().meta({ description: 'Handed out at the first submission, e.g. BEE-2026-0042.' }),
    title: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    organisationName: z.string(),
    requestedCents: cents.nullable(),
    communes: z.array(z.string()).meta({ description: 'NIS codes of the Brussels communes served.' }),
    targetPublics: z.array(z.string()),
    submittedAt: instant.nullable(),
  }),
);

export const StatusCounts = named(
  'StatusCounts',
  z
    .object(
      Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.int().min(0)])) as Record<
        (typeof APPLICATION_STATUSES)[number],
        z.ZodInt
      >,
    )
    .meta({
      description: 'How many applications of the call are in each status, drafts included, whatever the filters.',
    }),
);

export const CallApplications = named(
  'CallApplications',
  z
    .object({
      callId: id,
      total: z.int().min(0).meta({ description: 'The number of applications matching the filters, on all pages.' }),
      page: z.int().min(1),
      pageSize: z.int().min(1),
      counts: StatusCounts,
      applications: z.array(InboxRow),
    })
    .meta({ description: 'The submitted applications of a call (never drafts), filtered and sorted.' }),
);

const Budget = z.object({
  lines: z.array(z.object({ category: z.enum(BUDGET_CATEGORIES), label: z.string(), amountCents: z.int() })),
  totalCents: z.int(),
  requestedCents: z.int(),
  otherFunding: z.array(z.object({ source: z.string(), amountCents: z.int() })),
  otherFundingCents: z.int(),
});

export const AnswerValue = named(
  'AnswerValue',
  z
    .union([
      z.string(),
      z.number(),
      z.boolean(),
      z.array(z.string()),
      Budget,
      z.record(z.string(), z.number()),
      z.null(),
    ])
    .meta({ description: 'A validated answer: text, number, yes/no, choices, a budget, or participants per public.' }),
);

export const Submission = named(
  'Submission',
  z.object({
    submittedAt: instant,
    submittedBy: z.string().meta({ description: 'The display name of the person who submitted.' }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .meta({ description: 'SHA-256 of the frozen answers, as on the receipt.' }),
  }),
);

export const Application = named(
  'Application',
  z
    .object({
      id,
      callId: id,
      reference: z.string().nullable(),
      title: z.string(),
      status: z.enum(APPLICATION_STATUSES),
      organisationName: z.string(),
      requestedCents: cents.nullable(),
      submittedAt: instant.nullable().meta({ description: 'The first submission.' }),
      answers: z
        .record(z.string(), AnswerValue)
        .nullable()
        .meta({ description: 'The answers frozen at the latest submission, by field id; null if never submitted.' }),
      submissions: z
        .array(Submission)
        .meta({ description: 'Every submission, oldest first: a resubmission after a return adds one.' }),
    })
    .meta({ description: 'One application, with its frozen answers.' }),
);

/** The inbox's filters. Query strings are text: numbers are read from it, empty parameters dropped first. */
export const InboxQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional().meta({ description: 'Only applications in this status.' }),
  q: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Full-text search in the title and text answers, stemmed in French and Dutch.' }),
  commune: z
    .string()
    .regex(/^\d{5}$/)
    .optional()
    .meta({ description: 'Only applications serving this commune (NIS code, e.g. 21015).' }),
  public: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'Only applications for this target public (its key, e.g. seniors).' }),
  min: z.coerce.number().int().min(0).optional().meta({ description: 'Requested amount at least this, in cents.' }),
  max: z.coerce.number().int().min(0).optional().meta({ description: 'Requested amount at most this, in cents.' }),
  sort: z
    .enum(['reference', 'title', 'requested', 'submitted'])
    .optional()
    .meta({ description: 'Order: reference (default), title, requested (largest first), submitted (oldest first).' }),
  page: z.coerce.number().int().min(1).optional().meta({ description: 'Page of 100 applications, from 1.' }),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

// The lifecycle beyond the applications: screening, ranking and decision, read-only. Their lists
// are paged by an opaque cursor and can be limited to what changed since an instant, so a client
// that polls asks only for what is new.

const changedAt = instant.meta({
  description: 'When this row last changed (the latest audit-trail entry about it): what `changedSince` compares.',
});

export const PageQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .refine((c) => decodeCursor(c) !== null, 'Not a cursor this API gave.')
    .optional()
    .meta({ description: 'The `nextCursor` of the previous page; absent for the first page.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .meta({ description: 'Rows per page, 1 to 500 (100 by default).' }),
  changedSince: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'Only rows changed at or after this instant (ISO 8601).' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

const nextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass it as `cursor` for the next page; null on the last page.' });

export const ScreeningOutcome = named(
  'ScreeningOutcome',
  z.object({
    applicationId: id,
    reference: z.string(),
    title: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    eligibility: z
      .enum(['pending', 'eligible', 'ineligible', 'withdrawn'])
      .meta({ description: 'The eligibility decision as it stands, read from the status.' }),
    checklist: z
      .object({ total: z.int(), assessed: z.int(), met: z.int(), notMet: z.int(), toVerify: z.int() })
      .meta({ description: 'How far the officers’ checklist is, on the call’s current criteria.' }),
    changedAt,
  }),
);

export const ScreeningPage = named(
  'ScreeningPage',
  z
    .object({ callId: id, outcomes: z.array(ScreeningOutcome), nextCursor })
    .meta({ description: 'The screening of every application ever submitted to a call, in reference order.' }),
);

export const RankingRow = named(
  'RankingRow',
  z.object({
    applicationId: id,
    reference: z.string(),
    title: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    rank: z.int().min(1),
    total: z.number().meta({ description: 'The weighted total of the panel’s agreed scores.' }),
    passes: z.boolean().meta({ description: 'Whether every threshold (per criterion and overall) is met.' }),
    changedAt,
  }),
);

export const RankingPage = named(
  'RankingPage',
  z
    .object({
      callId: id,
      ranking: z.array(RankingRow),
      awaiting: z
        .int()
        .min(0)
        .meta({ description: 'Eligible applications the panel has not agreed on yet, so not ranked.' }),
      nextCursor,
    })
    .meta({
      description: 'The ranking from the panel’s consensus, in rank order. Jurors are never named.',
    }),
);

export const DecisionOutcome = named(
  'DecisionOutcome',
  z.object({
    applicationId: id,
    reference: z.string(),
    outcome: z.enum(['selected', 'reserve', 'not-selected']),
    amountCents: cents.nullable(),
    partial: z.boolean().meta({ description: 'Selected for less than requested.' }),
    rank: z.int().nullable().meta({ description: 'Position in the ranking; null if it was not ranked.' }),
    reason: z.string().meta({ description: 'rank, fixed, budget, rule:…, below-threshold, ineligible or withdrawn.' }),
    promotedAt: instant.nullable(),
    withdrawnAt: instant.nullable(),
    changedAt,
  }),
);

export const DecisionPage = named(
  'DecisionPage',
  z
    .object({
      callId: id,
      decision: z
        .object({
          decidingBody: Translated,
          decidedOn: z.iso.date(),
          budgetCents: cents,
          recordedAt: instant,
          resultsPublishedAt: instant.nullable(),
        })
        .nullable()
        .meta({ description: 'Null until the call is decided; the outcomes are then empty.' }),
      outcomes: z.array(DecisionOutcome),
      nextCursor,
    })
    .meta({ description: 'The call’s decision and each application’s outcome, in reference order.' }),
);

export const Assignment = named(
  'Assignment',
  z.object({
    id,
    applicationId: id,
    reference: z.string().nullable(),
    juror: z
      .object({
        id: id.meta({ description: 'The juror’s seat on this call’s jury (not their account).' }),
        name: z.string().meta({ description: 'Their name, or their e-mail address if they have not given one.' }),
        stage: z.enum(JUROR_STAGES).meta({
          description:
            'invited, accepted (declaration not signed yet), active, or withdrawn (a submitted review still counts).',
        }),
      })
      .meta({ description: 'Who reviews it: for the call’s officers only, never for applicants or the public.' }),
    source: z.enum(['manual', 'automatic']),
    evaluation: z.enum(['none', 'draft', 'submitted']),
    conflicted: z
      .boolean()
      .meta({ description: 'A conflict of interest was declared since: the juror may no longer open or score it.' }),
    counts: z.boolean().meta({ description: 'Whether this review counts toward the jurors each application needs.' }),
    changedAt,
  }),
);

export const AssignmentPage = named(
  'AssignmentPage',
  z
    .object({ callId: id, assignments: z.array(Assignment), nextCursor })
    .meta({ description: 'Which juror reviews which application of a call, in reference order.' }),
);

// After the decision: grants, their tranches and reports, the funder's payment batches, and the
// residents' directory. Same paging and `changedSince` as the lifecycle's lists above.

export const AgreementVersion = named(
  'AgreementVersion',
  z.object({
    number: z.int().min(1),
    status: z.enum(AGREEMENT_VERSION_STATUSES),
    amountCents: cents,
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
  }),
);

export const GrantLedger = named(
  'GrantLedger',
  z
    .object({
      grantedCents: cents,
      amendedCents: cents.meta({ description: 'The amount of the binding agreement version.' }),
      entitlementCents: cents.meta({ description: 'What the grantee may receive in all, after any settlement.' }),
      plannedCents: cents.meta({ description: 'Tranches not yet released.' }),
      dueCents: cents.meta({ description: 'Released, waiting for approval.' }),
      approvedNotPaidCents: cents,
      paidCents: cents,
      toPayCents: cents,
      remainingCents: cents,
      justifiedCents: cents.meta({ description: 'Approved expenses.' }),
      toRecoverCents: cents,
      recoveredCents: cents,
      netPaidCents: cents.meta({ description: 'Paid less recovered.' }),
    })
    .meta({ description: 'The grant’s figures, from its tranches, expenses and recoveries.' }),
);

export const Grant = named(
  'Grant',
  z.object({
    id,
    reference: z.string(),
    title: z.string(),
    organisationName: z.string(),
    status: z.enum(GRANT_STATUSES),
    offeredCents: cents.meta({ description: 'The amount the decision awarded.' }),
    ledger: GrantLedger,
    agreementVersions: z.array(AgreementVersion).meta({ description: 'Every version of the agreement, oldest first.' }),
    changedAt,
  }),
);

export const GrantPage = named(
  'GrantPage',
  z
    .object({ callId: id, grants: z.array(Grant), nextCursor })
    .meta({ description: 'The grants made by a call’s decision, in reference order.' }),
);

export const Tranche = named(
  'Tranche',
  z.object({
    id,
    number: z.int().min(1),
    percent: z.int(),
    trigger: z
      .enum([...TRANCHE_TRIGGERS, 'date'])
      .meta({ description: 'What makes it due: the signature, a report’s approval, or a date (`dueOn`).' }),
    status: z.enum(TRANCHE_STATUSES),
    amountCents: cents,
    dueOn: z.iso.date().nullable(),
    madeDueAt: instant.nullable(),
    paidAt: instant.nullable(),
    batchId: id.nullable(),
    changedAt,
  }),
);

export const TranchePage = named(
  'TranchePage',
  z
    .object({ grantId: id, tranches: z.array(Tranche), nextCursor })
    .meta({ description: 'A grant’s tranches, in their order.' }),
);

export const PaymentBatch = named(
  'PaymentBatch',
  z.object({
    id,
    callId: id,
    messageId: z.string().meta({ description: 'The SEPA file’s MsgId.' }),
    status: z.enum(['created', 'paid']),
    executionDate: z.iso.date(),
    totalCents: cents,
    count: z.int().min(0),
    createdAt: instant,
    paidAt: instant.nullable(),
    trancheIds: z.array(id),
    changedAt,
  }),
);

export const PaymentBatchPage = named(
  'PaymentBatchPage',
  z
    .object({ funderId: id, batches: z.array(PaymentBatch), nextCursor })
    .meta({ description: 'A funder’s payment batches, oldest first. The SEPA files themselves are not here.' }),
);

export const IndicatorValue = named(
  'IndicatorValue',
  z
    .union([z.number(), z.record(z.string(), z.number()), z.array(z.string()), z.string(), z.null()])
    .meta({ description: 'A count, counts per category, DigComp area ids, or a narrative text.' }),
);

export const Report = named(
  'Report',
  z.object({
    id,
    definitionId: z.string().meta({ description: 'The report’s id in the call’s plan: interim-1, final.' }),
    kind: z.enum(['interim', 'final']),
    status: z.enum(REPORT_STATUSES),
    opensAt: instant,
    dueAt: instant,
    returnDueAt: instant.nullable(),
    overdue: z.boolean(),
    submittedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    values: z.record(z.string(), IndicatorValue).meta({ description: 'The indicators’ values, by indicator id.' }),
    changedAt,
  }),
);

export const ReportPage = named(
  'ReportPage',
  z
    .object({ grantId: id, reports: z.array(Report), nextCursor })
    .meta({ description: 'A grant’s reports, by due date. Who wrote or decided them is not given.' }),
);

export const Place = named(
  'Place',
  z.object({
    id: z.string(),
    name: z.string(),
    organisation: z.string().nullable(),
    summary: Translated,
    address: z.object({
      street: z.string(),
      complement: z.string().nullable(),
      postalCode: z.string(),
      communeNis: z.string(),
    }),
    coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    phone: z.string().nullable(),
    websites: z.array(z.string()),
    openingHours: z.string().nullable().meta({ description: 'OpenStreetMap opening_hours syntax.' }),
    services: z.array(z.string()),
    languages: z.array(z.string()),
    stepFree: z.boolean().nullable(),
    grantReference: z.string().nullable(),
    changedAt,
  }),
);

export const PlacePage = named(
  'PlacePage',
  z
    .object({ places: z.array(Place), nextCursor })
    .meta({ description: 'The published places of the residents’ directory, by id.' }),
);

// The API's writes: what the funder's accounting system learns from the bank about a payment batch.

export const MarkBatchPaid = named(
  'MarkBatchPaid',
  z
    .object({
      paidOn: z.iso.date().optional().meta({
        description: 'The day the bank executed the batch (Brussels), between its making and today; today if absent.',
      }),
    })
    .strict()
    .meta({ description: 'The bank executed the batch: every tranche still in it is paid.' }),
);

export const TrancheOutcome = named(
  'TrancheOutcome',
  z
    .object({
      reason: z.string().trim().min(1).max(500).meta({
        description:
          'Why the bank rejected or sent back the transfer (its return code or words), kept in the audit trail.',
      }),
    })
    .strict()
    .meta({ description: 'One transfer of a batch did not reach the grantee.' }),
);
