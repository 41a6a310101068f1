// The last line of defence of a long-running process (server.ts, worker.ts). An exception nothing
// caught leaves the process in a state no code planned for: it is logged with its reason, at fatal,
// and the process exits with code 1 so that its supervisor (systemd, the container runtime) starts
// a new one. A promise rejected with nobody to hear it is logged; it ends the process only when it
// is not the database being away, which the app answers with 503s and recovers from by itself
// (database-outage.server.ts), so a PostgreSQL restart never costs a process.
import { isDatabaseUnavailable } from "./database-outage.server";
import { logger } from "./logger.server";

export function guardProcess(name: string): void {
  process.on("uncaughtException", (error, origin) => {
    logger.fatal({ err: error, origin, process: name }, `${name}: uncaught exception, exiting for the supervisor to restart`);
    process.exit(1);
  });
  process.on("unhandledRejection", (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.error({ err: reason, process: name }, `${name}: unhandled rejection while the database is unavailable`);
      return;
    }
    logger.fatal({ err: reason, process: name }, `${name}: unhandled rejection, exiting for the supervisor to restart`);
    process.exit(1);
  });
}
