// The Remix request handler of server.ts: @remix-run/express's createRequestHandler (v2.17), the same
// request and response translation, except that a request's body is read through guardedBody
// (body-limits.server.ts), which counts its bytes against the route's limit. When a body is refused
// the client has its 413 already, and whatever the app then answers (its reader failed) is dropped.
import { createReadableStreamFromReadable, createRequestHandler as createRemixRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { bodyRefused, guardedBody } from "./body-limits.server";

export function createRequestHandler({
  build,
  getLoadContext,
  mode = process.env.NODE_ENV,
}: {
  build: ServerBuild;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext>;
  mode?: string;
}) {
  const handleRequest = createRemixRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void> => {
    try {
      const request = remixRequest(req, res);
      const loadContext = await getLoadContext?.(req, res);
      const response = await handleRequest(request, loadContext);
      if (bodyRefused(res)) {
        await response.body?.cancel().catch(() => {});
        return;
      }
      await sendResponse(res, response);
    } catch (error) {
      if (bodyRefused(res)) return;
      next(error);
    }
  };
}

/**
 * The request's headers for Remix, less Origin: server.ts has checked it already
 * (request-guards.server.ts), and Remix's own check would answer a 500 for a legitimate post whose
 * Host is not its Origin (a proxy in front of APP_URL) or for any X-Forwarded-Host a client sends.
 */
function remixHeaders(requestHeaders: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (key === "origin") continue;
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname (which follows the "trust proxy" setting) has no port: it is taken from the header
  // req.hostname came from, X-Forwarded-Host only from a trusted proxy (the adapter took that
  // header's port from anyone).
  const trusted = (req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean)(req.socket.remoteAddress, 0);
  const hostHeader = (trusted && req.get("X-Forwarded-Host")?.split(",")[0]?.trim()) || req.get("host");
  const port = Number.parseInt(hostHeader?.match(/:(\d+)$/)?.[1] ?? "", 10);
  // originalUrl is the full path.
  const url = new URL(`${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(guardedBody(req, res));
    init.duplex = "half";
  }
  // Loaders and actions are aborted when the response can no longer be written and was not sent.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

async function sendResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
