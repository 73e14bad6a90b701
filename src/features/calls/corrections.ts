import { asc, eq } from 'drizzle-orm';
import type { CallPart, CallStatus } from '../../domain/callLifecycle.ts';
import { isCorrection } from '../../domain/callParts.ts';
import type { Translated } from '../../domain/translated.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { callCorrections } from './schema.ts';

export interface Correction {
  parts: CallPart[];
  note: Translated;
  correctedAt: Date;
}

/**
 * Records a change to a call as a correction when the call is past its draft, inside the command's
 * transaction; a draft's changes are nobody's business yet. `callVersion` is the version the change made.
 */
export async function recordCorrection(
  tx: Transaction,
  input: {
    callId: string;
    status: CallStatus;
    callVersion: number;
    parts: CallPart[];
    note: Translated | null;
    actorId: string;
  },
): Promise<void> {
  if (!isCorrection(input.status, input.parts)) return;
  await tx.insert(callCorrections).values({
    callId: input.callId,
    callVersion: input.callVersion,
    parts: input.parts,
    note: input.note ?? { fr: '' },
    correctedBy: input.actorId,
  });
}

/** A call's corrections, oldest first, as its public page lists them. */
export async function correctionsOf(db: Executor, callId: string): Promise<Correction[]> {
  return db
    .select({ parts: callCorrections.parts, note: callCorrections.note, correctedAt: callCorrections.correctedAt })
    .from(callCorrections)
    .where(eq(callCorrections.callId, callId))
    .orderBy(asc(callCorrections.correctedAt));
}
