import { pino } from "pino";
import { env } from "./env.server";

/** The one structured logger (JSON lines). Request logs carry a request id (see server.ts). */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "tradeguard" },
  redact: ["req.headers.cookie", "res.headers['set-cookie']", "password", "*.password"],
});

/**
 * The level of a request's log line: a server fault (5xx, or an error) is an error; a refusal the
 * app meant (4xx: not found, forbidden, too large, bad input) is info, like any other answer, so
 * that a probe of dead links does not page anyone.
 */
export function requestLogLevel(status: number, error?: unknown): "error" | "info" {
  return error || status >= 500 ? "error" : "info";
}
