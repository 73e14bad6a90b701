import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import {
  actorThroughToken,
  API_SCOPES,
  tokenExpiry,
  tokenVerdict,
  type ApiScope,
  type TokenGrant,
  type TokenRefusal,
} from './apiTokenPolicy.ts';

const NOW = new Date('2026-12-05T10:00:00Z');
const LATER = new Date('2027-01-05T10:00:00Z');
const BEFORE = new Date('2026-12-01T10:00:00Z');

const token = (over: Partial<TokenGrant>): TokenGrant => ({
  scopes: ['read'],
  funderIds: null,
  expiresAt: LATER,
  revokedAt: null,
  ...over,
});

// The table: each state of a token, and the answer for each scope asked.
const TABLE: [string, TokenGrant, Record<ApiScope, true | TokenRefusal>][] = [
  ['read only', token({}), { read: true, write: 'insufficient-scope' }],
  ['write only', token({ scopes: ['write'] }), { read: 'insufficient-scope', write: true }],
  ['read and write', token({ scopes: ['read', 'write'] }), { read: true, write: true }],
  ['no scope', token({ scopes: [] }), { read: 'insufficient-scope', write: 'insufficient-scope' }],
  ['expired', token({ expiresAt: BEFORE, scopes: ['read', 'write'] }), { read: 'expired', write: 'expired' }],
  ['expiring this instant', token({ expiresAt: NOW }), { read: 'expired', write: 'expired' }],
  ['revoked', token({ revokedAt: BEFORE }), { read: 'revoked', write: 'revoked' }],
  ['revoked and expired', token({ revokedAt: BEFORE, expiresAt: BEFORE }), { read: 'revoked', write: 'revoked' }],
];

test('the verdict for each state of a token and each scope', () => {
  for (const [name, grant, row] of TABLE) {
    for (const scope of API_SCOPES) {
      const verdict = tokenVerdict(grant, scope, NOW);
      const got = verdict.ok ? true : verdict.refusals[0];
      assert.equal(got, row[scope], `${name}, ${scope}`);
    }
  }
});

test('a token limited to funders carries only the roles held there, never the installation’s administration', () => {
  const actor: Actor = {
    userId: 'u',
    isPlatformAdmin: true,
    grants: [
      { funderId: 'a', role: 'officer' },
      { funderId: 'b', role: 'administrator' },
    ],
  };
  assert.deepEqual(actorThroughToken(actor, { funderIds: ['b', 'c'] }), {
    userId: 'u',
    isPlatformAdmin: false,
    grants: [{ funderId: 'b', role: 'administrator' }],
  });
  assert.deepEqual(actorThroughToken(actor, { funderIds: null }).grants, actor.grants);
  assert.equal(actorThroughToken(actor, { funderIds: null }).isPlatformAdmin, false);
});

test('expiry: the end of the chosen day in Brussels, from tomorrow to a year ahead', () => {
  const ok = tokenExpiry('2027-03-04', NOW);
  assert.ok(ok.ok);
  assert.equal(ok.value.toISOString(), '2027-03-04T23:00:00.000Z');
  assert.deepEqual(tokenExpiry('2026-12-05', NOW), { ok: false, refusals: ['expiry-past'] });
  assert.ok(tokenExpiry('2026-12-06', NOW).ok);
  assert.ok(tokenExpiry('2027-12-06', NOW).ok);
  assert.deepEqual(tokenExpiry('2027-12-07', NOW), { ok: false, refusals: ['expiry-too-far'] });
  assert.deepEqual(tokenExpiry('2027-02-30', NOW), { ok: false, refusals: ['expiry-invalid'] });
});
