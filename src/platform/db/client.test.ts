import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../../../test/helpers/databases.ts';
import { DataFolderInUseError, openDatabase, type DatabaseHandle } from './client.ts';

/** Starts `work` and resolves once it is under way, with a function that lets it finish. */
function heldOpen(handle: DatabaseHandle, name: string) {
  let release!: () => void;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const done = handle.runExclusive(name, async () => {
    started();
    await new Promise<void>((resolve) => (release = resolve));
  });
  return running.then(() => ({ finish: () => (release(), done) }));
}

describe('runExclusive: scheduled work done once at a time', () => {
  test('PGlite (one process): a second run under the same name is skipped while the first goes on', async () => {
    const handle = await openDatabase({ dataDir: null });
    try {
      const first = await heldOpen(handle, 'clock');
      assert.equal(await handle.runExclusive('clock', async () => undefined), false);
      assert.equal(await handle.runExclusive('letters', async () => undefined), true, 'another name runs');
      assert.equal(await first.finish(), true);
      assert.equal(await handle.runExclusive('clock', async () => undefined), true, 'free again');
    } finally {
      await handle.close();
    }
  });

  test(
    'PostgreSQL: two instances (two pools) on one database never run it together',
    {
      skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL',
    },
    async () => {
      const database = await createPostgresDatabase(process.env.DATABASE_URL!);
      const [a, b] = await Promise.all([1, 2].map(() => openDatabase({ url: database.url, dataDir: null })));
      try {
        const first = await heldOpen(a!, 'clock');
        assert.equal(await b!.runExclusive('clock', async () => undefined), false, 'the other instance skips');
        assert.equal(await first.finish(), true);
        assert.equal(await b!.runExclusive('clock', async () => undefined), true, 'and runs at its next tick');
      } finally {
        await Promise.all([a!.close(), b!.close()]);
        await database.drop();
      }
    },
  );
});

describe("PGlite's data folder is opened by one process at a time", () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-lock-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('a folder held by a living process is refused; one left by a dead process is taken over', async () => {
    writeFileSync(join(dataDir, 'db.lock'), String(process.ppid)); // a process that is alive: our parent
    await assert.rejects(openDatabase({ dataDir }), DataFolderInUseError);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dataDir, 'db.lock'), String(dead));
    const handle = await openDatabase({ dataDir });
    await handle.close();
  });
});
