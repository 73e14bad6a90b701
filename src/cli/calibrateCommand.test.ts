import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrateCommand, runCalibrate } from './calibrateCommand.ts';

const scores = [
  ['J1', 'A1', 14.5],
  ['J2', 'A1', 12],
  ['J3', 'A1', 13],
  ['J1', 'A2', 11],
  ['J2', 'A2', 8.5],
  ['J3', 'A2', 10],
  ['J1', 'A3', 17],
  ['J2', 'A3', 15],
  ['J3', 'A3', 15.5],
  ['J1', 'A4', 9],
  ['J2', 'A4', 6],
  ['J3', 'A4', 8],
].map(([juror, application, score]) => ({ juror, application, score }));
const request = { scores, scale: { min: 0, max: 20 } };
const run = (value: unknown) => runCalibrate(typeof value === 'string' ? value : JSON.stringify(value));

describe('octroi calibrate', () => {
  test('prints raw and calibrated scores, offsets and warnings as JSON on stdout only', () => {
    const result = run(request);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, '');
    const output = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(output), ['applications', 'jurors', 'connected', 'warnings']);
    assert.deepEqual(
      output.applications.map((a: { id: string }) => a.id),
      ['A1', 'A2', 'A3', 'A4'],
    );
    assert.deepEqual(output.applications[0], {
      id: 'A1',
      raw: 13.167,
      calibrated: output.applications[0].calibrated,
      reviews: 3,
    });
    assert.deepEqual(Object.keys(output.jurors[0]), ['id', 'offset', 'reviews']);
    // J1 scores highest, J2 lowest: their offsets say so.
    const offset = Object.fromEntries(output.jurors.map((j: { id: string; offset: number }) => [j.id, j.offset]));
    assert.ok(offset.J1 > offset.J3 && offset.J3 > offset.J2, JSON.stringify(offset));
    assert.equal(output.connected, true);
    assert.deepEqual(output.warnings, []);
  });

  for (const [name, input, message] of [
    ['bad JSON', '{"scores": [', /not valid JSON/],
    [
      'a score off the scale',
      { ...request, scores: [{ juror: 'J1', application: 'A1', score: 25 }] },
      /scores\[0\]: score 25 is outside the scale 0–20/,
    ],
    [
      'a pair scored twice',
      { ...request, scores: [scores[0], scores[0]] },
      /scores\[1\]: juror J1 scores application A1 twice/,
    ],
    ['a scale upside down', { ...request, scale: { min: 20, max: 0 } }, /scale: min must be below max/],
    ['a missing scale', { scores }, /scale: /],
    [
      'a non-numeric score',
      { ...request, scores: [{ juror: 'J1', application: 'A1', score: 'good' }] },
      /scores\[0\]\.score: /,
    ],
    ['an unknown key', { ...request, weights: {} }, /weights/],
  ] as const) {
    test(`invalid input (${name}): a message on stderr, exit code 2`, () => {
      const result = run(input);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^octroi calibrate: invalid input: /);
      assert.match(result.stderr, message);
    });
  }

  test('as a command: reads --input FILE', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'octroi-calibrate-'));
    after(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, 'scores.json');
    writeFileSync(file, JSON.stringify(request));
    const out = { stdout: '', stderr: '' };
    const output = {
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
    };
    assert.equal(await calibrateCommand(['--input', file], output), 0);
    assert.equal(JSON.parse(out.stdout).applications.length, 4);
    assert.equal(await calibrateCommand([], output), 2);
    assert.match(out.stderr, /--input FILE is required/);
  });
});
