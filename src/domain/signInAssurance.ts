import type { Actor, MaybeActor, Role, RoleGrant } from './access.ts';
import { ProviderSignInRequiredError, WithheldError } from './errors.ts';
import { refused, type Outcome } from './refusal.ts';

/** What a session proves about how its person signed in. */
export interface SessionAssurance {
  /** 'password', 'passkey' (password-less, with user verification), or 'provider:<slug>'. */
  method: string;
  /** The level of assurance a provider vouched for (its `acr` claim), if signed in through one. */
  acr: string | null;
  /** The second factor given, if any ('totp', 'passkey', 'recovery-code'). */
  secondFactor: string | null;
}

/** What a funder requires of the sessions in which one of its roles counts. */
export interface SignInRequirement {
  funderId: string;
  role: Role;
  secondFactor: boolean;
  /** Sign in through this provider (its slug). */
  provider: string | null;
  /** At least this level of assurance, as the provider names it. */
  minimumAcr: string | null;
}

export type UnmetRequirement = 'second-factor' | 'provider' | 'acr';

export const SECOND_FACTORS = ['totp', 'passkey', 'recovery-code'] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];

/**
 * Whether `acr` is at least `minimum`. Providers name their levels with a common prefix and a rising
 * number (FAS: `urn:be:fedict:iam:fas:Level100` … `Level500`; eIDAS: `…/loa/low|substantial|high`):
 * numbered levels with the same prefix compare by number, eIDAS levels by their order, anything else
 * only by equality (an unknown scale is never guessed at).
 */
export function acrAtLeast(acr: string | null, minimum: string): boolean {
  if (acr === null) return false;
  if (acr === minimum) return true;
  const numbered = /^(.*?)(\d+)$/;
  const a = numbered.exec(acr);
  const m = numbered.exec(minimum);
  if (a && m && a[1] === m[1]) return Number(a[2]) >= Number(m[2]);
  const eidas = ['low', 'substantial', 'high'];
  const tail = (s: string) => s.slice(s.lastIndexOf('/') + 1);
  const prefix = (s: string) => s.slice(0, s.lastIndexOf('/') + 1);
  if (prefix(acr) === prefix(minimum) && eidas.includes(tail(acr)) && eidas.includes(tail(minimum)))
    return eidas.indexOf(tail(acr)) >= eidas.indexOf(tail(minimum));
  return false;
}

/** What a session must prove, whoever requires it (a funder for one of its roles, or the installation). */
export type Requirement = Pick<SignInRequirement, 'secondFactor' | 'provider' | 'minimumAcr'>;

export type RequirementRefusal = 'acr-without-provider' | 'too-long';

/**
 * A requirement as an administrator typed it: blanks are none, and a level of assurance needs a
 * provider to vouch for it. A requirement of nothing at all is null (nothing to keep).
 */
export function requirementOf(input: Requirement): Outcome<Requirement | null, RequirementRefusal> {
  const provider = input.provider?.trim() || null;
  const minimumAcr = input.minimumAcr?.trim() || null;
  if (minimumAcr && !provider) return refused('acr-without-provider');
  if ((provider?.length ?? 0) > 40 || (minimumAcr?.length ?? 0) > 200) return refused('too-long');
  const requirement = { secondFactor: input.secondFactor, provider, minimumAcr };
  return { ok: true, value: requirement.secondFactor || provider ? requirement : null };
}

/** What a session lacks to meet a requirement; empty when it meets it. */
export function unmetBy(session: SessionAssurance, requirement: Requirement): UnmetRequirement[] {
  const unmet: UnmetRequirement[] = [];
  // A password-less passkey sign-in with user verification is two factors in one (possession and PIN or body).
  if (requirement.secondFactor && !session.secondFactor && session.method !== 'passkey') unmet.push('second-factor');
  if (requirement.provider && session.method !== `provider:${requirement.provider}`) unmet.push('provider');
  if (requirement.minimumAcr && !acrAtLeast(session.acr, requirement.minimumAcr)) unmet.push('acr');
  return unmet;
}

/** What a session lacks to meet a requirement, and the provider to sign in through when it is the provider that is missing. */
export interface Shortfall {
  unmet: UnmetRequirement[];
  signInThrough: string | null;
}

/**
 * A session's shortfall against a requirement (none for no requirement). The provider to sign in
 * through only when it is the provider that is missing: a session through the right provider at too
 * low a level is not sent back to it, where single sign-on could answer at the same level and send
 * it round again.
 */
export function shortfallOf(session: SessionAssurance, requirement: Requirement | null): Shortfall {
  const unmet = requirement ? unmetBy(session, requirement) : [];
  return { unmet, signInThrough: unmet.includes('provider') ? requirement!.provider : null };
}

export interface WithheldGrant extends RoleGrant, Shortfall {}

/** Authority a person holds that their session does not carry: a funder's role, or (grant null) the installation's administration. */
export interface Withheld extends Shortfall {
  grant: RoleGrant | null;
}

/**
 * The refusal for an actor whose session withholds what would allow them (`allows`, asked of the
 * actor as a session meeting the requirement would make them): sent to sign in through the provider
 * it lacks, or told what it lacks (a 403 rather than "not found": they hold a role there). Null
 * when nothing withheld would allow it, for the caller to refuse as it would anyone.
 */
export function withheldRefusal(
  actor: MaybeActor,
  allows: (actor: Actor) => boolean,
): ProviderSignInRequiredError | WithheldError | null {
  const allowing = (actor?.withheld ?? []).filter((w) =>
    allows(w.grant ? { ...actor!, grants: [...actor!.grants, w.grant] } : { ...actor!, isPlatformAdmin: true }),
  );
  const through = allowing.find((w) => w.signInThrough);
  if (through) return new ProviderSignInRequiredError(through.signInThrough!);
  return allowing[0] ? new WithheldError(allowing[0]) : null;
}

/**
 * The grants that count in a session, and those withheld because the session does not meet their
 * funder's requirement for that role. A withheld grant is as if absent: the officer signed in with a
 * password alone, where a second factor is required, acts only as whatever else they are.
 */
export function effectiveGrants(
  grants: readonly RoleGrant[],
  requirements: readonly SignInRequirement[],
  session: SessionAssurance,
): { granted: RoleGrant[]; withheld: WithheldGrant[] } {
  const granted: RoleGrant[] = [];
  const withheld: WithheldGrant[] = [];
  for (const grant of grants) {
    const requirement = requirements.find((r) => r.funderId === grant.funderId && r.role === grant.role);
    const shortfall = shortfallOf(session, requirement ?? null);
    if (shortfall.unmet.length === 0) granted.push(grant);
    else withheld.push({ ...grant, ...shortfall });
  }
  return { granted, withheld };
}

/** Recovery codes: ten of them, each ten characters from an alphabet without look-alikes, shown as xxxxx-xxxxx. */
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A recovery code from random bytes (one byte per character, taken modulo the alphabet: the bias is negligible here). */
export function recoveryCodeFrom(bytes: Uint8Array): string {
  const chars = Array.from(bytes.slice(0, 10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** A typed recovery code as stored: lower case, without spaces or dashes. */
export function normaliseRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '');
}

/** A typed one-time code: six digits, spaces allowed between them; null when it cannot be one. */
export function normaliseOneTimeCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}
