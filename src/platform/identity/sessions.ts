import { and, eq, exists, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import {
  effectiveGrants,
  shortfallOf,
  type Requirement,
  type SessionAssurance,
  type Shortfall,
  type UnmetRequirement,
  type WithheldGrant,
} from '../../domain/signInAssurance.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Executor } from '../db/client.ts';
import { hashToken, newSecretToken } from './secrets.ts';
import {
  installationSignInRequirement,
  passkeys,
  roleGrants,
  sessions,
  signInRequirements,
  totpSecrets,
  users,
} from './schema.ts';

export const SESSION_COOKIE = 'octroi_session';
export const SESSION_DAYS = 14;
/** A session waiting for its second factor lives this long. */
export const PENDING_SESSION_MINUTES = 10;

const PASSWORD_ONLY: SessionAssurance = { method: 'password', acr: null, secondFactor: null };

export interface SessionUser {
  actor: Actor;
  email: string;
  displayName: string;
  locale: Locale;
  /** Roles the person holds that do not count in this session: it does not meet their funder's requirement. */
  withheld: WithheldGrant[];
  /** What this session lacks for the installation's administration to count; empty when it counts or is not held. */
  installationAdminWithheld: UnmetRequirement[];
  /** How this session was signed in: what a requirement set now would ask of it. */
  assurance: SessionAssurance;
}

/** What the installation requires of its administrators' sessions; null for nothing. */
export async function installationRequirement(db: Executor): Promise<Requirement | null> {
  const [row] = await db.select().from(installationSignInRequirement);
  return row && (row.secondFactor || row.provider) ? row : null;
}

/** What a session with this assurance lacks for the installation's administration to count, for a person holding it. */
async function installationAdminWithheld(
  db: Executor,
  isPlatformAdmin: boolean,
  assurance: SessionAssurance,
): Promise<Shortfall> {
  return shortfallOf(assurance, isPlatformAdmin ? await installationRequirement(db) : null);
}

/** Whether the person has a second factor set up (a confirmed authenticator app or a passkey). */
export async function hasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.id, userId),
        or(
          exists(
            db
              .select({ u: totpSecrets.userId })
              .from(totpSecrets)
              .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt))),
          ),
          exists(db.select({ u: passkeys.userId }).from(passkeys).where(eq(passkeys.userId, userId))),
        ),
      ),
    );
  return !!row;
}

/** A fresh, full session for the user; returns the token for the cookie. */
export async function openSession(
  db: Executor,
  userId: string,
  assurance: SessionAssurance = PASSWORD_ONLY,
): Promise<string> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hash, userId, expiresAt, ...assurance });
  return token;
}

/**
 * After a first factor (password, provider): a full session, or — for a person who has set up a
 * second factor — a pending one that signs nobody in until the second factor is given.
 */
export async function openFirstFactorSession(
  db: Executor,
  userId: string,
  assurance: Omit<SessionAssurance, 'secondFactor'>,
): Promise<{ token: string; pending: boolean }> {
  if (!(await hasSecondFactor(db, userId)))
    return { token: await openSession(db, userId, { ...assurance, secondFactor: null }), pending: false };
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + PENDING_SESSION_MINUTES * 60_000);
  await db.insert(sessions).values({ tokenHash: hash, userId, expiresAt, pending: true, ...assurance });
  return { token, pending: true };
}

/** The session waiting for a second factor behind a cookie: its person and first factor; null if none (or expired). */
export async function loadPendingSession(
  db: Executor,
  token: string,
): Promise<{ userId: string; method: string; acr: string | null } | null> {
  const [row] = await db
    .select({ userId: sessions.userId, method: sessions.method, acr: sessions.acr })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        eq(sessions.pending, true),
        gt(sessions.expiresAt, new Date()),
        isNull(users.deactivatedAt),
      ),
    );
  return row ?? null;
}

export async function closeSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The signed-in user behind a session cookie, with their roles; null when absent or expired. */
export async function loadSessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      isPlatformAdmin: users.isPlatformAdmin,
      method: sessions.method,
      acr: sessions.acr,
      secondFactor: sessions.secondFactor,
      // Read with the session rather than after it: this runs on every request a signed-in person makes.
      grants: sql<
        { funderId: string; role: Role }[]
      >`coalesce((select json_agg(json_build_object('funderId', ${roleGrants.funderId}, 'role', ${roleGrants.role})) from ${roleGrants} where ${roleGrants.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        eq(sessions.pending, false),
        gt(sessions.expiresAt, new Date()),
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { grants } = row;
  const funderIds = [...new Set(grants.map((g) => g.funderId))];
  const requirements =
    funderIds.length === 0
      ? []
      : await db.select().from(signInRequirements).where(inArray(signInRequirements.funderId, funderIds));
  const { granted, withheld } = effectiveGrants(grants, requirements, row);
  const adminWithheld = await installationAdminWithheld(db, row.isPlatformAdmin, row);
  return {
    actor: {
      userId: row.id,
      isPlatformAdmin: row.isPlatformAdmin && adminWithheld.unmet.length === 0,
      grants: granted,
      withheld: [
        ...withheld.map(({ funderId, role, ...shortfall }) => ({ ...shortfall, grant: { funderId, role } })),
        ...(adminWithheld.unmet.length ? [{ ...adminWithheld, grant: null }] : []),
      ],
    },
    withheld,
    installationAdminWithheld: adminWithheld.unmet,
    assurance: { method: row.method, acr: row.acr, secondFactor: row.secondFactor },
    email: row.email,
    displayName: row.displayName,
    locale: row.locale as Locale,
  };
}

/**
 * What a session with this assurance would not count of the person's roles: the funders' roles whose
 * requirement it does not meet, and what it lacks for the installation's administration.
 */
export async function withheldFor(
  db: Executor,
  userId: string,
  assurance: SessionAssurance,
): Promise<{ grants: WithheldGrant[]; installationAdmin: UnmetRequirement[] }> {
  const [user] = await db.select({ isPlatformAdmin: users.isPlatformAdmin }).from(users).where(eq(users.id, userId));
  const installationAdmin = (await installationAdminWithheld(db, !!user?.isPlatformAdmin, assurance)).unmet;
  const grants = (await db
    .select({ funderId: roleGrants.funderId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId))) as { funderId: string; role: Role }[];
  if (grants.length === 0) return { grants: [], installationAdmin };
  const requirements = await db
    .select()
    .from(signInRequirements)
    .where(inArray(signInRequirements.funderId, [...new Set(grants.map((g) => g.funderId))]));
  return { grants: effectiveGrants(grants, requirements, assurance).withheld, installationAdmin };
}
