// A new version of a standard is data: a catalogue file plus the mapping of its numbering onto the
// stable keys (docs/standards-versions.md). This loads a fictitious revision of cn-2022-advanced
// (tests/fixtures/cn-2022-advanced-renumbered.ts: one sub-item added ahead of (31), so (31)–(62)
// become (32)–(63)) into a database that already holds a year's records, without any code change,
// and finds the same records under the new numbers, while an assessment made before stays on the
// version it was made against.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { catalogCrosswalk } from "../../db/catalog";
import { loadCatalog, stableKeyMapping } from "../../db/catalog/load";
import { assessments, criteria, frameworks, type Site } from "../../db/schema";
import { getFramework } from "~/lib/criteria/criteria.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import * as newAssessmentRoute from "~/routes/_app.assessments.new";
import * as criterionRoute from "~/routes/_app.criteria.$framework.$criterion/route";
import * as newCargoRoute from "~/routes/_app.cargo.new";
import * as newIncidentRoute from "~/routes/_app.incidents.new";
import { cn2022AdvancedRenumbered } from "../fixtures/cn-2022-advanced-renumbered";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader } from "../support/requests";
import { testDb } from "../support/test-database";

let owner: SignedUp;
let guard: Member;
let dock: Site;
let oldAssessmentId: string;

const today = () => new Date().toISOString().slice(0, 10);

async function reconcile(containerNumber: string) {
  const outcome = await callAction(
    newCargoRoute,
    "/cargo/new",
    {
      direction: "receiving",
      reconciledOn: today(),
      siteId: dock.id,
      billOfLading: "COSU6181234560",
      packingList: "PL-2026-118",
      invoiceNumbers: "",
      containerNumber,
      sealNumber: "",
      expectedPackages: "120",
      countedPackages: "120",
      expectedWeightKg: "8400",
      countedWeightKg: "8400",
      note: "",
    },
    { cookie: guard.cookie },
  );
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
}

/** Record types with evidence on a criterion of a framework version, by the version's own key. */
async function recordTypesOn(frameworkId: string, key: string): Promise<Record<string, number>> {
  const [criterion] = await testDb()
    .select({ id: criteria.id })
    .from(criteria)
    .where(and(eq(criteria.frameworkId, frameworkId), eq(criteria.key, key)));
  const coverage = await coverageForFramework(testDb(), owner.organizationId, frameworkId);
  return coverage.get(criterion!.id)?.recentByType ?? {};
}

beforeAll(async () => {
  owner = await signUpOrganization();
  guard = await addMember(owner.cookie, "security");
  dock = await createSite(owner.cookie, { nameZh: "三号码头", nameEn: "Dock 3" });
  // Before the revision: a reconciliation (feeds (47)), an incident (feeds (1) and (48)) and an assessment.
  await reconcile("CSQU3054383");
  const incident = await callAction(
    newIncidentRoute,
    "/incidents/new",
    { siteId: dock.id, kind: "seal_tampering", location: "二号月台", discoveredBy: "保安小王", description: "封志有撬痕", containment: "扣箱" },
    { cookie: guard.cookie },
  );
  expect(incident.status, JSON.stringify(incident.data)).toBe(302);
  const made = await callAction(newAssessmentRoute, "/assessments/new", { framework: "cn-2022-advanced", title: "2026 自评", assessedOn: today() }, { cookie: owner.cookie });
  expect(made.status, JSON.stringify(made.data)).toBe(302);
  oldAssessmentId = made.location!.split("/")[2]!;
});

describe("a renumbered version of cn-2022-advanced, loaded from a fixture", () => {
  let oldVersionId: string;
  let newVersionId: string;

  beforeAll(async () => {
    oldVersionId = (await getFramework(testDb(), "cn-2022-advanced"))!.id;
    const report = await loadCatalog(testDb(), { frameworks: [cn2022AdvancedRenumbered], crosswalk: catalogCrosswalk });
    expect(report.loaded).toEqual(["cn-2022-advanced@2026.1"]);
    newVersionId = (await getFramework(testDb(), "cn-2022-advanced"))!.id;
  });

  test("becomes the current version, and the old version stays loaded", async () => {
    expect(newVersionId).not.toBe(oldVersionId);
    const versions = await testDb().select({ version: frameworks.version }).from(frameworks).where(eq(frameworks.code, "cn-2022-advanced"));
    expect(versions.map((v) => v.version).sort()).toEqual(["2022.1", "2026.1"]);
  });

  test("the records made before are found under the new numbers, not under the numbers that moved", async () => {
    // (47) receiving and shipping reconciliation is (48) in the revision; (48) anomalies is (49).
    expect(await recordTypesOn(newVersionId, "48")).toMatchObject({ cargo_reconciliation: 1 });
    expect(await recordTypesOn(newVersionId, "49")).toMatchObject({ incident: 1 });
    expect(await recordTypesOn(newVersionId, "47")).not.toHaveProperty("cargo_reconciliation");
    // (1) was not renumbered; the added (31) continues nothing and has no evidence.
    expect(await recordTypesOn(newVersionId, "1")).toMatchObject({ incident: 1 });
    expect(await recordTypesOn(newVersionId, "31")).toEqual({});
    // The old version keeps its own numbering and its evidence.
    expect(await recordTypesOn(oldVersionId, "47")).toMatchObject({ cargo_reconciliation: 1 });
  });

  test("records made after the revision feed the new numbers; the old version's counts stay as they were", async () => {
    await reconcile("MSKU1234565");
    expect(await recordTypesOn(newVersionId, "48")).toMatchObject({ cargo_reconciliation: 2 });
    expect(await recordTypesOn(oldVersionId, "47")).toMatchObject({ cargo_reconciliation: 1 });
  });

  test("the criterion page under its new number lists what feeds it and the evidence", async () => {
    const page = await callLoader<Awaited<ReturnType<typeof criterionRoute.loader>>>(criterionRoute, "/criteria/cn-2022-advanced/48", {
      cookie: owner.cookie,
      params: { framework: "cn-2022-advanced", criterion: "48" },
    });
    expect(page.data.criterion.code).toBe("（48）");
    expect(page.data.evidence?.recordTypes).toContain("cargo_reconciliation");
    expect(page.data.evidence?.recent).toBe(2);
    const added = await callLoader<Awaited<ReturnType<typeof criterionRoute.loader>>>(criterionRoute, "/criteria/cn-2022-advanced/31", {
      cookie: owner.cookie,
      params: { framework: "cn-2022-advanced", criterion: "31" },
    });
    expect(added.data.evidence?.recordTypes).toEqual([]);
  });

  test("an assessment made before stays on its version; a new one is made against the revision", async () => {
    const [old] = await testDb().select({ frameworkId: assessments.frameworkId }).from(assessments).where(eq(assessments.id, oldAssessmentId));
    expect(old!.frameworkId).toBe(oldVersionId);
    const made = await callAction(newAssessmentRoute, "/assessments/new", { framework: "cn-2022-advanced", title: "2027 自评", assessedOn: today() }, { cookie: owner.cookie });
    expect(made.status).toBe(302);
    const [fresh] = await testDb().select({ frameworkId: assessments.frameworkId }).from(assessments).where(eq(assessments.id, made.location!.split("/")[2]!));
    expect(fresh!.frameworkId).toBe(newVersionId);
  });

  test("loading the catalogue again changes nothing", async () => {
    const before = await testDb().execute(sql`select count(*)::int as n from evidence_links`);
    const report = await loadCatalog(testDb(), { frameworks: [cn2022AdvancedRenumbered], crosswalk: catalogCrosswalk });
    expect(report.unchanged).toEqual(["cn-2022-advanced@2026.1"]);
    const after = await testDb().execute(sql`select count(*)::int as n from evidence_links`);
    expect(after).toEqual(before);
  });
});

describe("a version's mapping onto stable keys is checked before anything is written", () => {
  const base = cn2022AdvancedRenumbered;
  test("every criterion must be listed", () => {
    const { ["63"]: _dropped, ...partial } = base.stableKeys!;
    expect(() => stableKeyMapping({ ...base, stableKeys: partial })).toThrow(/no entry for 63/);
  });
  test("no key the version does not have", () => {
    expect(() => stableKeyMapping({ ...base, stableKeys: { ...base.stableKeys, "99": "62" } })).toThrow(/does not have: 99/);
  });
  test("no stable key continued twice", () => {
    expect(() => stableKeyMapping({ ...base, stableKeys: { ...base.stableKeys, "31": "30" } })).toThrow(/both continue stable key 30/);
  });
  test("an unknown framework code is refused on the new-assessment form, with nothing written", async () => {
    const before = await testDb().select({ id: assessments.id }).from(assessments);
    const refused = await callAction(newAssessmentRoute, "/assessments/new", { framework: "cn-2099-imaginary", title: "x", assessedOn: today() }, { cookie: owner.cookie });
    expect(refused.status).toBe(400);
    expect((refused.data as { errors: Record<string, string> }).errors.framework).toBe("errors.choose");
    expect(await testDb().select({ id: assessments.id }).from(assessments)).toHaveLength(before.length);
  });
});
