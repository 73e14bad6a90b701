import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp, type App } from '../../app.ts';
import { Agent, PASSWORD, uniqueEmail } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { loadConfig, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { loggerOptions, wantsReadableLog } from '../logger.ts';
import { mailOutbox } from '../mail/schema.ts';
import { loadSelectionSolver } from '../solver/selectionSolver.ts';
import { lazyRequestLogger } from './requestIds.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('logs are for people in a terminal, JSON in production and when piped', () => {
  assert.equal(wantsReadableLog({ isTTY: true }, {}), true);
  assert.equal(wantsReadableLog({ isTTY: true }, { NODE_ENV: 'production' }), false);
  assert.equal(wantsReadableLog({ isTTY: false }, {}), false);
  assert.equal(wantsReadableLog({}, {}), false);
});

test('a request’s logger is made when it first writes a line, with the request id bound', () => {
  const lines: Record<string, unknown>[] = [];
  const root = pino(loggerOptions('warn'), { write: (line: string) => lines.push(JSON.parse(line)) });
  let children = 0;
  const parent = Object.assign(Object.create(root) as typeof root, {
    child: (...args: Parameters<typeof root.child>) => (children++, root.child(...args)),
  });
  const log = lazyRequestLogger(parent, { reqId: 'r-1' }, {});
  log.info('below the level');
  log.debug({ detail: 1 }, 'below the level');
  assert.equal(children, 0, 'nothing written, no child made');
  assert.equal(log.level, 'warn');
  log.warn({ token: 'secret' }, 'written');
  log.error('written too');
  assert.equal(children, 1);
  assert.deepEqual(
    lines.map((l) => [l.reqId, l.msg, l.token]),
    [
      ['r-1', 'written', '[redacted]'],
      ['r-1', 'written too', undefined],
    ],
  );
});

for (const backend of backends()) {
  describe(`request ids, /healthz and /metrics on ${backend.name}`, () => {
    let database: DatabaseHandle;
    let dataDir: string;
    const lines: Record<string, unknown>[] = [];
    const apps: App[] = [];
    const start = async (overrides: Partial<Config> = {}) => {
      const config = loadConfig(
        { LOG_LEVEL: 'debug' },
        { dataDir, publicUrl: 'http://octroi.test', cookieSecret: 'x'.repeat(32), ...overrides },
      );
      const log = pino(loggerOptions('debug'), { write: (line: string) => lines.push(JSON.parse(line)) });
      const app = await buildApp(config, { database, log });
      apps.push(app);
      return app;
    };
    let app: App;
    before(async () => {
      database = await backend.open();
      dataDir = mkdtempSync(join(tmpdir(), 'octroi-observability-'));
      app = await start();
    });
    after(async () => {
      for (const a of apps) await a.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('each response names its request id; a client cannot choose it unless the proxy is trusted', async () => {
      const plain = await app.server.inject({ url: '/', headers: { 'x-request-id': 'chosen-by-client' } });
      assert.match(String(plain.headers['x-request-id']), UUID);
      const behindProxy = await start({ trustProxy: true });
      const forwarded = await behindProxy.server.inject({ url: '/', headers: { 'x-request-id': 'lb-7f3a.42' } });
      assert.equal(forwarded.headers['x-request-id'], 'lb-7f3a.42', 'the proxy’s id follows the request');
      const garbage = await behindProxy.server.inject({ url: '/', headers: { 'x-request-id': 'two words\nforged' } });
      assert.match(String(garbage.headers['x-request-id']), UUID, 'an id that is not one is replaced');
    });

    test('a line logged by the mail outbox during a request carries that request’s id', async () => {
      const email = uniqueEmail('observed');
      const res = await new Agent(app).submit('/sign-up', {
        displayName: 'Olga Observed',
        email,
        password: PASSWORD,
        passwordConfirm: PASSWORD,
      });
      assert.equal(res.statusCode, 200);
      await app.mail.flush();
      const written = lines.filter((l) => String(l.msg).startsWith('mail written to file'));
      assert.ok(written.length >= 1);
      assert.equal(written.at(-1)!.reqId, res.headers['x-request-id']);
      assert.equal(written.at(-1)!.level, 20, 'a routine mail is a debug line, not an info one');
      assert.ok(!JSON.stringify(lines).includes(PASSWORD), 'no password in the log');
    });

    test('/healthz is 200 with the outbox figures, 503 with the reason once a mail is stuck', async () => {
      const ok = await app.server.inject({ url: '/healthz' });
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json().database, { ok: true });
      assert.equal(ok.json().mail.pending, 0);

      const [stuck] = await database.db
        .insert(mailOutbox)
        .values({ to: 'x@example.org', subject: 'stuck', text: 'x', createdAt: sql`now() - interval '1 hour'` })
        .returning({ id: mailOutbox.id });
      // Kept from this instance's own delivery while the check runs: as if SMTP had been failing.
      await database.db
        .update(mailOutbox)
        .set({ claimedUntil: sql`now() + interval '1 hour'` })
        .where(eq(mailOutbox.id, stuck!.id));
      const unhealthy = await app.server.inject({ url: '/healthz' });
      assert.equal(unhealthy.statusCode, 503);
      assert.equal(unhealthy.json().status, 'unhealthy');
      assert.match(unhealthy.json().reasons.join(), /mail outbox stuck: 1 waiting, the oldest for 60 min/);
      await database.db.delete(mailOutbox).where(eq(mailOutbox.id, stuck!.id));
      assert.equal((await app.server.inject({ url: '/healthz' })).statusCode, 200);
    });

    test('/metrics: route patterns and no ids as labels, solver runs, and only for loopback or the token', async () => {
      const id = '3f1c9a2e-0000-4000-8000-000000000001';
      assert.equal((await app.server.inject({ url: `/calls/${id}` })).statusCode, 404);
      const solver = await loadSelectionSolver();
      await solver.solve({ costs: [3, 2, 4], needs: [{ members: [0, 1], bound: 1 }], limits: [] });

      const local = await app.server.inject({ url: '/metrics', remoteAddress: '127.0.0.1' });
      assert.equal(local.statusCode, 200);
      assert.match(local.headers['content-type'] as string, /^text\/plain; version=0\.0\.4/);
      assert.match(
        local.body,
        /octroi_http_request_duration_seconds_count\{method="GET",route="\/calls\/:id",status_class="4xx"\} 1/,
      );
      assert.doesNotMatch(local.body, new RegExp(id), 'no identifier in a label');
      assert.match(local.body, /octroi_solver_duration_seconds_count\{solver="selection",outcome="optimal"\} [1-9]/);
      assert.match(local.body, /octroi_mail_outbox\{state="pending"\} \d+/);
      assert.match(local.body, /process_resident_memory_bytes/);

      assert.equal((await app.server.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode, 403);
      const proxied = await app.server.inject({
        url: '/metrics',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(proxied.statusCode, 403, 'through a proxy on this machine is not local');

      const guarded = await start({ metricsToken: 'a-token-of-some-length' });
      const bearer = (token: string) => ({
        url: '/metrics',
        remoteAddress: '10.1.2.3',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal((await guarded.server.inject(bearer('a-token-of-some-length'))).statusCode, 200);
      assert.equal((await guarded.server.inject(bearer('a-token-of-some-lengtx'))).statusCode, 403);
    });
  });
}
