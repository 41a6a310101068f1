// The criteria browser and the dashboard's evidence coverage, through the route loaders: the
// catalogue as loaded by the migrations, search in both languages, the cross-walk, and coverage
// that follows the organisation's own policies and records (and no one else's).
import { tmpdir } from "node:os";
import { randomUUID, createHash } from "node:crypto";
import { subMonths, subYears } from "date-fns";
import { beforeAll, describe, expect, test } from "vitest";
import { getCriterion, getFramework } from "~/lib/criteria/criteria.server";
import { addEvidenceLink } from "~/lib/evidence/evidence.server";
import { filesDir } from "~/lib/evidence/file-store.server";
import { createPolicy } from "~/lib/policies/policies.server";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as criterionRoute from "~/routes/_app.criteria.$framework.$criterion/route";
import * as frameworkRoute from "~/routes/_app.criteria.$framework._index/route";
import * as indexRoute from "~/routes/_app.criteria._index";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { callLoader } from "../support/requests";
import { testDb } from "../support/test-database";

type IndexData = Awaited<ReturnType<typeof indexRoute.loader>>;
type FrameworkData = Awaited<ReturnType<typeof frameworkRoute.loader>>;
type CriterionData = Awaited<ReturnType<typeof criterionRoute.loader>>;
type DashboardData = Awaited<ReturnType<typeof dashboardRoute.loader>>;

function index(owner: SignedUp, q = "") {
  return callLoader<IndexData>(indexRoute, `/criteria${q ? `?q=${encodeURIComponent(q)}` : ""}`, { cookie: owner.cookie });
}

function framework(owner: SignedUp, code: string, search = "") {
  return callLoader<FrameworkData>(frameworkRoute, `/criteria/${encodeURIComponent(code)}${search}`, {
    cookie: owner.cookie,
    params: { framework: code },
  });
}

function criterion(owner: SignedUp, code: string, key: string) {
  return callLoader<CriterionData>(criterionRoute, `/criteria/${encodeURIComponent(code)}/${encodeURIComponent(key)}`, {
    cookie: owner.cookie,
    params: { framework: code, criterion: key },
  });
}

async function criterionId(code: string, key: string): Promise<string> {
  const f = await getFramework(testDb(), code);
  const c = f ? await getCriterion(testDb(), f.id, key) : null;
  if (!c) throw new Error(`no criterion ${code}/${key}`);
  return c.id;
}

function pdf(label: string) {
  const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${label}\n%%EOF\n`);
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), mediaType: "application/pdf", originalName: `${label}.pdf` };
}

async function addPolicy(owner: SignedUp, documentNumber: string, criteria: string[]) {
  const created = await createPolicy(
    testDb(),
    { organizationId: owner.organizationId, userId: owner.userId },
    {
      documentNumber,
      titleZh: "集装箱检查管理制度",
      titleEn: "Container inspection procedure",
      version: "A/1",
      effectiveOn: "2024-05-01",
      approvedBy: "总经理 王明",
      changeNote: undefined,
      criteria,
    },
    pdf(documentNumber),
  );
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return created.id;
}

let owner: SignedUp;

beforeAll(async () => {
  owner = await signUpOrganization();
});

describe("/criteria", () => {
  test("lists the four frameworks, current version, with their own structure counted", async () => {
    const page = await index(owner);
    expect(page.status).toBe(200);
    const byCode = Object.fromEntries(page.data.frameworks.map((f) => [f.code, f]));
    expect(page.data.frameworks.map((f) => f.code)).toEqual(["cn-2022-advanced", "cn-2014-general", "ctpat-msc", "wco-safe-aeo"]);
    expect(byCode["cn-2014-general"]?.counts).toMatchObject({ class: 5, article: 18, item: 29, sub_item: 5, assessable: 28 + 5 });
    expect(byCode["cn-2022-advanced"]?.counts).toMatchObject({ class: 4, item: 16, sub_item: 62, business_class: 10, business_item: 32, assessable: 94 });
    expect(byCode["ctpat-msc"]?.counts.class).toBe(12);
    expect(byCode["ctpat-msc"]?.counts.item).toBeGreaterThan(40);
    expect(byCode["wco-safe-aeo"]?.counts).toMatchObject({ item: 13, assessable: 13 });
    expect(byCode["cn-2022-advanced"]?.version).toBe("2022.1");
    expect(page.data.results).toEqual([]);
  });

  test("a visitor without a session is sent to log in", async () => {
    const page = await callLoader(indexRoute, "/criteria");
    expect(page.status).toBe(302);
    expect(page.location).toContain("/login");
  });

  test("searching in Chinese finds the seven-point inspection (43) of the 2022 standard, with the match marked", async () => {
    const page = await index(owner, "七点检查");
    const group = page.data.results.find((g) => g.code === "cn-2022-advanced");
    const hit = group?.hits.find((h) => h.key === "43");
    expect(hit?.code).toBe("（43）");
    expect(hit?.snippet?.match).toBe("七点检查");
    expect(`${hit?.snippet?.before}${hit?.snippet?.match}${hit?.snippet?.after}`).toContain("七点检查法");
  });

  test("searching in English finds seal criteria in several frameworks, grouped by framework", async () => {
    const page = await index(owner, "seal");
    const codes = page.data.results.map((g) => g.code);
    expect(codes).toEqual(expect.arrayContaining(["cn-2022-advanced", "ctpat-msc"]));
    expect(page.data.results.find((g) => g.code === "cn-2022-advanced")?.hits.map((h) => h.key)).toContain("44");
    expect(page.data.results.find((g) => g.code === "ctpat-msc")?.hits.length).toBeGreaterThan(2);
    expect(page.data.total).toBe(page.data.results.reduce((n, g) => n + g.hits.length, 0));
  });

  test("every word of the query must match; a query that matches nothing answers empty", async () => {
    const both = await index(owner, "seal VVTT");
    const keys = both.data.results.flatMap((g) => g.hits.map((h) => `${g.code}/${h.key}`));
    expect(keys.length).toBeGreaterThan(0);
    const seal = await index(owner, "seal");
    expect(keys.length).toBeLessThan(seal.data.total);
    const none = await index(owner, "zzq-no-such-criterion");
    expect(none.data.results).toEqual([]);
    // LIKE wildcards are literal characters: "%" finds the few texts with a per cent sign, not everything.
    const percent = await index(owner, "%");
    expect(percent.data.total).toBeGreaterThan(0);
    expect(percent.data.total).toBeLessThan(20);
    for (const hit of percent.data.results.flatMap((g) => g.hits)) expect(hit.snippet?.match).toBe("%");
  });
});

describe("/criteria/:framework", () => {
  test("an unknown framework is a 404", async () => {
    for (const code of ["nope", "CN-2022-ADVANCED", "'; drop table criteria; --"]) {
      const page = await framework(owner, code);
      expect(page.status, code).toBe(404);
      expect(page.data).toEqual({ reason: "not_found" });
    }
  });

  test("the 2022 tree in document order: general part first, business-type after, with codes as printed", async () => {
    const page = await framework(owner, "cn-2022-advanced");
    expect(page.status).toBe(200);
    const nodes = page.data.nodes;
    expect(nodes).toHaveLength(4 + 16 + 62 + 10 + 32);
    expect(nodes[0]).toMatchObject({ key: "g-1", code: "一", level: "class", depth: 0, part: "general" });
    expect(nodes.slice(0, 3).map((n) => n.key)).toEqual(["g-1", "item-1", "1"]);
    const firstBusiness = nodes.findIndex((n) => n.part === "business_type");
    expect(nodes.slice(firstBusiness).every((n) => n.part === "business_type")).toBe(true);
    expect(nodes.find((n) => n.key === "b10")).toMatchObject({ code: "10", level: "item", assessable: true });
    expect(page.data.totals).toMatchObject({ assessable: 94, shown: 94, gaps: 94 });
    // 附件2 prints the options once per class; the rows of a uniform class do not repeat them.
    expect(nodes.find((n) => n.key === "g-3")?.headingOptions).toEqual(["meets", "fails"]);
    expect(nodes.find((n) => n.key === "15")?.options).toEqual([]);
  });

  test("(43) maps to CTPAT 5.3, WCO G and 2014 item 26", async () => {
    const page = await framework(owner, "cn-2022-advanced");
    const mappings = page.data.nodes.find((n) => n.key === "43")?.mappings.map((m) => `${m.frameworkCode}/${m.key}`);
    expect(mappings).toEqual(expect.arrayContaining(["ctpat-msc/5.3", "wco-safe-aeo/G", "cn-2014-general/26"]));
    expect(mappings).not.toContain("cn-2022-advanced/43");
  });

  test("2014: items that may not be improved are marked, and reconstructed text carries its note", async () => {
    const page = await framework(owner, "cn-2014-general");
    const notImprovable = page.data.nodes.filter((n) => n.notImprovable).map((n) => n.code);
    expect(notImprovable).toEqual(["9", "10", "11", "12", "14", "19", "20"]);
    const item5 = page.data.nodes.find((n) => n.key === "5");
    expect(item5?.provenance).toBe("reconstructed");
    expect(item5?.noteZh).toContain("重建");
    expect(item5?.noteEn).toContain("reconstructed");
  });

  test("CTPAT rows carry Must or Should; no improvement marks where the framework has no period", async () => {
    const page = await framework(owner, "ctpat-msc");
    const rows = page.data.nodes.filter((n) => n.assessable);
    expect(rows.every((n) => n.requirement === "must" || n.requirement === "should")).toBe(true);
    expect(rows.some((n) => n.notImprovable)).toBe(false);
  });

  test("the filter matches either language and keeps the headings above a match", async () => {
    const zh = await framework(owner, "cn-2022-advanced", `?q=${encodeURIComponent("七点检查")}`);
    expect(zh.data.nodes.map((n) => n.key)).toEqual(["g-4", "item-13", "43"]);
    expect(zh.data.totals.shown).toBe(1);
    const en = await framework(owner, "cn-2022-advanced", "?q=seven-point");
    expect(en.data.nodes.map((n) => n.key)).toContain("43");
    const business = await framework(owner, "cn-2022-advanced", "?q=B10");
    expect(business.data.nodes.filter((n) => n.assessable).map((n) => n.key)).toEqual(["b10"]);
    // A matching heading brings its criteria along.
    const heading = await framework(owner, "cn-2022-advanced", `?q=${encodeURIComponent("守法规范标准")}`);
    expect(heading.data.totals.shown).toBe(16);
  });
});

describe("/criteria/:framework/:criterion", () => {
  test("an unknown framework or criterion is a 404", async () => {
    for (const [code, key] of [
      ["cn-2022-advanced", "999"],
      ["cn-2022-advanced", "（43）"],
      ["nope", "43"],
      ["wco-safe-aeo", "a"],
    ] as const) {
      const page = await criterion(owner, code, key);
      expect(page.status, `${code}/${key}`).toBe(404);
      expect(page.data).toEqual({ reason: "not_found" });
    }
  });

  test("a criterion no record type feeds names the document the standard expects; a fed one names its record types", async () => {
    const statement = await criterion(owner, "ctpat-msc", "1.1");
    expect(statement.data.evidence?.recordTypes).toEqual([]);
    expect(statement.data.expectedDocument?.textEn).toMatch(/statement of support/);
    expect(statement.data.expectedDocument?.textZh).toMatch(/声明/);
    const procedures = await criterion(owner, "ctpat-msc", "5.2");
    expect(procedures.data.evidence?.recordTypes).toContain("inspection");
    expect(procedures.data.expectedDocument).toBeNull();
    const reconciliation = await criterion(owner, "cn-2022-advanced", "42");
    expect(reconciliation.data.evidence?.recordTypes).toContain("cargo_reconciliation");
  });

  test("(43): breadcrumb, both texts, options, neighbours, mappings by framework and the cross-walk topic", async () => {
    const page = await criterion(owner, "cn-2022-advanced", "43");
    expect(page.status).toBe(200);
    const d = page.data;
    expect(d.ancestors.map((a) => a.key)).toEqual(["g-4", "item-13"]);
    expect(d.criterion).toMatchObject({ code: "（43）", titleZh: "七点检查法", improvable: true, options: ["meets", "partly_meets", "fails", "not_applicable"] });
    expect(d.criterion.textEn).toContain("seven-point");
    expect(d.previous?.key).toBe("42");
    expect(d.next?.key).toBe("44");
    const groups = Object.fromEntries(d.mappingGroups.map((g) => [g.code, g.criteria.map((c) => c.key)]));
    expect(groups["ctpat-msc"]).toContain("5.3");
    expect(groups["wco-safe-aeo"]).toContain("G");
    expect(groups["cn-2014-general"]).toContain("26");
    expect(d.mappingGroups.map((g) => g.code)).not.toContain("cn-2022-advanced");
    expect(d.topics.map((t) => t.key)).toContain("containers-seals");
    expect(d.topics.find((t) => t.key === "containers-seals")?.evidenceEn).not.toBe("");
    expect(d.evidence).toMatchObject({ recent: 0, newestDay: null, policies: [], lacksEvidence: true });
  });

  test("a heading lists its children and has no evidence block; previous/next skip to assessable criteria", async () => {
    const page = await criterion(owner, "cn-2014-general", "class-2");
    expect(page.data.children.map((c) => c.key)).toEqual(["art-5"]);
    expect(page.data.evidence).toBeNull();
    expect(page.data.previous?.key).toBe("8");
    expect(page.data.next?.key).toBe("9");
  });
});

describe("coverage follows the organisation's own evidence", () => {
  let other: SignedUp;

  beforeAll(async () => {
    expect(filesDir().startsWith(tmpdir())).toBe(true);
    other = await signUpOrganization();
  });

  test("a policy linked to (43) shows on the criterion, the framework page, the gap filter and the dashboard", async () => {
    const id43 = await criterionId("cn-2022-advanced", "43");
    const id26 = await criterionId("cn-2014-general", "26");
    const policyId = await addPolicy(owner, `TG-SEC-${randomUUID().slice(0, 6)}`, [id43, id26]);

    const detail = await criterion(owner, "cn-2022-advanced", "43");
    expect(detail.data.evidence?.policies).toEqual([
      expect.objectContaining({ id: policyId, version: "A/1", effectiveOn: "2024-05-01", titleEn: "Container inspection procedure" }),
    ]);
    expect(detail.data.evidence?.lacksEvidence).toBe(false);
    expect(detail.data.evidence?.recordTypes).toContain("policy");
    // A policy is a standing document, not a dated record: it does not count as a recent record.
    expect(detail.data.evidence?.recent).toBe(0);

    const tree = await framework(owner, "cn-2022-advanced");
    expect(tree.data.nodes.find((n) => n.key === "43")?.coverage?.policies.map((p) => p.id)).toEqual([policyId]);
    expect(tree.data.totals.gaps).toBe(93);

    const gaps = await framework(owner, "cn-2022-advanced", "?gaps=1");
    const gapKeys = gaps.data.nodes.filter((n) => n.assessable).map((n) => n.key);
    expect(gapKeys).toHaveLength(93);
    expect(gapKeys).not.toContain("43");
    expect(gapKeys).toContain("44");

    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: owner.cookie });
    const cn2022 = dashboard.data.coverage.find((c) => c.code === "cn-2022-advanced");
    expect(cn2022).toMatchObject({ total: 94, withPolicy: 1, withRecords: 0, gapCount: 93 });
    expect(cn2022?.gaps).toHaveLength(8);
    expect(cn2022?.gaps[0]?.key).toBe("1");
    const cn2014 = dashboard.data.coverage.find((c) => c.code === "cn-2014-general");
    expect(cn2014).toMatchObject({ total: 33, withPolicy: 1, gapCount: 32 });
    expect(cn2014?.gaps.map((g) => g.key)).not.toContain("26");
  });

  test("dated records count within the last 12 months; an older one only gives the newest date", async () => {
    const actor = { organizationId: owner.organizationId, userId: owner.userId };
    const id44 = await criterionId("cn-2022-advanced", "44");
    const id45 = await criterionId("cn-2022-advanced", "45");
    const recent = subMonths(new Date(), 2);
    await addEvidenceLink(testDb(), { ...actor, recordType: "file", recordId: randomUUID(), occurredAt: recent }, id44);
    await addEvidenceLink(testDb(), { ...actor, recordType: "file", recordId: randomUUID(), occurredAt: subMonths(new Date(), 5) }, id44);
    const old = subYears(new Date(), 2);
    await addEvidenceLink(testDb(), { ...actor, recordType: "file", recordId: randomUUID(), occurredAt: old }, id45);

    const seals = await criterion(owner, "cn-2022-advanced", "44");
    expect(seals.data.evidence).toMatchObject({ recent: 2, lacksEvidence: false });
    expect(seals.data.evidence?.newestDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(seals.data.evidence?.recordTypes).toContain("file");
    expect(seals.data.evidence?.policies).toEqual([]);

    const stale = await criterion(owner, "cn-2022-advanced", "45");
    expect(stale.data.evidence).toMatchObject({ recent: 0, lacksEvidence: true });
    expect(stale.data.evidence?.newestDay).not.toBeNull();

    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: owner.cookie });
    expect(dashboard.data.coverage.find((c) => c.code === "cn-2022-advanced")).toMatchObject({ withRecords: 1, withPolicy: 1, gapCount: 92 });
  });

  test("another organisation sees none of it", async () => {
    const detail = await criterion(other, "cn-2022-advanced", "43");
    expect(detail.data.evidence).toMatchObject({ recent: 0, policies: [], lacksEvidence: true });
    const seals = await criterion(other, "cn-2022-advanced", "44");
    expect(seals.data.evidence).toMatchObject({ recent: 0, newestDay: null });
    const tree = await framework(other, "cn-2022-advanced");
    expect(tree.data.totals.gaps).toBe(94);
    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: other.cookie });
    expect(dashboard.data.coverage.find((c) => c.code === "cn-2022-advanced")).toMatchObject({ withRecords: 0, withPolicy: 0, gapCount: 94 });
  });
});

describe("the catalogue's improvement rule", () => {
  test("a database loaded before the rule left the hash (the migration's marker) takes the rule: 2022 keeps no 90 days", async () => {
    const { loadCatalog, REHASH_IMPROVEMENT_RULE } = await import("../../db/catalog/load");
    const { criteria, frameworks } = await import("../../db/schema");
    const { and, eq } = await import("drizzle-orm");
    const db = testDb();
    const framework = await getFramework(db, "cn-2022-advanced");
    if (!framework) throw new Error("cn-2022-advanced not loaded");
    // The state before: the 2014 window and non-improvable list carried over, the old hash marked.
    await db.update(frameworks).set({ improvementDays: 90, improvementRule: null, contentHash: REHASH_IMPROVEMENT_RULE }).where(eq(frameworks.id, framework.id));
    await db.update(criteria).set({ improvable: false }).where(and(eq(criteria.frameworkId, framework.id), eq(criteria.key, "13")));

    await loadCatalog(db);
    const after = await getFramework(db, "cn-2022-advanced");
    expect(after).toMatchObject({ improvementDays: null, improvementRule: { kind: "not_stated" } });
    expect(after?.contentHash).not.toBe(REHASH_IMPROVEMENT_RULE);
    expect((await getCriterion(db, framework.id, "13"))?.improvable).toBe(true);
    const cn2014 = await getFramework(db, "cn-2014-general");
    expect(cn2014).toMatchObject({ improvementDays: 90, improvementRule: { kind: "window", countedFrom: "customs_notified" } });

    // Any other difference in the standard's content is still refused.
    await db.update(frameworks).set({ contentHash: "changed" }).where(eq(frameworks.id, framework.id));
    await expect(loadCatalog(db)).rejects.toThrow(/differs from the copy already in the database/);
    await db.update(frameworks).set({ contentHash: REHASH_IMPROVEMENT_RULE }).where(eq(frameworks.id, framework.id));
    await loadCatalog(db);
  });
});
