// Responses as the production server sends them: server.ts on the build (`npm run build` first; in
// `npm test` the PostgreSQL stage runs after the build), on this file's PostgreSQL database. Pages
// and data are compressed when the client asks (brotli before gzip) and only then; hashed assets
// are sent as the build compressed them, cached for a year; already-compressed files are sent as
// they are; pages say who may keep them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { deploymentEnv, logIn, startWeb, stopAll, type AppProcess } from "../support/app-processes";
import { signUpOrganization } from "../support/factories";
import { testDatabase } from "../support/test-database";

const config = inject("integrationDatabase");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const assetsDir = path.join(repoRoot, "build/client/assets");

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** A GET that keeps the body as it came over the wire (fetch would decode it). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** A page without its per-response CSP nonce, to compare two answers of one page. */
const withoutNonces = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

describe.runIf(config.kind === "postgres")("the production server's compression and caching", () => {
  let web: AppProcess;
  let baseUrl: string;
  let cookie: string;
  const filesDir = mkdtempSync(path.join(tmpdir(), "tradeguard-compression-"));

  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, "build/server/index.js"))) throw new Error("No production build: run `npm run build` first.");
    const owner = await signUpOrganization();
    web = await startWeb("web", deploymentEnv(testDatabase().url!, filesDir));
    baseUrl = web.baseUrl!;
    cookie = await logIn(baseUrl, owner.email, owner.password);
  });

  afterAll(async () => {
    await stopAll();
    rmSync(filesDir, { recursive: true, force: true });
  });

  test("a page is sent in brotli when the client takes it, in gzip when only that, and as it is otherwise", async () => {
    const plain = await get(`${baseUrl}/login`);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const page = withoutNonces(plain.body.toString("utf8"));
    expect(page).toContain("<html");

    const br = await get(`${baseUrl}/login`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(withoutNonces(brotliDecompressSync(br.body).toString("utf8"))).toBe(page);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);

    const gzip = await get(`${baseUrl}/login`, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(withoutNonces(gunzipSync(gzip.body).toString("utf8"))).toBe(page);

    const identity = await get(`${baseUrl}/login`, { "Accept-Encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
  });

  test("a signed-in page and its data are compressed too", async () => {
    const page = await get(`${baseUrl}/`, { Cookie: cookie, "Accept-Encoding": "br" });
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(page.body).toString("utf8")).toContain("<html");
    const data = await get(`${baseUrl}/_root.data`, { Cookie: cookie, "Accept-Encoding": "br" });
    expect(data.status).toBe(200);
    expect(data.headers["content-type"]).toMatch(/text\/x-script/);
    // Streamed, so of unknown length: compressed whatever its size.
    expect(data.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(data.body).length).toBeGreaterThan(0);
  });

  test("an already-compressed download (XLSX) is sent as it is", async () => {
    const xlsx = await get(`${baseUrl}/partners/export.xlsx`, { Cookie: cookie, "Accept-Encoding": "gzip, br" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  test("a hashed asset is sent from the build's .br or .gz file, cached for a year", async () => {
    const scripts = readdirSync(assetsDir).filter((name) => name.endsWith(".js") && existsSync(path.join(assetsDir, `${name}.br`)));
    expect(scripts.length).toBeGreaterThan(0);
    const largest = scripts.sort((a, b) => statSync(path.join(assetsDir, b)).size - statSync(path.join(assetsDir, a)).size)[0]!;
    const file = path.join(assetsDir, largest);
    const url = `${baseUrl}/assets/${largest}`;

    const br = await get(url, { "Accept-Encoding": "gzip, deflate, br" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.body.equals(readFileSync(`${file}.br`))).toBe(true);
    expect(brotliDecompressSync(br.body).equals(readFileSync(file))).toBe(true);

    const gzip = await get(url, { "Accept-Encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(readFileSync(`${file}.gz`))).toBe(true);

    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(plain.body.equals(readFileSync(file))).toBe(true);
  });

  test("pages say who may keep them", async () => {
    const cacheControl = async (pathname: string, headers: Record<string, string> = {}) =>
      (await get(`${baseUrl}${pathname}`, headers)).headers["cache-control"];
    // Public, nothing personal: kept by the browser, asked again before use.
    expect(await cacheControl("/login")).toBe("no-cache");
    expect(await cacheControl("/signup")).toBe("no-cache");
    // A member's pages and their data: never stored anywhere.
    expect(await cacheControl("/", { Cookie: cookie })).toBe("private, no-store");
    expect(await cacheControl("/settings/organization", { Cookie: cookie })).toBe("private, no-store");
    expect(await cacheControl("/_root.data", { Cookie: cookie })).toBe("private, no-store");
    expect(await cacheControl("/settings/organization.data", { Cookie: cookie })).toBe("private, no-store");
    // Links that carry a secret in the address, and error pages.
    expect(await cacheControl("/reset-password?token=not-a-real-token")).toBe("private, no-store");
    expect(await cacheControl("/invite/not-a-real-token")).toBe("private, no-store");
    expect(await cacheControl("/no-such-page", { Cookie: cookie })).toBe("private, no-store");
    // A share link's own answers say no-store themselves (dossier-shares.test.ts); a dead one is an error page.
    const deadShare = await get(`${baseUrl}/share/not-a-real-token`);
    expect(deadShare.status).toBe(404);
    expect(deadShare.headers["cache-control"]).toBe("private, no-store");
  });
});
