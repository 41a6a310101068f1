// Business types drive the criteria: the organisation records its CN-2022 business types (附件3)
// and its CN-2014 role on /settings/organization; a new CN-2022 assessment asks only the
// business-type criteria of those types (the others are not applicable with the reason), the
// 2022 count rule stays exact with them, and an assessment made earlier keeps what it was asked.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { assessmentResults, assessments, organizations } from "../../db/schema";
import { saveResults } from "~/lib/assessments/assessments.server";
import { frameworkCoverage, getFramework } from "~/lib/criteria/criteria.server";
import * as criteriaRoute from "~/routes/_app.criteria.$framework._index/route";
import { scoreAssessment, type AssessmentResultValue } from "~/lib/assessments/scoring";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import * as assessmentRoute from "~/routes/_app.assessments.$assessmentId/route";
import * as newRoute from "~/routes/_app.assessments.new";
import * as organizationRoute from "~/routes/_app.settings.organization";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, type Fields } from "../support/requests";
import { testDb } from "../support/test-database";

type View = Awaited<ReturnType<typeof assessmentRoute.loader>>;

/** A consignor and manufacturer under processing trade whose goods are inspected: no food, no quarantine. */
const CONSIGNOR_TYPES = ["processing_trade_bonded", "commodity_inspection"];
const ALL_BUSINESS_ITEMS = Array.from({ length: 32 }, (_, i) => `b${i + 1}`);

function profileFields(owner: SignedUp, overrides: Fields = {}): Fields {
  return {
    legalNameZh: owner.legalNameZh,
    legalNameEn: owner.legalNameEn,
    enterpriseTypes: ["consignor_consignee", "manufacturer"],
    cn2022BusinessTypes: CONSIGNOR_TYPES,
    cn2014Role: "consignor_consignee",
    aeoStatus: "none",
    timeZone: "Asia/Shanghai",
    ...overrides,
  };
}

async function organizationRow(id: string) {
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, id));
  return row;
}

async function newAssessment(owner: SignedUp): Promise<string> {
  const outcome = await callAction(
    newRoute,
    "/assessments/new",
    { framework: "cn-2022-advanced", title: "2026年高级认证自我评估", assessedOn: "2026-03-02" },
    { cookie: owner.cookie },
  );
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /^\/assessments\/([0-9a-f-]{36})$/.exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return id;
}

async function view(owner: SignedUp, id: string): Promise<View> {
  const outcome = await callLoader<View>(assessmentRoute, `/assessments/${id}`, { cookie: owner.cookie, params: { assessmentId: id } });
  expect(outcome.status).toBe(200);
  return outcome.data;
}

async function consignor(): Promise<SignedUp> {
  const owner = await signUpOrganization();
  const saved = await callAction(organizationRoute, "/settings/organization", profileFields(owner), { cookie: owner.cookie });
  expect(saved.status, JSON.stringify(saved.data)).toBe(302);
  return owner;
}

/** The outcome the page shows: the official rule applied to the loader's criteria and results. */
function outcomeOf(d: View) {
  const results = Object.fromEntries(Object.entries(d.results).map(([k, r]) => [k, r.result]));
  return scoreAssessment(d.framework.scoringRule, d.scoring, results);
}

const actorOf = (owner: SignedUp) => ({ organizationId: owner.organizationId, userId: owner.userId });

describe("the organisation's business types", () => {
  test("are saved from the settings form with the CN-2014 role, and shown with the catalogue's names", async () => {
    const owner = await consignor();
    expect(await organizationRow(owner.organizationId)).toMatchObject({
      cn2022BusinessTypes: CONSIGNOR_TYPES,
      cn2014Role: "consignor_consignee",
    });
    const page = await callLoader<Awaited<ReturnType<typeof organizationRoute.loader>>>(organizationRoute, "/settings/organization", {
      cookie: owner.cookie,
    });
    expect(page.data.profile).toMatchObject({ cn2022BusinessTypes: CONSIGNOR_TYPES, cn2014Role: "consignor_consignee" });
    expect(page.data.businessTypes).toHaveLength(10);
    expect(page.data.businessTypes.find((b) => b.code === "food")).toEqual({ code: "food", nameZh: "进出口食品业务", nameEn: "Import and export food" });
    expect(page.data.cn2014Roles.map((r) => r.nameZh)).toEqual(["进出口货物收发货人", "报关企业", "物流企业"]);
  });

  test("an unknown business type is refused with a translated message naming it, and nothing is written", async () => {
    const owner = await consignor();
    const before = await organizationRow(owner.organizationId);
    const outcome = await callAction(
      organizationRoute,
      "/settings/organization",
      profileFields(owner, { cn2022BusinessTypes: ["food", "smuggling"], legalNameEn: "Renamed Ltd" }),
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(errors).toEqual({ cn2022BusinessTypes: 'errors.unknownBusinessType|{"value":"smuggling"}' });
    expect(translateMessage(createI18n("en").t, errors.cn2022BusinessTypes ?? "")).toBe(
      "“smuggling” is not one of the ten business types of the 2022 standard (附件3). Tick the types from the list.",
    );
    expect(translateMessage(createI18n("zh-CN").t, errors.cn2022BusinessTypes ?? "")).toBe(
      "“smuggling”不是2022年标准附件3所列的十种业务类型之一，请从列表中勾选。",
    );
    expect(await organizationRow(owner.organizationId)).toEqual(before);
  });

  test("an unknown CN-2014 role is refused with its own message", async () => {
    const owner = await consignor();
    const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { cn2014Role: "smuggler" }), {
      cookie: owner.cookie,
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ cn2014Role: "errors.unknownCn2014Role" });
  });
});

describe("a CN-2022 assessment of a consignor without food or quarantine business", () => {
  test("asks only the business-type criteria of its types; the others are N/A with the reason", async () => {
    const owner = await consignor();
    const id = await newAssessment(owner);
    const [row] = await testDb().select().from(assessments).where(eq(assessments.id, id));
    expect(row?.businessTypes).toEqual(CONSIGNOR_TYPES);
    const d = await view(owner, id);
    // 62 general sub-items and 32 business-type items; of these only b1 (processing trade) and
    // b9 (commodity inspection) are the consignor's.
    expect(outcomeOf(d).total).toBe(94);
    expect(d.notOurBusiness).toEqual(ALL_BUSINESS_ITEMS.filter((k) => k !== "b1" && k !== "b9"));
    expect(d.asked).toBe(64);
    for (const key of d.notOurBusiness) expect(d.results[key]?.result).toBe("not_applicable");
    expect(d.results.b1?.result).toBeNull();
    expect(d.results.b9?.result).toBeNull();
    // Food (四, items 5–8) and quarantine (二, 三: items 2–4) are among the not applicable.
    expect(d.notOurBusiness).toEqual(expect.arrayContaining(["b2", "b3", "b4", "b5", "b6", "b7", "b8"]));
    expect(outcomeOf(d).answered).toBe(30);
    expect(createI18n("zh-CN").t("assessments.notOurBusiness")).toBe("不适用：本企业不从事该业务类型");
  });

  test("a result for a criterion outside its business types is refused and nothing is written", async () => {
    const owner = await consignor();
    const id = await newAssessment(owner);
    const before = await testDb().select().from(assessmentResults).where(eq(assessmentResults.assessmentId, id));
    const saved = await saveResults(testDb(), actorOf(owner), id, [
      { criterion: "b1", result: "meets", policies: [], file: null },
      { criterion: "b5", result: "meets", policies: [], file: null },
    ]);
    expect(saved).toEqual({ ok: false, errors: { result_b5: "assessments.outsideBusinessTypes" } });
    const after = await testDb().select().from(assessmentResults).where(eq(assessmentResults.assessmentId, id));
    expect(after).toEqual(before);
    // Posting it as not applicable (what the page would keep) is no change.
    expect(await saveResults(testDb(), actorOf(owner), id, [{ criterion: "b5", result: "not_applicable", policies: [], file: null }])).toEqual({
      ok: true,
      changed: 0,
    });
  });

  test("the 2022 count rule stays exact: N/A business-type items count neither way", async () => {
    const owner = await consignor();
    const id = await newAssessment(owner);
    const d = await view(owner, id);
    const asked = d.criteria.filter((c) => c.options.length > 0 && !d.notOurBusiness.includes(c.key)).map((c) => c.key);
    const entries = (partly: string[]) =>
      asked.map((key) => ({ criterion: key, result: (partly.includes(key) ? "partly_meets" : "meets") as AssessmentResultValue, policies: [], file: null }));
    // Three general items at basically meets (sub-items 31, 38, 42 belong to three different
    // items) and both business-type items: within both limits.
    expect(await saveResults(testDb(), actorOf(owner), id, entries(["31", "38", "42", "b1", "b9"]))).toMatchObject({ ok: true });
    let outcome = outcomeOf(await view(owner, id));
    expect(outcome.complete).toBe(true);
    expect(outcome.counts.not_applicable).toBe(30);
    expect(outcome.basicCounts).toEqual({ general: 3, business_type: 2 });
    expect(outcome.passed).toBe(true);
    // A fourth general item at basically meets fails the rule; the N/A items did not soften it.
    expect(await saveResults(testDb(), actorOf(owner), id, entries(["31", "38", "42", "50", "b1", "b9"]))).toMatchObject({ ok: true });
    outcome = outcomeOf(await view(owner, id));
    expect(outcome.basicCounts).toEqual({ general: 4, business_type: 2 });
    expect(outcome.passed).toBe(false);
    // The list (the server's outcome) says the same.
    const [row] = await testDb().select().from(assessments).where(eq(assessments.id, id));
    expect(row?.status).toBe("draft");
  });

  test("an assessment made before the types were recorded keeps asking everything", async () => {
    const owner = await signUpOrganization();
    const earlier = await newAssessment(owner);
    let d = await view(owner, earlier);
    expect(d.notOurBusiness).toEqual([]);
    expect(d.asked).toBe(94);
    const saved = await callAction(organizationRoute, "/settings/organization", profileFields(owner), { cookie: owner.cookie });
    expect(saved.status).toBe(302);
    d = await view(owner, earlier);
    expect(d.notOurBusiness).toEqual([]);
    expect(d.results.b5?.result).toBeNull();
    const later = await newAssessment(owner);
    expect((await view(owner, later)).asked).toBe(64);
  });
});

describe("coverage", () => {
  test("leaves the business-type criteria outside the organisation's types out: not counted, never gaps", async () => {
    const owner = await signUpOrganization();
    const framework = await getFramework(testDb(), "cn-2022-advanced");
    const before = await frameworkCoverage(testDb(), owner.organizationId, framework!.id);
    expect(before).toMatchObject({ total: 94, notApplicable: 0 });
    expect(before.gaps.map((g) => g.key)).toContain("b5");

    await callAction(organizationRoute, "/settings/organization", profileFields(owner), { cookie: owner.cookie });
    const after = await frameworkCoverage(testDb(), owner.organizationId, framework!.id);
    expect(after).toMatchObject({ total: 64, notApplicable: 30 });
    const gapKeys = after.gaps.map((g) => g.key);
    expect(gapKeys).toEqual(expect.arrayContaining(["b1", "b9"]));
    expect(gapKeys.filter((k) => /^b\d+$/.test(k)).sort()).toEqual(["b1", "b9"]);

    type Page = Awaited<ReturnType<typeof criteriaRoute.loader>>;
    const page = await callLoader<Page>(criteriaRoute, "/criteria/cn-2022-advanced?gaps=1", {
      cookie: owner.cookie,
      params: { framework: "cn-2022-advanced" },
    });
    expect(page.data.totals).toMatchObject({ assessable: 64, notApplicable: 30 });
    expect(page.data.nodes.filter((n) => n.assessable && /^b\d+$/.test(n.key)).map((n) => n.key)).toEqual(["b1", "b9"]);
    const all = await callLoader<Page>(criteriaRoute, "/criteria/cn-2022-advanced", { cookie: owner.cookie, params: { framework: "cn-2022-advanced" } });
    expect(all.data.nodes.find((n) => n.key === "b5")).toMatchObject({ notOurBusiness: true, coverage: { lacksEvidence: false } });
    expect(all.data.nodes.find((n) => n.key === "b1")).toMatchObject({ notOurBusiness: false });
  });
});
