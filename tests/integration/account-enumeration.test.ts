// Whether an address has an account must not show in the public forms' answers nor in the work
// they do. /reset-password answers the same and adds the same job either way (the job, in a worker,
// finds the account); /login verifies the password of an unknown address against a fixed argon2
// hash with the parameters of real ones. What is held here is that both paths do the same work (the
// same job, one argon2 verification each against hashes of the same cost) and give the same answer.
// Their timing is measured by `npm run bench:enumeration`, not asserted in a test (before the fix, a
// reset took 44.7 ms for a known address and 12.6 ms for an unknown one: 3.5x).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { DUMMY_PASSWORD_HASH } from "~/lib/auth/password.server";
import { queues } from "~/lib/jobs/job-engine.server";
import * as loginRoute from "~/routes/_auth.login";
import * as resetRoute from "~/routes/_auth.reset-password";
import * as signupRoute from "~/routes/_auth.signup";
import { deploymentEnv, startWeb, stopAll, type AppProcess } from "../support/app-processes";
import { latestEmail, signUpOrganization, signupFields, uniqueEmail, type SignedUp } from "../support/factories";
import { workQueue } from "../support/jobs";
import { callAction, type Outcome } from "../support/requests";
import { countRows, query, testDatabase } from "../support/test-database";

const state = vi.hoisted(() => ({ verified: [] as string[], hashed: 0 }));

// Every argon2 verification and hash the code under test asks for, by the hash it verifies against.
vi.mock("~/lib/auth/password.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/lib/auth/password.server")>();
  return {
    ...actual,
    verifyPassword: (hash: string, password: string) => {
      state.verified.push(hash);
      return actual.verifyPassword(hash, password);
    },
    hashPassword: (password: string) => {
      state.hashed += 1;
      return actual.hashPassword(password);
    },
  };
});

const config = inject("integrationDatabase");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** "$argon2id$v=19$m=19456,t=2,p=1": algorithm, version and cost of a PHC string, without salt and digest. */
const argonParameters = (hash: string) => hash.split("$").slice(0, 4).join("$");


const jobCount = async () => Number((await query<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = ${queues.accountEmail}`))[0]?.n ?? 0);

async function appTableCounts() {
  const counts: Record<string, number> = {};
  for (const name of ["organizations", "users", "memberships", "sessions", "outbox_emails", "password_reset_tokens"]) counts[name] = await countRows(name);
  return counts;
}

let owner: SignedUp;
beforeAll(async () => {
  owner = await signUpOrganization();
});

/** An answer as text, without the address typed (echoed in the form's values). */
const withoutAddress = (outcome: Outcome, email: string) =>
  JSON.stringify({ status: outcome.status, data: outcome.data, location: outcome.location, setCookie: outcome.setCookie }).replaceAll(email, "<email>");

describe("/reset-password, known and unknown addresses", () => {
  const request = (email: string) => callAction(resetRoute, "/reset-password", { email });

  test("the same answer, the same job and no other write in the request; the email comes from the job", async () => {
    await workQueue(queues.accountEmail);
    const unknownEmail = uniqueEmail("nobody");
    const before = await appTableCounts();
    const jobsBefore = await jobCount();
    state.hashed = 0;
    const known = await request(owner.email);
    const unknown = await request(unknownEmail);
    expect(withoutAddress(known, owner.email)).toBe(withoutAddress(unknown, unknownEmail));
    expect(known.status).toBe(200);
    // One job each, of the same kind, differing only in the address.
    expect(await jobCount()).toBe(jobsBefore + 2);
    const jobs = await query<{ data: Record<string, string> }>(
      sql`select data from pgboss.job where name = ${queues.accountEmail} order by created_on desc limit 2`,
    );
    expect(jobs.map((j) => ({ ...j.data, email: "<email>" }))).toEqual([
      { reason: "password-reset", email: "<email>", locale: "zh-CN", baseUrl: "http://localhost:3000" },
      { reason: "password-reset", email: "<email>", locale: "zh-CN", baseUrl: "http://localhost:3000" },
    ]);
    // Nothing else was looked up into existence: no token, no email, no hashing in the request.
    expect(await appTableCounts()).toEqual(before);
    expect(state.hashed).toBe(0);
    expect(await workQueue(queues.accountEmail)).toBe(2);
    expect(await latestEmail(owner.email, "password_reset")).not.toBeNull();
    expect(await latestEmail(unknownEmail, "password_reset")).toBeNull();
  });

});

describe("/login, an unknown address and a known one with a wrong password", () => {
  const logIn = (email: string) => callAction(loginRoute, "/login", { email, password: "not the password at all" });
  const forgetFailures = () => testDatabase().db.execute(sql`delete from login_failures`);

  test("the same answer, after one argon2 verification each against hashes of the same cost", async () => {
    await forgetFailures();
    const unknownEmail = uniqueEmail("nobody");
    state.verified = [];
    const known = await logIn(owner.email);
    const unknown = await logIn(unknownEmail);
    expect(withoutAddress(known, owner.email)).toBe(withoutAddress(unknown, unknownEmail));
    expect(known.status).toBe(400);
    expect(state.verified).toHaveLength(2);
    const [knownHash, unknownHash] = state.verified as [string, string];
    expect(unknownHash).toBe(DUMMY_PASSWORD_HASH);
    expect(knownHash).not.toBe(DUMMY_PASSWORD_HASH);
    expect(argonParameters(unknownHash)).toBe(argonParameters(knownHash));
    // Both reserved a place in the failure count.
    expect(await countRows("login_failures")).toBe(2);
  });

});

describe("/signup with an address that has an account", () => {
  test("the answer does not say so; the request hashes the password like a real signup and adds one job", async () => {
    await workQueue(queues.accountEmail);
    const jobsBefore = await jobCount();
    state.hashed = 0;
    const outcome = await callAction(signupRoute, "/signup", signupFields({ email: owner.email }));
    expect(outcome.status).toBe(200);
    expect(outcome.data).toMatchObject({ errors: {}, checkEmail: true });
    expect(state.hashed).toBe(1);
    expect(await jobCount()).toBe(jobsBefore + 1);
    expect(await workQueue(queues.accountEmail)).toBe(1);
    expect(await latestEmail(owner.email, "signup_attempt")).not.toBeNull();
  });

  test("at most three notices an hour reach the account, whatever the number of attempts", async () => {
    const target = await signUpOrganization();
    for (let i = 0; i < 5; i++) await callAction(signupRoute, "/signup", signupFields({ email: target.email }));
    expect(await workQueue(queues.accountEmail)).toBe(5);
    expect(await countRows("outbox_emails", sql`"to" = ${target.email} and kind = 'signup_attempt'`)).toBe(3);
  });
});

// The pages as the production server sends them (needs `npm run build`; `npm test` builds before
// the PostgreSQL stage).
describe.runIf(config.kind === "postgres")("the production server's pages, known and unknown addresses", () => {
  let web: AppProcess;
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-enumeration-"));

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    web = await startWeb("web", deploymentEnv(testDatabase().url!, filesDir));
  });

  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  const post = (pathname: string, fields: Record<string, string>) =>
    fetch(`${web.baseUrl}${pathname}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: web.baseUrl!, "Accept-Language": "en" },
      body: new URLSearchParams(fields),
      redirect: "manual",
    }).then(async (r) => ({ status: r.status, text: await r.text() }));

  /** A page without what differs between two answers anyway: the CSP nonce and the address typed. */
  const normalised = (answer: { status: number; text: string }, email: string) => ({
    status: answer.status,
    text: answer.text.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/"nonce":"[^"]*"/g, '"nonce":""').replaceAll(email, "<email>"),
  });

  test("/reset-password: the same page for a known and an unknown address", async () => {
    const unknownEmail = uniqueEmail("nobody");
    const known = await post("/reset-password", { email: owner.email });
    const unknown = await post("/reset-password", { email: unknownEmail });
    expect(known.status).toBe(200);
    expect(known.text).toContain("If an account uses this address, a reset link is on its way.");
    expect(normalised(known, owner.email)).toEqual(normalised(unknown, unknownEmail));
  });

  test("/login: the same page for an unknown address and a wrong password", async () => {
    const forgetFailures = () => testDatabase().db.execute(sql`delete from login_failures`);
    await forgetFailures();
    const unknownEmail = uniqueEmail("nobody");
    const known = await post("/login", { email: owner.email, password: "not the password at all" });
    const unknown = await post("/login", { email: unknownEmail, password: "not the password at all" });
    expect(known.status).toBe(400);
    expect(known.text).toContain("Email or password is wrong.");
    expect(normalised(known, owner.email)).toEqual(normalised(unknown, unknownEmail));
    await forgetFailures();
  });

  test("/signup with a taken address: the page asks to check the inbox and does not say the address is taken", async () => {
    const answer = await post("/signup", { ...signupFields({ email: owner.email }) });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain(`Check your inbox: we have sent ${owner.email} an email about how to continue.`);
    expect(answer.text).not.toMatch(/already (exists|in use|registered)|is taken/i);
    expect(answer.text).not.toContain("correct horse battery");
  });
});
