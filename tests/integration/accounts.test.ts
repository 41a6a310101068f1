import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, memberships, organizations, outboxEmails, passwordResetTokens, sessions, users } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import { queues } from "~/lib/jobs/job-engine.server";
import * as rootRoute from "~/root";
import * as appShellRoute from "~/routes/_app";
import * as accountRoute from "~/routes/_app.account";
import * as inviteRoute from "~/routes/_auth.invite.$token";
import * as resetRoute from "~/routes/_auth.reset-password";
import * as signupRoute from "~/routes/_auth.signup";
import * as languageRoute from "~/routes/language";
import * as logoutRoute from "~/routes/logout";
import {
  addMember,
  authOf,
  DEFAULT_PASSWORD,
  invite,
  latestEmail,
  logIn,
  signupFields,
  signUpOrganization,
  tokenFromEmail,
  uniqueEmail,
} from "../support/factories";
import { workQueue } from "../support/jobs";
import { callAction, callLoader, cookiePair, errorsOf, keyOf } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

const en = createI18n("en").t;

async function tableCounts() {
  const names = ["organizations", "users", "memberships", "sessions", "audit_events", "outbox_emails", "password_reset_tokens"];
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await countRows(name);
  return counts;
}

describe("sign-up", () => {
  test("creates the organisation, its owner, a session and two audit events", async () => {
    const fields = signupFields();
    const outcome = await callAction(signupRoute, "/signup", fields, { headers: { "Accept-Language": "en-US,en;q=0.9" } });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/organization?welcome=1");
    const auth = await authOf(cookiePair(outcome.setCookie));
    expect(auth).not.toBeNull();
    expect(auth?.membership.role).toBe("owner");
    expect(auth?.organization.legalNameZh).toBe(fields.organizationNameZh);
    expect(auth?.organization.legalNameEn).toBe(fields.organizationNameEn);
    expect(auth?.user.email).toBe(fields.email);
    expect(auth?.user.locale).toBe("en");

    const db = testDb();
    const [user] = await db.select().from(users).where(eq(users.email, String(fields.email)));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(String(fields.password));

    const orgId = auth?.organization.id ?? "";
    const events = await db.select().from(auditEvents).where(eq(auditEvents.organizationId, orgId)).orderBy(auditEvents.seq);
    expect(events.map((e) => [e.seq, e.action, e.entityType, e.actorUserId])).toEqual([
      [1, "create", "organization", user?.id],
      [2, "create", "membership", user?.id],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/passwordHash|argon2/);
    expect(await verifyOrganizationChain(db, orgId)).toEqual({ ok: true, events: 2 });
  });

  test("stores the organisation with defaults a new owner then edits", async () => {
    const owner = await signUpOrganization();
    const [org] = await testDb().select().from(organizations).where(eq(organizations.id, owner.organizationId));
    expect(org).toMatchObject({ aeoStatus: "none", timeZone: "Asia/Shanghai", enterpriseTypes: [], auditHeadSeq: 2 });
  });

  test("an email already in use (any letter case) is not named as taken: the page says to check the inbox, the account is told", async () => {
    const first = await signUpOrganization();
    const before = await tableCounts();
    const outcome = await callAction(signupRoute, "/signup", signupFields({ email: first.email.toUpperCase() }), {
      headers: { "Accept-Language": "en" },
    });
    expect(outcome.status).toBe(200);
    expect(outcome.setCookie).toBeNull();
    expect(errorsOf(outcome)).toEqual({});
    expect(outcome.data).toMatchObject({ checkEmail: true, values: { email: first.email } });
    expect((outcome.data as { values: Record<string, unknown> }).values).not.toHaveProperty("password");
    expect(JSON.stringify(outcome.data)).not.toMatch(/taken|exists|already/i);
    // Nothing is written by the request; the job then stores one email to the account.
    expect(await tableCounts()).toEqual(before);
    expect(await workQueue(queues.accountEmail)).toBe(1);
    expect(await tableCounts()).toEqual({ ...before, outbox_emails: (before.outbox_emails ?? 0) + 1 });
    const notice = await latestEmail(first.email, "signup_attempt");
    expect(notice).toMatchObject({ organizationId: first.organizationId, kind: "signup_attempt", status: "stored" });
    // In the account's language (Chinese, saved when it signed up), not the English of this request.
    expect(notice?.subject).toBe(createI18n("zh-CN").t("emails.signupAttempt.subject"));
    expect(notice?.text).toContain("http://localhost:3000/login");
    expect(notice?.text).toContain("http://localhost:3000/reset-password");
    expect(notice?.text).not.toMatch(/token=/);
  });

  test("invalid input answers 400 with a message key per field and never echoes the password", async () => {
    const before = await tableCounts();
    const outcome = await callAction(signupRoute, "/signup", {
      organizationNameZh: "  ",
      organizationNameEn: "Acme",
      name: "A",
      email: "not-an-email",
      password: "short",
    });
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(errors.organizationNameZh).toBe("errors.required");
    expect(errors.email).toBe("errors.email");
    expect(keyOf(errors.password)).toBe("errors.passwordTooShort");
    expect(translateMessage(en, errors.password ?? "")).toBe("Use at least 10 characters.");
    expect((outcome.data as { values: Record<string, unknown> }).values).not.toHaveProperty("password");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("login and logout", () => {
  test("the right password signs in, and an existing session of the browser is replaced", async () => {
    const owner = await signUpOrganization();
    const oldSession = await authOf(owner.cookie);
    const outcome = await logIn(owner.email, owner.password, { cookie: owner.cookie, redirectTo: "/settings/sites" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/sites");
    expect(outcome.setCookie).toMatch(/^__tg_session=.+; .*HttpOnly/i);
    expect(outcome.setCookie).toMatch(/SameSite=Lax/i);
    const newCookie = cookiePair(outcome.setCookie);
    expect(newCookie).not.toBe(owner.cookie);
    expect((await authOf(newCookie))?.user.id).toBe(owner.userId);
    // Rotation: the old session row is gone and its cookie no longer works.
    expect(await countRows("sessions", sql`id = ${oldSession?.sessionId}`)).toBe(0);
    expect(await authOf(owner.cookie)).toBeNull();
  });

  test("email is matched case-insensitively and off-site redirect targets fall back to /", async () => {
    const owner = await signUpOrganization();
    const outcome = await logIn(`  ${owner.email.toUpperCase()} `, owner.password, { redirectTo: "//evil.example/x" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/");
  });

  test.each(["/\t/evil.example/phish", "//evil.example", "https://evil.example/"])(
    "after login, redirectTo %j never sends the browser to another site",
    async (redirectTo) => {
      const owner = await signUpOrganization();
      const outcome = await logIn(owner.email, owner.password, { redirectTo });
      expect(outcome.status).toBe(302);
      // Resolve the Location the way a browser does (tabs and newlines are dropped by the URL parser).
      expect(new URL(outcome.location ?? "", "http://localhost:3000").origin).toBe("http://localhost:3000");
    },
  );

  test("a wrong password or unknown account gives the same message and no session", async () => {
    const owner = await signUpOrganization();
    const sessionsBefore = await countRows("sessions");
    const wrong = await logIn(owner.email, "wrong password!");
    const unknown = await logIn(uniqueEmail("nobody"), "wrong password!");
    for (const outcome of [wrong, unknown]) {
      expect(outcome.status).toBe(400);
      expect(errorsOf(outcome)).toEqual({ form: "errors.loginInvalid" });
      expect(outcome.setCookie).toBeNull();
    }
    expect(translateMessage(en, "errors.loginInvalid")).toBe("Email or password is wrong.");
    expect(await countRows("sessions")).toBe(sessionsBefore);
  });

  test("five failures lock the account: even the right password then gets 429", async () => {
    const owner = await signUpOrganization();
    for (let i = 0; i < 5; i++) {
      const outcome = await logIn(owner.email, `wrong password ${i}`);
      expect(outcome.status).toBe(400);
    }
    const sessionsBefore = await countRows("sessions");
    const blocked = await logIn(owner.email, owner.password);
    expect(blocked.status).toBe(429);
    expect(blocked.setCookie).toBeNull();
    const form = errorsOf(blocked).form ?? "";
    expect(keyOf(form)).toBe("errors.loginBlockedAccount");
    const minutes = Number((JSON.parse(form.split("|")[1] ?? "{}") as { minutes?: number }).minutes);
    expect(minutes).toBeGreaterThanOrEqual(1);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(translateMessage(en, form)).toBe(
      `Too many failed attempts for this account. Try again in ${minutes} minutes, or reset the password.`,
    );
    expect(await countRows("sessions")).toBe(sessionsBefore);
    // Other accounts are not affected.
    const other = await signUpOrganization();
    expect((await logIn(other.email, other.password)).status).toBe(302);
  });

  test("logout deletes the session and clears the cookie", async () => {
    const owner = await signUpOrganization();
    const auth = await authOf(owner.cookie);
    const outcome = await callAction(logoutRoute, "/logout", {}, { cookie: owner.cookie });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(/^\/login(\?|$)/);
    expect(outcome.setCookie).toMatch(/^__tg_session=;.*Max-Age=0/i);
    expect(await countRows("sessions", sql`id = ${auth?.sessionId}`)).toBe(0);
    const shell = await callLoader(appShellRoute, "/settings/sites", { cookie: owner.cookie });
    expect(shell.thrown).toBe(true);
    expect(shell.status).toBe(302);
    expect(shell.location).toBe("/login?redirectTo=%2Fsettings%2Fsites");
  });

  test("the language switch saves the choice on the account and in a cookie", async () => {
    const owner = await signUpOrganization();
    const outcome = await callAction(languageRoute, "/language", { lng: "en", redirectTo: "/settings/sites" }, { cookie: owner.cookie });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/sites");
    expect(outcome.setCookie).toMatch(/^lng=/);
    expect((await authOf(owner.cookie))?.user.locale).toBe("en");
  });

  test("?lng= shows that page in the language and remembers nothing; the next page is in the reader's own", async () => {
    const owner = await signUpOrganization();
    const saved = (await authOf(owner.cookie))?.user.locale;
    const other = saved === "en" ? "zh-CN" : "en";
    const shared = await callLoader<{ locale: string }>(rootRoute, `/settings/sites?lng=${other}`, { cookie: owner.cookie });
    expect(shared.data.locale).toBe(other);
    expect(shared.setCookie).toBeNull();
    expect((await authOf(owner.cookie))?.user.locale).toBe(saved);
    const next = await callLoader<{ locale: string }>(rootRoute, "/settings/sites", { cookie: owner.cookie });
    expect(next.data.locale).toBe(saved);
    // Signed out too: no cookie is set by the parameter.
    const guest = await callLoader<{ locale: string }>(rootRoute, "/login?lng=en", {});
    expect(guest.data.locale).toBe("en");
    expect(guest.setCookie).toBeNull();
  });
});

describe("change password", () => {
  test("a wrong current password is refused and nothing changes", async () => {
    const owner = await signUpOrganization();
    const outcome = await callAction(
      accountRoute,
      "/account",
      { intent: "password", currentPassword: "not my password", newPassword: "brand new password", confirmPassword: "brand new password" },
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ currentPassword: "errors.currentPasswordWrong" });
    expect((await logIn(owner.email, owner.password)).status).toBe(302);
    expect((await logIn(owner.email, "brand new password")).status).toBe(400);
  });

  test("mismatching confirmation is a field error", async () => {
    const owner = await signUpOrganization();
    const outcome = await callAction(
      accountRoute,
      "/account",
      { intent: "password", currentPassword: owner.password, newPassword: "brand new password", confirmPassword: "brand new passw0rd" },
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ confirmPassword: "errors.passwordMismatch" });
  });

  test("success keeps this session, signs out the others and records an audit event", async () => {
    const owner = await signUpOrganization();
    const elsewhere = cookiePair((await logIn(owner.email, owner.password)).setCookie);
    expect(await authOf(elsewhere)).not.toBeNull();
    const auditBefore = await countRows("audit_events", sql`organization_id = ${owner.organizationId}`);
    const newPassword = "a much longer new password";
    const outcome = await callAction(
      accountRoute,
      "/account",
      { intent: "password", currentPassword: owner.password, newPassword, confirmPassword: newPassword },
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/account?saved=password");
    expect(await authOf(owner.cookie)).not.toBeNull();
    expect(await authOf(elsewhere)).toBeNull();
    expect((await logIn(owner.email, owner.password)).status).toBe(400);
    expect((await logIn(owner.email, newPassword)).status).toBe(302);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.seq, auditBefore + 1)));
    expect(event).toMatchObject({ action: "update", entityType: "user", entityId: owner.userId, after: { passwordChanged: true } });
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });
});

describe("password reset", () => {
  /** Asks for a reset link, then works the job the request added, as a worker would. */
  async function requestReset(email: string) {
    const outcome = await callAction(resetRoute, "/reset-password", { email });
    await workQueue(queues.accountEmail);
    return outcome;
  }

  test("a request stores the email in the outbox with a single-use link that sets the password", async () => {
    const owner = await signUpOrganization();
    const requested = await requestReset(owner.email);
    expect(requested.status).toBe(200);
    expect(requested.data).toEqual({ errors: {}, values: { email: owner.email }, sent: true });

    const email = await latestEmail(owner.email, "password_reset");
    expect(email).toMatchObject({ organizationId: owner.organizationId, status: "stored", kind: "password_reset" });
    const token = tokenFromEmail(email ?? { text: "" }, "password_reset");
    expect(email?.html).toContain(`http://localhost:3000/reset-password?token=${token}`);
    // Only the hash of the token is stored.
    const [stored] = await testDb().select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, owner.userId));
    expect(stored?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));

    const page = await callLoader(resetRoute, `/reset-password?token=${token}`);
    expect(page.data).toEqual({ step: "reset", token, usable: true });

    const newPassword = "reset password 123";
    const reset = await callAction(resetRoute, "/reset-password", { intent: "reset", token, newPassword, confirmPassword: newPassword });
    expect(reset.status).toBe(302);
    expect(reset.location).toBe("/login?reset=1");
    // Signed out everywhere, the old password is dead, the new one works.
    expect(await authOf(owner.cookie)).toBeNull();
    expect((await logIn(owner.email, owner.password)).status).toBe(400);
    expect((await logIn(owner.email, newPassword)).status).toBe(302);

    // The link works once.
    expect((await callLoader(resetRoute, `/reset-password?token=${token}`)).data).toMatchObject({ usable: false });
    const again = await callAction(resetRoute, "/reset-password", {
      intent: "reset",
      token,
      newPassword: "another password 456",
      confirmPassword: "another password 456",
    });
    expect(again.status).toBe(400);
    expect(errorsOf(again)).toEqual({ form: "errors.resetLinkInvalid" });
    expect((await logIn(owner.email, "another password 456")).status).toBe(400);
  });

  test("an unknown address gets the same answer and the same job; only the known one then gets an email", async () => {
    const owner = await signUpOrganization();
    const before = await tableCounts();
    const unknownEmail = uniqueEmail("nobody");
    const known = await callAction(resetRoute, "/reset-password", { email: owner.email });
    const unknown = await callAction(resetRoute, "/reset-password", { email: unknownEmail });
    expect(unknown.status).toBe(known.status);
    expect(known.data).toEqual({ errors: {}, values: { email: owner.email }, sent: true });
    expect(unknown.data).toEqual({ errors: {}, values: { email: unknownEmail }, sent: true });
    // The requests themselves wrote nothing but a job each.
    expect(await tableCounts()).toEqual(before);
    expect(await workQueue(queues.accountEmail)).toBe(2);
    const after = await tableCounts();
    // Only the known address produced an email and a token.
    expect(after.outbox_emails).toBe((before.outbox_emails ?? 0) + 1);
    expect(after.password_reset_tokens).toBe((before.password_reset_tokens ?? 0) + 1);
    expect(await latestEmail(unknownEmail, "password_reset")).toBeNull();
  });

  test("an expired link is refused", async () => {
    const owner = await signUpOrganization();
    await requestReset(owner.email);
    const token = tokenFromEmail((await latestEmail(owner.email, "password_reset")) ?? { text: "" }, "password_reset");
    await testDb()
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(passwordResetTokens.userId, owner.userId));
    expect((await callLoader(resetRoute, `/reset-password?token=${token}`)).data).toMatchObject({ usable: false });
    const outcome = await callAction(resetRoute, "/reset-password", {
      intent: "reset",
      token,
      newPassword: "reset password 123",
      confirmPassword: "reset password 123",
    });
    expect(errorsOf(outcome)).toEqual({ form: "errors.resetLinkInvalid" });
    expect((await logIn(owner.email, owner.password)).status).toBe(302);
  });

  test("at most three reset emails per hour for one account, with the same answer", async () => {
    const owner = await signUpOrganization();
    for (let i = 0; i < 4; i++) {
      const outcome = await requestReset(owner.email);
      expect(outcome.data).toMatchObject({ sent: true });
    }
    expect(await countRows("outbox_emails", sql`"to" = ${owner.email} and kind = 'password_reset'`)).toBe(3);
  });

  /** The token of every reset email sent to an address, oldest first. */
  async function resetTokens(email: string): Promise<string[]> {
    const rows = await testDb()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.to, email), eq(outboxEmails.kind, "password_reset")))
      .orderBy(asc(outboxEmails.createdAt));
    return rows.map((row) => tokenFromEmail(row, "password_reset"));
  }

  const resetWith = (token: string, newPassword: string) =>
    callAction(resetRoute, "/reset-password?lng=en", { intent: "reset", token, newPassword, confirmPassword: newPassword });

  async function expectRefused(token: string) {
    // The page shows the usual "invalid, used or expired" message, and the form refuses with it.
    const page = await callLoader(resetRoute, `/reset-password?token=${token}`);
    expect(page.data).toMatchObject({ step: "reset", usable: false });
    const outcome = await resetWith(token, "yet another password 789");
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ form: "errors.resetLinkInvalid" });
    expect(translateMessage(en, errorsOf(outcome).form ?? "")).toBe(
      "This password-reset link is invalid, already used or expired. Ask for a new one.",
    );
    expect(translateMessage(createI18n("zh-CN").t, errorsOf(outcome).form ?? "")).toBe("该密码重置链接无效、已使用或已过期。请重新申请。");
  }

  test.each([
    ["the newer link is used: the older one is refused", "newer"],
    ["the older link is used: the newer one is refused", "older"],
  ] as const)("of two links, %s, and every session of the account ends", async (_name, used) => {
    const owner = await signUpOrganization();
    const elsewhere = cookiePair((await logIn(owner.email, owner.password)).setCookie);
    await requestReset(owner.email);
    await requestReset(owner.email);
    const [older, newer] = await resetTokens(owner.email);
    expect(older && newer && older !== newer).toBe(true);
    for (const token of [older!, newer!]) expect((await callLoader(resetRoute, `/reset-password?token=${token}`)).data).toMatchObject({ usable: true });
    const [spend, other] = used === "newer" ? [newer!, older!] : [older!, newer!];
    const newPassword = `reset with the ${used} link`;
    const reset = await resetWith(spend, newPassword);
    expect(reset.status).toBe(302);
    await expectRefused(other);
    await expectRefused(spend);
    // The password is the one set by the link that was used; no session survives the reset.
    expect(await authOf(owner.cookie)).toBeNull();
    expect(await authOf(elsewhere)).toBeNull();
    expect(await countRows("sessions", sql`user_id = ${owner.userId}`)).toBe(0);
    expect((await logIn(owner.email, newPassword)).status).toBe(302);
    expect(await countRows("password_reset_tokens", sql`user_id = ${owner.userId} and used_at is null`)).toBe(0);
  });

  test("two links used at the same moment: one sets the password, the other is refused", async () => {
    const owner = await signUpOrganization();
    await requestReset(owner.email);
    await requestReset(owner.email);
    const [first, second] = await resetTokens(owner.email);
    const outcomes = await Promise.all([resetWith(first!, "concurrent password one"), resetWith(second!, "concurrent password two")]);
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 400]);
    const winner = outcomes[0]!.status === 302 ? "concurrent password one" : "concurrent password two";
    expect((await logIn(owner.email, winner)).status).toBe(302);
  });

  test("changing the password ends the reset links asked for before", async () => {
    const owner = await signUpOrganization();
    await requestReset(owner.email);
    const [token] = await resetTokens(owner.email);
    const newPassword = "changed on the account page";
    const changed = await callAction(
      accountRoute,
      "/account",
      { intent: "password", currentPassword: owner.password, newPassword, confirmPassword: newPassword },
      { cookie: owner.cookie },
    );
    expect(changed.status).toBe(302);
    await expectRefused(token!);
    expect((await logIn(owner.email, newPassword)).status).toBe(302);
  });

  test("resetting the password lifts the account lock, as the lock message promises", async () => {
    const owner = await signUpOrganization();
    for (let i = 0; i < 5; i++) await logIn(owner.email, `wrong password ${i}`);
    expect((await logIn(owner.email, owner.password)).status).toBe(429);
    await requestReset(owner.email);
    const token = tokenFromEmail((await latestEmail(owner.email, "password_reset")) ?? { text: "" }, "password_reset");
    const newPassword = "after the lock 123";
    const reset = await callAction(resetRoute, "/reset-password", { intent: "reset", token, newPassword, confirmPassword: newPassword });
    expect(reset.status).toBe(302);
    // "Try again in N minutes, or reset the password": after the reset the new password works.
    expect((await logIn(owner.email, newPassword)).status).toBe(302);
  });
});

describe("the login lock also covers password checks on invitations", () => {
  test("wrong passwords given while accepting an invitation count towards the lock", async () => {
    const victim = await signUpOrganization();
    const attacker = await signUpOrganization();
    expect((await invite(attacker.cookie, { email: victim.email, role: "auditor" })).status).toBe(302);
    const token = tokenFromEmail((await latestEmail(victim.email, "invitation")) ?? { text: "" }, "invitation");
    for (let i = 0; i < 5; i++) {
      const guess = await callAction(inviteRoute, `/invite/${token}`, { password: `guess number ${i}` }, { params: { token } });
      expect(errorsOf(guess)).toEqual({ password: "errors.loginInvalid" });
    }
    // Five wrong passwords for the account: the sixth guess, even if right, must not get in.
    const sixth = await callAction(inviteRoute, `/invite/${token}`, { password: victim.password }, { params: { token } });
    expect(sixth.setCookie).toBeNull();
    expect((await logIn(victim.email, victim.password)).status).toBe(429);
  });

  test("a locked account cannot be entered by accepting an invitation with its password", async () => {
    const victim = await signUpOrganization();
    const other = await signUpOrganization();
    for (let i = 0; i < 5; i++) await logIn(victim.email, `wrong password ${i}`);
    expect((await logIn(victim.email, victim.password)).status).toBe(429);
    await invite(other.cookie, { email: victim.email, role: "auditor" });
    const token = tokenFromEmail((await latestEmail(victim.email, "invitation")) ?? { text: "" }, "invitation");
    const accepted = await callAction(inviteRoute, `/invite/${token}`, { password: victim.password }, { params: { token } });
    expect(accepted.setCookie).toBeNull();
    expect(
      await countRows("memberships", sql`organization_id = ${other.organizationId} and user_id = ${victim.userId}`),
    ).toBe(0);
  });
});

describe("accounts in several organisations", () => {
  test("an existing account accepts an invitation with its password and can switch organisation", async () => {
    const home = await signUpOrganization();
    const other = await signUpOrganization();
    await invite(other.cookie, { email: home.email, role: "compliance" });
    const token = tokenFromEmail((await latestEmail(home.email, "invitation")) ?? { text: "" }, "invitation");
    const page = await callLoader(inviteRoute, `/invite/${token}`, { params: { token } });
    expect(page.data).toMatchObject({ valid: true, existingUser: true, role: "compliance", email: home.email });

    const wrong = await callAction(inviteRoute, `/invite/${token}`, { password: "not the password" }, { params: { token } });
    expect(wrong.status).toBe(400);
    expect(errorsOf(wrong)).toEqual({ password: "errors.loginInvalid" });

    const accepted = await callAction(inviteRoute, `/invite/${token}`, { password: home.password }, { params: { token } });
    expect(accepted.status).toBe(302);
    const cookie = cookiePair(accepted.setCookie);
    expect((await authOf(cookie))?.organization.id).toBe(other.organizationId);

    const shell = await callLoader<{ organizations: { id: string; role: string }[] }>(appShellRoute, "/", { cookie });
    expect(shell.data.organizations.map((o) => [o.id, o.role])).toEqual([
      [home.organizationId, "owner"],
      [other.organizationId, "compliance"],
    ]);
    const switched = await callAction(
      accountRoute,
      "/account",
      { intent: "switch-organization", organizationId: home.organizationId },
      { cookie },
    );
    expect(switched.status).toBe(302);
    expect((await authOf(cookie))?.organization.id).toBe(home.organizationId);
    expect((await authOf(cookie))?.membership.role).toBe("owner");

    const stranger = await signUpOrganization();
    const refused = await callAction(
      accountRoute,
      "/account",
      { intent: "switch-organization", organizationId: stranger.organizationId },
      { cookie },
    );
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ form: "errors.organizationNotAvailable" });
    expect((await authOf(cookie))?.organization.id).toBe(home.organizationId);
  });

  test("a member who is deactivated everywhere cannot log in; one still active elsewhere lands there", async () => {
    const org = await signUpOrganization();
    const member = await addMember(org.cookie, "security");
    await testDb()
      .update(memberships)
      .set({ status: "deactivated" })
      .where(eq(memberships.id, member.membershipId));
    const refused = await logIn(member.email, DEFAULT_PASSWORD);
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ form: "errors.noActiveMembership" });

    const second = await signUpOrganization();
    // The existing account accepts with its password (the name field is not asked for).
    await addMember(second.cookie, "auditor", { email: member.email });
    const loggedIn = await logIn(member.email, DEFAULT_PASSWORD);
    expect(loggedIn.status).toBe(302);
    expect((await authOf(cookiePair(loggedIn.setCookie)))?.organization.id).toBe(second.organizationId);
  });
});

describe("sessions", () => {
  test("an expired session no longer signs anyone in", async () => {
    const owner = await signUpOrganization();
    const auth = await authOf(owner.cookie);
    await testDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, auth?.sessionId ?? ""));
    expect(await authOf(owner.cookie)).toBeNull();
  });

  test("a forged cookie value is ignored", async () => {
    await signUpOrganization();
    expect(await authOf("__tg_session=forged-value")).toBeNull();
  });
});
