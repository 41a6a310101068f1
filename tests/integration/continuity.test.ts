// Business continuity plans and their tests (CTPAT 2.4, WCO SAFE L, CN-2014 28, CN-2022 (61)): a draft
// plan with its document, refusals that name the field in both languages and write nothing, approval
// by a manager who is not the author (four eyes) that links the evidence, a test whose finding raises
// a corrective action named by the test, the organisation's own records only, the filtered CSV
// export, the dossier's lines and the attention item when a test is due.
import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { actionSources } from "~/lib/actions/action-queries.server";
import { attentionFor } from "~/lib/attention/attention.server";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import { todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { createI18n } from "~/lib/i18n/translations.server";
import * as detailRoute from "~/routes/_app.continuity.$planId._index";
import * as testRoute from "~/routes/_app.continuity.$planId.tests.new";
import * as listRoute from "~/routes/_app.continuity._index";
import * as newRoute from "~/routes/_app.continuity.new";
import * as csvRoute from "~/routes/continuity.export[.]csv";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

let org: SignedUp;
let other: SignedUp;
let admin: Member;
let lead: Member;
let today: string;

beforeAll(async () => {
  org = await signUpOrganization();
  other = await signUpOrganization();
  admin = await addMember(org.cookie, "admin");
  lead = await addMember(org.cookie, "security_lead");
  today = todayInZone("Asia/Shanghai");
});

const day = (offset: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const planFields = (overrides: Record<string, string | string[] | Blob> = {}) => ({
  title: "出口业务连续性计划 / Export operations continuity plan",
  scope: "深圳工厂装箱区 / Shenzhen factory stuffing area",
  disruptions: ["port_closure", "it_outage"],
  recoveryHours: "48",
  contacts: "总经理 王磊（替补 陈敏） / General manager Wang Lei (deputy Chen Min)",
  securityMeasures: "停工期间货柜留在监控区内 / Containers stay in the monitored yard while stopped",
  version: "1.0",
  revisedOn: day(-30),
  nextReviewOn: day(300),
  nextTestOn: day(60),
  ...overrides,
});

const testFields = (overrides: Record<string, string> = {}) => ({
  testedOn: day(-2),
  kind: "simulation",
  scenario: "报关系统中断 24 小时 / Declarations system down for 24 hours",
  participants: "合规经理、安保主管 / Compliance manager, security lead",
  result: "passed_with_findings",
  finding1Description: "纸质封志登记表未放在门岗 / The paper seal log was not at the gate",
  finding1OwnerUserId: lead.userId,
  finding1DueOn: day(20),
  finding2Description: "值班电话未更新 / Duty phone list out of date",
  nextTestOn: day(10),
  ...overrides,
});

const counts = async () => ({
  plans: await countRows("continuity_plans", sql`organization_id = ${org.organizationId}`),
  tests: await countRows("continuity_tests", sql`organization_id = ${org.organizationId}`),
  findings: await countRows("continuity_test_findings", sql`organization_id = ${org.organizationId}`),
  actions: await countRows("corrective_actions", sql`organization_id = ${org.organizationId}`),
  files: await countRows("evidence_files", sql`organization_id = ${org.organizationId}`),
});

const linksOf = (type: string, id: string) =>
  query<{ framework: string; key: string }>(sql`
    select f.code as framework, c.key from evidence_links l join criteria c on c.id = l.criterion_id join frameworks f on f.id = c.framework_id
    where l.organization_id = ${org.organizationId} and l.record_type = ${type} and l.record_id = ${id}`);
const refs = (rows: { framework: string; key: string }[]) => rows.map((l) => `${l.framework}/${l.key}`).sort();

let planId: string;
let testId: string;

describe("continuity plans", () => {
  test("a draft with its document; its author may not approve it; another manager does, and it becomes evidence", async () => {
    const pdf = new File([new TextEncoder().encode("%PDF-1.4\n% plan\n")], "bcp.pdf", { type: "application/pdf" });
    const created = await callAction(newRoute, "/continuity/new", planFields({ file: pdf }), { cookie: org.cookie });
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    planId = created.location!.split("/")[2]!.split("?")[0]!;
    const page = await callLoader<{ reference: string; mayApprove: boolean; fileName: string | null; plan: { disruptions: string[]; recoveryHours: number } }>(
      detailRoute,
      `/continuity/${planId}`,
      { cookie: org.cookie, params: { planId } },
    );
    expect(page.data.reference).toBe("BCP-0001");
    expect(page.data.fileName).toBe("bcp.pdf");
    expect(page.data.plan.disruptions).toEqual(["port_closure", "it_outage"]);
    expect(page.data.plan.recoveryHours).toBe(48);
    expect(page.data.mayApprove).toBe(false);

    const own = await callAction(detailRoute, `/continuity/${planId}`, { note: "" }, { cookie: org.cookie, params: { planId } });
    expect(own.status).toBe(400);
    expect(keyOf(errorsOf(own).form)).toBe("continuity.errors.ownApproval");
    expect(await linksOf("continuity_plan", planId)).toEqual([]);

    const approved = await callAction(detailRoute, `/continuity/${planId}`, { note: "同意。" }, { cookie: admin.cookie, params: { planId } });
    expect(approved.status, JSON.stringify(approved.data)).toBe(302);
    expect(refs(await linksOf("continuity_plan", planId))).toEqual(["cn-2014-general/28", "ctpat-msc/2.4", "wco-safe-aeo/L"]);
    const events = await query<{ action: string }>(
      sql`select action from audit_events where organization_id = ${org.organizationId} and entity_type = 'continuity_plan' and entity_id = ${planId} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    const again = await callAction(detailRoute, `/continuity/${planId}`, {}, { cookie: admin.cookie, params: { planId } });
    expect(keyOf(errorsOf(again).form)).toBe("continuity.errors.alreadyApproved");
  });

  test("bad input is refused field by field, in both languages, and writes nothing", async () => {
    const before = await counts();
    const refusedWith = async (overrides: Record<string, string | string[] | Blob>) => {
      const outcome = await callAction(newRoute, "/continuity/new", planFields(overrides), { cookie: org.cookie });
      expect(outcome.status).toBe(400);
      return errorsOf(outcome);
    };
    const disruptions = (await refusedWith({ disruptions: [] })).disruptions;
    expect(keyOf(disruptions)).toBe("continuity.errors.disruptions");
    expect(translateMessage(createI18n("zh-CN").t, disruptions!)).toBe("请至少选择一种计划应对的中断情形。");
    expect(translateMessage(createI18n("en").t, disruptions!)).toBe("Choose at least one disruption the plan covers.");
    expect(keyOf((await refusedWith({ disruptions: ["meteor"] })).disruptions)).toBe("errors.choose");
    expect(keyOf((await refusedWith({ recoveryHours: "1.5" })).recoveryHours)).toBe("continuity.errors.recoveryHours");
    expect(keyOf((await refusedWith({ recoveryHours: "0" })).recoveryHours)).toBe("continuity.errors.recoveryHours");
    expect(keyOf((await refusedWith({ title: "" })).title)).toBe("errors.required");
    expect(keyOf((await refusedWith({ nextReviewOn: day(-40) })).nextReviewOn)).toBe("continuity.errors.afterRevision");
    expect(keyOf((await refusedWith({ nextTestOn: day(400) })).nextTestOn)).toBe("continuity.errors.yearly");
    // A file that is not a document is refused with the rest of the form, and nothing is stored.
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], "plan.exe", { type: "application/octet-stream" });
    expect(keyOf((await refusedWith({ file: exe })).file)).toBe("files.badType");

    const testRefused = async (overrides: Record<string, string>) => {
      const outcome = await callAction(testRoute, `/continuity/${planId}/tests/new`, testFields(overrides), { cookie: org.cookie, params: { planId } });
      expect(outcome.status).toBe(400);
      return errorsOf(outcome);
    };
    expect(keyOf((await testRefused({ kind: "rehearsal" })).kind)).toBe("errors.choose");
    expect(keyOf((await testRefused({ finding1DueOn: "" })).finding1DueOn)).toBe("continuity.errors.actionDue");
    expect(keyOf((await testRefused({ finding1DueOn: day(-5) })).finding1DueOn)).toBe("continuity.errors.dueBeforeTest");
    expect(keyOf((await testRefused({ nextTestOn: day(-3) })).nextTestOn)).toBe("continuity.errors.nextTestAfter");
    expect(keyOf((await testRefused({ finding1Description: "", finding1OwnerUserId: "", finding1DueOn: "", finding2Description: "" })).finding1Description)).toBe(
      "continuity.errors.findingsNeeded",
    );
    // An owner from another organisation is not a member here: refused, and no test half-written.
    expect(keyOf((await testRefused({ finding1OwnerUserId: other.userId })).finding1OwnerUserId)).toBe("errors.choose");
    expect(await counts()).toEqual(before);
  });

  test("a test records its findings, raises the action named by the test, links the evidence and sets the next test", async () => {
    const form = await callLoader<{ reference: string; members: { userId: string }[] }>(testRoute, `/continuity/${planId}/tests/new`, { cookie: org.cookie, params: { planId } });
    expect(form.status, JSON.stringify(form.data)).toBe(200);
    expect(form.data.reference).toBe("BCP-0001");
    expect(form.data.members.map((m) => m.userId)).toContain(lead.userId);
    const recorded = await callAction(testRoute, `/continuity/${planId}/tests/new`, testFields(), { cookie: org.cookie, params: { planId } });
    expect(recorded.status, JSON.stringify(recorded.data)).toBe(302);
    testId = recorded.location!.split("#test-")[1]!;
    const page = await callLoader<{ plan: { nextTestOn: string; lastTestedOn: string }; tests: { reference: string; findings: { actionReference: string | null }[] }[] }>(
      detailRoute,
      `/continuity/${planId}`,
      { cookie: org.cookie, params: { planId } },
    );
    expect(page.data.tests.map((t) => t.reference)).toEqual(["BCT-0001"]);
    expect(page.data.tests[0]!.findings.map((f) => f.actionReference !== null)).toEqual([true, false]);
    expect(page.data.plan).toMatchObject({ nextTestOn: day(10), lastTestedOn: day(-2) });

    const [action] = await query<{ id: string; owner_user_id: string; source_item_key: string }>(
      sql`select id, owner_user_id, source_item_key from corrective_actions where organization_id = ${org.organizationId} and source_type = 'continuity_test' and source_id = ${testId}`,
    );
    expect(action).toMatchObject({ owner_user_id: lead.userId, source_item_key: "finding-1" });
    const sources = await actionSources(testDb(), org.organizationId, [{ id: action!.id, sourceType: "continuity_test", sourceId: testId, sourceItemKey: "finding-1" }]);
    expect(sources.get(action!.id)).toMatchObject({ reference: "BCT-0001", href: `/continuity/${planId}#test-${testId}` });
    expect(refs(await linksOf("continuity_test", testId))).toEqual(["cn-2014-general/28", "cn-2022-advanced/61", "ctpat-msc/2.4", "wco-safe-aeo/L"]);
    const events = await query<{ entity_type: string }>(
      sql`select entity_type from audit_events where organization_id = ${org.organizationId} and entity_id in (${testId}, ${action!.id})`,
    );
    expect(events.map((e) => e.entity_type).sort()).toEqual(["continuity_test", "corrective_action"]);

    // An older test recorded late does not move the plan's next test back.
    const late = await callAction(
      testRoute,
      `/continuity/${planId}/tests/new`,
      testFields({ testedOn: day(-20), result: "passed", finding1Description: "", finding1OwnerUserId: "", finding1DueOn: "", finding2Description: "", nextTestOn: day(-10) }),
      { cookie: org.cookie, params: { planId } },
    );
    expect(late.status, JSON.stringify(late.data)).toBe(302);
    const after = await callLoader<{ plan: { nextTestOn: string } }>(detailRoute, `/continuity/${planId}`, { cookie: org.cookie, params: { planId } });
    expect(after.data.plan.nextTestOn).toBe(day(10));
  });

  test("compliance sees the test due within the month; the guard does not", async () => {
    const scope = { organizationId: org.organizationId, timeZone: "Asia/Shanghai", today };
    const mine = await attentionFor(testDb(), scope, { userId: org.userId, role: "owner" });
    const due = mine.filter((i) => i.kind.startsWith("continuity_"));
    expect(due.map((i) => [i.kind, i.reference, i.dueOn, i.state])).toEqual([["continuity_test_due", "BCP-0001", day(10), "due_soon"]]);
    expect(due[0]!.title.zh).toContain("业务连续性计划");
    const guard = await addMember(org.cookie, "security");
    expect((await attentionFor(testDb(), scope, { userId: guard.userId, role: "security" })).filter((i) => i.kind.startsWith("continuity_"))).toEqual([]);
  });

  test("another organisation neither sees nor approves nor tests it; a guard may read but not write", async () => {
    expect((await callLoader(detailRoute, `/continuity/${planId}`, { cookie: other.cookie, params: { planId } })).status).toBe(404);
    expect((await callAction(detailRoute, `/continuity/${planId}`, {}, { cookie: other.cookie, params: { planId } })).status).toBe(404);
    expect((await callAction(testRoute, `/continuity/${planId}/tests/new`, testFields(), { cookie: other.cookie, params: { planId } })).status).toBe(404);
    const list = await callLoader<{ plans: unknown[] }>(listRoute, "/continuity", { cookie: other.cookie });
    expect(list.data.plans).toEqual([]);
    const guard = await addMember(org.cookie, "security");
    expect((await callLoader(listRoute, "/continuity", { cookie: guard.cookie })).status).toBe(200);
    expect((await callAction(newRoute, "/continuity/new", planFields(), { cookie: guard.cookie })).status).toBe(403);
    const auditor = await addMember(org.cookie, "auditor");
    expect((await callLoader(detailRoute, `/continuity/${planId}`, { cookie: auditor.cookie, params: { planId } })).status).toBe(200);
    expect((await callAction(testRoute, `/continuity/${planId}/tests/new`, testFields(), { cookie: auditor.cookie, params: { planId } })).status).toBe(403);
  });

  test("the list filters, the CSV export follows the filter, and the dossier prints the plan and its tests", async () => {
    const draft = await callAction(newRoute, "/continuity/new", planFields({ title: "IT 灾备 / IT recovery", disruptions: ["it_outage"], nextTestOn: day(200) }), { cookie: org.cookie });
    expect(draft.status).toBe(302);
    const listed = async (search: string) =>
      (await callLoader<{ plans: { reference: string }[] }>(listRoute, `/continuity${search}`, { cookie: org.cookie })).data.plans.map((p) => p.reference).sort();
    expect(await listed("")).toEqual(["BCP-0001", "BCP-0002"]);
    expect(await listed("?status=draft")).toEqual(["BCP-0002"]);
    expect(await listed("?disruption=port_closure")).toEqual(["BCP-0001"]);
    expect(await listed("?due=1")).toEqual(["BCP-0001"]);

    const csv = async (search: string) => {
      const response = (await csvRoute.loader({ request: getRequest(`/continuity/export.csv${search}`, { cookie: org.cookie }), params: {}, context: {} })) as Response;
      return Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    };
    const all = await csv("");
    expect(all).toHaveLength(3);
    const filtered = await csv("?status=approved");
    expect(filtered).toHaveLength(2);
    expect(filtered[1]?.slice(0, 3)).toEqual(["BCP-0001", "出口业务连续性计划 / Export operations continuity plan", "1.0"]);
    // In the reader's language: the organisation's owner reads Chinese.
    expect(filtered[1]?.[5]).toBe("港口关闭; 信息系统故障");
    expect(filtered[1]?.[9]).toBe("2");

    const plan = (await loadRecords(testDb(), org.organizationId, "continuity_plan", [planId])).get(planId);
    expect(plan?.reference).toBe("BCP-0001");
    expect(plan?.result).toEqual({ zh: "已审批", en: "Approved" });
    expect(plan?.files?.map((f) => f.originalName)).toEqual(["bcp.pdf"]);
    const line = (await loadRecords(testDb(), org.organizationId, "continuity_test", [testId])).get(testId);
    expect(line).toMatchObject({ reference: "BCT-0001", path: `/continuity/${planId}#test-${testId}`, result: { zh: "通过，有发现项", en: "Passed with findings" } });
    expect(await loadRecords(testDb(), other.organizationId, "continuity_test", [testId])).toEqual(new Map());
  });
});
