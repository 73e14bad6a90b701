import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson } from './canonicalJson.ts';

test('keys are sorted at every depth; arrays keep their order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, 1], c: null } }), '{"a":{"c":null,"d":[3,1]},"b":1}');
  assert.equal(canonicalJson({ a: { c: null, d: [3, 1] }, b: 1 }), canonicalJson({ b: 1, a: { d: [3, 1], c: null } }));
  assert.equal(canonicalJson({ é: 1, e: 2, E: 3 }), '{"E":3,"e":2,"é":1}');
});

test('written as JSON writes it, with no -0 and no undefined properties', () => {
  assert.equal(canonicalJson({ x: -0, y: undefined, z: 'a"b\n', t: true }), '{"t":true,"x":0,"z":"a\\"b\\n"}');
  assert.equal(canonicalJson([undefined, 1.5]), '[null,1.5]');
});

test('only plain data: anything JSON would silently change is refused', () => {
  assert.throws(() => canonicalJson({ x: Number.POSITIVE_INFINITY }), RangeError);
  assert.throws(() => canonicalJson({ x: new Date(0) }), TypeError);
  assert.throws(() => canonicalJson({ x: 1n }), TypeError);
  assert.throws(() => canonicalJson({ x: () => 1 }), TypeError);
});
