import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignCommand, runAssign } from './assignCommand.ts';

const request = {
  reviewersPerApplication: 2,
  jurors: [
    { id: 'J1', capacity: 2 },
    { id: 'J2', capacity: 2, minLoad: 1 },
    { id: 'J3', capacity: 2 },
  ],
  applications: [{ id: 'A1' }, { id: 'A2' }, { id: 'A3' }],
  affinity: [
    ['J1', 'A1', 0.83],
    ['J3', 'A1', 0.5],
    ['J1', 'A2', 0.2],
    ['J2', 'A2', 0.7],
    ['J3', 'A3', 0.9],
  ],
  conflicts: [['J2', 'A1']],
  applicationAffinityFloor: null,
};
const run = (value: unknown) => runAssign(typeof value === 'string' ? value : JSON.stringify(value));

describe('octroi assign', () => {
  test('prints the optimal assignment as JSON on stdout only', async () => {
    const result = await run(request);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    assert.ok(result.stdout.endsWith('\n'));
    assert.deepEqual(JSON.parse(result.stdout), {
      status: 'optimal',
      assignments: [
        { application: 'A1', jurors: ['J1', 'J3'] },
        { application: 'A2', jurors: ['J1', 'J2'] },
        { application: 'A3', jurors: ['J2', 'J3'] },
      ],
      objective: 3.13,
      bound: 3.13,
      loads: { J1: 2, J2: 2, J3: 2 },
      reason: null,
    });
  });

  test('an impossible request is answered (exit 0) with the reason in plain words', async () => {
    const result = await run({
      ...request,
      reviewersPerApplication: 3,
      jurors: request.jurors.map((j) => ({ ...j, capacity: 3 })),
    });
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), {
      status: 'infeasible',
      assignments: [],
      objective: null,
      bound: null,
      loads: {},
      reason: 'application A1 has only 2 jurors without conflict (needs 3)',
    });
  });

  for (const [name, input, message] of [
    ['bad JSON', '{"reviewersPerApplication": 3,', /not valid JSON/],
    ['k below 1', { ...request, reviewersPerApplication: 0 }, /reviewersPerApplication: must be at least 1/],
    [
      'a negative capacity',
      { ...request, jurors: [{ id: 'J1', capacity: -3 }] },
      /jurors\[0\]\.capacity: must not be negative/,
    ],
    [
      'a non-numeric affinity',
      { ...request, affinity: [['J1', 'A1', 'high']] },
      /affinity\[0\]\[2\]: .*expected number/,
    ],
    [
      'an unknown juror in the affinities',
      { ...request, affinity: [['J7', 'A1', 0.5]] },
      /affinity\[0\]: unknown juror J7/,
    ],
    [
      'an unknown application in the conflicts',
      { ...request, conflicts: [['J1', 'A9']] },
      /conflicts\[0\]: unknown application A9/,
    ],
    [
      'a duplicate juror id',
      { ...request, jurors: [...request.jurors, { id: 'J2', capacity: 1 }] },
      /juror id J2 appears more than once/,
    ],
    [
      'a duplicate application id',
      { ...request, applications: [{ id: 'A1' }, { id: 'A1' }] },
      /application id A1 appears more than once/,
    ],
    ['a missing field', { jurors: [], applications: [] }, /reviewersPerApplication: /],
    ['a document that is not an object', '[1, 2]', /\(document\)/],
  ] as const) {
    test(`invalid input (${name}): a message on stderr, exit code 2`, async () => {
      const result = await run(input);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^octroi assign: invalid input: /);
      assert.match(result.stderr, message);
    });
  }

  describe('as a command with --input FILE', () => {
    const folder = mkdtempSync(join(tmpdir(), 'octroi-assign-'));
    after(() => rmSync(folder, { recursive: true, force: true }));

    const capture = () => {
      const out = { stdout: '', stderr: '' };
      return {
        out,
        output: {
          stdout: { write: (text: string) => (out.stdout += text) },
          stderr: { write: (text: string) => (out.stderr += text) },
        },
      };
    };

    test('reads the file and writes the JSON', async () => {
      const file = join(folder, 'request.json');
      writeFileSync(file, JSON.stringify(request));
      const { out, output } = capture();
      assert.equal(await assignCommand(['--input', file], output), 0);
      assert.equal(JSON.parse(out.stdout).status, 'optimal');
      assert.equal(out.stderr, '');
    });

    for (const [name, args, message] of [
      ['no --input', [], /--input FILE is required/],
      ['an unknown option', ['--input', 'x.json', '--fast'], /Unknown option '--fast'/],
      ['a missing file', ['--input', join(folder, 'nope.json')], /cannot read .*nope\.json \(ENOENT\)/],
    ] as const) {
      test(`${name}: exit code 2 with a message`, async () => {
        const { out, output } = capture();
        assert.equal(await assignCommand([...args], output), 2);
        assert.match(out.stderr, message);
        assert.equal(out.stdout, '');
      });
    }
  });
});
