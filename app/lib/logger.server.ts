import { pino } from "pino";
import { env } from "./env.server";

/** The one structured logger (JSON lines). Request logs carry a request id (see server.ts). */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { service: "tradeguard" },
  redact: ["req.headers.cookie", "res.headers['set-cookie']", "password", "*.password"],
});
