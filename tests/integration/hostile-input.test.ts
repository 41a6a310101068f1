// A control character in a form (NUL, which PostgreSQL refuses in text, BEL, ESC, DEL...) is a 400
// with a translated message on the field, never a 500, on every form that has no `$param` in its
// address (those are posted by tests/integration/tenancy.test.ts). The refusal happens while the
// body is read (readFormData, readUploadForm), so no action gets to write anything. Every route
// module with an action must be posted here or listed in `readsNoFields` with its reason: a new
// action cannot skip this file.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { pdfFile } from "../support/policy-factories";
import { callAction, errorsOf, keyOf, ORIGIN, settle, type Fields, type Outcome, type RouteModule } from "../support/requests";
import { query } from "../support/test-database";

const filesRoot = mkdtempSync(path.join(tmpdir(), "tradeguard-hostile-files-"));
process.env.FILES_DIR = filesRoot;

afterAll(() => {
  delete process.env.FILES_DIR;
  rmSync(filesRoot, { recursive: true, force: true });
});

const routesDir = path.resolve("app/routes");
const MESSAGE = "errors.controlCharacter";

/** Routes whose action reads no field of the body, with the reason. */
const readsNoFields: Record<string, string> = {
  logout: "Ends the session its cookie names and redirects; it never reads the body.",
};

/** The address to post to, where the action needs more than its path (the inspection form's draft and template). */
const addressOf: Record<string, () => string> = {
  "_app.inspections.new": () => `/inspections/new?template=container-7-point&draft=${randomUUID()}`,
};

/** Route modules in app/routes that export an action and have no `$param` in their name. */
async function discoverActionRoutes(): Promise<{ id: string; route: RouteModule }[]> {
  const found: { id: string; route: RouteModule }[] = [];
  for (const name of readdirSync(routesDir).sort()) {
    const full = path.join(routesDir, name);
    let file: string | undefined;
    let id = name;
    if (statSync(full).isDirectory()) {
      const inner = readdirSync(full).find((f) => /^route\.(tsx?|jsx?)$/.test(f));
      file = inner ? path.join(full, inner) : undefined;
    } else if (/\.(tsx?|jsx?)$/.test(name)) {
      file = full;
      id = name.replace(/\.(tsx?|jsx?)$/, "");
    }
    if (!file || id.includes("$")) continue;
    const route = (await import(file)) as RouteModule;
    if (route.action) found.push({ id, route });
  }
  return found;
}

/** The path a route id answers at (`_app.seals.audits._index` -> `/seals/audits`). */
function pathOf(id: string): string {
  return addressOf[id]?.() ?? `/${id.split(".").filter((s) => !s.startsWith("_")).join("/")}`;
}

/** Row counts of every table of the file's own database, and the organisation's audit events. */
async function snapshot(orgId: string): Promise<Record<string, number>> {
  const tables = await query<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const counts = sql.join(
    tables.map((t) => sql`select ${t.tablename}::text as name, count(*)::int as n from ${sql.identifier(t.tablename)}`),
    sql` union all `,
  );
  const rows = await query<{ name: string; n: number | string }>(counts);
  const out = Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  const [audit] = await query<{ n: number | string }>(sql`select count(*)::int as n from audit_events where organization_id = ${orgId}`);
  out["audit_events of the organisation"] = Number(audit?.n ?? 0);
  return out;
}

/** The messages of a refusal: field errors, or the one `error` of the verify page. */
function messagesOf(outcome: Outcome): (string | undefined)[] {
  const single = (outcome.data as { error?: string } | null)?.error;
  return [...Object.values(errorsOf(outcome)), single].map(keyOf);
}

/** Every string in an answer's data, keys included. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => [key, ...stringsOf(inner)]);
  return [];
}

// eslint-disable-next-line no-control-regex -- the characters the answer must not echo
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const hostile: Record<string, string> = { intent: "x\u0000", name: "a\u0000b", note: "c\u0007", title: "\u001b[31mred", code: "d\u007f" };

let owner: SignedUp;
let routes: { id: string; route: RouteModule }[];

beforeAll(async () => {
  owner = await signUpOrganization();
  routes = await discoverActionRoutes();
});

describe("route table", () => {
  test("every action route without a $param is posted below or listed as reading no fields", () => {
    expect(routes.length).toBeGreaterThanOrEqual(31);
    const ids = routes.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(["_auth.login", "_auth.signup", "_auth.reset-password", "language", "logout", "_app.inspections.new"]));
    const stale = [...Object.keys(readsNoFields), ...Object.keys(addressOf)].filter((id) => !ids.includes(id));
    expect(stale, "entries for routes that no longer exist or have no action").toEqual([]);
    for (const reason of Object.values(readsNoFields)) expect(reason.length).toBeGreaterThan(20);
  });

  test("the message is translated", () => {
    for (const t of [createI18n("en").t, createI18n("zh-CN").t]) {
      const text = translateMessage(t, MESSAGE);
      expect(text).not.toBe(MESSAGE);
      expect(text).not.toBe(translateMessage(t, "errors.invalid"));
    }
    expect(translateMessage(createI18n("en").t, MESSAGE)).toMatch(/invisible control character/);
  });
});

describe("a control character in any field is refused with 400 while the form is read, and nothing is written", () => {
  test.each(["urlencoded", "multipart with a file", "a file whose name holds NUL"] as const)("%s", async (kind) => {
    const posted: string[] = [];
    for (const { id, route } of routes) {
      if (id in readsNoFields) continue;
      const options = { cookie: id.startsWith("_app") ? owner.cookie : null };
      const before = await snapshot(owner.organizationId);
      let outcome: Outcome;
      if (kind === "urlencoded") {
        const request = new Request(`${ORIGIN}${pathOf(id)}`, {
          method: "POST",
          body: new URLSearchParams(hostile),
          headers: options.cookie ? { Cookie: options.cookie } : {},
        });
        outcome = await settle(() => route.action?.({ request, params: {}, context: {} }));
      } else {
        const fields: Fields =
          kind === "multipart with a file"
            ? { ...hostile, file: pdfFile("evidence.pdf") }
            : { intent: "upload", note: "an ordinary note", file: pdfFile("evidence\u0000.pdf") };
        outcome = await callAction(route, pathOf(id), fields, options);
      }
      expect(outcome.status, `${id}: ${JSON.stringify(outcome.data)}`).toBe(400);
      expect(messagesOf(outcome), id).toContain(MESSAGE);
      if (kind === "a file whose name holds NUL") expect(errorsOf(outcome).file ?? messagesOf(outcome)[0], id).toMatch(MESSAGE);
      expect(stringsOf(outcome.data).filter((text) => CONTROL.test(text)), `${id} echoes a control character`).toEqual([]);
      expect(await snapshot(owner.organizationId), id).toEqual(before);
      posted.push(id);
    }
    const skipped = routes.map((r) => r.id).filter((id) => !posted.includes(id) && !(id in readsNoFields));
    expect(skipped).toEqual([]);
  });
});
