import { Transform, type TransformCallback } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { bootDatabase } from "./lib/boot.server";
import { DATABASE_RETRY_AFTER_SECONDS } from "./lib/database-outage.server";
import { provideTranslations } from "./lib/i18n/page-translations";
import { translations } from "./lib/i18n/translations.server";
import { logger, requestLogLevel } from "./lib/logger.server";
import { NonceContext } from "./lib/nonce";

// Pages render in either language here; the browser loads only its page's (entry.client.tsx).
provideTranslations(translations);

// Open the database when the server starts, not on the first request (docs/stack.md, "PGlite").
void bootDatabase().catch((error: unknown) => logger.error({ err: error }, "database failed to open"));

const ABORT_DELAY = 5_000;

/**
 * React 18.3's streaming renderer can leave one or two NUL bytes in its output: when a 3-byte
 * character (any Chinese one) does not fit in the last bytes of its 2,048-byte buffer, it sends the
 * whole buffer, unwritten tail included, and writes the character into the next one
 * (writeStringChunk in react-dom/server.node; React 19 sends only the written part). A browser shows
 * each NUL as "\ufffd" and a form without JavaScript posts them back into the record: a saved note
 * came back as "认证档案\ufffd\ufffd为纸质". No page holds a NUL byte of its own (PostgreSQL
 * stores no text with one), so they are dropped from the stream.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      callback(null, chunk.filter((byte) => byte !== 0));
    },
  });
}

/**
 * Cache-Control of every page and of its data (single-fetch .data) when its route says nothing.
 * Pages show an organisation's records and a member's name: no shared cache may keep them, and
 * neither may the browser, so that Back after logging out, or the next person at a shared gate
 * computer, never sees them again. A route with other needs exports `headers`: the public login
 * and sign-up pages (`no-cache`), share links (`no-store`, no referrer).
 */
const DEFAULT_PAGE_CACHE_CONTROL = "private, no-store";

function withDefaultCacheControl(headers: Headers): void {
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", DEFAULT_PAGE_CACHE_CONTROL);
}

/** A 503 (the database is away: database-outage.server.ts) says when to try again. */
function withRetryAfter(status: number, headers: Headers): void {
  if (status === 503 && !headers.has("Retry-After")) headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
}

export const handleDataRequest: HandleDataRequestFunction = (response) => {
  if (response.headers.has("Cache-Control") && response.status !== 503) return response;
  // A copy: a response's own headers may be immutable (Response.redirect).
  const headers = new Headers(response.headers);
  withDefaultCacheControl(headers);
  withRetryAfter(response.status, headers);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNulBytes();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          withDefaultCacheControl(responseHeaders);
          withRetryAfter(responseStatusCode, responseHeaders);
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}

/**
 * Errors from loaders, actions and rendering, with the request they belong to (aborts are not
 * errors). Remix also hands over the 4xx a resource route throws (a file, PDF or CSV not found):
 * those are answers the app meant, which the request's own log line records at info.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && requestLogLevel(error.status) !== "error") return;
  logger.error({ err: error, method: request.method, url: request.url }, "unhandled error");
}
