import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { english } from "~/lib/i18n/locales/en";
import { chinese } from "~/lib/i18n/locales/zh-CN";
import { namespaceOfKey, namespaces, namespaceSections, pageNamespaces } from "~/lib/i18n/namespaces";
import { routeNamespaces } from "../../../scripts/route-namespaces";

// A browser gets only the namespaces its page's routes declare (handle.i18n). A key of another one
// would show as its raw key, so every page route must declare every namespace whose keys its module,
// its components or the app/lib modules it calls contain (scripts/route-namespaces.ts reads them).

describe("translation namespaces", () => {
  const routes = routeNamespaces();

  test("every page route declares the namespaces its code uses", () => {
    const missing = routes
      .map((route) => ({ route: route.route, missing: route.needs.filter((n) => !route.declares.includes(n)) }))
      .filter((route) => route.missing.length > 0)
      .map((route) => `${route.route}: add ${route.missing.map((n) => `"${n}"`).join(", ")} to handle.i18n (npx tsx scripts/route-namespaces.ts --write)`);
    expect(missing).toEqual([]);
  });

  test("the reading finds the keys of the pages it knows", () => {
    const byRoute = new Map(routes.map((route) => [route.route, route.needs]));
    expect(byRoute.get("app/routes/_auth.login.tsx")).toEqual(["auth"]);
    expect(byRoute.get("app/routes/_app.seals._index.tsx")).toContain("seals");
    expect(byRoute.get("app/routes/_app.partners._index.tsx")).toContain("partners");
    // The emails' texts are rendered on the server only.
    expect(routes.every((route) => !route.needs.includes("emails"))).toBe(true);
  });

  test("each namespace file holds exactly the sections the table says, in both languages", () => {
    for (const namespace of namespaces) {
      expect(Object.keys(english[namespace]).sort(), namespace).toEqual([...namespaceSections[namespace]].sort());
      expect(Object.keys(chinese[namespace]).sort(), namespace).toEqual([...namespaceSections[namespace]].sort());
    }
  });

  test("a key's namespace is found by its section", () => {
    expect(namespaceOfKey("seals.receive.title")).toBe("seals");
    expect(namespaceOfKey("clauses.title")).toBe("partners");
    expect(namespaceOfKey("errors.invalid")).toBe("core");
    expect(namespaceOfKey("nonsense.key")).toBeUndefined();
  });

  test("a page's namespaces are core plus its routes' declarations, in one order", () => {
    expect(pageNamespaces([undefined, { scripts: false }])).toEqual(["core"]);
    expect(pageNamespaces([{ i18n: ["seals"] }, { i18n: ["inspections", "seals", "bogus"] }])).toEqual(["core", "inspections", "seals"]);
  });

  test("every route module's handle is read as written", () => {
    const login = readFileSync(path.resolve("app/routes/_auth.login.tsx"), "utf8");
    expect(login).toMatch(/i18n: \["auth"\]/);
  });
});
