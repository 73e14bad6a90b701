import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { canonicalJson } from '../../domain/forms/canonicalJson.ts';
import { GENESIS_HASH, recordAudit, verifyAuditChain } from './audit.ts';
import { auditEvents } from './schema.ts';

test('canonical JSON sorts keys at every depth, so jsonb reordering does not change the hash', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' } }),
    '{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}',
  );
});

for (const backend of backends()) {
  describe(`audit trail on ${backend.name}`, () => {
    let handle: DatabaseHandle;
    before(async () => {
      handle = await backend.open();
    });
    after(() => handle.close());

    const append = (n: number, tag: string) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          handle.db.transaction((tx) =>
            recordAudit(tx, {
              actorId: null,
              action: 'test.event',
              subjectType: 'test',
              subjectId: `${tag}-${i}`,
              before: { z: 1, a: [i] },
              after: { é: 'ü', n: i },
            }),
          ),
        ),
      );

    test('concurrent commands extend one chain, never fork it', async () => {
      await append(25, 'concurrent');
      const report = await verifyAuditChain(handle.db);
      assert.deepEqual(report, { ok: true, rows: 25 });
      const [first] = await handle.db.select().from(auditEvents).orderBy(auditEvents.seq).limit(1);
      assert.equal(first!.prevHash, GENESIS_HASH);
    });

    test('summaries holding dates and undefined values hash as they are stored', async () => {
      await handle.db.transaction((tx) =>
        recordAudit(tx, {
          actorId: null,
          action: 'test.dates',
          subjectType: 'test',
          subjectId: 'd',
          before: { closesAt: new Date('2027-01-15T11:00:00Z'), gone: undefined },
          after: { closesAt: new Date('2027-02-15T11:00:00Z') },
        }),
      );
      assert.deepEqual(await verifyAuditChain(handle.db), { ok: true, rows: 26 });
    });

    test('a row written by a transaction that rolls back leaves no trace', async () => {
      await assert.rejects(
        handle.db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, action: 'test.rolled-back', subjectType: 'test', subjectId: 'x' });
          throw new Error('command failed');
        }),
      );
      assert.deepEqual(await verifyAuditChain(handle.db), { ok: true, rows: 26 });
    });

    test('an edited row, and a deleted row, are found at the first broken link', async () => {
      const rows = await handle.db.select().from(auditEvents).orderBy(auditEvents.seq);
      const victim = rows[10]!;
      await assert.rejects(
        handle.db.execute(sql`delete from audit_events where seq = ${victim.seq}`),
        'the database refuses deletions',
      );
      // Only an owner who disables the trigger can tamper; the chain is what catches that.
      await handle.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
      await handle.db.execute(sql`update audit_events set after = '{"n": 999}'::jsonb where seq = ${victim.seq}`);
      assert.deepEqual(await verifyAuditChain(handle.db, [], 7), {
        ok: false,
        rows: 10,
        brokenAt: victim.seq,
        problem: 'hash-mismatch',
      });
      await handle.db.execute(
        sql`update audit_events set after = ${JSON.stringify(victim.after)}::jsonb where seq = ${victim.seq}`,
      );
      assert.equal((await verifyAuditChain(handle.db)).ok, true, 'restored exactly, the chain holds again');

      await handle.db.execute(sql`delete from audit_events where seq = ${rows[20]!.seq}`);
      assert.deepEqual(await verifyAuditChain(handle.db), {
        ok: false,
        rows: 20,
        brokenAt: rows[21]!.seq,
        problem: 'prev-hash-mismatch',
      });
    });
  });
}
