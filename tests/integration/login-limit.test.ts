// The login limit under concurrency: requests sent at once must not get more password checks than
// the limit allows. Each attempt reserves its place in the count (one transaction serialised per
// account and per address) before its password is checked, so at most MAX_FAILURES_PER_ACCOUNT
// checks happen per account and window however many requests arrive together, on one process or
// several. Every argon2 verification is counted here (the password module is wrapped), and the
// checks can be held in flight to make the race as wide as it gets.
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, test, vi } from "vitest";
import { LOGIN_WINDOW_MINUTES, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "~/lib/auth/rate-limit.server";
import { translateMessage } from "~/lib/i18n/messages";
import { createI18n } from "~/lib/i18n/translations.server";
import * as inviteRoute from "~/routes/_auth.invite.$token";
import * as loginRoute from "~/routes/_auth.login";
import { deploymentEnv, startWeb, stopAll } from "../support/app-processes";
import { invite, latestEmail, signUpOrganization, tokenFromEmail, uniqueEmail } from "../support/factories";
import { callAction, errorsOf, keyOf, type Outcome } from "../support/requests";
import { countRows, testDatabase } from "../support/test-database";

const state = vi.hoisted(() => ({
  /** Every password verification, in the order it started. */
  checks: [] as { password: string }[],
  /** While set, every verification waits for it before it runs argon2. */
  hold: null as Promise<void> | null,
}));

vi.mock("~/lib/auth/password.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/lib/auth/password.server")>();
  return {
    ...actual,
    verifyPassword: async (hash: string, password: string) => {
      state.checks.push({ password });
      if (state.hold) await state.hold;
      return actual.verifyPassword(hash, password);
    },
  };
});

const config = inject("integrationDatabase");
const en = createI18n("en").t;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const checksOf = (passwords: Set<string>) => state.checks.filter((c) => passwords.has(c.password));
const answered = (outcomes: Outcome[], status: number, key: string) =>
  outcomes.filter((o) => o.status === status && keyOf(errorsOf(o).form) === key).length;

function logIn(email: string, password: string, address?: string) {
  return callAction(loginRoute, "/login", { email, password }, address ? { headers: { "X-Tradeguard-Client-Address": address } } : {});
}

async function until(what: string, condition: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the account limit under parallel requests (through the login action)", () => {
  test(`30 wrong passwords sent at once: exactly ${MAX_FAILURES_PER_ACCOUNT} are checked, the rest are refused as locked`, async () => {
    const owner = await signUpOrganization();
    const passwords = Array.from({ length: 30 }, (_, i) => `wrong password ${i}`);
    const outcomes = await Promise.all(passwords.map((p) => logIn(owner.email, p)));
    expect(answered(outcomes, 400, "errors.loginInvalid")).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(answered(outcomes, 429, "errors.loginBlockedAccount")).toBe(30 - MAX_FAILURES_PER_ACCOUNT);
    expect(checksOf(new Set(passwords))).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(outcomes.every((o) => o.setCookie === null)).toBe(true);
    // After the five failures the right password is refused too.
    const right = await logIn(owner.email, owner.password);
    expect(right.status).toBe(429);
    expect(translateMessage(en, errorsOf(right).form ?? "")).toMatch(/^Too many failed attempts for this account/);
  });

  test("while five wrong passwords are being checked, the right password sent with them is refused and never checked", async () => {
    const owner = await signUpOrganization();
    let release = () => {};
    state.hold = new Promise<void>((resolve) => (release = resolve));
    const wrong = Array.from({ length: 29 }, (_, i) => `held wrong password ${i}`);
    const wrongOutcomes = Promise.all(wrong.map((p) => logIn(owner.email, p)));
    try {
      // Five attempts hold their reservation and sit in the password check; none has failed yet.
      await until("five checks in flight", () => checksOf(new Set(wrong)).length >= MAX_FAILURES_PER_ACCOUNT);
      let settled = false;
      const rightOutcome = logIn(owner.email, owner.password).finally(() => (settled = true));
      // Either the right password is answered without a check (the fix), or it reaches the check.
      await until("the right password to be answered or checked", () => settled || checksOf(new Set([owner.password])).length > 0);
      release();
      const right = await rightOutcome;
      expect(checksOf(new Set([owner.password]))).toHaveLength(0);
      expect(right.status).toBe(429);
      expect(keyOf(errorsOf(right).form)).toBe("errors.loginBlockedAccount");
      expect(right.setCookie).toBeNull();
    } finally {
      release();
      state.hold = null;
    }
    const outcomes = await wrongOutcomes;
    expect(answered(outcomes, 400, "errors.loginInvalid")).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(answered(outcomes, 429, "errors.loginBlockedAccount")).toBe(29 - MAX_FAILURES_PER_ACCOUNT);
    expect(checksOf(new Set(wrong))).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    // After the five failures, the right password is still refused, without a check.
    expect((await logIn(owner.email, owner.password)).status).toBe(429);
    expect(checksOf(new Set([owner.password]))).toHaveLength(0);
  });

  test("the right password among 29 wrong ones, all at once: it gets in only as one of the first five checks", async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await signUpOrganization();
      const wrong = Array.from({ length: 29 }, (_, i) => `mixed wrong password ${round} ${i}`);
      const position = Math.floor(Math.random() * 30);
      const passwords = [...wrong.slice(0, position), owner.password, ...wrong.slice(position)];
      const before = state.checks.length;
      const outcomes = await Promise.all(passwords.map((p) => logIn(owner.email, p)));
      const right = outcomes[position]!;
      const checks = state.checks.slice(before).filter((c) => c.password === owner.password || wrong.includes(c.password));
      const rightIndex = checks.findIndex((c) => c.password === owner.password);
      if (right.status === 302) {
        // Admitted while fewer than five failures were reserved: its check is among the first five.
        expect(rightIndex).toBeGreaterThanOrEqual(0);
        expect(rightIndex).toBeLessThan(MAX_FAILURES_PER_ACCOUNT);
      } else {
        // Refused: exactly five (wrong) passwords were checked and the right one was not.
        expect(right.status).toBe(429);
        expect(rightIndex).toBe(-1);
        expect(checks).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
      }
    }
  });

  test("wrong passwords given at once while accepting an invitation: exactly five are checked", async () => {
    const victim = await signUpOrganization();
    const other = await signUpOrganization();
    await invite(other.cookie, { email: victim.email, role: "auditor" });
    const token = tokenFromEmail((await latestEmail(victim.email, "invitation")) ?? { text: "" }, "invitation");
    const guesses = Array.from({ length: 20 }, (_, i) => `invitation guess ${i}`);
    const outcomes = await Promise.all(
      guesses.map((password) => callAction(inviteRoute, `/invite/${token}`, { password }, { params: { token } })),
    );
    expect(checksOf(new Set(guesses))).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(outcomes.filter((o) => errorsOf(o).password === "errors.loginInvalid")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect((await logIn(victim.email, victim.password)).status).toBe(429);
  });

  test(`one address trying 30 accounts at once gets exactly ${MAX_FAILURES_PER_ADDRESS} checks`, async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const attempts = Array.from({ length: 30 }, (_, i) => ({ email: uniqueEmail("spray"), password: `spray password ${i}` }));
    const outcomes = await Promise.all(attempts.map((a) => logIn(a.email, a.password, address)));
    expect(checksOf(new Set(attempts.map((a) => a.password)))).toHaveLength(MAX_FAILURES_PER_ADDRESS);
    expect(answered(outcomes, 400, "errors.loginInvalid")).toBe(MAX_FAILURES_PER_ADDRESS);
    expect(answered(outcomes, 429, "errors.loginBlockedAddress")).toBe(30 - MAX_FAILURES_PER_ADDRESS);
  });

  test("a successful login forgets the account's failures, and the table keeps only the window", async () => {
    const owner = await signUpOrganization();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect((await logIn(owner.email, `almost ${i}`)).status).toBe(400);
    expect((await logIn(owner.email, owner.password)).status).toBe(302);
    expect(await countRows("login_failures", sql`key = ${`account:${owner.email}`}`)).toBe(0);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect((await logIn(owner.email, `again ${i}`)).status).toBe(400);
    expect((await logIn(owner.email, owner.password)).status).toBe(302);
    // A successful login does not count against its address either.
    const address = "198.51.100.7";
    expect((await logIn(owner.email, owner.password, address)).status).toBe(302);
    expect(await countRows("login_failures", sql`key = ${`address:${address}`}`)).toBe(0);
    await testDatabase().db.execute(
      sql`update login_failures set created_at = now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES + 1})`,
    );
    await logIn(uniqueEmail("late"), "whatever password");
    expect(await countRows("login_failures", sql`created_at < now() - make_interval(mins => ${LOGIN_WINDOW_MINUTES})`)).toBe(0);
  });
});

// Several web processes on one PostgreSQL: the reservation is serialised in the database, not in
// a process. Needs the production build (`npm run build`; `npm test` builds before this stage).
describe.runIf(config.kind === "postgres")("two production web processes on one PostgreSQL", () => {
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-login-limit-"));
  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test("30 wrong passwords over HTTP, alternating between the two: exactly five are checked", { timeout: 120_000 }, async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    const owner = await signUpOrganization();
    const env = deploymentEnv(testDatabase().url!, filesDir);
    const webs = await Promise.all([startWeb("web-a", env), startWeb("web-b", env)]);
    const post = (baseUrl: string, password: string) =>
      fetch(`${baseUrl}/login?lng=en`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
        body: new URLSearchParams({ email: owner.email, password }),
        redirect: "manual",
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => post(webs[i % 2]!.baseUrl!, `http wrong password ${i}`)));
    const wrong = answers.filter((a) => a.status === 400 && a.text.includes("Email or password is wrong."));
    const locked = answers.filter((a) => a.status === 429 && a.text.includes("Too many failed attempts for this account."));
    expect(wrong).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(locked).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
    // After the five failures the right password is refused on either process.
    for (const web of webs) expect((await post(web.baseUrl!, owner.password)).status).toBe(429);
  });
});
