import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32, normal, randomInt, shuffled } from './random.ts';

describe('seeded random numbers', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    assert.deepEqual(
      first,
      Array.from({ length: 5 }, () => b()),
    );
    assert.notDeepEqual(
      first,
      Array.from({ length: 5 }, () => c()),
    );
  });

  test('uniform draws stay in [0, 1) with mean about 1/2', () => {
    const random = mulberry32(1);
    const draws = Array.from({ length: 20000 }, () => random());
    assert.ok(draws.every((x) => x >= 0 && x < 1));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    assert.ok(Math.abs(mean - 0.5) < 0.01, `mean ${mean}`);
  });

  test('normal draws have the requested mean and standard deviation', () => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20000 }, () => normal(random, 3, 2));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length);
    assert.ok(Math.abs(mean - 3) < 0.05, `mean ${mean}`);
    assert.ok(Math.abs(sd - 2) < 0.05, `sd ${sd}`);
  });

  test('integers and shuffles stay within their range', () => {
    const random = mulberry32(3);
    assert.ok(
      Array.from({ length: 1000 }, () => randomInt(random, 6)).every((n) => Number.isInteger(n) && n >= 0 && n < 6),
    );
    const items = [1, 2, 3, 4, 5, 6, 7];
    assert.deepEqual(shuffled(random, items).sort(), items);
  });
});
