import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, invitations, memberships } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import * as memberRoute from "~/routes/_app.settings.members.$memberId";
import * as membersRoute from "~/routes/_app.settings.members._index";
import * as outboxEmailRoute from "~/routes/_app.settings.outbox.$emailId";
import * as outboxRoute from "~/routes/_app.settings.outbox._index";
import * as inviteRoute from "~/routes/_auth.invite.$token";
import {
  addMember,
  authOf,
  DEFAULT_PASSWORD,
  invite,
  latestEmail,
  logIn,
  signUpOrganization,
  tokenFromEmail,
  uniqueEmail,
} from "../support/factories";
import { callAction, callLoader, cookiePair, errorsOf } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

async function inviteToken(email: string): Promise<string> {
  const message = await latestEmail(email, "invitation");
  if (!message) throw new Error(`no invitation for ${email}`);
  return tokenFromEmail(message, "invitation");
}

function accept(token: string, fields: Record<string, string>) {
  return callAction(inviteRoute, `/invite/${token}`, fields, { params: { token } });
}

function changeMember(cookie: string, membershipId: string, fields: Record<string, string>) {
  return callAction(memberRoute, `/settings/members/${membershipId}`, fields, { cookie, params: { memberId: membershipId } });
}

async function membership(id: string) {
  const [row] = await testDb().select().from(memberships).where(eq(memberships.id, id));
  return row;
}

async function auditCount(orgId: string) {
  return countRows("audit_events", sql`organization_id = ${orgId}`);
}

describe("invitations", () => {
  test("inviting stores the invitation, an outbox email with the link, and an audit event", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("invitee");
    const outcome = await invite(owner.cookie, { email: email.toUpperCase(), role: "compliance" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/members?invited=1");

    const [invitation] = await testDb().select().from(invitations).where(eq(invitations.organizationId, owner.organizationId));
    expect(invitation).toMatchObject({ email, role: "compliance", invitedByUserId: owner.userId, acceptedAt: null, revokedAt: null });
    expect(invitation?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);

    const message = await latestEmail(email, "invitation");
    expect(message).toMatchObject({ organizationId: owner.organizationId, status: "stored" });
    // The owner signed up without Accept-Language: the email is in Chinese, naming the Chinese legal name.
    expect(message?.subject).toContain(owner.legalNameZh);
    const token = tokenFromEmail(message ?? { text: "" }, "invitation");
    expect(message?.html).toContain(`http://localhost:3000/invite/${token}`);
    expect(message?.text).toContain(owner.name);

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityType, "invitation")));
    expect(event).toMatchObject({ action: "create", entityId: invitation?.id, after: { email, role: "compliance" } });
    expect(event?.after).not.toHaveProperty("tokenHash");

    const page = await callLoader<{ invitations: { email: string }[] }>(membersRoute, "/settings/members", { cookie: owner.cookie });
    expect(page.data.invitations.map((i) => i.email)).toEqual([email]);

    const outbox = await callLoader<{ emails: { id: string; kind: string; to: string }[] }>(outboxRoute, "/settings/outbox", {
      cookie: owner.cookie,
    });
    expect(outbox.data.emails).toEqual([expect.objectContaining({ id: message?.id, kind: "invitation", to: email })]);
    const detail = await callLoader<{ links: string[] }>(outboxEmailRoute, `/settings/outbox/${message?.id}`, {
      cookie: owner.cookie,
      params: { emailId: message?.id ?? "" },
    });
    expect(detail.data.links).toContain(`http://localhost:3000/invite/${token}`);
  });

  test("a new person accepts through /invite/:token: account, membership and session in one go", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("newcomer");
    await invite(owner.cookie, { email, role: "security" });
    const token = await inviteToken(email);

    const page = await callLoader(inviteRoute, `/invite/${token}`, { params: { token } });
    expect(page.data).toEqual({
      valid: true,
      email,
      role: "security",
      organizationNameZh: owner.legalNameZh,
      organizationNameEn: owner.legalNameEn,
      existingUser: false,
    });

    const accepted = await accept(token, { name: "Zhang Wei", password: DEFAULT_PASSWORD });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe("/");
    const auth = await authOf(cookiePair(accepted.setCookie));
    expect(auth).toMatchObject({
      user: { email, name: "Zhang Wei" },
      membership: { role: "security" },
      organization: { id: owner.organizationId },
    });
    const [invitation] = await testDb().select().from(invitations).where(eq(invitations.organizationId, owner.organizationId));
    expect(invitation?.acceptedAt).toBeInstanceOf(Date);
    expect((await logIn(email, DEFAULT_PASSWORD)).status).toBe(302);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("an invitation link works once", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("once");
    await invite(owner.cookie, { email, role: "auditor" });
    const token = await inviteToken(email);
    expect((await accept(token, { name: "First", password: DEFAULT_PASSWORD })).status).toBe(302);

    expect((await callLoader(inviteRoute, `/invite/${token}`, { params: { token } })).data).toEqual({ valid: false });
    const again = await accept(token, { password: DEFAULT_PASSWORD });
    expect(again.status).toBe(400);
    expect(errorsOf(again)).toEqual({ form: "errors.invitationInvalid" });
    expect(again.setCookie).toBeNull();
    expect(await countRows("memberships", sql`organization_id = ${owner.organizationId}`)).toBe(2);
  });

  test("an expired invitation is refused and creates no account", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("late");
    await invite(owner.cookie, { email, role: "auditor" });
    const token = await inviteToken(email);
    await testDb()
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, email));
    expect((await callLoader(inviteRoute, `/invite/${token}`, { params: { token } })).data).toEqual({ valid: false });
    const outcome = await accept(token, { name: "Late", password: DEFAULT_PASSWORD });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ form: "errors.invitationInvalid" });
    expect(await countRows("users", sql`email = ${email}`)).toBe(0);
    const page = await callLoader<{ invitations: unknown[] }>(membersRoute, "/settings/members", { cookie: owner.cookie });
    expect(page.data.invitations).toEqual([]);
  });

  test("a revoked invitation no longer works; a new one replaces the previous open one", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("revoked");
    await invite(owner.cookie, { email, role: "auditor" });
    const first = await inviteToken(email);
    await invite(owner.cookie, { email, role: "procurement" });
    const second = await inviteToken(email);
    expect(second).not.toBe(first);
    expect((await callLoader(inviteRoute, `/invite/${first}`, { params: { token: first } })).data).toEqual({ valid: false });

    const [open] = await testDb()
      .select()
      .from(invitations)
      .where(and(eq(invitations.email, email), sql`${invitations.revokedAt} is null`));
    const revoked = await callAction(membersRoute, "/settings/members", { intent: "revoke", invitationId: open?.id ?? "" }, {
      cookie: owner.cookie,
    });
    expect(revoked.status).toBe(302);
    expect(revoked.location).toBe("/settings/members?revoked=1");
    const outcome = await accept(second, { name: "Too Late", password: DEFAULT_PASSWORD });
    expect(errorsOf(outcome)).toEqual({ form: "errors.invitationInvalid" });
    // Revoking twice is a 404: there is no open invitation with that id any more.
    const twice = await callAction(membersRoute, "/settings/members", { intent: "revoke", invitationId: open?.id ?? "" }, {
      cookie: owner.cookie,
    });
    expect(twice.status).toBe(404);
  });

  test("inviting someone who is already a member is refused on the email field", async () => {
    const owner = await signUpOrganization();
    const before = await countRows("invitations");
    const outcome = await invite(owner.cookie, { email: owner.email, role: "admin" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ email: "errors.alreadyMember" });
    expect(await countRows("invitations")).toBe(before);
  });

  test("invalid invitation input is refused per field", async () => {
    const owner = await signUpOrganization();
    const outcome = await invite(owner.cookie, { email: "nope", role: "emperor" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ email: "errors.email", role: "errors.choose" });
  });

  test("a new person must choose a name and a long enough password", async () => {
    const owner = await signUpOrganization();
    const email = uniqueEmail("weak");
    await invite(owner.cookie, { email, role: "auditor" });
    const token = await inviteToken(email);
    const outcome = await accept(token, { name: "", password: "short" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ name: "errors.required", password: 'errors.passwordTooShort|{"min":10}' });
    expect((await callLoader(inviteRoute, `/invite/${token}`, { params: { token } })).data).toMatchObject({ valid: true });
  });
});

describe("roles and owners", () => {
  test("the last owner cannot demote themselves", async () => {
    const owner = await signUpOrganization();
    const eventsBefore = await auditCount(owner.organizationId);
    const outcome = await changeMember(owner.cookie, owner.membershipId, { role: "admin" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ form: "errors.lastOwner" });
    expect(await membership(owner.membershipId)).toMatchObject({ role: "owner", status: "active" });
    expect(await auditCount(owner.organizationId)).toBe(eventsBefore);
  });

  test("the last owner cannot be deactivated, by themselves or by an administrator", async () => {
    const owner = await signUpOrganization();
    const admin = await addMember(owner.cookie, "admin");
    const self = await changeMember(owner.cookie, owner.membershipId, { intent: "deactivate" });
    expect(self.status).toBe(400);
    expect(errorsOf(self)).toEqual({ form: "errors.cannotDeactivateSelf" });
    const byAdmin = await changeMember(admin.cookie, owner.membershipId, { intent: "deactivate" });
    expect(byAdmin.status).toBe(400);
    expect(errorsOf(byAdmin)).toEqual({ form: "errors.roleNotAllowed" });
    expect(await membership(owner.membershipId)).toMatchObject({ role: "owner", status: "active" });
    expect(await authOf(owner.cookie)).not.toBeNull();
  });

  test("with a second owner, one may step down; then the remaining one is the last owner", async () => {
    const owner = await signUpOrganization();
    const second = await addMember(owner.cookie, "owner");
    expect(second.role).toBe("owner");
    const stepDown = await changeMember(owner.cookie, owner.membershipId, { role: "compliance" });
    expect(stepDown.status).toBe(302);
    expect(stepDown.location).toBe(`/settings/members/${owner.membershipId}?saved=1`);
    expect(await membership(owner.membershipId)).toMatchObject({ role: "compliance" });
    const refused = await changeMember(second.cookie, second.membershipId, { role: "admin" });
    expect(errorsOf(refused)).toEqual({ form: "errors.lastOwner" });
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityId, owner.membershipId)))
      .orderBy(asc(auditEvents.seq));
    expect(events.at(-1)).toMatchObject({
      action: "update",
      entityType: "membership",
      actorUserId: owner.userId,
      before: { role: "owner", status: "active", email: owner.email },
      after: { role: "compliance", status: "active", email: owner.email },
    });
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("an administrator cannot grant the owner role, by invitation or by role change", async () => {
    const owner = await signUpOrganization();
    const admin = await addMember(owner.cookie, "admin");
    const member = await addMember(owner.cookie, "security");
    const invitationsBefore = await countRows("invitations");
    const invited = await invite(admin.cookie, { email: uniqueEmail("wannabe"), role: "owner" });
    expect(invited.status).toBe(400);
    expect(errorsOf(invited)).toEqual({ role: "errors.roleNotAllowed" });
    expect(await countRows("invitations")).toBe(invitationsBefore);

    const promoted = await changeMember(admin.cookie, member.membershipId, { role: "owner" });
    expect(promoted.status).toBe(400);
    expect(errorsOf(promoted)).toEqual({ form: "errors.roleNotAllowed" });
    const self = await changeMember(admin.cookie, admin.membershipId, { role: "owner" });
    expect(errorsOf(self)).toEqual({ form: "errors.roleNotAllowed" });
    const demoteOwner = await changeMember(admin.cookie, owner.membershipId, { role: "admin" });
    expect(errorsOf(demoteOwner)).toEqual({ form: "errors.roleNotAllowed" });
    expect(await membership(member.membershipId)).toMatchObject({ role: "security" });
    expect(await membership(admin.membershipId)).toMatchObject({ role: "admin" });

    // Other role changes are an administrator's job.
    const changed = await changeMember(admin.cookie, member.membershipId, { role: "procurement" });
    expect(changed.status).toBe(302);
    expect(await membership(member.membershipId)).toMatchObject({ role: "procurement" });
    expect((await authOf(member.cookie))?.membership.role).toBe("procurement");
  });

  test("only managers may open member pages or change members", async () => {
    const owner = await signUpOrganization();
    const auditor = await addMember(owner.cookie, "auditor");
    const list = await callLoader<{ members: { email: string }[] }>(membersRoute, "/settings/members", { cookie: auditor.cookie });
    expect(list.data.members.map((m) => m.email)).toEqual([owner.email, auditor.email]);
    const page = await callLoader(memberRoute, `/settings/members/${owner.membershipId}`, {
      cookie: auditor.cookie,
      params: { memberId: owner.membershipId },
    });
    expect(page.status).toBe(403);
    const change = await changeMember(auditor.cookie, auditor.membershipId, { role: "admin" });
    expect(change.status).toBe(403);
    const inviting = await invite(auditor.cookie, { email: uniqueEmail("x"), role: "auditor" });
    expect(inviting.status).toBe(403);
    const outbox = await callLoader(outboxRoute, "/settings/outbox", { cookie: auditor.cookie });
    expect(outbox.status).toBe(403);
  });
});

describe("deactivation", () => {
  test("a deactivated member is signed out and cannot log in to that organisation until reactivated", async () => {
    const owner = await signUpOrganization();
    const member = await addMember(owner.cookie, "security");
    const outcome = await changeMember(owner.cookie, member.membershipId, { intent: "deactivate" });
    expect(outcome.status).toBe(302);
    expect(await membership(member.membershipId)).toMatchObject({ status: "deactivated" });
    expect(await authOf(member.cookie)).toBeNull();
    expect(await countRows("sessions", sql`user_id = ${member.userId}`)).toBe(0);

    const login = await logIn(member.email, DEFAULT_PASSWORD);
    expect(login.status).toBe(400);
    expect(errorsOf(login)).toEqual({ form: "errors.noActiveMembership" });

    const page = await callLoader<{ members: { email: string; status: string }[] }>(membersRoute, "/settings/members", {
      cookie: owner.cookie,
    });
    expect(page.data.members.find((m) => m.email === member.email)?.status).toBe("deactivated");

    // Inviting them again is refused: they are reactivated instead.
    expect(errorsOf(await invite(owner.cookie, { email: member.email, role: "security" }))).toEqual({ email: "errors.alreadyMember" });
    const reactivated = await changeMember(owner.cookie, member.membershipId, { intent: "reactivate" });
    expect(reactivated.status).toBe(302);
    const again = await logIn(member.email, DEFAULT_PASSWORD);
    expect(again.status).toBe(302);
    expect((await authOf(cookiePair(again.setCookie)))?.organization.id).toBe(owner.organizationId);
  });

  test("deactivation only signs the member out of this organisation", async () => {
    const first = await signUpOrganization();
    const second = await signUpOrganization();
    const inFirst = await addMember(first.cookie, "auditor");
    const inSecond = await addMember(second.cookie, "auditor", { email: inFirst.email });
    expect((await authOf(inSecond.cookie))?.organization.id).toBe(second.organizationId);
    await changeMember(first.cookie, inFirst.membershipId, { intent: "deactivate" });
    expect(await authOf(inFirst.cookie)).toBeNull();
    expect((await authOf(inSecond.cookie))?.organization.id).toBe(second.organizationId);
    const login = await logIn(inFirst.email, DEFAULT_PASSWORD);
    expect(login.status).toBe(302);
    expect((await authOf(cookiePair(login.setCookie)))?.organization.id).toBe(second.organizationId);
  });
});
