import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { previewImport, type ImportPreview } from '../../../domain/directory/importPreview.ts';
import {
  importPlacesCsv,
  importPlacesJson,
  type BadRow,
  type FileProblemCode,
} from '../../../domain/directory/placeImport.ts';
import { curatesDirectory } from '../../../domain/directory/placePolicy.ts';
import { ForbiddenError, NotFoundError, SignInRequiredError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DirectoryDeps } from '../deps.ts';
import { placeColumns, rowToPlace } from '../records.ts';
import { directoryImports, directoryPlaces } from '../schema.ts';

export type ImportBatch = typeof directoryImports.$inferSelect;

/** A bad row of the preview; `id-taken`: its id is a place another owner holds, which an import never overwrites. */
export type ImportBadRow = Omit<BadRow, 'problems'> & {
  problems: (BadRow['problems'][number] | { column: 'id'; code: 'id-taken'; value: string })[];
};
export type DirectoryImportPreview = Omit<ImportPreview, 'bad'> & { bad: ImportBadRow[]; ignoredColumns: string[] };

export type PrepareImportRefusal = FileProblemCode;
export type ApplyImportRefusal = 'already-applied' | FileProblemCode;

const MAX_BYTES = 5 * 1024 * 1024;

function readFile(batch: Pick<ImportBatch, 'format' | 'content' | 'source'>) {
  const read = batch.format === 'json' ? importPlacesJson : importPlacesCsv;
  return read(batch.content, { source: batch.source });
}

/**
 * What importing the file would do now, against the places as they are: the funder's own places
 * are added or changed, a row whose id another owner holds is refused with its line.
 */
export async function computePreview(
  db: Executor,
  batch: ImportBatch,
): Promise<Outcome<DirectoryImportPreview, FileProblemCode>> {
  const read = readFile(batch);
  if (!read.ok) return refused(read.problem.code);
  const ids = read.good.map((r) => r.place.id);
  const existing = ids.length ? await db.select().from(directoryPlaces).where(inArray(directoryPlaces.id, ids)) : [];
  const foreign = new Set(
    existing.filter((r) => r.funderId !== batch.funderId || r.organisationId !== null).map((r) => r.id),
  );
  const taken: ImportBadRow[] = read.good
    .filter((r) => foreign.has(r.place.id))
    .map((r) => ({ line: r.line, problems: [{ column: 'id', code: 'id-taken', value: r.place.id }], values: {} }));
  const preview = previewImport(existing.filter((r) => !foreign.has(r.id)).map(rowToPlace), {
    good: read.good.filter((r) => !foreign.has(r.place.id)),
    bad: read.bad,
  });
  const bad = [...preview.bad, ...taken].sort((a, b) => a.line - b.line);
  return { ok: true, value: { ...preview, bad, ignoredColumns: read.ignoredColumns } };
}

/**
 * Keeps an uploaded file for its preview: nothing is written to the directory yet. A file that
 * cannot be read at all (not CSV, not a JSON list, empty) is refused with the reason.
 */
export async function prepareImport(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; funderId: string; source: string; fileName: string; content: Buffer },
): Promise<Outcome<string, PrepareImportRefusal>> {
  const { actor } = input;
  if (!actor) throw new SignInRequiredError();
  if (!isUuid(input.funderId) || !curatesDirectory(actor, input.funderId)) throw new ForbiddenError('import places');
  if (input.content.length > MAX_BYTES || input.content.length === 0) return refused('empty');
  const content = input.content.toString('utf8');
  const format = /\.json$/i.test(input.fileName) || /^\s*\[/.test(content) ? 'json' : 'csv';
  const source = input.source.trim() || input.fileName;
  const read = readFile({ format, content, source });
  if (!read.ok) return refused(read.problem.code);
  const [batch] = await deps.db
    .insert(directoryImports)
    .values({ funderId: input.funderId, source, format, fileName: input.fileName, content, createdBy: actor.userId })
    .returning({ id: directoryImports.id });
  return { ok: true, value: batch!.id };
}

/** The batch `id` for an officer who curates its funder's directory; "not found" for anyone else. */
export async function loadBatch(db: Executor, actor: MaybeActor, id: string, lock = false): Promise<ImportBatch> {
  if (!actor) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('import');
  const query = db.select().from(directoryImports).where(eq(directoryImports.id, id));
  const [batch] = lock ? await query.for('update') : await query;
  if (!batch || !curatesDirectory(actor, batch.funderId)) throw new NotFoundError('import');
  return batch;
}

/**
 * Writes what the preview showed, as it stands now: new places published under the funder, changed
 * ones updated (their state kept), unchanged ones and bad rows left alone; so the same file imported
 * again changes nothing. One transaction, one audit row with what was done.
 */
export async function applyImport(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; batchId: string },
): Promise<Outcome<{ added: number; changed: number; unchanged: number; bad: number }, ApplyImportRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const batch = await loadBatch(tx, input.actor, input.batchId, true);
      if (batch.appliedAt) refuse('already-applied');
      const computed = await computePreview(tx, batch);
      if (!computed.ok) return refuse(...computed.refusals);
      const preview = computed.value;
      const now = new Date();
      if (preview.added.length) {
        const rows = preview.added.map((r) => ({
          ...placeColumns(r.place),
          funderId: batch.funderId,
          organisationId: null,
          state: 'published' as const,
          importBatchId: batch.id,
        }));
        for (let i = 0; i < rows.length; i += 500) await tx.insert(directoryPlaces).values(rows.slice(i, i + 500));
      }
      for (const change of preview.changed) {
        await tx
          .update(directoryPlaces)
          .set({
            ...placeColumns(change.after),
            importBatchId: batch.id,
            version: sql`${directoryPlaces.version} + 1`,
            updatedAt: now,
          })
          .where(
            and(
              eq(directoryPlaces.id, change.after.id),
              eq(directoryPlaces.funderId, batch.funderId),
              isNull(directoryPlaces.organisationId),
            ),
          );
      }
      const counts = {
        added: preview.added.length,
        changed: preview.changed.length,
        unchanged: preview.unchanged.length,
        bad: preview.bad.length,
      };
      await tx.update(directoryImports).set({ appliedAt: now, counts }).where(eq(directoryImports.id, batch.id));
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        funderId: batch.funderId,
        action: 'place.imported',
        subjectType: 'place-import',
        subjectId: batch.id,
        after: {
          ...counts,
          added: preview.added.map((r) => r.place.id),
          changed: preview.changed.map((c) => c.after.id),
          fileName: batch.fileName,
        },
      });
      return counts;
    }),
  );
}
