// Browser-test support: one production server per test file, on its own PostgreSQL database and
// with an in-process SMTP catcher, plus small Playwright helpers (browser, contexts, screenshots).
//
// Needs `npm run build` beforehand (the server runs build/server/index.js), PostgreSQL at
// TEST_DATABASE_URL (an admin URL; default postgres://postgres@127.0.0.1:5432/postgres) and
// Chromium at /usr/bin/chromium (or E2E_CHROMIUM).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, inject, onTestFinished } from "vitest";
import { simpleParser } from "mailparser";
import postgres from "postgres";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { createCookie } from "@remix-run/node";
import { hashToken, newToken } from "~/lib/auth/tokens.server";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { freePort } from "./app-processes";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
export const SCREENSHOT_DIR = path.join(repoRoot, "test-results/screenshots");
const LOG_DIR = path.join(repoRoot, "test-results/e2e-logs");

export interface CapturedMail {
  /** Envelope sender and recipients, as the SMTP client gave them. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) address in the text and HTML parts, in order, without duplicates. */
  links: string[];
  receivedAt: Date;
}

export interface E2eApp {
  /** http://127.0.0.1:<port>, no trailing slash. */
  baseUrl: string;
  /** Every message the SMTP catcher accepted, oldest first. */
  mails: CapturedMail[];
  /** Resolves with the first mail (already received or arriving later) that matches. */
  waitForMail: (match: (mail: CapturedMail) => boolean, timeoutMs?: number) => Promise<CapturedMail>;
  databaseName: string;
  /** The database's URL and the server's session secret, for logInBySession. */
  databaseUrl: string;
  sessionSecret: string;
  /** The server's output so far (JSON log lines at LOG_LEVEL=warn). */
  serverOutput: () => string;
  stop: () => Promise<void>;
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function extractLinks(...parts: string[]): string[] {
  const found = new Set<string>();
  for (const part of parts) {
    for (const match of part.matchAll(/https?:\/\/[^\s"'<>)\]]+/g)) found.add(match[0].replace(/&amp;/g, "&"));
  }
  return [...found];
}

async function startSmtp(mails: CapturedMail[], events: EventEmitter): Promise<{ port: number; close: () => Promise<void> }> {
  // STARTTLS off: smtp-server's built-in certificate has expired (docs/stack.md, "Mail in tests").
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const text = parsed.text ?? "";
          const html = typeof parsed.html === "string" ? parsed.html : "";
          const mail: CapturedMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text,
            html,
            links: extractLinks(text, html),
            receivedAt: new Date(),
          };
          mails.push(mail);
          events.emit("mail", mail);
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app server exited (${child.exitCode ?? child.signalCode}) before it was healthy. Output:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { status?: string };
      if (response.ok && body.status === "ok") return;
      lastProblem = `HTTP ${response.status} ${JSON.stringify(body)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The app server was not healthy after ${timeoutMs} ms (${lastProblem}). Output:\n${output()}`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the production server for one test file: a fresh database on TEST_DATABASE_URL's server,
 * migrated (a copy of the run's migrated template); an SMTP catcher; `node --import tsx server.ts` on a free port. `name` labels the
 * database and the server log (test-results/e2e-logs/<name>.log).
 */
export async function startE2eApp(name: string): Promise<E2eApp> {
  const buildEntry = path.join(repoRoot, "build/server/index.js");
  if (!existsSync(buildEntry)) {
    throw new Error(`No production build: ${buildEntry} is missing. Run \`npm run build\` before the browser tests.`);
  }
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL;
  const safeName = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").slice(0, 20);
  const databaseName = `tg_e2e_${safeName}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const cleanups: (() => Promise<void>)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch(() => {});
    }
    cleanups.length = 0;
  };
  cleanups.push(() => admin.end({ timeout: 5 }));

  try {
    // A copy of the migrated template tests/support/e2e-global-setup.ts made, or a new database
    // migrated here when there is none.
    const template = inject("e2eTemplate");
    try {
      await admin.unsafe(`CREATE DATABASE "${databaseName}"${template ? ` TEMPLATE "${template}"` : ""}`);
    } catch (error) {
      throw new Error(
        `Cannot create a test database on ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (set TEST_DATABASE_URL to an admin URL): ${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error },
      );
    }
    cleanups.push(() => admin.unsafe(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).then(() => {}));
    const url = databaseUrl(adminUrl, databaseName);
    if (!template) {
      const handle = await createDatabase({ url });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
    }

    const mails: CapturedMail[] = [];
    const events = new EventEmitter();
    events.setMaxListeners(50);
    const smtp = await startSmtp(mails, events);
    cleanups.push(smtp.close);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const sessionSecret = randomBytes(24).toString("hex");
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "tg-e2e-data-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    let output = "";
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        PORT: String(port),
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        APP_URL: baseUrl,
        SEED_DEMO: "0",
        // One process: the server works its own jobs (dossiers, emails), as the embedded start does.
        WORKERS: "inline",
        LOG_LEVEL: "warn",
        SESSION_SECRET: sessionSecret,
        PERSONAL_DATA_KEY: randomBytes(32).toString("hex"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 2_000_000) output = output.slice(-1_000_000);
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        if (!(await waitForExit(child, 12_000))) {
          child.kill("SIGKILL");
          await waitForExit(child, 5_000);
        }
      }
      mkdirSync(LOG_DIR, { recursive: true });
      writeFileSync(path.join(LOG_DIR, `${name}.log`), output);
    });

    await waitForHealth(baseUrl, child, () => output, 60_000);

    const waitForMail = (match: (mail: CapturedMail) => boolean, timeoutMs = 10_000) =>
      new Promise<CapturedMail>((resolve, reject) => {
        const already = mails.find(match);
        if (already) return resolve(already);
        const onMail = (mail: CapturedMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          events.off("mail", onMail);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          events.off("mail", onMail);
          reject(new Error(`No matching mail within ${timeoutMs} ms; received: ${JSON.stringify(mails.map((m) => ({ to: m.to, subject: m.subject })))}`));
        }, timeoutMs);
        events.on("mail", onMail);
      });

    let stopped = false;
    return {
      baseUrl,
      mails,
      waitForMail,
      databaseName,
      databaseUrl: url,
      sessionSecret,
      serverOutput: () => output,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await runCleanups();
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Browser helpers

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set E2E_CHROMIUM).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  /** Sets navigator.language and the Accept-Language header. */
  locale?: string;
  javaScriptEnabled?: boolean;
}

/**
 * A fresh context (cookies, storage) with a page. Uncaught page errors are collected in
 * `problems` so a test can assert the page ran cleanly.
 */
export async function openPage(browser: Browser, app: E2eApp, options: ContextOptions = {}) {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? "zh-CN",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    // A form post that fails validation answers 400 on purpose; the browser logs that as an error.
    if (/Failed to load resource: the server responded with a status of (400|429)/.test(text)) return;
    problems.push(`console.error: ${text}`);
  });
  return { context, page, problems };
}

export async function closeContext(context: BrowserContext | undefined): Promise<void> {
  await context?.close().catch(() => {});
}

/**
 * Screenshots the page as it is now at phone (390x844) and desktop (1280x800) width, full page,
 * into test-results/screenshots/<name>-phone.png and <name>-desktop.png, then restores the viewport.
 * `only` takes just one of them (for states that exist at one size only, like the open phone menu).
 */
export async function snap(page: Page, name: string, only?: "phone" | "desktop"): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const sizes = [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const;
  for (const [kind, size] of sizes) {
    if (only && kind !== only) continue;
    await page.setViewportSize(size);
    await screenshotWithRetry(page, path.join(SCREENSHOT_DIR, `${name}-${kind}.png`));
  }
  if (original) await page.setViewportSize(original);
}

/**
 * A full-page screenshot, tried a second time when the first times out: on this shared two-core
 * machine a busy renderer once took longer than 15 s to paint one (CI, 2026-12-06). A screenshot is
 * for people to look at, not an assertion, but a page that cannot be painted twice is still a failure.
 */
async function screenshotWithRetry(page: Page, file: string): Promise<void> {
  try {
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("Timeout")) throw error;
    await page.screenshot({ path: file, fullPage: true, animations: "disabled", timeout: 30_000 });
  }
}

/** A unique address per call, so tests in one file never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${randomBytes(2).toString("hex")}@example.com`;
}

export const PASSWORD = "correct-horse-battery-9";

export interface NewOrganization {
  organizationNameZh: string;
  organizationNameEn: string;
  name: string;
  email: string;
  password: string;
}

export function newOrganization(prefix: string): NewOrganization {
  const tag = randomBytes(2).toString("hex");
  return {
    organizationNameZh: `深圳${tag}进出口有限公司`,
    organizationNameEn: `Shenzhen ${tag} Trading Co., Ltd.`,
    name: "王小明",
    email: uniqueEmail(prefix),
    password: PASSWORD,
  };
}

/**
 * Signs up through the Chinese signup page (the page must use the zh-CN UI) and waits for the
 * welcome on the organisation profile.
 */
export async function signUpInChinese(page: Page, org: NewOrganization): Promise<void> {
  await page.goto("/signup");
  await page.getByLabel("企业名称（中文）").fill(org.organizationNameZh);
  await page.getByLabel("企业名称（英文）").fill(org.organizationNameEn);
  await page.getByLabel("姓名").fill(org.name);
  await page.getByLabel("电子邮箱").fill(org.email);
  await page.getByLabel("新密码").fill(org.password);
  await page.getByRole("button", { name: "创建企业" }).click();
  await page.waitForURL("**/settings/organization?welcome=1");
  await page.getByText("欢迎！请先完善企业信息").waitFor();
}

/**
 * One app server and one browser for the calling test file, started before its tests and stopped
 * after them. `open` gives a page in a fresh context that is closed when its test finishes.
 */
export function e2eSuite(name: string) {
  const state: { app?: E2eApp; browser?: Browser } = {};
  beforeAll(async () => {
    [state.app, state.browser] = await Promise.all([startE2eApp(name), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.stop();
  });
  const started = () => {
    if (!state.app || !state.browser) throw new Error(`e2e suite ${name} has not started`);
    return { app: state.app, browser: state.browser };
  };
  return {
    get app(): E2eApp {
      return started().app;
    },
    async open(options: ContextOptions = {}) {
      const { app, browser } = started();
      const opened = await openPage(browser, app, options);
      onTestFinished(() => closeContext(opened.context));
      return opened;
    },
  };
}

/**
 * Signs `email` in without the login form: a session row in the app's database and its signed
 * cookie in the page's context, as a login would leave them; then opens `path`. Only the tests of
 * logging in itself go through the form.
 */
export async function logInBySession(page: Page, app: E2eApp, email: string, path = "/"): Promise<void> {
  const sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [member] = await sql<{ userId: string; organizationId: string }[]>`
      select u.id as "userId", m.organization_id as "organizationId"
      from users u join memberships m on m.user_id = u.id
      where lower(u.email) = lower(${email}) order by m.created_at limit 1`;
    if (!member) throw new Error(`logInBySession: no member with the email ${email}`);
    const token = newToken();
    await sql`insert into sessions (token_hash, user_id, organization_id, expires_at)
      values (${hashToken(token)}, ${member.userId}, ${member.organizationId}, now() + interval '1 day')`;
    const signed = await createCookie("__tg_session", { secrets: [app.sessionSecret] }).serialize(token);
    const value = signed.split(";")[0]!.slice("__tg_session=".length);
    await page.context().addCookies([{ name: "__tg_session", value, url: app.baseUrl, httpOnly: true, sameSite: "Lax" }]);
  } finally {
    await sql.end({ timeout: 5 });
  }
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === path);
}
