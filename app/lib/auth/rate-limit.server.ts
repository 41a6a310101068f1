import { and, count, eq, gte, inArray, lt, min } from "drizzle-orm";
import { loginFailures } from "../../../db/schema";
import type { Executor } from "../db.server";

// Failed logins are counted per account and per address over a sliding window. A correct password
// does not get through a locked account: that is what stops guessing.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

export type LoginBlock = { scope: "account" | "address"; retryAfterMinutes: number } | null;

async function blockFor(db: Executor, key: string, max: number, since: Date) {
  const [row] = await db
    .select({ failures: count(), oldest: min(loginFailures.createdAt) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.createdAt, since)));
  if (!row || row.failures < max || !row.oldest) return null;
  const freeAt = new Date(row.oldest).getTime() + LOGIN_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
}

export async function checkLoginAllowed(db: Executor, email: string, address: string | null): Promise<LoginBlock> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const account = await blockFor(db, accountKey(email), MAX_FAILURES_PER_ACCOUNT, since);
  if (account) return { scope: "account", retryAfterMinutes: account };
  if (address) {
    const byAddress = await blockFor(db, addressKey(address), MAX_FAILURES_PER_ADDRESS, since);
    if (byAddress) return { scope: "address", retryAfterMinutes: byAddress };
  }
  return null;
}

export async function recordLoginFailure(db: Executor, email: string, address: string | null): Promise<void> {
  const rows = [{ key: accountKey(email) }];
  if (address) rows.push({ key: addressKey(address) });
  await db.insert(loginFailures).values(rows);
  // Keep the table small: anything older than the window no longer counts.
  await db.delete(loginFailures).where(lt(loginFailures.createdAt, new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000)));
}

/** A successful login clears the account's count (the address keeps its own). */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [accountKey(email)]));
}
