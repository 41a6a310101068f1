// The request body limits (app/lib/http/body-limits.server.ts): the table by path, that every route
// reading files is in it, and the two checks on a small Express server of their own: a declared
// length over the limit is refused unread, a body without one is cut off at the limit, and a body
// within it arrives whole. The production server's own test is tests/integration/server-limits.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  BODY_LIMITS,
  bodyLimitFor,
  bodyRefused,
  FORM_BODY_BYTES,
  guardedBody,
  IMPORT_BODY_BYTES,
  LINGER_MS,
  refuseLargeBodies,
  RequestBodyTooLargeError,
  TOO_LARGE_TEXT,
  UPLOAD_BODY_BYTES,
  VERIFY_BODY_BYTES,
} from "~/lib/http/body-limits.server";
import { MAX_PHOTO_BYTES, MAX_UPLOAD_BYTES } from "~/lib/evidence/file-rules";
import { MAX_CERTIFICATE_BYTES } from "~/lib/signing/signing-schema";
import { MAX_VERIFY_MB } from "~/lib/dossiers/dossier-schema";
import { MAX_IMPORT_FILE_BYTES } from "~/lib/partners/partner-import-limits";

describe("the limit of a path", () => {
  test("ordinary forms, before and after login, and Remix's data requests of them", () => {
    for (const pathname of ["/login", "/login.data", "/signup", "/", "/_root.data", "/settings/organization", "/seals/audits/x", "/logout", "/share/abc"]) {
      expect(bodyLimitFor(pathname), pathname).toMatchObject({ kind: "form", bytes: FORM_BODY_BYTES });
    }
    expect(FORM_BODY_BYTES).toBe(1024 * 1024);
  });

  test("uploads, the import and /verify, each with room for its files at their own limits", () => {
    for (const pathname of [
      "/policies",
      "/policies.data",
      "/policies/9f1c",
      "/partners/9f1c",
      "/assessments/a/",
      "/inspections/new",
      "/inspections/drafts/3c2a.data",
      "/seals/apply",
      "/seals/models",
      "/training/new",
      "/q/some-token",
      "/settings/signing",
    ]) {
      expect(bodyLimitFor(pathname), pathname).toMatchObject({ kind: "upload", bytes: UPLOAD_BODY_BYTES });
    }
    expect(bodyLimitFor("/partners/import")).toMatchObject({ kind: "import", bytes: IMPORT_BODY_BYTES });
    expect(bodyLimitFor("/partners/import.data").kind).toBe("import");
    expect(bodyLimitFor("/verify")).toMatchObject({ kind: "verify", bytes: VERIFY_BODY_BYTES });
    // Each file limit fits, with its form, and more than one file where a form takes several.
    expect(UPLOAD_BODY_BYTES).toBeGreaterThanOrEqual(5 * MAX_UPLOAD_BYTES + FORM_BODY_BYTES);
    expect(UPLOAD_BODY_BYTES).toBeGreaterThanOrEqual(6 * MAX_PHOTO_BYTES + FORM_BODY_BYTES);
    expect(UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_CERTIFICATE_BYTES + FORM_BODY_BYTES);
    expect(IMPORT_BODY_BYTES).toBe(MAX_IMPORT_FILE_BYTES + FORM_BODY_BYTES);
    expect(VERIFY_BODY_BYTES).toBe(MAX_VERIFY_MB * 1024 * 1024 + FORM_BODY_BYTES);
  });

  // Every route module that reads files (directly or through the readers built on readUploadForm)
  // is found by its source and its address worked out from its file name (flat routes).
  const routesDir = path.resolve("app/routes");
  const fileReaders = /\b(readUploadForm|readSealPost|readInspectionPost|readSessionPost|readCertificate)\(/;

  function routeModules(): { file: string; source: string }[] {
    return readdirSync(routesDir).flatMap((name) => {
      const full = path.join(routesDir, name);
      if (statSync(full).isDirectory()) {
        const route = readdirSync(full).find((f) => /^route\.tsx?$/.test(f));
        if (!route) return [];
        const source = readdirSync(full)
          .map((f) => readFileSync(path.join(full, f), "utf8"))
          .join("\n");
        return [{ file: name, source }];
      }
      return [{ file: name.replace(/\.tsx?$/, ""), source: readFileSync(full, "utf8") }];
    });
  }

  /** "_app.partners.$partnerId" → "/partners/x"; "share.$token.$volume[.]pdf" → "/share/x/x.pdf". */
  function addressOf(routeName: string): string {
    const segments = routeName
      // A dot is a "/" unless escaped as [.].
      .split(/(?<!\[)\.(?!\])/)
      .filter((segment) => !segment.startsWith("_"))
      .map((segment) => segment.replace(/\[\.\]/g, ".").replace(/_$/, ""))
      .map((segment) => (segment.startsWith("$") ? "x" : segment));
    return `/${segments.join("/")}`;
  }

  test("every route that reads files has an upload, import or verify limit", () => {
    const readers = routeModules().filter((m) => fileReaders.test(m.source));
    expect(readers.length).toBeGreaterThanOrEqual(15);
    const unlisted = readers.map((m) => addressOf(m.file)).filter((address) => bodyLimitFor(address).kind === "form");
    expect(unlisted).toEqual([]);
  });

  test("the table's patterns are anchored", () => {
    for (const limit of BODY_LIMITS) expect(limit.pattern.source).toMatch(/^\^.*\$$/);
  });
});

describe("the checks on a server", () => {
  let server: http.Server;
  let port: number;
  /** What the handler behind the checks saw of each body: its length, or the error reading it. */
  const seen: { bytes?: number; error?: unknown }[] = [];

  beforeAll(async () => {
    const app = express();
    app.use(refuseLargeBodies());
    app.post("*", async (req, res) => {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of guardedBody(req, res)) chunks.push(chunk as Buffer);
        seen.push({ bytes: Buffer.concat(chunks).length });
        res.type("text/plain").send(`got ${Buffer.concat(chunks).length}`);
      } catch (error) {
        seen.push({ error });
        if (!bodyRefused(res)) res.status(500).send("failed");
      }
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Posts `size` bytes, with a Content-Length or (chunked) without; resolves with the answer, ignoring the write errors of a body cut off. */
  interface Answer {
    status: number;
    body: string;
    headers: http.IncomingHttpHeaders;
    /** Whether the client could send all of its body (the server read the rest and dropped it) or was cut off. */
    sent: () => "all" | "cut off" | "sending";
  }

  function post(pathname: string, size: number, chunked: boolean): Promise<Answer> {
    let outcome: "all" | "cut off" | "sending" = "sending";
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = http.request(
        { host: "127.0.0.1", port, path: pathname, method: "POST", headers: chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(size) } },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers, sent: () => outcome }));
          res.on("error", () => {});
        },
      );
      req.on("finish", () => (outcome = "all"));
      req.on("error", (error) => {
        outcome = "cut off";
        if (!answered) reject(error);
      });
      const piece = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const write = () => {
        while (sent < size) {
          const chunk = piece.subarray(0, Math.min(piece.length, size - sent));
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", write);
        }
        req.end();
      };
      write();
    });
  }

  test("a body declared over its limit is refused before anything reads it", async () => {
    const before = seen.length;
    const answer = await post("/login", 50 * 1024 * 1024, false);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE_TEXT);
    expect(answer.headers.connection).toBe("close");
    expect(seen.length).toBe(before);
  });

  /**
   * A client on a bare socket that sends a POST /login declared as `declared` bytes, `rate` bytes
   * every 10 ms (or as fast as it can), up to `send` bytes, keeping its side open after the server
   * ends its own; what it read, whether its connection was reset, and when it closed after the answer.
   */
  function rawPost(declared: number, send: number, rate?: number): Promise<{ status: number; reset: boolean; sentAll: boolean; closedAfterMs: number }> {
    return new Promise((resolve) => {
      const socket = net.connect({ port, host: "127.0.0.1", allowHalfOpen: true });
      let head = "";
      let answeredAt = 0;
      let reset = false;
      let sent = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on("data", (chunk: Buffer) => {
        head += chunk.toString("latin1");
        answeredAt ||= Date.now();
      });
      socket.on("error", () => (reset = true));
      socket.on("close", () => {
        clearInterval(timer);
        resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), reset, sentAll: sent >= send, closedAfterMs: Date.now() - answeredAt });
      });
      socket.write(`POST /login HTTP/1.1\r\nHost: x\r\nContent-Length: ${declared}\r\n\r\n`);
      const piece = Buffer.alloc(rate ?? 64 * 1024, 0x61);
      const write = () => {
        while (sent < send && !socket.destroyed) {
          sent += piece.length;
          if (!socket.write(piece)) return void socket.once("drain", write);
        }
        if (!socket.destroyed) socket.end();
      };
      if (rate) {
        timer = setInterval(() => {
          if (socket.destroyed) return;
          sent += piece.length;
          socket.write(piece);
        }, 10);
      } else write();
    });
  }

  test("a client still sending reads its 413, the rest of its body is dropped, and the connection closes without a reset", async () => {
    const size = 50 * 1024 * 1024;
    const answer = await rawPost(size, size);
    expect(answer).toMatchObject({ status: 413, reset: false, sentAll: true });
  });

  test(`a client that goes on sending is cut off ${LINGER_MS / 1000} s after its answer`, async () => {
    const answer = await rawPost(100 * 1024 * 1024, 100 * 1024 * 1024, 1024);
    expect(answer.status).toBe(413);
    expect(answer.sentAll).toBe(false);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(LINGER_MS - 100);
    expect(answer.closedAfterMs).toBeLessThan(LINGER_MS + 1_000);
  });

  test("a body without a length is cut off at the limit: its reader fails, the client gets 413", async () => {
    const before = seen.length;
    const answer = await post("/login", 5 * 1024 * 1024, true);
    expect(answer.status).toBe(413);
    expect(answer.body).toBe(TOO_LARGE_TEXT);
    expect(seen.length).toBe(before + 1);
    expect(seen.at(-1)?.error).toBeInstanceOf(RequestBodyTooLargeError);
  });

  test("bodies within their limits arrive whole, with or without a length", async () => {
    expect(await post("/login", FORM_BODY_BYTES, true)).toMatchObject({ status: 200, body: `got ${FORM_BODY_BYTES}` });
    expect(await post("/login", 1000, false)).toMatchObject({ status: 200, body: "got 1000" });
    expect(await post("/policies", 3 * 1024 * 1024, true)).toMatchObject({ status: 200, body: `got ${3 * 1024 * 1024}` });
  });
});
