import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runAllocate } from './allocateCommand.ts';

const example = {
  mode: 'constrained',
  budget: 25_000_000,
  grant: { min: 3_000_000, max: 6_000_000, partialFloor: 0.8 },
  applications: [
    {
      id: 'A1',
      requested: 5_690_400,
      score: 87.5,
      passedThresholds: true,
      targetPublics: ['homeless'],
      commune: '21015',
      organisation: '0403019261',
    },
    {
      id: 'A2',
      requested: 1_101_500,
      score: 80,
      passedThresholds: true,
      targetPublics: [],
      commune: '21004',
      organisation: '0403019262',
    },
    {
      id: 'A3',
      requested: 5_997_000,
      score: 78,
      passedThresholds: true,
      targetPublics: [],
      commune: '21004',
      organisation: '0403019263',
    },
    {
      id: 'A5',
      requested: 4_000_000,
      score: 40,
      passedThresholds: false,
      targetPublics: [],
      commune: '21001',
      organisation: '0403019265',
    },
  ],
  constraints: { minPerTargetPublic: { homeless: 1 }, maxPerCommune: 4, maxPerOrganisation: 1 },
  fixed: [{ id: 'A2', amount: 1_101_500 }],
};

describe('allocate command', () => {
  it('prints the selection as JSON with exactly the contract keys (plus warnings)', async () => {
    const out = await runAllocate(JSON.stringify(example));
    assert.equal(out.code, 0, out.stderr);
    assert.equal(out.stderr, '');
    const result = JSON.parse(out.stdout);
    assert.deepEqual(Object.keys(result), [
      'status',
      'selected',
      'reserve',
      'rejected',
      'total',
      'unspent',
      'violations',
      'unsatisfiable',
      'warnings',
    ]);
    assert.equal(result.status, 'ok');
    assert.deepEqual(result.selected[0], { id: 'A1', amount: 5_690_400, rank: 1, partial: false, reason: 'rank' });
    assert.deepEqual(result.rejected, [{ id: 'A5', rank: 4, reason: 'below-threshold' }]);
    assert.deepEqual(
      result.violations.map((v: { rule: string; id: string }) => [v.rule, v.id]),
      [['grant.min', 'A2']],
    );
    assert.equal(result.total + result.unspent, 25_000_000);
  });

  it('prints the same bytes for the same input', async () => {
    const text = JSON.stringify(example);
    assert.equal((await runAllocate(text)).stdout, (await runAllocate(text)).stdout);
  });

  it('refuses bad JSON and invalid input with a message on stderr and exit code 2', async () => {
    const bad = await runAllocate('{"mode": ');
    assert.deepEqual([bad.code, bad.stdout], [2, '']);
    assert.match(bad.stderr, /not valid JSON/);
    const cents = await runAllocate(JSON.stringify({ ...example, budget: 250000.5 }));
    assert.equal(cents.code, 2);
    assert.match(cents.stderr, /budget: budget must be a whole number of cents/);
    const unknown = await runAllocate(JSON.stringify({ ...example, fixed: [{ id: 'A9', amount: 0 }] }));
    assert.match(unknown.stderr, /fixed decision for unknown application "A9"/);
  });

  describe('as a process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'octroi-allocate-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    // main.ts wires the command; here the module is driven directly, as main.ts will.
    const allocate = (...args: string[]) => {
      const script =
        "const { allocateCommand } = await import('./src/cli/allocateCommand.ts'); process.exitCode = await allocateCommand(process.argv.slice(1));";
      const result = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args],
        { encoding: 'utf8' },
      );
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };

    it('reads --input FILE and prints JSON only on stdout', () => {
      const file = join(dir, 'call.json');
      writeFileSync(file, JSON.stringify(example));
      const out = allocate('--input', file);
      assert.equal(out.code, 0, out.stderr);
      assert.equal(JSON.parse(out.stdout).status, 'ok');
    });

    it('exits 2 without --input, on an unknown option or an unreadable file', () => {
      assert.equal(allocate().code, 2);
      assert.equal(allocate('--input', join(dir, 'missing.json')).code, 2);
      const unknown = allocate('--frobnicate');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /usage: octroi allocate --input FILE/);
    });
  });
});
