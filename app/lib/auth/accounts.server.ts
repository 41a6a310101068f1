import { and, asc, eq, gt, isNull, ne } from "drizzle-orm";
import { memberships, organizations, passwordResetTokens, sessions, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { withoutChainHead } from "../organizations/organizations.server";
import type { Database, Executor } from "../db-types.server";
import type { Locale } from "../i18n/config";
import { enqueue, jobEngine, queues } from "../jobs/job-engine.server";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password.server";
import { clearAccountFailures, loginSucceeded, reserveLoginAttempt, type LoginBlock } from "./rate-limit.server";
import { hashToken } from "./tokens.server";

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return user ?? null;
}

export interface SignupInput {
  organizationNameZh: string;
  organizationNameEn: string;
  name: string;
  email: string;
  password: string;
  locale: Locale;
}

/**
 * Creates an organisation and its owner in one transaction. `emailTaken` when the address is in
 * use: the caller must not say so (see the signup route), and emails the account instead
 * (noticeSignupAttempt). The password is hashed first either way.
 */
export async function signUp(db: Database, input: SignupInput) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) return { ok: false as const, error: "emailTaken" as const };
    const [organization] = await tx
      .insert(organizations)
      .values({ legalNameZh: input.organizationNameZh, legalNameEn: input.organizationNameEn })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: input.locale })
      .returning();
    if (!organization || !user) throw new Error("signUp: insert returned nothing");
    const [membership] = await tx
      .insert(memberships)
      .values({ organizationId: organization.id, userId: user.id, role: "owner" })
      .returning();
    if (!membership) throw new Error("signUp: membership insert returned nothing");
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: user.id,
      action: "create",
      entityType: "organization",
      entityId: organization.id,
      after: withoutChainHead(organization),
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorUserId: user.id,
      action: "create",
      entityType: "membership",
      entityId: membership.id,
      after: { ...membership, email: user.email, name: user.name },
    });
    return { ok: true as const, userId: user.id, organizationId: organization.id };
  });
}

export type LoginResult =
  | { ok: true; userId: string; organizationId: string }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "noActiveMembership" }
  | { ok: false; error: "blocked"; block: NonNullable<LoginBlock> };

export async function logIn(
  db: Database,
  input: { email: string; password: string; address: string | null },
): Promise<LoginResult> {
  // The attempt takes its place in the failure count before the password is checked
  // (rate-limit.server.ts): requests sent at once cannot all pass a count none has yet added to.
  const reservation = await reserveLoginAttempt(db, input.email, input.address);
  if (!reservation.ok) return { ok: false, error: "blocked", block: reservation.block };
  const user = await findUserByEmail(db, input.email);
  // An unknown address costs the same argon2 verification as a wrong password (a fixed hash).
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, input.password);
  // A wrong password: the reservation stays, as the failure.
  if (!user || !valid) return { ok: false, error: "invalid" };
  await loginSucceeded(db, reservation.attempt);
  const [membership] = await db
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, "active")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!membership) return { ok: false, error: "noActiveMembership" };
  return { ok: true, userId: user.id, organizationId: membership.organizationId };
}

/** Audit events for a person go to every organisation they belong to. */
async function auditUserChange(tx: Executor, userId: string, actorUserId: string, change: Record<string, unknown>) {
  const orgs = await tx
    .select({ organizationId: memberships.organizationId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  for (const { organizationId } of orgs) {
    await recordAudit(tx, {
      organizationId,
      actorUserId,
      action: "update",
      entityType: "user",
      entityId: userId,
      after: change,
    });
  }
}

export async function changePassword(
  db: Database,
  input: { userId: string; currentSessionId: string; currentPassword: string; newPassword: string },
) {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false as const, error: "currentPasswordWrong" as const };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    // Everyone else holding this account's sessions is signed out; this browser stays in.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, input.currentSessionId)));
    // A reset link asked for before the change would otherwise still replace the new password.
    await spendOpenResetTokens(tx, user.id);
    await auditUserChange(tx, user.id, user.id, { passwordChanged: true });
  });
  return { ok: true as const };
}

export async function updateUserProfile(db: Database, userId: string, input: { name: string }) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    await tx.update(users).set({ name: input.name, updatedAt: new Date() }).where(eq(users.id, userId));
    await auditUserChange(tx, userId, userId, { before, name: input.name });
  });
}

export async function setUserLocale(db: Executor, userId: string, locale: Locale): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Asks for a reset link. The request only adds a job (the same job, in the same statement, whether
 * or not the address belongs to an account): the job finds the account, makes the token and stores
 * the email (account-emails.server.ts), so the answer neither says nor takes longer for a known
 * address. With the job engine's workers: in the embedded server itself, or `npm run worker`.
 */
export async function requestPasswordReset(db: Database, input: { email: string; locale: Locale; baseUrl: string }) {
  await jobEngine();
  await enqueue(db, queues.accountEmail, { reason: "password-reset", email: input.email, locale: input.locale, baseUrl: input.baseUrl });
}

/**
 * Someone tried to sign up with an address that has an account: the account is told by email (in
 * a job, like a reset), with links to log in and to reset the password. Nothing else happens.
 */
export async function noticeSignupAttempt(db: Database, input: { email: string; locale: Locale; baseUrl: string }) {
  await jobEngine();
  await enqueue(db, queues.accountEmail, { reason: "signup-attempt", email: input.email, locale: input.locale, baseUrl: input.baseUrl });
}

async function findOpenResetToken(db: Executor, token: string) {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

export async function isResetTokenUsable(db: Database, token: string): Promise<boolean> {
  return (await findOpenResetToken(db, token)) !== null;
}

/**
 * Marks every reset link of the account not yet used as spent (used_at): the one being used, and
 * any other, older or newer. One reset, or a password change, ends every outstanding link.
 */
async function spendOpenResetTokens(tx: Executor, userId: string) {
  return tx
    .update(passwordResetTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
    .returning({ tokenHash: passwordResetTokens.tokenHash });
}

/**
 * Sets the new password, spends the token and every other open link of the account, and signs the
 * account out everywhere.
 */
export async function completePasswordReset(db: Database, input: { token: string; newPassword: string }) {
  const passwordHash = await hashPassword(input.newPassword);
  const tokenHash = hashToken(input.token);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ userId: passwordResetTokens.userId })
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.tokenHash, tokenHash));
    if (!link) return { ok: false as const };
    // One reset of an account at a time: two of its links used at once queue on the account's row,
    // and the second then finds its link spent by the first.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, link.userId)).for("update");
    const reset = await findOpenResetToken(tx, input.token);
    if (!reset) return { ok: false as const };
    const spent = await spendOpenResetTokens(tx, reset.userId);
    if (!spent.some((row) => row.tokenHash === tokenHash)) return { ok: false as const };
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    // Every session of the account ends, this browser's too (the route also clears its cookie).
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    // The lock message says "or reset the password": a reset lifts the account's lock.
    if (user) await clearAccountFailures(tx, user.email);
    await auditUserChange(tx, reset.userId, reset.userId, { passwordReset: true });
    return { ok: true as const };
  });
}
