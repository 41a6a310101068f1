// Test data made through the app's own routes (sign-up, invitations, forms), so every row a test
// relies on was written by the same code a user goes through. Each call makes unique data.
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { outboxEmails, sites, type OutboxEmail, type Site } from "../../db/schema";
import { getAuth, type AuthContext } from "~/lib/auth/auth.server";
import type { Role } from "~/lib/auth/permissions";
import * as inviteRoute from "~/routes/_auth.invite.$token";
import * as loginRoute from "~/routes/_auth.login";
import * as signupRoute from "~/routes/_auth.signup";
import * as membersRoute from "~/routes/_app.settings.members._index";
import * as sitesRoute from "~/routes/_app.settings.sites._index";
import { callAction, cookiePair, getRequest, type Fields, type Outcome } from "./requests";
import { testDb } from "./test-database";

let counter = 0;

export function uniqueSuffix(): string {
  counter += 1;
  return `${counter}-${randomBytes(3).toString("hex")}`;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${uniqueSuffix()}@example.test`;
}

export const DEFAULT_PASSWORD = "correct horse battery";

export interface SignedUp {
  cookie: string;
  email: string;
  password: string;
  name: string;
  userId: string;
  organizationId: string;
  membershipId: string;
  legalNameZh: string;
  legalNameEn: string;
}

export function signupFields(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  const suffix = uniqueSuffix();
  return {
    organizationNameZh: `测试贸易有限公司 ${suffix}`,
    organizationNameEn: `Test Trading Co. ${suffix}`,
    name: `Owner ${suffix}`,
    email: uniqueEmail("owner"),
    password: DEFAULT_PASSWORD,
    ...overrides,
  };
}

/** Signs up a new organisation through the real sign-up action; returns the owner's session. */
export async function signUpOrganization(overrides: Partial<Record<string, string>> = {}): Promise<SignedUp> {
  const fields = signupFields(overrides);
  const outcome = await callAction(signupRoute, "/signup", fields);
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const cookie = cookiePair(outcome.setCookie);
  const auth = await authOf(cookie);
  if (!auth) throw new Error("sign-up did not give a working session");
  return {
    cookie,
    email: auth.user.email,
    password: fields.password as string,
    name: auth.user.name,
    userId: auth.user.id,
    organizationId: auth.organization.id,
    membershipId: auth.membership.id,
    legalNameZh: auth.organization.legalNameZh,
    legalNameEn: auth.organization.legalNameEn,
  };
}

/** Who a session cookie belongs to (null when it no longer works). */
export function authOf(cookie: string): Promise<AuthContext | null> {
  return getAuth(getRequest("/", { cookie }));
}

export function logIn(email: string, password: string, options: { cookie?: string; redirectTo?: string } = {}) {
  const fields: Fields = { email, password, redirectTo: options.redirectTo };
  return callAction(loginRoute, "/login", fields, { cookie: options.cookie });
}

export async function latestEmail(to: string, kind: OutboxEmail["kind"]): Promise<OutboxEmail | null> {
  const [row] = await testDb()
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.to, to), eq(outboxEmails.kind, kind)))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(1);
  return row ?? null;
}

/** The token of the first invitation or reset link in an email's plain text. */
export function tokenFromEmail(email: Pick<OutboxEmail, "text">, kind: OutboxEmail["kind"]): string {
  const pattern =
    kind === "invitation"
      ? /http:\/\/localhost:3000\/invite\/([A-Za-z0-9_-]+)/
      : /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]+)/;
  const match = pattern.exec(email.text);
  if (!match?.[1]) throw new Error(`no ${kind} link in:\n${email.text}`);
  return match[1];
}

export function invite(cookie: string, fields: { email: string; role: Role | string }): Promise<Outcome> {
  return callAction(membersRoute, "/settings/members", fields, { cookie });
}

export interface Member {
  cookie: string;
  email: string;
  password: string;
  name: string;
  userId: string;
  membershipId: string;
  role: Role;
}

/** Invites a new person with a role and accepts through /invite/:token; returns their session. */
export async function addMember(inviterCookie: string, role: Role, options: { email?: string } = {}): Promise<Member> {
  const email = options.email ?? uniqueEmail(role);
  const invited = await invite(inviterCookie, { email, role });
  expect(invited.status, JSON.stringify(invited.data)).toBe(302);
  const message = await latestEmail(email, "invitation");
  if (!message) throw new Error(`no invitation email for ${email}`);
  const token = tokenFromEmail(message, "invitation");
  const name = `Member ${uniqueSuffix()}`;
  const accepted = await callAction(inviteRoute, `/invite/${token}`, { name, password: DEFAULT_PASSWORD }, { params: { token } });
  expect(accepted.status, JSON.stringify(accepted.data)).toBe(302);
  const cookie = cookiePair(accepted.setCookie);
  const auth = await authOf(cookie);
  if (!auth) throw new Error("accepting the invitation did not give a working session");
  return { cookie, email, password: DEFAULT_PASSWORD, name, userId: auth.user.id, membershipId: auth.membership.id, role };
}

export function siteFields(overrides: Fields = {}): Fields {
  const suffix = uniqueSuffix();
  return {
    nameZh: `测试仓库 ${suffix}`,
    nameEn: `Test Warehouse ${suffix}`,
    address: `上海市浦东新区测试路 ${suffix} 号`,
    kind: "warehouse",
    securityContactName: "Zhang Wei",
    securityContactPhone: "+86 21 5555 0101",
    ...overrides,
  };
}

/** Creates a site through the sites form; returns the stored row. */
export async function createSite(cookie: string, overrides: Fields = {}): Promise<Site> {
  const fields = siteFields(overrides);
  const outcome = await callAction(sitesRoute, "/settings/sites", fields, { cookie });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const [site] = await testDb()
    .select()
    .from(sites)
    .where(eq(sites.nameEn, String(fields.nameEn)));
  if (!site) throw new Error("site not stored");
  return site;
}
