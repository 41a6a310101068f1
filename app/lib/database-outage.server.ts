// A database that cannot be reached (PostgreSQL restarting, stopped, or its host away) is not an
// error in the app: requests during the outage are answered 503 with the error page in the
// reader's language and a Retry-After header, and the process keeps running. postgres.js opens new
// connections by itself once the database answers again (db/client.ts sets how soon it retries).
import { data, type ServerBuild } from "@remix-run/node";
import { logger } from "./logger.server";

/** Seconds a client is asked to wait before trying again (Retry-After of every 503). */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

/** What a 503 thrown for an outage carries; the error page tells it from other 503s by it. */
export const DATABASE_UNAVAILABLE = { reason: "databaseUnavailable" } as const;

// postgres.js's own connection errors, and the socket errors it passes on.
const CONNECTION_ERROR_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLSTATEs of a server going away or not taking connections: admin_shutdown (a restart or stop),
// crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

/**
 * Whether an error, or one it was caused by (Drizzle wraps the driver's error in a
 * DrizzleQueryError), says the database could not be reached or went away. Constraint violations,
 * syntax errors and the app's own errors are not: they stay 500s.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") {
    if (CONNECTION_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code)) return true;
    // Class 08: connection exception.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  // Node's connect to a name with several addresses fails with an AggregateError of each attempt.
  if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

type DataFunction = (args: never) => unknown;

/** A loader or action that answers an outage with a 503 (the error boundary shows the page). */
function answeringOutages<F extends DataFunction>(routeId: string, run: F): F {
  const wrapped = async (args: { request: Request }) => {
    try {
      return await run(args as never);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      logger.warn({ err: error, route: routeId, method: args.request.method, url: args.request.url }, "database unavailable: answered 503");
      throw data(DATABASE_UNAVAILABLE, { status: 503, statusText: "Service Unavailable" });
    }
  };
  return wrapped as unknown as F;
}

/**
 * The server build with every route's loader and action answering a database outage with a 503
 * instead of an unexpected error (server.ts serves this). Route modules are not changed: tests that
 * call a loader see the error itself.
 */
export function answeringDatabaseOutages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answeringOutages(id, loader) } : {}),
        ...(action ? { action: answeringOutages(id, action) } : {}),
      },
    };
  }
  return { ...build, routes };
}
