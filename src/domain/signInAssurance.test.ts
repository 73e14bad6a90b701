import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import { ProviderSignInRequiredError, WithheldError } from './errors.ts';
import {
  acrAtLeast,
  effectiveGrants,
  shortfallOf,
  normaliseOneTimeCode,
  normaliseRecoveryCode,
  recoveryCodeFrom,
  requirementOf,
  unmetBy,
  withheldRefusal,
  type Requirement,
  type SessionAssurance,
  type SignInRequirement,
} from './signInAssurance.ts';

const FAS = 'urn:be:fedict:iam:fas:Level';
const password: SessionAssurance = { method: 'password', acr: null, secondFactor: null };
const withCode: SessionAssurance = { ...password, secondFactor: 'totp' };
const passwordless: SessionAssurance = { method: 'passkey', acr: null, secondFactor: null };
const csam450: SessionAssurance = { method: 'provider:fas', acr: `${FAS}450`, secondFactor: null };
const require = (over: Partial<SignInRequirement>): SignInRequirement => ({
  funderId: 'f-1',
  role: 'officer',
  secondFactor: false,
  provider: null,
  minimumAcr: null,
  ...over,
});

test('levels of assurance: numbered levels of one scale and eIDAS levels compare; anything else only by equality', () => {
  const cases: [string | null, string, boolean][] = [
    [`${FAS}450`, `${FAS}400`, true],
    [`${FAS}500`, `${FAS}500`, true],
    [`${FAS}200`, `${FAS}400`, false],
    ['urn:other:Level500', `${FAS}400`, false],
    ['http://eidas.europa.eu/LoA/high', 'http://eidas.europa.eu/LoA/substantial', true],
    ['http://eidas.europa.eu/LoA/low', 'http://eidas.europa.eu/LoA/substantial', false],
    ['gold', 'silver', false],
    ['silver', 'silver', true],
    [null, `${FAS}100`, false],
  ];
  for (const [acr, minimum, expected] of cases) assert.equal(acrAtLeast(acr, minimum), expected, `${acr} ≥ ${minimum}`);
});

test('what a session lacks, requirement by requirement (session × requirement table)', () => {
  const secondFactor = require({ secondFactor: true });
  const throughFas = require({ provider: 'fas' });
  const fas400 = require({ provider: 'fas', minimumAcr: `${FAS}400` });
  const table: [SessionAssurance, SignInRequirement, string[]][] = [
    [password, secondFactor, ['second-factor']],
    [withCode, secondFactor, []],
    [passwordless, secondFactor, []],
    [csam450, secondFactor, ['second-factor']],
    [password, throughFas, ['provider']],
    [csam450, throughFas, []],
    [{ ...csam450, method: 'provider:itsme' }, throughFas, ['provider']],
    [csam450, fas400, []],
    [{ ...csam450, acr: `${FAS}200` }, fas400, ['acr']],
    [withCode, fas400, ['provider', 'acr']],
    [password, require({}), []],
  ];
  for (const [session, requirement, expected] of table)
    assert.deepEqual(unmetBy(session, requirement), expected, JSON.stringify({ session, requirement }));
});

test('a grant whose requirement the session does not meet is withheld; other grants and funders count', () => {
  const grants = [
    { funderId: 'f-1', role: 'officer' as const },
    { funderId: 'f-1', role: 'juror' as const },
    { funderId: 'f-2', role: 'officer' as const },
  ];
  const requirements = [require({ secondFactor: true })];
  assert.deepEqual(effectiveGrants(grants, requirements, password), {
    granted: [grants[1], grants[2]],
    withheld: [{ ...grants[0], unmet: ['second-factor'], signInThrough: null }],
  });
  assert.deepEqual(effectiveGrants(grants, requirements, withCode), { granted: grants, withheld: [] });
});

test('a shortfall (a funder’s role or the installation’s administration): what a session lacks, and the provider it is sent to only when it is the provider', () => {
  const none = null;
  const secondFactor = { secondFactor: true, provider: null, minimumAcr: null };
  const fas400 = { secondFactor: false, provider: 'fas', minimumAcr: `${FAS}400` };
  const fas500 = { ...fas400, minimumAcr: `${FAS}500` };
  const table: [SessionAssurance, Requirement | null, string[], string | null][] = [
    [password, none, [], null],
    [password, secondFactor, ['second-factor'], null],
    [csam450, secondFactor, ['second-factor'], null],
    [withCode, secondFactor, [], null],
    [passwordless, secondFactor, [], null],
    [password, fas400, ['provider', 'acr'], 'fas'],
    [withCode, fas400, ['provider', 'acr'], 'fas'],
    [csam450, fas400, [], null],
    // Through the provider at too low a level: refused, not sent round again.
    [csam450, fas500, ['acr'], null],
  ];
  for (const [session, requirement, unmet, signInThrough] of table)
    assert.deepEqual(
      shortfallOf(session, requirement),
      { unmet, signInThrough },
      JSON.stringify({ session, requirement }),
    );
});

test('refused for want of a withheld role: sent to the provider whose sign-in restores one that allows it, else told what it lacks', () => {
  const officer = { funderId: 'f-1', role: 'officer' as const };
  const juror = { funderId: 'f-1', role: 'juror' as const };
  const actor = {
    userId: 'u-1',
    isPlatformAdmin: false,
    grants: [],
    withheld: [
      { grant: juror, unmet: ['acr' as const], signInThrough: null },
      { grant: officer, unmet: ['provider' as const], signInThrough: 'fas' },
    ],
  };
  const officerOnly = (a: Actor) => a.grants.some((g) => g.role === 'officer');
  const anyRole = (a: Actor) => a.grants.length > 0;
  assert.deepEqual(withheldRefusal(actor, officerOnly), new ProviderSignInRequiredError('fas'));
  assert.deepEqual(withheldRefusal(actor, anyRole), new ProviderSignInRequiredError('fas'), 'the provider first');
  const tooLow = withheldRefusal(actor, (a) => a.grants.some((g) => g.role === 'juror'));
  assert.ok(tooLow instanceof WithheldError && tooLow.withheld.grant === juror, 'through it too low: told why');
  assert.equal(
    withheldRefusal(actor, (a) => a.isPlatformAdmin),
    null,
    'nothing withheld would allow it',
  );
  assert.equal(withheldRefusal({ ...actor, withheld: undefined }, anyRole), null, 'a token has nothing withheld');
  const admin = { ...actor, withheld: [{ grant: null, unmet: ['provider' as const], signInThrough: 'csam' }] };
  assert.deepEqual(
    withheldRefusal(admin, (a) => a.isPlatformAdmin),
    new ProviderSignInRequiredError('csam'),
  );
});

test('a requirement as typed: blanks are none, a level needs a provider, nothing at all is no requirement', () => {
  assert.deepEqual(requirementOf({ secondFactor: false, provider: ' ', minimumAcr: '' }), { ok: true, value: null });
  assert.deepEqual(requirementOf({ secondFactor: false, provider: ' fas ', minimumAcr: ` ${FAS}400 ` }), {
    ok: true,
    value: { secondFactor: false, provider: 'fas', minimumAcr: `${FAS}400` },
  });
  assert.deepEqual(requirementOf({ secondFactor: true, provider: null, minimumAcr: `${FAS}400` }), {
    ok: false,
    refusals: ['acr-without-provider'],
  });
  assert.deepEqual(requirementOf({ secondFactor: false, provider: 'x'.repeat(41), minimumAcr: null }), {
    ok: false,
    refusals: ['too-long'],
  });
});

test('codes typed: six digits with spaces allowed; recovery codes without case, spaces or dashes', () => {
  assert.equal(normaliseOneTimeCode(' 123 456 '), '123456');
  for (const bad of ['12345', '1234567', 'abcdef', '12345x', '']) assert.equal(normaliseOneTimeCode(bad), null);
  const code = recoveryCodeFrom(new Uint8Array(10).map((_, i) => i * 37));
  assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
  assert.equal(normaliseRecoveryCode(` ${code.toUpperCase()} `), code.replace('-', ''));
});
