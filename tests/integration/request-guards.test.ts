// The production server's guards on the request line and headers (server.ts on the build: `npm run
// build` first; in `npm test` the PostgreSQL stage runs after the build):
//   - a foreign Origin is a 403 whatever the Host header says; a Host that differs from APP_URL
//     (a proxy in front of it) or an X-Forwarded-Host from a client is no 500;
//   - a malformed Host, or a control character in the path or query, is a 400;
//   - refusals the app means (404 from file, PDF and CSV routes, 403, 400) are logged at info, not
//     as errors.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { deploymentEnv, logIn, startWeb, stopAll, type AppProcess } from "../support/app-processes";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { testDatabase } from "../support/test-database";

const config = inject("integrationDatabase");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

interface Answer {
  status: number;
  body: string;
}

/** A raw request, so Host and the other headers are exactly what a client chose. */
function send(baseUrl: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const target = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: options.path, method: options.method ?? "GET", headers: options.headers, setHost: !options.headers?.Host },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function loginPost(baseUrl: string, owner: SignedUp, headers: Record<string, string>): Promise<Answer> {
  const body = new URLSearchParams({ email: owner.email, password: `${owner.password}-wrong` }).toString();
  return send(baseUrl, {
    method: "POST",
    path: "/login",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers },
    body,
  });
}

/** The server's JSON log lines at error level or above (pino: 50 and up). */
function errorLines(web: AppProcess): string[] {
  return web
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .filter((line) => (JSON.parse(line) as { level?: number }).level! >= 50);
}

describe.runIf(config.kind === "postgres")("the production server's request guards", () => {
  let web: AppProcess;
  let baseUrl: string;
  let host: string;
  let owner: SignedUp;
  let cookie: string;
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-guards-"));

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    owner = await signUpOrganization();
    web = await startWeb("web-guards", deploymentEnv(testDatabase().url!, filesDir));
    baseUrl = web.baseUrl!;
    host = new URL(baseUrl).host;
    cookie = await logIn(baseUrl, owner.email, owner.password);
  });

  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test("a foreign Origin is refused with 403, whatever the Host says", async () => {
    for (const Host of [host, "evil.example", "evil.example:80"]) {
      const answer = await loginPost(baseUrl, owner, { Host, Origin: "http://evil.example" });
      expect(answer.status, Host).toBe(403);
      expect(answer.body).toContain("Cross-site request refused");
    }
    // A Referer from elsewhere, without an Origin, likewise.
    expect((await loginPost(baseUrl, owner, { Host: host, Referer: "http://evil.example/page" })).status).toBe(403);
  });

  test("this site's Origin is answered by the app, not by a 500, when Host or X-Forwarded-Host differ", async () => {
    // APP_URL is this server's address: a proxy in front of it may send its own Host.
    const variants: Record<string, string>[] = [
      { Host: "internal-upstream:3000", Origin: baseUrl },
      { Host: host, Origin: baseUrl, "X-Forwarded-Host": "evil.example" },
      { Host: host, Origin: baseUrl },
    ];
    for (const headers of variants) {
      const answer = await loginPost(baseUrl, owner, headers);
      // The wrong password's own answer: the login form again with its message.
      expect(answer.status, JSON.stringify(headers)).toBe(400);
    }
    expect(errorLines(web)).toEqual([]);
  });

  test("a malformed Host is a 400", async () => {
    for (const Host of ["a b", "evil.example:port", "[::1", "evil.example/x"]) {
      const answer = await send(baseUrl, { path: "/login", headers: { Host } });
      expect(answer.status, Host).toBe(400);
      expect(answer.body).toContain("Bad Host header");
    }
  });

  test("a control character in the path or query is a 400, with a session or without one", async () => {
    for (const target of ["/login%00", "/visitors?q=a%00b", "/share/%00", "/partners?search=%1b%5b31m", `/files/${randomUUID()}%00`]) {
      for (const headers of [{}, { Cookie: cookie }] as Record<string, string>[]) {
        const answer = await send(baseUrl, { path: target, headers });
        expect(answer.status, target).toBe(400);
        expect(answer.body).toContain("control character");
      }
    }
    expect(errorLines(web)).toEqual([]);
  });

  test("404s from file, PDF and CSV addresses are logged at info, not as errors", async () => {
    const before = web.output().length;
    for (const target of [`/files/${randomUUID()}`, `/files/not-an-id`, `/dossiers/${randomUUID()}.pdf`, `/assessments/${randomUUID()}/report.pdf`]) {
      const answer = await send(baseUrl, { path: target, headers: { Cookie: cookie } });
      expect(answer.status, target).toBe(404);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lines = web
      .output()
      .slice(before)
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; res?: { statusCode: number } });
    expect(lines.filter((l) => l.res?.statusCode === 404).map((l) => l.level)).toEqual([30, 30, 30, 30]);
    expect(errorLines(web)).toEqual([]);
  });
});
