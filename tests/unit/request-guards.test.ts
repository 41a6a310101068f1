import { describe, expect, test } from "vitest";
import { hasControlCharacter, isValidHost } from "~/lib/request-guards.server";

describe("isValidHost", () => {
  test.each(["localhost", "localhost:3000", "127.0.0.1:8080", "[::1]:3000", "tradeguard.example.com", "app_1:3000"])("accepts %j", (host) => {
    expect(isValidHost(host)).toBe(true);
  });
  test.each([undefined, "", "a b", "evil.example/x", "evil.example:port", "evil.example:99999999", "a@b", "[::1", "x".repeat(300)])(
    "refuses %j",
    (host) => {
      expect(isValidHost(host)).toBe(false);
    },
  );
});

describe("hasControlCharacter", () => {
  test.each(["/login%00", "/visitors?q=a%00b", "/x%0a", "/x%1F", "/x%7f", "/x\u0000"])("finds one in %j", (url) => {
    expect(hasControlCharacter(url)).toBe(true);
  });
  test.each(["/visitors?q=%E5%BC%A0%E4%B8%89", "/seals?number=SL-000001", "/a%20b", "/x%2F"])("finds none in %j", (url) => {
    expect(hasControlCharacter(url)).toBe(false);
  });
});
