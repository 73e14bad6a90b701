// Decision letters are written after the decision commits, one at a time, in the background: a
// letter takes about 0.1 s to render (bench/letters.ts), so a call of 200 applicants would hold the
// officer's request for 20 s. The queue is the decision itself: an outcome without a letter (and
// not withdrawn) is owed one. A decision or a promotion commits, then asks for a run; the runs are
// chained, never overlapping, and a timer retries what a crash left behind. Each letter is stored,
// recorded and mailed in its own transaction, so a letter is sent once, for a decision that stands.
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { isLocale } from '../../domain/locale.ts';
import { inLocale } from '../../domain/translated.ts';
import { inTransaction } from '../../platform/db/unitOfWork.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { funderLogo } from '../../platform/identity/funderLogo.ts';
import { enqueueMail, funderLetterhead } from '../../platform/mail/outbox.ts';
import { renderPdf } from '../../platform/pdf/renderPdf.ts';
import { files } from '../../platform/storage/schema.ts';
import type { DecisionsDeps } from './deps.ts';
import { letterSpec } from './letters.ts';
import { letterFactsOf, type LetterContext } from './outcomes.ts';
import { callDecisions, decisionOutcomes } from './schema.ts';
import { candidatesOf, type Candidate } from './selectionFacts.ts';

const BATCH = 20;

export interface LetterRunner {
  /** Starts a run (after the one under way, if any); resolves with the letters it issued. */
  issue(): Promise<number>;
}

export function letterRunner(deps: DecisionsDeps): LetterRunner {
  let tail: Promise<number> = Promise.resolve(0);
  const run = () =>
    issuePendingLetters(deps).catch((error: unknown) => {
      deps.log.error({ err: error }, 'letter run failed');
      return 0;
    });
  return {
    issue() {
      tail = tail.then(run, run);
      return tail;
    },
  };
}

async function issuePendingLetters(deps: DecisionsDeps): Promise<number> {
  let issued = 0;
  // A letter that fails (a storage error) is left for the next run rather than retried in a loop.
  const failed: string[] = [];
  for (;;) {
    const pending = await deps.db
      .select({ callId: decisionOutcomes.callId, applicationId: decisionOutcomes.applicationId })
      .from(decisionOutcomes)
      .where(
        and(
          isNull(decisionOutcomes.letterFileId),
          isNull(decisionOutcomes.withdrawnAt),
          failed.length ? notInArray(decisionOutcomes.applicationId, failed) : undefined,
        ),
      )
      .orderBy(asc(decisionOutcomes.callId), asc(decisionOutcomes.rank))
      .limit(BATCH);
    if (!pending.length) return issued;
    for (const callId of new Set(pending.map((p) => p.callId))) {
      const sources = await letterSources(deps, callId);
      for (const { applicationId } of pending.filter((p) => p.callId === callId)) {
        try {
          if (await issueLetter(deps, sources, applicationId)) issued++;
        } catch (error) {
          deps.log.error({ err: error, applicationId }, 'decision letter not issued');
          failed.push(applicationId);
        }
      }
    }
  }
}

interface LetterSources {
  context: LetterContext;
  outcomes: (typeof decisionOutcomes.$inferSelect)[];
  candidates: Map<string, Candidate>;
  callTitle: LetterContext['callTitle'];
  funderId: string;
}

/** What every letter of a call reads: the call, its decision, every outcome, the applications and the panel's consensus. */
async function letterSources(deps: DecisionsDeps, callId: string): Promise<LetterSources> {
  const call = await deps.calls.publicCall(callId);
  const { publics } = await deps.calls.applicationContext(callId);
  const [decision] = await deps.db.select().from(callDecisions).where(eq(callDecisions.callId, callId));
  const outcomes = await deps.db.select().from(decisionOutcomes).where(eq(decisionOutcomes.callId, callId));
  const agreed = await deps.scoring.agreedOf(callId);
  return {
    context: {
      funderName: call.funderName,
      callTitle: call.title,
      decidingBody: decision!.decidingBody,
      decidedOn: decision!.decidedOn,
      recordedAt: decision!.recordedAt,
      funder: await letterheadOf(deps, call.funderId),
      signatory: { name: decision!.signatoryName, function: decision!.signatoryFunction },
      appealRoutes: decision!.appealRoutes,
      criteria: call.evaluationCriteria,
      consensus: new Map(
        agreed.map((a) => [a.applicationId, { scores: a.scores, comments: a.comments, comment: a.comment }]),
      ),
      targetPublicLabel: (key) => publics.find((p) => p.key === key)?.label ?? { fr: key },
    },
    outcomes,
    candidates: new Map((await candidatesOf(deps, callId, new Map())).map((c) => [c.id, c])),
    callTitle: call.title,
    funderId: call.funderId,
  };
}

/** The funder's letterhead with its logo's bytes, read once for all the letters of a call. */
async function letterheadOf(deps: DecisionsDeps, funderId: string): Promise<LetterContext['funder']> {
  const letterhead = await funderLetterhead(deps.db, funderId);
  return { ...letterhead, logo: await funderLogo(deps.db, deps.storage, funderId) };
}

async function issueLetter(deps: DecisionsDeps, sources: LetterSources, applicationId: string): Promise<boolean> {
  const row = sources.outcomes.find((o) => o.applicationId === applicationId)!;
  const candidate = sources.candidates.get(applicationId)!;
  const planned = {
    candidate,
    outcome: row.outcome,
    amountCents: row.amountCents,
    partial: row.partial,
    rank: row.rank,
    reason: row.reason,
    event: null,
  };
  const bytes = await renderPdf(
    letterSpec(letterFactsOf(planned, sources.outcomes, sources.context, row.promotedAt !== null)),
  );
  const storageKey = randomUUID();
  await deps.storage.put(storageKey, bytes);
  const recipients = await deps.organisations.recipients(candidate.organisationId);
  const name = `${candidate.reference}-decision.pdf`;
  return inTransaction(deps, async (tx) => {
    // A run started meanwhile may have written it: the letter is sent once.
    const [locked] = await tx
      .select({ letterFileId: decisionOutcomes.letterFileId })
      .from(decisionOutcomes)
      .where(eq(decisionOutcomes.applicationId, applicationId))
      .for('update');
    if (!locked || locked.letterFileId) return false;
    const [file] = await tx
      .insert(files)
      .values({
        storageKey,
        name,
        mime: 'application/pdf',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: null,
      })
      .returning({ id: files.id });
    await tx
      .update(decisionOutcomes)
      .set({ letterFileId: file!.id })
      .where(eq(decisionOutcomes.applicationId, applicationId));
    const attachment = { filename: name, contentType: 'application/pdf', base64: bytes.toString('base64') };
    for (const r of recipients) {
      const locale = isLocale(r.locale) ? r.locale : 'fr';
      const t = translator(locale);
      const values = {
        name: r.displayName,
        reference: candidate.reference,
        call: inLocale(sources.callTitle, locale),
        link: `${deps.publicUrl}/applications/${applicationId}`,
      };
      await enqueueMail(tx, {
        to: r.email,
        subject: t('mail.decision.subject', values),
        text: t('mail.decision.body', values),
        attachments: [attachment],
        // Replies reach the funder's contact address, which the letter names too.
        funderId: sources.funderId,
      });
    }
    return true;
  });
}
