import { and, asc, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { createElement } from "react";
import { invitations, memberships, organizations, sessions, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { createSession } from "../auth/session.server";
import { canAssignRole, type Role } from "../auth/permissions";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { loginSucceeded, reserveLoginAttempt } from "../auth/rate-limit.server";
import { hashToken, newToken } from "../auth/tokens.server";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import type { Locale } from "../i18n/config";
import { formatDateTime } from "../i18n/format";
import type { Actor } from "../auth/actor";

export const INVITATION_DAYS = 7;

export async function listMembers(db: Database, orgId: string) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      status: memberships.status,
      createdAt: memberships.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, orgId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));
}

export async function getMember(db: Executor, orgId: string, membershipId: string) {
  const [row] = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      status: memberships.status,
      createdAt: memberships.createdAt,
      userId: users.id,
      name: users.name,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.id, membershipId)));
  return row ?? null;
}

async function countOtherActiveOwners(tx: Executor, orgId: string, membershipId: string) {
  const [row] = await tx
    .select({ value: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.role, "owner"),
        eq(memberships.status, "active"),
        ne(memberships.id, membershipId),
      ),
    );
  return row?.value ?? 0;
}

export type MemberChangeError = "notFound" | "roleNotAllowed" | "lastOwner" | "self";

/**
 * Changes a member's role and/or status. Refuses what would leave the organisation without an
 * active owner, role changes the actor's role may not make, and deactivating oneself.
 */
export async function updateMember(
  db: Database,
  actor: Actor & { role: Role },
  membershipId: string,
  change: { role?: Role; status?: "active" | "deactivated" },
): Promise<{ ok: true } | { ok: false; error: MemberChangeError }> {
  return db.transaction(async (tx) => {
    // Lock the organisation's memberships so two admins cannot each remove "the other" last owner.
    await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.organizationId, actor.organizationId))
      .for("update");
    const before = await getMember(tx, actor.organizationId, membershipId);
    if (!before) return { ok: false, error: "notFound" };
    const role = change.role ?? before.role;
    const status = change.status ?? before.status;
    if (role === before.role && status === before.status) return { ok: true };
    if (before.userId === actor.userId && status === "deactivated") return { ok: false, error: "self" };
    if (role !== before.role && !canAssignRole(actor.role, before.role, role)) return { ok: false, error: "roleNotAllowed" };
    if (status !== before.status && before.role === "owner" && actor.role !== "owner") {
      return { ok: false, error: "roleNotAllowed" };
    }
    const losesOwner = before.role === "owner" && before.status === "active" && (role !== "owner" || status !== "active");
    if (losesOwner && (await countOtherActiveOwners(tx, actor.organizationId, membershipId)) === 0) {
      return { ok: false, error: "lastOwner" };
    }
    await tx
      .update(memberships)
      .set({ role, status, updatedAt: new Date() })
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(memberships.id, membershipId)));
    if (status === "deactivated") {
      // A deactivated member is signed out of this organisation at once.
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, before.userId), eq(sessions.organizationId, actor.organizationId)));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "membership",
      entityId: membershipId,
      before: { role: before.role, status: before.status, email: before.email },
      after: { role, status, email: before.email },
    });
    return { ok: true };
  });
}

export async function listPendingInvitations(db: Database, orgId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, orgId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

export type InviteError = "alreadyMember" | "roleNotAllowed";

export async function inviteMember(
  db: Database,
  actor: Actor & { role: Role; name: string },
  input: { email: string; role: Role; locale: Locale; baseUrl: string },
): Promise<{ ok: true } | { ok: false; error: InviteError }> {
  if (!canAssignRole(actor.role, null, input.role)) return { ok: false, error: "roleNotAllowed" };
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { InvitationEmail, invitationSubject } = await import("../../../emails/invitation");
  const result = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, actor.organizationId), eq(users.email, input.email)));
    if (existing) return { ok: false as const, error: "alreadyMember" as const };
    // A new invitation replaces any open one for the same address.
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, actor.organizationId),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [invitation] = await tx
      .insert(invitations)
      .values({
        organizationId: actor.organizationId,
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedByUserId: actor.userId,
        expiresAt,
      })
      .returning();
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.organizationId));
    if (!invitation || !org) throw new Error("inviteMember: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "invitation",
      entityId: invitation.id,
      after: invitation,
    });
    const organizationName = input.locale === "en" ? org.legalNameEn : org.legalNameZh;
    const email = await storeEmail(tx, {
      organizationId: actor.organizationId,
      kind: "invitation",
      to: input.email,
      subject: invitationSubject({ locale: input.locale, organizationName }),
      element: createElement(InvitationEmail, {
        locale: input.locale,
        organizationName,
        inviterName: actor.name,
        role: input.role,
        url: `${input.baseUrl}/invite/${encodeURIComponent(token)}`,
        expiresAt: formatDateTime(expiresAt, input.locale, org.timeZone),
      }),
    });
    return { ok: true as const, email };
  });
  if (!result.ok) return result;
  return { ok: true };
}

export async function revokeInvitation(db: Database, actor: Actor, invitationId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, actor.organizationId),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    if (!revoked) return false;
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "invitation",
      entityId: invitationId,
      after: { revokedAt: revoked.revokedAt },
    });
    return true;
  });
}

/** An invitation that can still be accepted, with what the acceptance page needs to show. */
export async function findOpenInvitation(db: Executor, token: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      organizationNameZh: organizations.legalNameZh,
      organizationNameEn: organizations.legalNameEn,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row) return null;
  const [existingUser] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.email, row.invitation.email));
  return { ...row, existingUser: existingUser ?? null };
}

export type AcceptError = "invalid" | "wrongPassword" | "blocked";

/**
 * Accepts an invitation: a new person sets a name and password; an existing account proves itself
 * with its password. The token is spent in the same transaction that creates the membership.
 */
export async function acceptInvitation(
  db: Database,
  request: Request,
  input: { token: string; name?: string; password: string; locale: Locale; address: string | null },
): Promise<{ ok: true; setCookie: string } | { ok: false; error: AcceptError; retryAfterMinutes?: number }> {
  const open = await findOpenInvitation(db, input.token);
  if (!open) return { ok: false, error: "invalid" };
  let passwordHash: string | null = null;
  if (open.existingUser) {
    // A password check like the login's, under the same lock: otherwise an invitation would be a
    // way around the rate limit.
    // The attempt is reserved in the count before the password is checked (rate-limit.server.ts).
    const reservation = await reserveLoginAttempt(db, open.invitation.email, input.address);
    if (!reservation.ok) return { ok: false, error: "blocked", retryAfterMinutes: reservation.block.retryAfterMinutes };
    const [user] = await db.select().from(users).where(eq(users.id, open.existingUser.id));
    if (!user || !(await verifyPassword(user.passwordHash, input.password))) return { ok: false, error: "wrongPassword" };
    await loginSucceeded(db, reservation.attempt);
  } else {
    passwordHash = await hashPassword(input.password);
  }
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.id, open.invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!spent) return { ok: false as const, error: "invalid" as const };
    let userId = open.existingUser?.id;
    if (!userId) {
      const [user] = await tx
        .insert(users)
        .values({
          email: spent.email,
          name: input.name ?? spent.email,
          passwordHash: passwordHash ?? "",
          locale: input.locale,
        })
        .returning();
      if (!user) throw new Error("acceptInvitation: user insert returned nothing");
      userId = user.id;
    }
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, spent.organizationId), eq(memberships.userId, userId)));
    const [membership] = existing
      ? await tx
          .update(memberships)
          .set({ role: spent.role, status: "active", updatedAt: new Date() })
          .where(eq(memberships.id, existing.id))
          .returning()
      : await tx
          .insert(memberships)
          .values({ organizationId: spent.organizationId, userId, role: spent.role })
          .returning();
    if (!membership) throw new Error("acceptInvitation: membership write returned nothing");
    await recordAudit(tx, {
      organizationId: spent.organizationId,
      actorUserId: userId,
      action: "update",
      entityType: "invitation",
      entityId: spent.id,
      after: { acceptedAt: spent.acceptedAt },
    });
    await recordAudit(tx, {
      organizationId: spent.organizationId,
      actorUserId: userId,
      action: existing ? "update" : "create",
      entityType: "membership",
      entityId: membership.id,
      before: existing ? { role: existing.role, status: existing.status } : undefined,
      after: { ...membership, email: spent.email },
    });
    const setCookie = await createSession(tx, request, { userId, organizationId: spent.organizationId });
    return { ok: true as const, setCookie };
  });
}
