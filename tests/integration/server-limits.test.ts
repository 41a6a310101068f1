// The production server's limits (server.ts on the build: `npm run build` first; in `npm test` the
// PostgreSQL stage runs after the build), on this file's PostgreSQL database:
//   - request bodies over their route's limit (app/lib/http/body-limits.server.ts) are refused
//     with 413 before the session is read or anything is parsed, quickly and without the server's
//     memory growing, with a length or without one; bodies within their limits still work;
//   - X-Forwarded-For counts only from the proxies TRUST_PROXY names: none by default, so rotating
//     forwarded addresses from one connection's address do not get round the per-address login limit.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { evidenceFiles, loginFailures } from "../../db/schema";
import { MAX_FAILURES_PER_ADDRESS } from "~/lib/auth/rate-limit.server";
import { TOO_LARGE_TEXT } from "~/lib/http/body-limits.server";
import { deploymentEnv, logIn, startWeb, stopAll, type AppProcess } from "../support/app-processes";
import { signUpOrganization, uniqueSuffix, type SignedUp } from "../support/factories";
import { registerPartner } from "../support/partner-factories";
import { testDatabase, testDb } from "../support/test-database";

const config = inject("integrationDatabase");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The server process's resident memory in MB (VmRSS in /proc/<pid>/status). */
function rssMb(web: AppProcess): number {
  const status = readFileSync(`/proc/${web.child.pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!kb) throw new Error("no VmRSS");
  return kb / 1024;
}

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  /** From the start of the request to the end of the answer. */
  ms: number;
}

/**
 * Posts `size` bytes of form data, with a Content-Length or (chunked) without one, writing as fast as
 * the server reads. Resolves with the answer; the write errors of a body the server stopped reading
 * (a reset connection after its answer) are not failures.
 */
function postBytes(url: string, size: number, options: { chunked: boolean; headers?: Record<string, string> }): Promise<Answer> {
  const started = Date.now();
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: target.origin,
          ...(options.chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(size) }),
          ...options.headers,
        },
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers, ms: Date.now() - started }));
        res.on("error", () => {});
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const piece = Buffer.from("email=a%40b.test&password=".padEnd(64 * 1024, "x"));
    let sent = 0;
    const write = () => {
      while (sent < size && !req.destroyed) {
        const chunk = piece.subarray(0, Math.min(piece.length, size - sent));
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe.runIf(config.kind === "postgres")("the production server's body limits", () => {
  let web: AppProcess;
  let baseUrl: string;
  let owner: SignedUp;
  let cookie: string;
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-limits-"));

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    owner = await signUpOrganization();
    web = await startWeb("web", deploymentEnv(testDatabase().url!, filesDir));
    baseUrl = web.baseUrl!;
    cookie = await logIn(baseUrl, owner.email, owner.password);
    // Warm: the first requests load the pages' code.
    await fetch(`${baseUrl}/login`);
  });

  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test("a 50 MB POST /login before login is refused at once with 413, and the server's memory stays flat", async () => {
    const before = rssMb(web);
    const answer = await postBytes(`${baseUrl}/login`, 50 * 1024 * 1024, { chunked: false });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE_TEXT);
    expect(answer.headers.connection).toBe("close");
    // Before: a 300 MB one took 14 s and grew the process by 3.4 GB.
    expect(answer.ms).toBeLessThan(3_000);
    await settle();
    expect(rssMb(web) - before).toBeLessThan(50);
    // The server goes on answering.
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  test("a body without a length is cut off at the limit too", async () => {
    const before = rssMb(web);
    const answer = await postBytes(`${baseUrl}/login`, 50 * 1024 * 1024, { chunked: true });
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE_TEXT);
    expect(answer.ms).toBeLessThan(3_000);
    await settle();
    expect(rssMb(web) - before).toBeLessThan(50);
    // And on Remix's data request of the same route, and signed in: the same limit.
    const data = await postBytes(`${baseUrl}/login.data`, 3 * 1024 * 1024, { chunked: true, headers: { Cookie: cookie } });
    expect(data.status).toBe(413);
    const signedIn = await postBytes(`${baseUrl}/settings/organization`, 3 * 1024 * 1024, { chunked: false, headers: { Cookie: cookie } });
    expect(signedIn.status).toBe(413);
  });

  test("a normal login still works, with a length or without one", async () => {
    expect(cookie).toMatch(/=/);
    const body = new URLSearchParams({ email: owner.email, password: owner.password }).toString();
    const chunked = await fetch(`${baseUrl}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
      // A stream: sent chunked, without a Content-Length.
      body: new Blob([body]).stream(),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(chunked.status).toBe(302);
    expect(chunked.headers.get("set-cookie")).toBeTruthy();
  });

  test("a normal upload still works: a 12 MB certificate on a partner is stored", async () => {
    const partner = await registerPartner(owner.cookie);
    const pdf = new Uint8Array(12 * 1024 * 1024).fill(0x20);
    pdf.set(new TextEncoder().encode(`%PDF-1.4\n% ${uniqueSuffix()}\n`));
    const form = new FormData();
    form.append("intent", "certificate");
    form.append("file", new File([pdf], "aeo-certificate.pdf", { type: "application/pdf" }));
    const response = await fetch(`${baseUrl}/partners/${partner.id}`, { method: "POST", headers: { Cookie: cookie, Origin: baseUrl }, body: form, redirect: "manual" });
    expect(response.status, await response.clone().text()).toBe(302);
    const [stored] = await testDb()
      .select({ size: evidenceFiles.sizeBytes })
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.organizationId, owner.organizationId), eq(evidenceFiles.originalName, "aeo-certificate.pdf")));
    expect(stored?.size).toBe(pdf.byteLength);
  });
});

describe.runIf(config.kind === "postgres")("trusted proxies (TRUST_PROXY)", () => {
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-proxies-"));

  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  /** 40 failed logins, each for another unknown address and forwarded for another client address; their statuses. */
  async function rotatingFailures(baseUrl: string, forwarded: (i: number) => string): Promise<number[]> {
    const run = uniqueSuffix();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${baseUrl}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, "X-Forwarded-For": forwarded(i) },
        body: new URLSearchParams({ email: `nobody-${run}-${i}@example.test`, password: "wrong password" }),
        redirect: "manual",
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  const addressKeys = async (prefix: string) =>
    (await testDb().select({ key: loginFailures.key }).from(loginFailures).where(like(loginFailures.key, `address:${prefix}%`))).map((r) => r.key);

  test("without TRUST_PROXY, forwarded addresses are ignored: 40 failures from 127.0.0.1 count against 127.0.0.1, and its limit holds", async () => {
    await testDb().delete(loginFailures).where(sql`true`);
    const web = await startWeb("web-no-proxy", deploymentEnv(testDatabase().url!, filesDir));
    const statuses = await rotatingFailures(web.baseUrl!, (i) => `203.0.113.${i + 1}`);
    // Wrong passwords until the address has its fill, then refused as blocked whatever is forwarded.
    expect(statuses.slice(0, MAX_FAILURES_PER_ADDRESS)).toEqual(Array(MAX_FAILURES_PER_ADDRESS).fill(400));
    expect(statuses.slice(MAX_FAILURES_PER_ADDRESS)).toEqual(Array(40 - MAX_FAILURES_PER_ADDRESS).fill(429));
    expect(await addressKeys("203.0.113.")).toEqual([]);
    const keys = new Set(await addressKeys(""));
    expect([...keys]).toHaveLength(1);
    expect([...keys][0]).toMatch(/^address:(::ffff:)?127\.0\.0\.1$/);
    expect(web.output()).toContain("X-Forwarded-For is ignored: TRUST_PROXY is not set");
  });

  test("with TRUST_PROXY=loopback, the address the proxy forwards is the client's", async () => {
    await testDb().delete(loginFailures).where(sql`true`);
    const web = await startWeb("web-loopback-proxy", { ...deploymentEnv(testDatabase().url!, filesDir), TRUST_PROXY: "loopback" });
    // A client's own X-Forwarded-For comes first in the list; the proxy adds the address it saw last.
    const statuses = await rotatingFailures(web.baseUrl!, (i) => `10.9.9.9, 198.51.100.${i + 1}`);
    expect(statuses).toEqual(Array(40).fill(400));
    const keys = await addressKeys("");
    expect(new Set(keys)).toEqual(new Set(Array.from({ length: 40 }, (_, i) => `address:198.51.100.${i + 1}`)));
  });

  test("a TRUST_PROXY that is no address stops the server at start, saying why", async () => {
    await expect(startWeb("web-bad-proxy", { ...deploymentEnv(testDatabase().url!, filesDir), TRUST_PROXY: "proxy.example.com" })).rejects.toThrow(
      /TRUST_PROXY: not an address, CIDR range or one of loopback, linklocal, uniquelocal: "proxy\.example\.com"/,
    );
  });
});
