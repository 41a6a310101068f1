// Nothing in the repository may cite a document the repository does not hold. Every file git
// tracks (or would track: new files not ignored) is read, and every name ending in ".md" it
// mentions, in code comments, scripts, tests or documents, must be a Markdown file of the
// repository: a path is resolved from the file's folder or from the root, a bare name may be
// anywhere in the repository. Links in README.md and docs/ must resolve too, anchors included.
// The facts the code relies on live in docs/ (docs/architecture.md, "How to add a feature").
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((file) => file !== "" && !file.startsWith("node_modules/"));
const fileSet = new Set(files);
const folders = new Set(files.flatMap((file) => file.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
const markdown = files.filter((file) => file.endsWith(".md"));
const markdownNames = new Set(markdown.map((file) => path.posix.basename(file)));

/** Text of a file, or null for a binary one (images) or one deleted since git listed it. */
function textOf(file: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    return null;
  }
  return bytes.includes(0) ? null : bytes.toString("utf8");
}

/** A path inside the repository, from a file's folder or from the root; null when it leaves it. */
function resolveFrom(file: string, target: string): string[] {
  if (target.startsWith("/")) return [];
  const candidates = [path.posix.normalize(path.posix.join(path.posix.dirname(file), target)), path.posix.normalize(target)];
  return candidates.filter((candidate) => !candidate.startsWith("../"));
}

const exists = (candidate: string) => fileSet.has(candidate) || folders.has(candidate.replace(/\/$/, ""));

// A name ending in .md; not a property access such as `forge.md.sha256`, nor part of an address.
const MD_NAME = /(?<![\w./~-])[\w./~-]*[\w-]\.md(?![\w-]|\.\w)/g;
const ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

function citedMarkdown(file: string, text: string): { name: string; line: number }[] {
  const found: { name: string; line: number }[] = [];
  text.split("\n").forEach((line, i) => {
    for (const match of line.replace(ADDRESS, " ").matchAll(MD_NAME)) found.push({ name: match[0], line: i + 1 });
  });
  return found.filter(({ name }) => {
    if (name.includes("/")) return !resolveFrom(file, name).some(exists);
    return !exists(path.posix.join(path.posix.dirname(file), name)) && !markdownNames.has(name);
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = textOf(file) ?? "";
  const headings = text
    .replace(/^```[\s\S]*?^```/gm, "")
    .split("\n")
    .filter((line) => /^#{1,6}\s/.test(line))
    .map((line) => anchorOf(line.replace(/^#+\s*/, "")));
  return new Set(headings);
}

function brokenLinks(file: string, text: string): string[] {
  const broken: string[] = [];
  const prose = text.replace(/^```[\s\S]*?^```/gm, "");
  for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1] ?? "";
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart = "", anchor] = target.split("#", 2);
    const resolved = pathPart === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    if (resolved.startsWith("../") || !exists(resolved)) {
      broken.push(`${target}: no such file`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) broken.push(`${target}: no such heading`);
  }
  return broken;
}

describe("documents the repository cites", () => {
  test("the listing found the repository's documents", () => {
    expect(markdown).toContain("README.md");
    expect(markdown).toContain("docs/architecture.md");
  });

  test("every .md file any tracked file names is in the repository", () => {
    const missing = files.flatMap((file) => {
      const text = textOf(file);
      return text === null ? [] : citedMarkdown(file, text).map(({ name, line }) => `${file}:${line}: ${name}`);
    });
    expect(missing).toEqual([]);
  });

  test("relative links in README.md and docs/ resolve, anchors included", () => {
    const broken = markdown
      .filter((file) => file === "README.md" || file.startsWith("docs/"))
      .flatMap((file) => brokenLinks(file, textOf(file) ?? "").map((problem) => `${file}: ${problem}`));
    expect(broken).toEqual([]);
  });

  test("the checks catch what they are for", () => {
    // Names built here, so that this file does not cite them itself.
    const md = (name: string) => `${name}.md`;
    const outside = md("STACK");
    expect(citedMarkdown("app/lib/example.ts", `// (${outside} gotcha 3)`)).toHaveLength(1);
    expect(citedMarkdown("app/lib/example.ts", `// see /work/shared/docs/${outside}`)).toHaveLength(1);
    expect(citedMarkdown("app/lib/example.ts", "// docs/stack.md, \"PGlite\"; forge.md.sha256.create()")).toEqual([]);
    expect(citedMarkdown("app/lib/example.ts", `// https://example.com/${outside}`)).toEqual([]);
    expect(brokenLinks(md("docs/example"), `[a](stack.md#pglite) [b](${md("missing")}) [c](stack.md#no-such-heading)`)).toEqual([
      `${md("missing")}: no such file`,
      "stack.md#no-such-heading: no such heading",
    ]);
  });
});
