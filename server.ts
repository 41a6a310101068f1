// The production server: Express 4 around the Remix build. It owns what Remix does not: request ids
// and structured request logs, security headers with a per-response CSP nonce, the guards on the
// request line and the Origin check that guards form posts (request-guards.server.ts), static
// files, the job engine (which only sends jobs here on PostgreSQL, where `npm run worker` works
// them, and also works them on the embedded database), and shutdown on SIGTERM/SIGINT.
import { randomBytes, randomUUID } from "node:crypto";
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { constants as zlibConstants } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { logger, requestLogLevel } from "./app/lib/logger.server";
import { runInRequestScope } from "./app/lib/request-scope.server";
import { env } from "./app/lib/env.server";
import { closeDatabase } from "./app/lib/db.server";
import { bootDatabase } from "./app/lib/boot.server";
import { answeringDatabaseOutages } from "./app/lib/database-outage.server";
import { guardProcess } from "./app/lib/process-guards.server";
import { demoAccountsText, demoAccountsExist } from "./app/lib/demo/demo-accounts.server";
import { closeJobEngine, openJobEngine } from "./app/lib/jobs/job-engine.server";
// Limits (h9): request bodies are read through the body limits (app/lib/http/body-limits.server.ts).
import { createRequestHandler } from "./app/lib/http/remix-handler.server";
import { refuseLargeBodies } from "./app/lib/http/body-limits.server";
import { setPrivateUmask } from "./db/file-modes";
import { refuseCrossSitePosts, refuseMalformedRequests } from "./app/lib/request-guards.server";

const config = env();
guardProcess("web");
// What this process creates (the embedded database, uploaded files) is its owner's alone.
setPrivateUmask();
// A deployment must not build emailed links (password resets, invitations) from the Host header,
// which a client chooses. The embedded demo on localhost may.
if (config.NODE_ENV === "production" && config.DATABASE_URL && !config.APP_URL) {
  logger.fatal("APP_URL is required in production on PostgreSQL: the public base URL, e.g. https://tradeguard.example.com");
  process.exit(1);
}
// Employees' ID numbers are encrypted with this key: a key file that differs between instances, or
// is lost with a server's disk, makes them unreadable. On PostgreSQL the operator must give it.
if (config.NODE_ENV === "production" && config.DATABASE_URL && !config.PERSONAL_DATA_KEY) {
  logger.fatal("PERSONAL_DATA_KEY is required in production on PostgreSQL: 32 random bytes, hex or base64 (openssl rand -hex 32)");
  process.exit(1);
}
const buildPath = path.resolve("build/server/index.js");
// The build is plain JavaScript: loaded as it is, not through tsx (server-build-loader.mjs says why).
register("./server-build-loader.mjs", import.meta.url);
// A database outage is answered 503 by every loader and action (database-outage.server.ts).
const build = answeringDatabaseOutages((await import(pathToFileURL(buildPath).href)) as ServerBuild);

// The database opens before the port does, so the first request never waits for PGlite's start.
const handle = await bootDatabase();
if (handle.kind === "pglite" && (await demoAccountsExist(handle.db))) {
  process.stdout.write(`\n${demoAccountsText()}\n\n`);
}

const app = express();
app.disable("x-powered-by");

app.use(
  pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    customLogLevel: (_req, res, err) => requestLogLevel(res.statusCode, err),
    autoLogging: { ignore: (req) => req.url?.startsWith("/assets/") ?? false },
  }),
);

// A malformed Host, or a control character in the path or query, is a 400 before anything else.
app.use(refuseMalformedRequests());

// ── Limits (h9) ──────────────────────────────────────────────────────────────────────────────────
// The client's address (req.ip: the login limit, audit and share-access records) and req.protocol
// come from X-Forwarded-* only when the connection is from a proxy that TRUST_PROXY names (none by
// default: env.server.ts). A deployment behind a proxy that forgot it sees every client at the
// proxy's address, which the login limit would then count as one: said once in the log.
app.set("trust proxy", config.TRUST_PROXY);
if (config.TRUST_PROXY === false) {
  let warned = false;
  app.use((req, _res, next) => {
    if (!warned && req.headers["x-forwarded-for"]) {
      warned = true;
      req.log.warn(
        { peer: req.socket.remoteAddress },
        "X-Forwarded-For is ignored: TRUST_PROXY is not set. Behind a reverse proxy, set it (e.g. TRUST_PROXY=loopback) or every client is seen at the proxy's address",
      );
    }
    next();
  });
}
// Request bodies over their route's limit are refused with 413 before anything reads them (a
// declared length here; a body without one is counted as the Remix handler reads it).
app.use(refuseLargeBodies());
// ── end of limits (h9) ───────────────────────────────────────────────────────────────────────────

app.use((_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
});

app.use(
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce as string}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xContentTypeOptions: true,
    xFrameOptions: { action: "deny" },
    strictTransportSecurity: config.APP_URL?.startsWith("https:") ? { maxAge: 15552000 } : false,
    crossOriginEmbedderPolicy: false,
  }),
);

// Share links carry their token in the address: their answers set Referrer-Policy: no-referrer
// themselves, and the site-wide policy above must not be sent alongside it.
app.use("/share/", (_req, res, next) => {
  res.removeHeader("Referrer-Policy");
  next();
});

// A state-changing request from another site is a 403, whatever its Host (request-guards.server.ts).
app.use(refuseCrossSitePosts(config.APP_URL));

// Remix reads the client address from this header; whatever a client sent under that name is replaced.
app.use((req, _res, next) => {
  req.headers["x-tradeguard-client-address"] = req.ip ?? "";
  next();
});

// Hashed assets never change under their name: cached for a year, and sent as the build compressed
// them (x.js.br or x.js.gz beside x.js, vite.config.ts), brotli first, so no request compresses them
// again. A file the build left uncompressed (too small to gain) is sent as it is.
app.use(
  "/assets",
  expressStaticGzip("build/client/assets", {
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    index: false,
    serveStatic: { immutable: true, maxAge: "1y" },
  }),
);
app.use(express.static("build/client", { maxAge: "1h" }));

// Everything else Remix answers (pages, their turbo-stream data, JSON, CSV) is compressed as it is
// sent: brotli when the client takes it, else gzip. Brotli at quality 4 (this middleware's default,
// said here) is about as fast as gzip and smaller; the higher ones cost far more per response. Remix
// flushes after every chunk it writes (writeReadableStreamToWritable calls res.flush, which this
// middleware provides), so a streamed page or deferred data still reaches the browser piece by piece.
app.use(
  compression({
    filter: shouldCompress,
    brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } },
  }),
);

function shouldCompress(req: express.Request, res: express.Response): boolean {
  const type = String(res.getHeader("Content-Type") ?? "");
  // Server-sent events must arrive event by event (there are none yet; this keeps it so).
  if (/^text\/event-stream/i.test(type)) return false;
  // A strong ETag names exact bytes (an uploaded file's SHA-256): compressed bytes would need another.
  const etag = res.getHeader("ETag");
  if (typeof etag === "string" && etag.startsWith('"')) return false;
  // Only types that gain: PDFs, JPEGs, PNGs, XLSX and zip files are compressed already.
  return compression.filter(req, res);
}

// A page's loaders share what they look up once (the session: app/lib/request-scope.server.ts).
// Reads only: after a post's action (which may change the member's organisation, language or
// session) every loader looks again.
app.use((req, _res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return runInRequestScope(next);
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, requestId: String(req.id) }),
  }),
);

// Jobs: the embedded database has one process, which works its own jobs (rendering on a thread);
// on PostgreSQL this process only sends them, unless WORKERS=inline says otherwise.
const workInline = (config.WORKERS ?? (handle.kind === "pglite" ? "inline" : "off")) === "inline";
const boss = await openJobEngine(handle, { supervise: workInline });
if (workInline) {
  // Only a process that works jobs loads their code.
  const { startWorkers } = await import("./app/lib/jobs/job-workers.server");
  await startWorkers(boss, handle.db);
}

const server = app.listen(config.PORT, () => {
  logger.info({ port: config.PORT, database: handle.kind }, `Tradeguard listening on http://localhost:${config.PORT}`);
});

function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  server.close();
  server.closeIdleConnections();
  // Running jobs get a few seconds to finish; one that does not is retried by another worker.
  closeJobEngine(5_000)
    // The rendering thread's module (piscina) is loaded by the first dossier job, not at start.
    .then(() => import("./app/lib/dossiers/dossier-render-pool.server"))
    .then(({ closeRenderPool }) => closeRenderPool())
    .then(closeDatabase)
    .catch((error: unknown) => logger.error({ err: error }, "closing the database failed"))
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));
