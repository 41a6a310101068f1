// `npm start` rebuilds exactly when the build is missing or its sources changed since it was made.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { buildSourcesHash, isBuildCurrent, writeBuildStamp } from "../../../scripts/build-stamp";

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
/** What a finished build leaves behind, stamped with the sources' hash from before it ran. */
const build = () => {
  const hash = buildSourcesHash(root);
  write("build/server/index.js", "export {};");
  mkdirSync(path.join(root, "build/client/assets"), { recursive: true });
  writeBuildStamp(root, hash);
};

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "tradeguard-stamp-"));
  write("app/root.tsx", "export default function App() {}");
  write("app/routes/_index.tsx", "export default function Index() {}");
  write("db/schema.ts", "export const tables = {};");
  write("emails/invitation.tsx", "export function InvitationEmail() {}");
  write("vite.config.ts", "export default {};");
  write("package-lock.json", "{}");
  write("README.md", "# Tradeguard");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("build stamp", () => {
  test("no build: not current", () => {
    expect(isBuildCurrent(root)).toBe(false);
  });

  test("a build made from the sources as they are is current, and stays so when nothing changes", () => {
    build();
    expect(isBuildCurrent(root)).toBe(true);
    expect(isBuildCurrent(root)).toBe(true);
  });

  test.each([
    ["a route changes", () => write("app/routes/_index.tsx", "export default function Index() { return null; }")],
    ["a route is added", () => write("app/routes/about.tsx", "export default function About() {}")],
    ["the schema changes", () => write("db/schema.ts", "export const tables = { users: {} };")],
    ["an email template changes", () => write("emails/invitation.tsx", "export function InvitationEmail() { return null; }")],
    ["the Vite configuration changes", () => write("vite.config.ts", "export default { base: '/' };")],
    ["the installed packages change", () => write("package-lock.json", '{"lockfileVersion":3}')],
    ["a file is renamed", () => {
      rmSync(path.join(root, "app/routes/_index.tsx"));
      write("app/routes/home.tsx", "export default function Index() {}");
    }],
  ])("stale when %s", (_what, change) => {
    build();
    change();
    expect(isBuildCurrent(root)).toBe(false);
  });

  test("files the build does not read (README, tests, data) change nothing", () => {
    build();
    write("README.md", "# Tradeguard, edited");
    write("tests/unit/new.test.ts", "");
    write("data/session-secret", "secret");
    expect(isBuildCurrent(root)).toBe(true);
  });

  test("a build with part of it missing, or without a stamp, is not current", () => {
    build();
    rmSync(path.join(root, "build/server/index.js"));
    expect(isBuildCurrent(root)).toBe(false);
    build();
    rmSync(path.join(root, "build/.build-stamp"));
    expect(isBuildCurrent(root)).toBe(false);
  });

  test("a stamp written from the sources before a build that they then changed during is stale", () => {
    const hash = buildSourcesHash(root);
    write("app/root.tsx", "export default function App() { return null; }");
    write("build/server/index.js", "export {};");
    mkdirSync(path.join(root, "build/client/assets"), { recursive: true });
    writeBuildStamp(root, hash);
    expect(isBuildCurrent(root)).toBe(false);
  });
});
