import { and, count, eq, gte, inArray, lte, min, sql } from "drizzle-orm";
import { loginFailures } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";

// Failed logins are counted per account and per address over a sliding window. A correct password
// does not get through a locked account: that is what stops guessing.
//
// An attempt takes its place in the count BEFORE its password is checked: it reserves a row (one
// per key) in a transaction that holds a lock per key, and is refused when the window already holds
// the maximum. A wrong password leaves the reservation as the failure; a right one forgets it with
// the failures before it. So at most MAX_FAILURES_PER_ACCOUNT passwords are checked per account and
// window, whatever the number of requests in flight, of processes, or of instances: counting and
// recording in two steps let 30 requests sent at once all pass the count before any was recorded.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `account:${email}`;
const addressKey = (address: string) => `address:${address}`;

export type LoginBlock = { scope: "account" | "address"; retryAfterMinutes: number } | null;

/** The rows an admitted attempt holds in the count until it is known to have failed or succeeded. */
export interface LoginAttempt {
  accountKey: string;
  accountRowId: number;
  addressRowId: number | null;
}

export type LoginReservation = { ok: true; attempt: LoginAttempt } | { ok: false; block: NonNullable<LoginBlock> };

/** Minutes until the window holds fewer than `max` rows of `key`, or null when it already does. */
async function blockFor(db: Executor, key: string, max: number, since: Date) {
  const [row] = await db
    .select({ failures: count(), oldest: min(loginFailures.createdAt) })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gte(loginFailures.createdAt, since)));
  if (!row || row.failures < max || !row.oldest) return null;
  const freeAt = new Date(row.oldest).getTime() + LOGIN_WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((freeAt - Date.now()) / 60_000));
}

/**
 * Reserves one password check for the account (and the client's address), or says why not. One
 * transaction per attempt: a transaction-scoped advisory lock per key (released at commit, on
 * PostgreSQL across every connection and process; PGlite has one connection and runs transactions
 * one at a time anyway), then the count, then the reservation rows. The locks are taken in the
 * order of their hashes, so two attempts sharing a key never wait on each other crosswise.
 */
export async function reserveLoginAttempt(db: Database, email: string, address: string | null): Promise<LoginReservation> {
  const account = accountKey(email);
  const keys = address ? [account, addressKey(address)] : [account];
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const reservation = await db.transaction(async (tx): Promise<LoginReservation> => {
    await tx.execute(sql`
      select pg_advisory_xact_lock(h)
      from (select distinct hashtext(k) as h from unnest(${sql.param(keys)}::text[]) as k order by h) as locks`);
    const byAccount = await blockFor(tx, account, MAX_FAILURES_PER_ACCOUNT, since);
    if (byAccount) return { ok: false, block: { scope: "account", retryAfterMinutes: byAccount } };
    if (address) {
      const byAddress = await blockFor(tx, addressKey(address), MAX_FAILURES_PER_ADDRESS, since);
      if (byAddress) return { ok: false, block: { scope: "address", retryAfterMinutes: byAddress } };
    }
    const rows = await tx
      .insert(loginFailures)
      .values(keys.map((key) => ({ key })))
      .returning({ id: loginFailures.id, key: loginFailures.key });
    const accountRow = rows.find((r) => r.key === account);
    if (!accountRow) throw new Error("reserveLoginAttempt: insert returned nothing");
    return {
      ok: true,
      attempt: { accountKey: account, accountRowId: accountRow.id, addressRowId: rows.find((r) => r.key !== account)?.id ?? null },
    };
  });
  await forgetExpiredFailures(db);
  return reservation;
}

/**
 * One event of `key` (e.g. a share-link miss from an address) takes its place in the window's count,
 * or is refused with the minutes to wait when the window holds `max` already. Atomic like the login
 * reservation (an advisory lock per key), so parallel events never get past the limit.
 */
export async function reserveInWindow(db: Database, key: string, max: number): Promise<{ ok: true } | { ok: false; retryAfterMinutes: number }> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000);
  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const blocked = await blockFor(tx, key, max, since);
    if (blocked) return { ok: false as const, retryAfterMinutes: blocked };
    await tx.insert(loginFailures).values({ key });
    return { ok: true as const };
  });
  await forgetExpiredFailures(db);
  return outcome;
}

/**
 * Keeps the table small: anything older than the window no longer counts. A few rows at a time,
 * skipping rows another attempt is deleting, outside the reservation's transaction.
 */
async function forgetExpiredFailures(db: Executor): Promise<void> {
  const cutoff = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60_000).toISOString();
  await db.execute(sql`
    delete from login_failures where id in (
      select id from login_failures where created_at < ${cutoff}::timestamptz
      order by id limit 500 for update skip locked)`);
}

/**
 * The attempt's password was right: the account's failures up to its reservation are forgotten
 * (today's rule: a successful login clears the account's count) and its place in the address count
 * is given back. Attempts admitted after it and still being checked keep their places, so a success
 * never lets more than the limit of checks run at once.
 */
export async function loginSucceeded(db: Executor, attempt: LoginAttempt): Promise<void> {
  await db
    .delete(loginFailures)
    .where(and(eq(loginFailures.key, attempt.accountKey), lte(loginFailures.id, attempt.accountRowId)));
  if (attempt.addressRowId !== null) await db.delete(loginFailures).where(eq(loginFailures.id, attempt.addressRowId));
}

/** A password reset lifts the account's lock entirely (the address keeps its own count). */
export async function clearAccountFailures(db: Executor, email: string): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.key, [accountKey(email)]));
}
