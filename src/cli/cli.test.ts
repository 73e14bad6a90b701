import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Runs the real `octroi` command on its own data folder (always the embedded database here). */
function octroi(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    env,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the octroi command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('admin create bootstraps an administrator and prints JSON only', () => {
    const first = octroi(dataDir, 'admin', 'create', '--email', 'Chief@Example.org', '--name', 'Chief');
    assert.equal(first.code, 0, first.stderr);
    const out = JSON.parse(first.stdout) as { email: string; created: boolean; password: string };
    assert.equal(out.email, 'chief@example.org');
    assert.equal(out.created, true);
    assert.ok(out.password.length >= 16, 'a generated password is printed once');
    const again = octroi(dataDir, 'admin', 'create', '--email', 'chief@example.org');
    assert.equal(again.code, 0);
    assert.deepEqual(JSON.parse(again.stdout), { email: 'chief@example.org', created: false });
  });

  test('help prints the usage on stdout and exits 0', () => {
    const help = octroi(dataDir, '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: octroi <command>/);
    assert.match(help.stdout, /backup --output FILE/);
  });

  test('bad usage exits 2 with a message', () => {
    const bad = octroi(dataDir, 'admin', 'create', '--email', 'nope');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--email must be an email address/);
    assert.equal(octroi(dataDir, 'frobnicate').code, 2);
  });

  test('backup and restore through the command: the restored folder holds the same audit trail', () => {
    const archive = join(dataDir, '..', `octroi-cli-${process.pid}.tar.gz`);
    const restored = mkdtempSync(join(tmpdir(), 'octroi-cli-restored-'));
    try {
      const made = octroi(dataDir, 'backup', '--output', archive);
      assert.equal(made.code, 0, made.stderr);
      assert.equal(JSON.parse(made.stdout).database, 'pglite');
      const back = octroi(restored, 'restore', '--input', archive);
      assert.equal(back.code, 0, back.stderr);
      assert.deepEqual(JSON.parse(octroi(restored, 'audit', 'verify').stdout), { ok: true, rows: 1 });
      const again = octroi(restored, 'restore', '--input', archive);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /^octroi: .* holds a database: restore with --force/);
    } finally {
      rmSync(archive, { force: true });
      rmSync(restored, { recursive: true, force: true });
    }
  });

  test('audit verify reports an intact chain, then the first broken link after tampering', async () => {
    const ok = octroi(dataDir, 'audit', 'verify');
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { ok: true, rows: 1 });

    const db = new PGlite(join(dataDir, 'db'));
    await assert.rejects(db.query(`update audit_events set action = 'x'`), /append-only/, 'the database refuses edits');
    // A database owner can still get round the trigger; the chain is what catches that.
    await db.query('alter table audit_events disable trigger audit_events_append_only');
    await db.query(`update audit_events set action = 'user.nothing-to-see' where seq = 1`);
    await db.close();
    const broken = octroi(dataDir, 'audit', 'verify');
    assert.equal(broken.code, 1);
    assert.deepEqual(JSON.parse(broken.stdout), { ok: false, rows: 0, brokenAt: 1, problem: 'hash-mismatch' });
    assert.match(broken.stderr, /broken at row 1/);
  });
});

describe('octroi audit verify against the checkpoints', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a trail emptied with its triggers off is reported cut short, not "ok with 0 rows"', async () => {
    // Creating the administrator writes an audit row; stopping Octroi writes a checkpoint of the head.
    assert.equal(octroi(dataDir, 'admin', 'create', '--email', 'chief@example.org').code, 0);
    const db = new PGlite(join(dataDir, 'db'));
    await assert.rejects(db.query('truncate audit_events'), /TRUNCATE refused/, 'the database refuses it');
    await db.query('alter table audit_events disable trigger user');
    await db.query('truncate audit_events');
    await db.close();
    const report = octroi(dataDir, 'audit', 'verify');
    assert.equal(report.code, 1);
    assert.equal((JSON.parse(report.stdout) as { problem: string }).problem, 'rows-missing-at-end');
    assert.match(report.stderr, /cut short: it ends at row \(none: it is empty\), but the checkpoint .* records row 1/);
  });
});
