// How large a request body may be, by the kind of route it is posted to: the one table of limits
// (BODY_LIMITS below), and the two places that apply it in server.ts, both before the session is
// read or Remix parses a byte:
//   - refuseLargeBodies, a middleware early in the chain, answers 413 to a body whose Content-Length
//     is over the route's limit without reading it;
//   - guardedBody, which the Remix request handler (remix-handler.server.ts) reads every body
//     through, counts the bytes as they arrive, so a body sent without a length (chunked) is cut off
//     at the limit too: the app's reader fails at once and the client is answered 413.
// A refused body is not read to its end: the answer says Connection: close, the rest of the body is
// read and dropped for at most LINGER_MS (so the client, still sending, gets to read the 413 instead
// of a reset connection), and then the connection is closed.
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { Transform, type Readable } from "node:stream";
import { MAX_VERIFY_MB } from "../dossiers/dossier-schema";
import { MAX_UPLOAD_BYTES } from "../evidence/file-rules";
import { MAX_IMPORT_FILE_BYTES } from "../partners/partner-import-limits";

const MiB = 1024 * 1024;

/**
 * An ordinary form (urlencoded or multipart without files): sign-in, settings, a checklist, a seal
 * audit's list of counted numbers (at most 200,000 characters). Also readUploadForm's limit on one
 * text field of a multipart form.
 */
export const FORM_BODY_BYTES = 1 * MiB;

/**
 * A post with files (evidence, photos, certificates, training materials, a partner's questionnaire
 * answers): five files at the evidence limit (MAX_UPLOAD_BYTES, 20 MB; a photo's is 15 MB) and the
 * form around them. Forms that take more files in one post (a questionnaire: 20; training
 * materials: 10; the inspection form without JavaScript: every photo) take larger sets in several
 * saves; the phone sends each inspection photo on its own.
 */
export const UPLOAD_BODY_BYTES = 5 * MAX_UPLOAD_BYTES + FORM_BODY_BYTES;

/** The partner list import: one CSV or XLSX file (MAX_IMPORT_FILE_BYTES) and its form. */
export const IMPORT_BODY_BYTES = MAX_IMPORT_FILE_BYTES + FORM_BODY_BYTES;

/** /verify: one dossier volume PDF, up to MAX_VERIFY_MB (a volume holds its photos). */
export const VERIFY_BODY_BYTES = MAX_VERIFY_MB * MiB + FORM_BODY_BYTES;

/** How long a refused body is still read (and dropped) before the connection is closed. */
export const LINGER_MS = 2_000;

export type BodyKind = "form" | "upload" | "import" | "verify";

export interface BodyLimit {
  kind: BodyKind;
  /** Matched against the path without a trailing ".data" (Remix's data requests) or "/". */
  pattern: RegExp;
  bytes: number;
}

/**
 * The limits by path, first match wins; a path no pattern matches is an ordinary form. A route that
 * reads files (readUploadForm and the readers built on it) must be listed here: a unit test
 * (tests/unit/body-limits.test.ts) finds every such route module and checks that its path is.
 */
export const BODY_LIMITS: readonly BodyLimit[] = [
  { kind: "import", pattern: /^\/partners\/import$/, bytes: IMPORT_BODY_BYTES },
  { kind: "verify", pattern: /^\/verify$/, bytes: VERIFY_BODY_BYTES },
  // Evidence files on records.
  { kind: "upload", pattern: /^\/(actions|assessments|contracts|partners|personnel|policies)\/[^/]+$/, bytes: UPLOAD_BODY_BYTES },
  { kind: "upload", pattern: /^\/policies$/, bytes: UPLOAD_BODY_BYTES },
  // A business continuity plan's document.
  { kind: "upload", pattern: /^\/continuity\/new$/, bytes: UPLOAD_BODY_BYTES },
  // Photos: inspections (the phone's one at a time, the plain form's all at once) and seals.
  { kind: "upload", pattern: /^\/inspections\/(new|drafts\/[^/]+)$/, bytes: UPLOAD_BODY_BYTES },
  { kind: "upload", pattern: /^\/seals\/(apply|report|verify|models)$/, bytes: UPLOAD_BODY_BYTES },
  // Training materials, a partner's questionnaire (through its link, without an account), the
  // signing certificate.
  { kind: "upload", pattern: /^\/training\/[^/]+$/, bytes: UPLOAD_BODY_BYTES },
  { kind: "upload", pattern: /^\/q\/[^/]+$/, bytes: UPLOAD_BODY_BYTES },
  { kind: "upload", pattern: /^\/settings\/signing$/, bytes: UPLOAD_BODY_BYTES },
];

export const FORM_LIMIT: BodyLimit = { kind: "form", pattern: /^/, bytes: FORM_BODY_BYTES };

/** The limit for a request path (as sent: not decoded, without the query). */
export function bodyLimitFor(pathname: string): BodyLimit {
  let path = pathname.replace(/\.data$/, "");
  if (path === "/_root") path = "/";
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return BODY_LIMITS.find((limit) => limit.pattern.test(path)) ?? FORM_LIMIT;
}

export const TOO_LARGE_TEXT = "请求内容过大 / Request body too large";

/** The reader's error when a streamed body passes its limit. */
export class RequestBodyTooLargeError extends Error {
  constructor(readonly limit: BodyLimit) {
    super(`request body over the ${limit.kind} limit of ${limit.bytes} bytes`);
    this.name = "RequestBodyTooLargeError";
  }
}

const refusedKey = Symbol.for("tradeguard.bodyRefused");
type Marked = ExpressResponse & { [refusedKey]?: true };

/** Whether this request's body was refused (and the 413 sent): its handler must answer nothing more. */
export function bodyRefused(res: ExpressResponse): boolean {
  return (res as Marked)[refusedKey] === true;
}

function declaredLength(req: ExpressRequest): number | null {
  const header = req.headers["content-length"];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : null;
}

/**
 * Answers 413 and closes the connection once the client has read it: the rest of the body is
 * dropped as it comes, for at most LINGER_MS.
 */
export function refuseBody(req: ExpressRequest, res: ExpressResponse, limit: BodyLimit, received?: number): void {
  if (bodyRefused(res)) return;
  (res as Marked)[refusedKey] = true;
  req.log?.warn({ kind: limit.kind, limit: limit.bytes, declared: declaredLength(req), received }, "request body too large");
  req.unpipe();
  // A client that goes away mid-body is no error of ours.
  req.on("error", () => {});
  req.resume();
  const socket = req.socket;
  if (res.headersSent) {
    socket.destroy();
    return;
  }
  // Node closes a Connection: close socket as soon as the answer is written (net.Socket#destroySoon,
  // called when the response finishes). With the client's body still arriving that is a reset, and
  // a client still sending may never read its 413. This socket only ends its own side: the client
  // reads the answer and closes, and the socket closes with it (or at the timer).
  socket.destroySoon = function endOnly(this: typeof socket) {
    if (this.writable) this.end();
  };
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
  res.status(413).set("Connection", "close").type("text/plain; charset=utf-8").send(TOO_LARGE_TEXT);
}

/** The early check: a body declared larger than its route's limit is refused unread. */
export function refuseLargeBodies(): RequestHandler {
  return (req, res, next) => {
    const length = declaredLength(req);
    if (length === null || length === 0) return next();
    const limit = bodyLimitFor(req.path);
    if (length > limit.bytes) return refuseBody(req, res, limit);
    next();
  };
}

/**
 * The request's body as the app reads it: the same bytes, counted. Past the route's limit the
 * stream fails with RequestBodyTooLargeError (so no reader ever sees a body cut short as if it had
 * ended), and the client is answered 413 (refuseBody).
 */
export function guardedBody(req: ExpressRequest, res: ExpressResponse): Readable {
  const limit = bodyLimitFor(req.path);
  let received = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.byteLength;
      if (received <= limit.bytes) return callback(null, chunk);
      callback(new RequestBodyTooLargeError(limit));
      refuseBody(req, res, limit, received);
    },
  });
  // A client that goes away mid-body: the reader fails, as it did reading the request itself.
  req.once("error", (error) => guard.destroy(error));
  req.pipe(guard);
  return guard;
}
