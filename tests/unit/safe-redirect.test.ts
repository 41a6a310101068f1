import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { offSiteRedirectTargets } from "../support/redirect-targets";

const origin = "http://localhost:3000";

describe("safeRedirectPath", () => {
  test.each(["/", "/settings", "/settings/sites?added=1", "/settings/audit?from=2024-03-01#top", "/invite/abc_DEF-123"])(
    "keeps the same-site path %j",
    (path) => {
      expect(safeRedirectPath(path, "/")).toBe(path);
    },
  );

  test.each([
    "//evil.example",
    "//evil.example/settings",
    "/\\evil.example",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    "settings",
    "",
  ])("falls back for %j", (value) => {
    expect(safeRedirectPath(value, "/home")).toBe("/home");
  });

  test.each([undefined, null, 42, ["/a"], { path: "/a" }])("falls back for the non-string %j", (value) => {
    expect(safeRedirectPath(value, "/")).toBe("/");
  });

  // Browsers drop tabs and newlines anywhere in a URL (WHATWG URL parser), so "/\t/evil.example"
  // becomes "//evil.example": another host. Whatever the function lets through must stay on this site.
  test.each(["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "/\t\\evil.example"])(
    "never lets through what a browser resolves to another host: %j",
    (value) => {
      const result = safeRedirectPath(value, "/");
      expect(new URL(result, origin).origin).toBe(origin);
    },
  );

  test.each(offSiteRedirectTargets)("keeps the bypass %j on this site", (value) => {
    const result = safeRedirectPath(value, "/");
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//") || result.startsWith("/\\")).toBe(false);
    expect(new URL(result, origin).origin).toBe(origin);
  });

  test("the dot-segment bypass reported against login and the language switch falls back", () => {
    expect(safeRedirectPath("/.//evil.example/phish", "/")).toBe("/");
  });
});
