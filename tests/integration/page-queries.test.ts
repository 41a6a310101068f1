// What a page costs the database does not grow with the organisation's history: the dashboard, the
// lists and the detail pages send the same number of statements for an organisation ten times the
// size of another, and no statement carries more than 1,000 bind parameters (the ids of every
// partner once travelled as 10,000 of them). Counted through the statement observer every database
// handle has (db/client.ts), on PGlite and PostgreSQL alike.
import { and, desc, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { queryObservers } from "../../db/client";
import { checklistTemplates, inspections, partners } from "../../db/schema";
import { seedScaleOrganization, SCALE_PASSWORD, type ScaleOptions, type ScaleResult } from "../../scripts/bench/scale-data";
import * as rootRoute from "~/root";
import * as shellRoute from "~/routes/_app";
import * as dashboardRoute from "~/routes/_app._index/route";
import { runInRequestScope } from "~/lib/request-scope.server";
import * as inspectionRoute from "~/routes/_app.inspections.$inspectionId/route";
import * as inspectionsRoute from "~/routes/_app.inspections._index";
import * as partnerRoute from "~/routes/_app.partners.$partnerId/route";
import * as partnersRoute from "~/routes/_app.partners._index";
import * as visitorsRoute from "~/routes/_app.visitors._index";
import * as searchRoute from "~/routes/_app.search";
import { logIn } from "../support/factories";
import { callLoader, type RouteModule } from "../support/requests";
import { testDb } from "../support/test-database";

const SMALL: ScaleOptions = {
  sites: 2,
  days: 30,
  inspections: 120,
  failureEvery: 10,
  photoInspections: 0,
  sealEvents: 60,
  visitors: 40,
  employees: 15,
  partners: 110,
  quiet: true,
};
const TEN_TIMES: ScaleOptions = {
  ...SMALL,
  inspections: SMALL.inspections * 10,
  sealEvents: SMALL.sealEvents * 10,
  visitors: SMALL.visitors * 10,
  employees: SMALL.employees * 10,
  partners: SMALL.partners * 10,
};

interface Seeded {
  result: ScaleResult;
  cookie: string;
  inspectionId: string;
  partnerId: string;
}

let small: Seeded;
let large: Seeded;

async function seed(options: ScaleOptions): Promise<Seeded> {
  const result = await seedScaleOrganization(testDb(), options);
  const login = await logIn(result.ownerEmail, SCALE_PASSWORD);
  if (!login.setCookie) throw new Error("the seeded owner could not log in");
  const cookie = login.setCookie.split(";")[0] as string;
  const orgId = result.organizationId;
  // A failed container inspection: its page lists its corrective actions and its seals.
  const [inspection] = await testDb()
    .select({ id: inspections.id })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(and(eq(inspections.organizationId, orgId), eq(inspections.result, "fail"), eq(checklistTemplates.kind, "container")))
    .orderBy(desc(inspections.occurredAt))
    .limit(1);
  const [partner] = await testDb()
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.organizationId, orgId))
    .orderBy(sql`${partners.number} desc`)
    .limit(1);
  if (!inspection || !partner) throw new Error("the seeded organisation has no failed inspection or no partner");
  return { result, cookie, inspectionId: inspection.id, partnerId: partner.id };
}

beforeAll(async () => {
  small = await seed(SMALL);
  large = await seed(TEN_TIMES);
}, 300_000);

afterEach(() => queryObservers.clear());

interface Cost {
  statements: number;
  maxParams: number;
  /** The statements' first words, to say which one differs when the counts do. */
  texts: string[];
}

async function costOf(route: RouteModule, path: string, who: Seeded, params: Record<string, string> = {}): Promise<Cost> {
  const cost: Cost = { statements: 0, maxParams: 0, texts: [] };
  const observe = (query: string, bound: readonly unknown[]) => {
    cost.statements += 1;
    cost.texts.push(query.replace(/\s+/g, " ").slice(0, 160));
    cost.maxParams = Math.max(cost.maxParams, bound.length);
  };
  queryObservers.add(observe);
  try {
    const outcome = await callLoader(route, path, { cookie: who.cookie, params });
    expect(outcome.status, `${path} answers`).toBe(200);
  } finally {
    queryObservers.delete(observe);
  }
  return cost;
}

const pages: { name: string; route: RouteModule; path: (who: Seeded) => string; params?: (who: Seeded) => Record<string, string> }[] = [
  { name: "the dashboard", route: dashboardRoute, path: () => "/" },
  { name: "the inspection list", route: inspectionsRoute, path: () => "/inspections" },
  { name: "a later page of the inspection list", route: inspectionsRoute, path: () => "/inspections?page=2" },
  { name: "the partner register", route: partnersRoute, path: () => "/partners" },
  { name: "the visitor log", route: visitorsRoute, path: () => "/visitors" },
  { name: "a search for a Chinese place name", route: searchRoute, path: () => `/search?q=${encodeURIComponent("深圳")}` },
  { name: "a search for a container number's beginning", route: searchRoute, path: () => "/search?q=TGHU12" },
  {
    name: "an inspection's page",
    route: inspectionRoute,
    path: (who) => `/inspections/${who.inspectionId}`,
    params: (who) => ({ inspectionId: who.inspectionId }),
  },
  {
    name: "a partner's page",
    route: partnerRoute,
    path: (who) => `/partners/${who.partnerId}`,
    params: (who) => ({ partnerId: who.partnerId }),
  },
];

describe("what a page asks of the database", () => {
  test("the larger organisation holds ten times the records", () => {
    expect(large.result.counts.inspections).toBe(10 * small.result.counts.inspections!);
    expect(large.result.counts.partners).toBe(10 * small.result.counts.partners!);
    expect(large.result.counts.visitor_entries).toBe(10 * small.result.counts.visitor_entries!);
  });

  for (const page of pages) {
    test(`${page.name}: the same statements at ten times the records, none over 1,000 bind parameters`, async () => {
      const few = await costOf(page.route, page.path(small), small, page.params?.(small));
      const many = await costOf(page.route, page.path(large), large, page.params?.(large));
      expect(few.statements).toBeGreaterThan(0);
      const only = (a: Cost, b: Cost) => a.texts.filter((text) => !b.texts.includes(text));
      expect(many.statements, `only with more records: ${JSON.stringify(only(many, few))}; only with fewer: ${JSON.stringify(only(few, many))}`).toBe(
        few.statements,
      );
      expect(many.maxParams).toBeLessThanOrEqual(1_000);
      expect(few.maxParams).toBeLessThanOrEqual(1_000);
    });
  }
});

describe("what one page request shares between its loaders", () => {
  const sessionLookups = async (load: () => Promise<unknown>) => {
    let lookups = 0;
    const observe = (query: string) => {
      if (/from "sessions"/.test(query)) lookups += 1;
    };
    queryObservers.add(observe);
    try {
      await load();
    } finally {
      queryObservers.delete(observe);
    }
    return lookups;
  };
  // Remix hands each loader a Request of its own; server.ts opens one scope per GET.
  const threeLoaders = () =>
    Promise.all([
      callLoader(rootRoute, "/", { cookie: small.cookie }),
      callLoader(shellRoute, "/", { cookie: small.cookie }),
      callLoader(dashboardRoute, "/", { cookie: small.cookie }),
    ]);

  test("the root, shell and dashboard loaders of one request look the session up once", async () => {
    expect(await sessionLookups(() => runInRequestScope(threeLoaders))).toBe(1);
  });

  test("two requests look it up once each, and outside a request scope every loader looks", async () => {
    expect(await sessionLookups(() => Promise.all([runInRequestScope(threeLoaders), runInRequestScope(threeLoaders)]))).toBe(2);
    expect(await sessionLookups(threeLoaders)).toBe(3);
  });
});
