import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { readMailFolder } from '../../../test/helpers/mailbox.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createMailDelivery, enqueueMail } from './outbox.ts';
import { mailOutbox } from './schema.ts';

const log = pino({ level: 'silent' });

for (const backend of backends()) {
  describe(`mail outbox on ${backend.name}`, () => {
    let handle: DatabaseHandle;
    let dataDir: string;
    before(async () => {
      handle = await backend.open();
      dataDir = mkdtempSync(join(tmpdir(), 'octroi-mail-'));
    });
    after(async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    /** Delivery without SMTP: each mail an .eml file in the data folder. */
    const toFiles = () =>
      createMailDelivery({ db: handle.db, smtpUrl: undefined, from: 'Octroi <no-reply@octroi.test>', dataDir, log });

    test('without SMTP, mails become .eml files; a rolled-back command sends nothing', async () => {
      const delivery = toFiles();
      await handle.db.transaction((tx) =>
        enqueueMail(tx, {
          to: 'kept@example.org',
          subject: 'Bienvenue à Bruxelles',
          text: 'Lien : https://octroi.test/x',
        }),
      );
      await assert.rejects(
        handle.db.transaction(async (tx) => {
          await enqueueMail(tx, { to: 'lost@example.org', subject: 'Never', text: 'never' });
          throw new Error('rollback');
        }),
      );
      assert.equal(await delivery.flush(), 1);
      assert.equal(await delivery.flush(), 0, 'a sent mail is not sent again');
      const files = readMailFolder(delivery.folder);
      assert.deepEqual(
        files.map((m) => [m.to, m.subject]),
        [['kept@example.org', 'Bienvenue à Bruxelles']],
      );
      assert.match(files[0]!.text, /Lien : https:\/\/octroi\.test\/x/);
    });

    test('with SMTP_URL, mails go to the SMTP server; when it is down they wait and are retried', async () => {
      const received: string[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          let raw = '';
          stream.on('data', (c: Buffer) => (raw += c.toString()));
          stream.on('end', () => {
            received.push(
              `${session.envelope.rcptTo.map((r) => r.address).join(',')}|${/^Subject: (.*)$/m.exec(raw)?.[1]}`,
            );
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.server.address() as { port: number }).port;
      const delivery = createMailDelivery({
        db: handle.db,
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Octroi <no-reply@octroi.test>',
        dataDir,
        log,
      });
      await handle.db.transaction((tx) =>
        enqueueMail(tx, { to: 'smtp@example.org', subject: 'Via SMTP', text: 'hello' }),
      );
      assert.equal(await delivery.flush(), 1);
      assert.deepEqual(received, ['smtp@example.org|Via SMTP']);
      await new Promise<void>((resolve) => server.close(() => resolve()));

      await handle.db.transaction((tx) => enqueueMail(tx, { to: 'later@example.org', subject: 'Retry', text: 'x' }));
      assert.equal(await delivery.flush(), 0, 'server down: nothing sent');
      const [waiting] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'later@example.org'));
      assert.equal(waiting!.status, 'pending');
      assert.equal(waiting!.attempts, 1);
      assert.ok(waiting!.lastError);
      assert.equal(await delivery.flush(), 0);
      const [still] = await handle.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'later@example.org'));
      assert.equal(still!.attempts, 1, 'a failed mail waits for its retry time rather than failing again at once');
    });

    test('two deliveries flushing the same outbox at once send each mail once', async () => {
      const [first, second] = [toFiles(), toFiles()];
      const subjects = Array.from({ length: 25 }, (_, i) => `twice? ${i}`);
      await handle.db.transaction(async (tx) => {
        for (const subject of subjects) await enqueueMail(tx, { to: 'once@example.org', subject, text: 'x' });
      });
      const sent = await Promise.all([first!.flush(), second!.flush(), first!.flush(), second!.flush()]);
      assert.equal(
        sent.reduce((a, b) => a + b, 0),
        subjects.length,
      );
      const written = readMailFolder(first!.folder).filter((m) => m.to === 'once@example.org');
      assert.deepEqual(written.map((m) => m.subject).sort(), [...subjects].sort());
    });

    test('mails queued while delivery is held are sent together once the work is over', async () => {
      const delivery = toFiles();
      const held = (n: number) =>
        handle.db.transaction((tx) => enqueueMail(tx, { to: 'held@example.org', subject: `held ${n}`, text: 'x' }));
      const result = await delivery.holdDuring(async () => {
        await held(1);
        assert.equal(await delivery.flush(), 0, 'nothing is sent while held');
        await held(2);
        return 'done';
      });
      assert.equal(result, 'done');
      await delivery.flush(); // waits for the run that the end of the work started
      const written = readMailFolder(delivery.folder).filter((m) => m.to === 'held@example.org');
      assert.deepEqual(written.map((m) => m.subject).sort(), ['held 1', 'held 2']);
    });
  });
}
