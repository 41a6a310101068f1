// TRUST_PROXY (app/lib/env.server.ts): which proxies' X-Forwarded-For the server believes, as
// Express's "trust proxy" setting, checked at start-up with a message that says what is wrong.
import { describe, expect, test } from "vitest";
import { parseTrustProxy } from "~/lib/env.server";

describe("TRUST_PROXY", () => {
  test("unset, empty, none, false or 0: no proxy is trusted", () => {
    for (const value of [undefined, "", "  ", "none", "NONE", "false", "0"]) expect(parseTrustProxy(value), String(value)).toEqual({ ok: true, value: false });
  });

  test("a hop count", () => {
    expect(parseTrustProxy("1")).toEqual({ ok: true, value: 1 });
    expect(parseTrustProxy("2")).toEqual({ ok: true, value: 2 });
    expect(parseTrustProxy("1000")).toMatchObject({ ok: false, error: expect.stringContaining("hop count") });
  });

  test("names, addresses and CIDR ranges, comma-separated", () => {
    expect(parseTrustProxy("loopback")).toEqual({ ok: true, value: ["loopback"] });
    expect(parseTrustProxy("Loopback, 10.0.0.5 ,10.1.0.0/16,fd00::/8, ::1, 192.168.0.0/255.255.0.0, uniquelocal")).toEqual({
      ok: true,
      value: ["loopback", "10.0.0.5", "10.1.0.0/16", "fd00::/8", "::1", "192.168.0.0/255.255.0.0", "uniquelocal"],
    });
  });

  test("trusting everyone is refused, and so is anything that is not an address", () => {
    for (const value of ["true", "all", "*"]) expect(parseTrustProxy(value)).toMatchObject({ ok: false, error: expect.stringContaining("any client choose its own") });
    const bad = parseTrustProxy("loopback, 10.0.0.300, proxy.example.com, 10.0.0.0/33, fd00::/129, 10.0.0.0/8/8, ");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      for (const entry of ['"10.0.0.300"', '"proxy.example.com"', '"10.0.0.0/33"', '"fd00::/129"', '"10.0.0.0/8/8"', '""']) expect(bad.error).toContain(entry);
      expect(bad.error.split(" (expected")[0]).not.toContain('"loopback"');
    }
  });
});
