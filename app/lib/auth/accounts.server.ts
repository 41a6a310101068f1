import { and, asc, count, eq, gt, isNull, ne } from "drizzle-orm";
import { createElement } from "react";
import { memberships, organizations, passwordResetTokens, sessions, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { withoutChainHead } from "../organizations/organizations.server";
import type { Database, Executor } from "../db.server";
import { storeEmail } from "../email/email.server";
import type { Locale } from "../i18n/config";
import { formatDateTime } from "../i18n/format";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";
import { checkLoginAllowed, clearAccountFailures, recordLoginFailure, type LoginBlock } from "./rate-limit.server";
import { hashToken, newToken } from "./tokens.server";

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

/** Creates an organisation and its owner in one transaction. `emailTaken` when the address is in use. */
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
  const block = await checkLoginAllowed(db, input.email, input.address);
  if (block) return { ok: false, error: "blocked", block };
  const user = await findUserByEmail(db, input.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    await recordLoginFailure(db, input.email, input.address);
    return { ok: false, error: "invalid" };
  }
  await clearAccountFailures(db, input.email);
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

export const RESET_TOKEN_MINUTES = 60;
const MAX_OPEN_RESETS_PER_HOUR = 3;

/**
 * Emails a reset link when the address belongs to an account. The caller answers the same either
 * way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(db: Database, input: { email: string; locale: Locale; baseUrl: string }) {
  const user = await findUserByEmail(db, input.email);
  if (!user) return;
  const [home] = await db
    .select({ organizationId: memberships.organizationId, timeZone: organizations.timeZone })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.status), asc(memberships.createdAt))
    .limit(1);
  if (!home) return;
  const hourAgo = new Date(Date.now() - 60 * 60_000);
  const [open] = await db
    .select({ value: count() })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, user.id), gt(passwordResetTokens.createdAt, hourAgo)));
  if ((open?.value ?? 0) >= MAX_OPEN_RESETS_PER_HOUR) return;

  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000);
  const locale = user.locale ?? input.locale;
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { PasswordResetEmail, passwordResetSubject } = await import("../../../emails/password-reset");
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    await storeEmail(tx, {
      organizationId: home.organizationId,
      kind: "password_reset",
      to: user.email,
      subject: passwordResetSubject({ locale }),
      element: createElement(PasswordResetEmail, {
        locale,
        name: user.name,
        url: `${input.baseUrl}/reset-password?token=${encodeURIComponent(token)}`,
        expiresAt: formatDateTime(expiresAt, locale, home.timeZone),
      }),
    });
  });
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

/** Sets the new password, spends the token and signs the account out everywhere. */
export async function completePasswordReset(db: Database, input: { token: string; newPassword: string }) {
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const reset = await findOpenResetToken(tx, input.token);
    if (!reset) return { ok: false as const };
    const spent = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.id, reset.id), isNull(passwordResetTokens.usedAt)))
      .returning({ id: passwordResetTokens.id });
    if (spent.length === 0) return { ok: false as const };
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, reset.userId))
      .returning({ email: users.email });
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    // The lock message says "or reset the password": a reset lifts the account's lock.
    if (user) await clearAccountFailures(tx, user.email);
    await auditUserChange(tx, reset.userId, reset.userId, { passwordReset: true });
    return { ok: true as const };
  });
}
