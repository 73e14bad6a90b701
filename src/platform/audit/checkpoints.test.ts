// Regression tests for the audit trail's holes: TRUNCATE emptied it and `audit verify` then said ok,
// and rows removed at its end went unseen. Each test on a database of its own, PGlite and PostgreSQL.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { backends, type Backend } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { hashRow, recordAudit, verifyAuditChain } from './audit.ts';
import {
  CHECKPOINT_EVERY_MS,
  CHECKPOINT_EVERY_ROWS,
  CHECKPOINT_FILE,
  checkpointAnchors,
  createAuditCheckpoints,
} from './checkpoints.ts';
import { auditCheckpoints, auditEvents } from './schema.ts';

const NOW = new Date('2026-12-04T10:00:00Z');

/** The database's own refusal, under the query error the driver wraps it in. */
const refused = (operation: string) => (error: unknown) => {
  const { message, cause } = error as Error;
  return new RegExp(`append-only: ${operation} refused`).test(`${message} ${(cause as Error | undefined)?.message}`);
};
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** A fresh database with `rows` audit rows, a data folder for the checkpoint file, and a log to read. */
async function trail(backend: Backend, rows: number) {
  const handle: DatabaseHandle = await backend.open();
  const dir = mkdtempSync(join(tmpdir(), 'octroi-audit-'));
  const logged: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
  const append = async (n: number) => {
    for (let i = 0; i < n; i++)
      await handle.db.transaction((tx) =>
        recordAudit(tx, { actorId: null, action: 'test.event', subjectType: 'test', subjectId: `row-${i}` }),
      );
  };
  await append(rows);
  const checkpoints = createAuditCheckpoints({ db: handle.db, dir, log });
  const verify = async () => verifyAuditChain(handle.db, await checkpointAnchors(handle.db, dir));
  /** What an owner can do: switch the triggers off and touch the table directly. */
  const asOwner = async (statement: ReturnType<typeof sql>) => {
    await handle.db.execute(sql`alter table audit_events disable trigger user`);
    await handle.db.execute(statement);
    await handle.db.execute(sql`alter table audit_events enable trigger user`);
  };
  const close = async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { handle, dir, logged, append, checkpoints, verify, asOwner, close };
}

for (const backend of backends()) {
  describe(`audit trail against its checkpoints on ${backend.name}`, () => {
    test('TRUNCATE audit_events is refused; done anyway with the triggers off, the checkpoint finds it', async () => {
      const t = await trail(backend, 3);
      try {
        await t.checkpoints.write(NOW);
        await assert.rejects(t.handle.db.execute(sql`truncate audit_events`), refused('TRUNCATE'));
        await assert.rejects(t.handle.db.execute(sql`truncate audit_checkpoints`), refused('TRUNCATE'));
        await assert.rejects(t.handle.db.execute(sql`delete from audit_checkpoints`), refused('DELETE'));
        await assert.rejects(t.handle.db.execute(sql`update audit_checkpoints set seq = 0`), refused('UPDATE'));
        assert.deepEqual(await t.verify(), { ok: true, rows: 3 });

        // What an owner who disables the triggers can still do is found against the checkpoint.
        await t.asOwner(sql`truncate audit_events`);
        const report = await t.verify();
        assert.equal(report.ok, false, 'no longer "ok with 0 rows"');
        assert.equal(report.ok === false && report.problem, 'rows-missing-at-end');
        assert.equal(report.ok === false && 'lastSeq' in report && report.lastSeq, null, 'the trail is empty');
      } finally {
        await t.close();
      }
    });

    test('tail deletion detected: rows removed at the end are found against the last checkpoint', async () => {
      const t = await trail(backend, 10);
      try {
        const written = await t.checkpoints.write(NOW);
        assert.equal(written.status, 'written');
        const head = written.status === 'written' ? written.head : null;
        await t.asOwner(sql`delete from audit_events where seq > ${head!.seq - 3}`);
        assert.equal((await verifyAuditChain(t.handle.db)).ok, true, 'the chain alone cannot see it');
        const report = await t.verify();
        assert.equal(report.ok === false && report.problem, 'rows-missing-at-end');
        assert.equal(report.ok === false && 'lastSeq' in report && report.lastSeq, head!.seq - 3);

        // New rows chain to the shortened trail; the checkpoint still shows what went missing.
        await t.append(5);
        const after = await t.verify();
        assert.equal(after.ok === false && after.problem, 'anchor-mismatch');
        assert.equal(after.ok === false && 'anchor' in after && after.anchor.seq, head!.seq);
        assert.equal(
          (await t.checkpoints.write(later(CHECKPOINT_EVERY_MS))).status,
          'refused',
          'no new checkpoint vouches for it',
        );
        assert.ok(
          t.logged.some((l) => l.includes('no longer holds its last checkpoint')),
          'and the log says so',
        );
      } finally {
        await t.close();
      }
    });

    test('checkpoint mismatch detected: a trail rewritten with a valid chain differs from the checkpoint', async () => {
      const t = await trail(backend, 6);
      try {
        await t.checkpoints.write(NOW);
        // Rewrite the last row and recompute its hash: the chain holds, the checkpoint does not.
        const [last] = await t.handle.db
          .select()
          .from(auditEvents)
          .orderBy(sql`seq desc`)
          .limit(1);
        const forged = { ...last!, subjectId: 'forged' };
        const { seq, hash: _old, ...fields } = forged;
        await t.asOwner(
          sql`update audit_events set subject_id = 'forged', hash = ${hashRow(fields)} where seq = ${seq}`,
        );
        assert.equal((await verifyAuditChain(t.handle.db)).ok, true, 'the chain alone holds');
        const report = await t.verify();
        assert.equal(report.ok === false && report.problem, 'anchor-mismatch');
        assert.equal(report.ok === false && 'anchor' in report && report.anchor.source, 'checkpoint table');
      } finally {
        await t.close();
      }
    });

    test('the checkpoint outside the database finds a trail cut short with its checkpoint table', async () => {
      const t = await trail(backend, 4);
      try {
        await t.checkpoints.write(NOW);
        await t.append(2);
        await t.checkpoints.write(later(CHECKPOINT_EVERY_MS));
        // Both tables cut back to the first checkpoint (what a database superuser could do).
        const [first] = await t.handle.db.select().from(auditCheckpoints).orderBy(auditCheckpoints.id).limit(1);
        await t.asOwner(sql`delete from audit_events where seq > ${first!.seq}`);
        await t.handle.db.execute(sql`alter table audit_checkpoints disable trigger user`);
        await t.handle.db.execute(sql`delete from audit_checkpoints where id > ${first!.id}`);
        assert.deepEqual(await verifyAuditChain(t.handle.db, [{ ...first!, source: 'checkpoint table' }]), {
          ok: true,
          rows: 4,
        });
        const report = await t.verify();
        assert.equal(report.ok === false && report.problem, 'rows-missing-at-end');
        assert.match(report.ok === false && 'anchor' in report ? report.anchor.source : '', /checkpoint file/);
      } finally {
        await t.close();
      }
    });

    test('checkpoints are written when due (an hour, or a thousand rows), to the table, the file and the log', async () => {
      const t = await trail(backend, 2);
      try {
        assert.equal((await t.checkpoints.write(NOW)).status, 'written', 'the first one at once');
        assert.equal((await t.checkpoints.write(later(1000))).status, 'not-due', 'nothing new');
        await t.append(1);
        assert.equal((await t.checkpoints.write(later(1000))).status, 'not-due', 'too soon');
        assert.equal((await t.checkpoints.write(later(1000), { force: true })).status, 'written', 'forced (shutdown)');
        await t.append(1);
        assert.equal((await t.checkpoints.write(later(CHECKPOINT_EVERY_MS + 1000))).status, 'written', 'an hour on');
        const lines = readFileSync(join(t.dir, CHECKPOINT_FILE), 'utf8').trim().split('\n');
        assert.deepEqual(
          lines.map((l) => (JSON.parse(l) as { seq: number }).seq),
          (await t.handle.db.select({ seq: auditEvents.seq }).from(auditEvents)).map((r) => r.seq).slice(1),
        );
        assert.equal(t.logged.filter((l) => l.includes('"auditCheckpoint"')).length, 3);
        assert.ok(CHECKPOINT_EVERY_ROWS >= 100, 'a busy hour gets checkpoints of its own too');
      } finally {
        await t.close();
      }
    });
  });
}
