// The juror-assignment request as the CLI and the API receive it: identifiers, not indices.
// The schema checks shapes; `checkReferences` checks what a schema cannot see (duplicate and
// unknown identifiers), so that the solver never meets an ill-formed problem.
import { z } from 'zod';

const id = z.string().min(1, 'must be a non-empty identifier');

// Strict objects: a misspelt optional key ("minload") would otherwise be dropped silently and the
// constraint it meant would not be applied.
export const assignmentInputSchema = z.strictObject({
  reviewersPerApplication: z.int().min(1, 'must be at least 1'),
  jurors: z.array(
    z.strictObject({
      id,
      capacity: z.int().min(0, 'must not be negative'),
      minLoad: z.int().min(0, 'must not be negative').optional(),
    }),
  ),
  applications: z.array(z.strictObject({ id })),
  affinity: z.array(z.tuple([id, id, z.number()])).default([]),
  conflicts: z.array(z.tuple([id, id])).default([]),
  applicationAffinityFloor: z.number().nullable().optional(),
});

export type AssignmentInput = z.input<typeof assignmentInputSchema>;
export type ParsedAssignmentInput = z.output<typeof assignmentInputSchema>;

/** Messages for every duplicate or unknown identifier (at most `limit`), in input order. */
export function checkReferences(input: ParsedAssignmentInput, limit = 20): string[] {
  const errors: string[] = [];
  const jurors = uniqueIds('juror', input.jurors, errors);
  const applications = uniqueIds('application', input.applications, errors);
  const pairs = new Set<string>();
  input.affinity.forEach(([juror, application], i) => {
    checkPair(`affinity[${i}]`, juror, application, jurors, applications, errors);
    const key = `${juror}\u0000${application}`;
    if (pairs.has(key)) errors.push(`affinity[${i}]: the pair ${juror}/${application} is given twice`);
    pairs.add(key);
  });
  input.conflicts.forEach(([juror, application], i) =>
    checkPair(`conflicts[${i}]`, juror, application, jurors, applications, errors),
  );
  return errors.slice(0, limit);
}

function uniqueIds(kind: string, records: readonly { id: string }[], errors: string[]): Set<string> {
  const seen = new Set<string>();
  for (const { id } of records) {
    if (seen.has(id)) errors.push(`${kind} id ${id} appears more than once`);
    seen.add(id);
  }
  return seen;
}

function checkPair(
  where: string,
  juror: string,
  application: string,
  jurors: Set<string>,
  applications: Set<string>,
  errors: string[],
): void {
  if (!jurors.has(juror)) errors.push(`${where}: unknown juror ${juror}`);
  if (!applications.has(application)) errors.push(`${where}: unknown application ${application}`);
}
