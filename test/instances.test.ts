// Two Octroi processes on one PostgreSQL database, as behind a load balancer: one person moves
// from one to the other, a file uploaded on one is downloaded from the other, and the mail outbox,
// flushed by both and by both clocks at once, sends every mail exactly once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import pg from 'pg';
import { createPostgresDatabase } from './helpers/databases.ts';
import { HttpAgent } from './helpers/httpAgent.ts';
import { startInstances, stopInstances, type Instance } from './helpers/instances.ts';
import { linkIn, parseMail, type ReceivedMail } from './helpers/mailbox.ts';
import { SAMPLE_PDF, VALID_ORGANISATION } from './helpers/samples.ts';

const serverUrl = process.env.DATABASE_URL;
const PASSWORD = 'correct horse battery';

describe('two instances on one PostgreSQL', { skip: serverUrl ? false : 'needs DATABASE_URL' }, () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let instances: Instance[];
  let smtp: SMTPServer;
  const received: ReceivedMail[] = [];

  before(async () => {
    database = await createPostgresDatabase(serverUrl!);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        // A slow server widens the window in which two instances could take the same mail.
        stream.on('end', () => setTimeout(() => (received.push(parseMail(raw)), callback()), 20));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    instances = await startInstances(2, {
      databaseUrl: database.url,
      env: { SMTP_URL: `smtp://127.0.0.1:${port}`, CLOCK_SECONDS: '1' },
    });
  });

  after(async () => {
    if (instances) await stopInstances(instances);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await database.drop();
  });

  test('one person, both instances: sign up on one, confirm and sign in on the other, sign out anywhere', async () => {
    const [a, b] = instances.map((i) => i.url) as [string, string];
    const person = new HttpAgent();
    const email = 'two-instances@example.org';
    const signUp = await person.submit(`${a}/sign-up`, {
      displayName: 'Tess Twice',
      email,
      password: PASSWORD,
      passwordConfirm: PASSWORD,
    });
    assert.equal(signUp.status, 200);
    const confirmation = await waitFor(() => received.find((m) => m.to.includes(email)));
    const link = new URL(linkIn(confirmation));
    assert.equal((await person.get(`${b}${link.pathname}${link.search}`)).status, 200, 'confirmed on the other');

    const signIn = await person.submit(`${b}/sign-in`, { email, password: PASSWORD, next: '/account' });
    assert.equal(signIn.status, 303, 'signed in on B');
    const onA = await person.get(`${a}/account`);
    assert.equal(onA.status, 200, 'the session opened on B is valid on A');
    assert.match(onA.text, /Tess Twice/);
    assert.equal((await person.get(`${b}/account`)).status, 200);

    const created = await person.submit(`${a}/organisations`, VALID_ORGANISATION, { from: `${a}/organisations/new` });
    assert.equal(created.status, 303, `organisation created on A: ${created.status}`);
    const organisation = created.headers.get('location')!;
    const upload = await person.submitFile(
      `${a}${organisation}/documents`,
      { kind: 'statutes' },
      { field: 'file', name: 'statuts.pdf', bytes: SAMPLE_PDF },
      { from: `${b}${organisation}` },
    );
    assert.equal(upload.status, 303, 'uploaded on A with a form taken from B');
    const page = await person.get(`${b}${organisation}`);
    const href = /href="(\/organisations\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(page.text)?.[1];
    assert.ok(href, 'B lists the document uploaded on A');
    const download = await person.get(`${b}${href}`);
    assert.equal(download.status, 200);
    assert.deepEqual(download.body, SAMPLE_PDF, 'B serves the very bytes A stored');

    assert.equal((await person.submit(`${a}/sign-out`, {}, { from: `${a}/account` })).status, 303);
    assert.equal((await person.get(`${b}/account`)).status, 303, 'signed out on A, B asks to sign in again');
  });

  test('every mail leaves once, while both instances flush the outbox and run their clocks', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const subjects = Array.from({ length: 60 }, (_, i) => `burst ${i}`);
      await client.query(
        `insert into mail_outbox ("to", subject, text) select 'burst@example.org', s, 'x' from unnest($1::text[]) s`,
        [subjects],
      );
      // Each signed-in language switch commits, and every commit flushes the outbox: both instances
      // flush at once, while their clocks (every second) take turns.
      const person = new HttpAgent();
      await person.submit(`${instances[0]!.url}/sign-in`, {
        email: 'two-instances@example.org',
        password: PASSWORD,
      });
      await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          person.get(`${instances[i % 2]!.url}/language/${i % 3 ? 'fr' : 'nl'}?next=/`),
        ),
      );
      await waitFor(() => received.filter((m) => m.subject.startsWith('burst ')).length >= subjects.length || null);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a duplicate, if any, would arrive meanwhile
      const counts = new Map<string, number>();
      for (const m of received) counts.set(m.subject, (counts.get(m.subject) ?? 0) + 1);
      assert.deepEqual(
        subjects.filter((s) => counts.get(s) !== 1),
        [],
        'each mail received once',
      );
      const { rows } = await client.query<{ status: string; n: number }>(
        `select status, count(*)::int as n from mail_outbox where subject like 'burst %' group by status`,
      );
      assert.deepEqual(rows, [{ status: 'sent', n: subjects.length }]);
    } finally {
      await client.end();
    }
    for (const instance of instances) assert.doesNotMatch(instance.output(), /"level":50/, 'no error logged');
  });
});

async function waitFor<T>(probe: () => T | undefined | null, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
