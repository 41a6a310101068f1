import { reserveInWindow, LOGIN_WINDOW_MINUTES } from "../auth/rate-limit.server";
import type { Database } from "../db-types.server";

// A share link that opens nothing (an unknown token, or an expired or revoked one, whose refusal is
// written to the share's access log) counts against the client's address. Past the limit in the
// window, that address gets a 429 for such links: nothing is looked up further or logged, so a
// script cannot fill the access log or guess tokens at the server's pace. A link that does open is
// never held back.
export const MAX_SHARE_MISSES_PER_ADDRESS = 20;
export const SHARE_MISS_WINDOW_MINUTES = LOGIN_WINDOW_MINUTES;

/** Counts one miss from `address`; `null` when it may be answered, else the minutes to wait. */
export async function shareMissRefusal(db: Database, address: string | null): Promise<number | null> {
  const outcome = await reserveInWindow(db, `share-miss:${address ?? "unknown"}`, MAX_SHARE_MISSES_PER_ADDRESS);
  return outcome.ok ? null : outcome.retryAfterMinutes;
}
