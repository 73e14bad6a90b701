import { z } from 'zod';
import type { ApiScope } from '../../domain/apiTokenPolicy.ts';
import {
  Application,
  AssignmentPage,
  CallApplications,
  CallList,
  components,
  DecisionPage,
  GrantPage,
  InboxQuery,
  MarkBatchPaid,
  PaymentBatch,
  PaymentBatchPage,
  PlacePage,
  ReportPage,
  TrancheOutcome,
  TranchePage,
  PageQuery,
  RankingPage,
  ScreeningPage,
} from './contract.ts';

interface Operation {
  path: string;
  /** Reads are GET; the few writes, POST with a JSON body. */
  method: 'get' | 'post';
  summary: string;
  description: string;
  /** Each path parameter's description, by name. */
  params: Record<string, string>;
  query: z.ZodObject | null;
  /** A write's JSON body, and whether it may be left out. */
  body: { schema: z.ZodObject; required: boolean } | null;
  response: z.ZodType;
  /** What the token must carry; also the route's declared policy (tokenRoute). */
  scope: ApiScope;
}

/**
 * The API's operations: path, parameters and response schema. The routes are registered from this
 * table and the OpenAPI document is generated from it, so neither can name a path the other lacks.
 */
export const OPERATIONS = {
  listCalls: {
    path: '/api/calls',
    method: 'get',
    summary: 'The calls you manage',
    description: 'Every call, drafts included, of the funders at which you are an officer or an administrator.',
    params: {},
    query: null,
    body: null,
    response: CallList,
    scope: 'read',
  },
  listCallApplications: {
    path: '/api/calls/{id}/applications',
    method: 'get',
    summary: 'The applications of a call',
    description:
      'The submitted applications of one of your calls (never drafts), with the count per status. A call you do not manage is not found.',
    params: { id: 'The call’s id.' },
    query: InboxQuery,
    body: null,
    response: CallApplications,
    scope: 'read',
  },
  getApplication: {
    path: '/api/applications/{id}',
    method: 'get',
    summary: 'One application',
    description:
      'A submitted application of one of your calls, with its frozen answers and every submission’s SHA-256. An application you may not see is not found.',
    params: { id: 'The application’s id.' },
    query: null,
    body: null,
    response: Application,
    scope: 'read',
  },
  listScreeningOutcomes: {
    path: '/api/calls/{id}/screening',
    method: 'get',
    summary: 'The screening of a call',
    description:
      'Each application ever submitted to one of your calls, with its eligibility as it stands and how far the checklist is. Paged by cursor, in reference order.',
    params: { id: 'The call’s id.' },
    query: PageQuery,
    body: null,
    response: ScreeningPage,
    scope: 'read',
  },
  getRanking: {
    path: '/api/calls/{id}/ranking',
    method: 'get',
    summary: 'The ranking of a call',
    description:
      'The eligible applications ranked by the panel’s agreed scores, with whether each meets the thresholds; jurors are never named. Paged by cursor, in rank order.',
    params: { id: 'The call’s id.' },
    query: PageQuery,
    body: null,
    response: RankingPage,
    scope: 'read',
  },
  listCallAssignments: {
    path: '/api/calls/{id}/assignments',
    method: 'get',
    summary: 'The jury assignments of a call',
    description:
      'Which juror reviews which application of one of your calls: the juror’s seat and name, the evaluation’s state, and whether a conflict of interest was declared. For the call’s officers only: a juror, an applicant or another funder’s officer is refused, and never told who the jurors are. Paged by cursor, in reference order.',
    params: { id: 'The call’s id.' },
    query: PageQuery,
    body: null,
    response: AssignmentPage,
    scope: 'read',
  },
  getDecision: {
    path: '/api/calls/{id}/decision',
    method: 'get',
    summary: 'The decision on a call',
    description:
      'Who decided, when, within which budget, and each application’s outcome and amount, promotions from the reserve and withdrawals included. Paged by cursor, in reference order.',
    params: { id: 'The call’s id.' },
    query: PageQuery,
    body: null,
    response: DecisionPage,
    scope: 'read',
  },
  listCallGrants: {
    path: '/api/calls/{id}/grants',
    method: 'get',
    summary: 'The grants of a call',
    description:
      'The grants the decision on one of your calls made: state, amount offered, ledger figures and each agreement version’s status. Paged by cursor, in reference order.',
    params: { id: 'The call’s id.' },
    query: PageQuery,
    body: null,
    response: GrantPage,
    scope: 'read',
  },
  listGrantTranches: {
    path: '/api/grants/{id}/tranches',
    method: 'get',
    summary: 'The tranches of a grant',
    description:
      'Each tranche of one of your grants: trigger, amount, state, and the payment batch it is in. Paged by cursor, in their order.',
    params: { id: 'The grant’s id.' },
    query: PageQuery,
    body: null,
    response: TranchePage,
    scope: 'read',
  },
  listGrantReports: {
    path: '/api/grants/{id}/reports',
    method: 'get',
    summary: 'The reports of a grant',
    description:
      'Each report of one of your grants: status, due dates and indicator values, narratives included; never who wrote or decided it. Paged by cursor, by due date.',
    params: { id: 'The grant’s id.' },
    query: PageQuery,
    body: null,
    response: ReportPage,
    scope: 'read',
  },
  listPaymentBatches: {
    path: '/api/funders/{id}/payment-batches',
    method: 'get',
    summary: 'The payment batches of a funder',
    description:
      'The batches of transfers made for the calls of a funder at which you run calls: state, totals and the tranches each pays; the SEPA files are not here. Paged by cursor, oldest first.',
    params: { id: 'The funder’s id.' },
    query: PageQuery,
    body: null,
    response: PaymentBatchPage,
    scope: 'read',
  },
  listPlaces: {
    path: '/api/directory/places',
    method: 'get',
    summary: 'The directory’s places',
    description:
      'The published places of the residents’ digital-help directory, as their public pages show them. Paged by cursor, by id.',
    params: {},
    query: PageQuery,
    body: null,
    response: PlacePage,
    scope: 'read',
  },
  markBatchPaid: {
    path: '/api/payment-batches/{id}/paid',
    method: 'post',
    summary: 'Tell that the bank executed a batch',
    description:
      'For the funder’s accounting system: every tranche still in the batch is paid, on `paidOn` or today, exactly as when an officer marks it paid on its page (audited, and announced by the `batch.paid` webhook). Answers the batch as the list presents it. Telling it twice changes nothing: the second time is refused with `alreadyPaid`. Mark the transfers the bank rejected as failed first.',
    params: { id: 'The payment batch’s id.' },
    query: null,
    body: { schema: MarkBatchPaid, required: false },
    response: PaymentBatch,
    scope: 'write',
  },
  recordTrancheFailed: {
    path: '/api/payment-batches/{id}/tranches/{trancheId}/failed',
    method: 'post',
    summary: 'Tell that the bank rejected a transfer of a batch',
    description:
      'Before the batch is paid: the tranche leaves it, to be paid again in a new batch. The reason goes into the audit trail. Answers the batch as the list presents it. Once the batch is paid this is refused (`alreadyPaid`): a transfer that came back is `returned`; a tranche already failed is refused (`notNow`).',
    params: { id: 'The payment batch’s id.', trancheId: 'The tranche’s id.' },
    query: null,
    body: { schema: TrancheOutcome, required: true },
    response: PaymentBatch,
    scope: 'write',
  },
  recordTrancheReturned: {
    path: '/api/payment-batches/{id}/tranches/{trancheId}/returned',
    method: 'post',
    summary: 'Tell that a paid transfer came back',
    description:
      'After the batch is paid: the tranche is no longer paid, and waits to be paid again in a new batch. The reason goes into the audit trail. Answers the batch as the list presents it. Refused while the batch is not paid, or for a tranche already returned (`notNow`).',
    params: { id: 'The payment batch’s id.', trancheId: 'The tranche’s id.' },
    query: null,
    body: { schema: TrancheOutcome, required: true },
    response: PaymentBatch,
    scope: 'write',
  },
} as const satisfies Record<string, Operation>;
export type OperationId = keyof typeof OPERATIONS;

/** Fastify's spelling of an OpenAPI path: `{id}` becomes `:id`. */
export const routePath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

type JsonSchema = Record<string, unknown>;

/** A query parameter's JSON Schema, as the client writes it (`input`: a number, before coercion). */
function parameterSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return rest;
}

const ref = (schema: z.ZodType): JsonSchema => {
  const meta = components.get(schema);
  if (!meta) throw new Error('response schemas must be named components');
  return { $ref: `#/components/schemas/${meta.id}` };
};

const json = (description: string, schema: JsonSchema) => ({
  description,
  content: { 'application/json': { schema } },
});
const refusal = (description: string) => json(description, { $ref: '#/components/schemas/Error' });

/**
 * The OpenAPI 3.1 document. Its schemas are JSON Schema 2020-12 (3.1's own dialect), generated by
 * zod from the contract; `$schema` and `$id` are dropped from each component, since the document
 * declares the dialect once and components are addressed by their place in it.
 */
export function openApiDocument(publicUrl: string) {
  const generated = z.toJSONSchema(components, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` })
    .schemas as Record<string, JsonSchema>;
  const schemas = Object.fromEntries(
    Object.entries(generated).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );

  const paths: Record<string, JsonSchema> = {};
  for (const [operationId, op] of Object.entries(OPERATIONS) as [OperationId, Operation][]) {
    const parameters: JsonSchema[] = Object.entries(op.params).map(([name, description]) => ({
      name,
      in: 'path',
      required: true,
      description,
      schema: { type: 'string', format: 'uuid' },
    }));
    if (op.query) {
      for (const [name, schema] of Object.entries(op.query.shape)) {
        const { description, ...rest } = parameterSchema(schema as z.ZodType);
        parameters.push({ name, in: 'query', required: false, description, schema: rest });
      }
    }
    paths[op.path] = {
      [op.method]: {
        operationId,
        summary: op.summary,
        description: op.description,
        tags: [op.scope],
        security: [{ bearer: [op.scope] }],
        ...(parameters.length ? { parameters } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: op.body.required,
                content: { 'application/json': { schema: ref(op.body.schema) } },
              },
            }
          : {}),
        responses: {
          '200': json('OK', ref(op.response)),
          ...(op.query ? { '400': refusal('A query parameter is not valid; `issues` says which.') } : {}),
          ...(op.body
            ? { '400': refusal('The body is not valid JSON or not as described; `issues` says which.') }
            : {}),
          '401': refusal('No token, or a token that is unknown, revoked (`tokenRevoked`) or expired (`tokenExpired`).'),
          '403': refusal(
            'The token lacks the scope this needs (`insufficientScope`), or its owner no longer runs calls at its funders (`forbidden`).',
          ),
          ...(Object.keys(op.params).length
            ? { '404': refusal('Not found, or not yours to see: the two are not told apart.') }
            : {}),
          ...(op.method === 'post'
            ? {
                '409': refusal(
                  'Refused in the batch’s current state, nothing changed: `alreadyPaid`, `notNow`, `unknownTranche` (not in this batch) or `paidOn` (a day in the future or before the batch was made). `message` says it in words.',
                ),
              }
            : {}),
          '429': refusal('Too many requests: slow down.'),
        },
      },
    };
  }
  paths['/api/openapi.json'] = {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description: 'Public: describing the API reveals nothing that is not in its source code.',
      tags: ['meta'],
      security: [],
      responses: {
        '200': json('The OpenAPI 3.1 document.', { type: 'object' }),
        '404': refusal('Never in practice: the document is always there.'),
      },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'Octroi API',
      version: '1.4.0',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      description:
        'JSON API over the calls for projects you manage: it reads their applications, screening, jury assignments, ranking and decision, then the grants, their tranches and reports, the funders’ payment batches, and the published places of the directory. It is read-only but for one thing a funder’s accounting system knows first: what the bank did with a payment batch (paid, a transfer rejected or sent back), told with a token carrying the `write` scope. Authenticate with a personal API token (My account → API tokens), sent as `Authorization: Bearer <token>`. A token carries scopes (`read`, `write`), may be limited to some of your funders, and expires (at most a year after its creation); every request made with it is written to the audit trail. Cookies are not accepted. Lists of the later stages are paged by an opaque `cursor` and filtered by `changedSince`. Amounts are in euro cents, instants in UTC (ISO 8601). Messages follow Accept-Language (fr, nl, en).',
    },
    servers: [{ url: publicUrl }],
    security: [{ bearer: [] }],
    tags: [
      { name: 'read', description: 'Calls, applications and what follows them: needs the `read` scope' },
      { name: 'write', description: 'What the bank did with a payment batch: needs the `write` scope' },
      { name: 'meta', description: 'About the API' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token, created on the page My account → API tokens.',
        },
      },
    },
  };
}
