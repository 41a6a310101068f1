// Which failures are the database being away (answered 503, database-outage.server.ts) and which
// stay errors of the app (500): a restart's errors as postgres.js and Drizzle give them.
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable } from "~/lib/database-outage.server";

/** An error with a code, as postgres.js makes them (its own, the socket's, or the server's SQLSTATE). */
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => new DrizzleQueryError("select 1", [], cause);

describe("a database outage", () => {
  test.each([
    ["a connection that closed under a query", "CONNECTION_CLOSED"],
    ["a refused connection (PostgreSQL stopped)", "ECONNREFUSED"],
    ["a reset connection", "ECONNRESET"],
    ["a connection attempt that timed out", "CONNECT_TIMEOUT"],
    ["the server shutting down for a restart (admin_shutdown)", "57P01"],
    ["the server starting up (cannot_connect_now)", "57P03"],
    ["a connection exception (class 08)", "08006"],
  ])("is %s, also inside Drizzle's error", (_what, code) => {
    expect(isDatabaseUnavailable(coded(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(coded(code)))).toBe(true);
  });

  test("is a connect to a name whose every address refused", () => {
    expect(isDatabaseUnavailable(new AggregateError([coded("ECONNREFUSED"), coded("ECONNREFUSED")]))).toBe(true);
  });
});

describe("not a database outage", () => {
  test.each([
    ["a unique violation", "23505"],
    ["a syntax error", "42601"],
    ["a serialization failure", "40001"],
    ["a missing file", "ENOENT"],
  ])("is %s", (_what, code) => {
    expect(isDatabaseUnavailable(wrapped(coded(code)))).toBe(false);
  });

  test("is an error without a code, or a thrown value that is no error", () => {
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(new Error("boom")))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([coded("ECONNREFUSED"), coded("ENOENT")]))).toBe(false);
  });
});
