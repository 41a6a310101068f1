// Self-assessments through their routes: creating one, saving results (with cited policies and
// evidence files), the official outcome, corrective actions within the improvement period,
// finalising, the comparison with the previous assessment and the report PDF.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import {
  assessmentResultEvidence,
  assessmentResults,
  assessments,
  auditEvents,
  correctiveActions,
  criteria,
  evidenceFiles,
  evidenceLinks,
} from "../../db/schema";
import { assessmentActionsByCriterion } from "~/lib/assessments/assessment-actions.server";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { scoreAssessment, type AssessmentResultValue } from "~/lib/assessments/scoring";
import { checkUpload } from "~/lib/evidence/file-store.server";
import { serverT } from "~/lib/i18n/i18n.server";
import { translateMessage } from "~/lib/i18n/messages";
import { createPolicy } from "~/lib/policies/policies.server";
import * as assessmentRoute from "~/routes/_app.assessments.$assessmentId/route";
import * as listRoute from "~/routes/_app.assessments._index";
import * as newRoute from "~/routes/_app.assessments.new";
import * as reportRoute from "~/routes/assessments.$assessmentId.report[.]pdf";
import { addMember, createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { applyDirect, createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf, type Fields } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

// Evidence files go to a directory of this file's own (filesDir() reads FILES_DIR at each call).
const filesDir = mkdtempSync(path.join(tmpdir(), "tg-assessment-files-"));
process.env.FILES_DIR = filesDir;
afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

const run = promisify(execFile);
const zh = serverT("zh-CN");

/** The smallest file the upload check takes for a PDF: it starts with %PDF-. */
const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

type View = Awaited<ReturnType<typeof assessmentRoute.loader>>;
type List = Awaited<ReturnType<typeof listRoute.loader>>;

const ASSESSED_ON = "2026-03-02";
/** ASSESSED_ON + 90 days: the last allowed due date of a corrective action. */
const DEADLINE = "2026-05-31";

const ITEMS_2014 = Array.from({ length: 28 }, (_, i) => String(i + 1));
const BONUS_2014 = ["29-1", "29-2", "29-3", "29-4", "29-5"];

/** Every criterion of cn-2014-general answered: items 1–28 met, no bonus item applies. */
function all2014(overrides: Record<string, AssessmentResultValue> = {}): Record<string, AssessmentResultValue> {
  const answers: Record<string, AssessmentResultValue> = {};
  for (const key of ITEMS_2014) answers[key] = "meets";
  for (const key of BONUS_2014) answers[key] = "not_applicable";
  return { ...answers, ...overrides };
}

async function newAssessment(owner: SignedUp, fields: Fields = {}): Promise<string> {
  const outcome = await callAction(
    newRoute,
    "/assessments/new",
    { framework: "cn-2014-general", title: "2026年一般认证自我评估", assessedOn: ASSESSED_ON, ...fields },
    { cookie: owner.cookie },
  );
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = /^\/assessments\/([0-9a-f-]{36})$/.exec(outcome.location ?? "")?.[1];
  if (!id) throw new Error(`unexpected redirect ${outcome.location}`);
  return id;
}

function post(owner: { cookie: string }, id: string, fields: Fields, file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) form.append(key, item);
    else form.append(key, String(value));
  }
  if (file) form.append("file", new File([file.bytes], file.name, { type: file.type ?? "application/pdf" }));
  return callAction(assessmentRoute, `/assessments/${id}`, form, { cookie: owner.cookie, params: { assessmentId: id } });
}

function saveResult(owner: { cookie: string }, id: string, criterion: string, result: string, extra: Fields = {}) {
  return post(owner, id, { intent: "result", criterion, result, ...extra });
}

async function answer(owner: SignedUp, id: string, answers: Record<string, AssessmentResultValue>) {
  for (const [criterion, result] of Object.entries(answers)) {
    const outcome = await saveResult(owner, id, criterion, result);
    expect(outcome.status, `${criterion}=${result}: ${JSON.stringify(outcome.data)}`).toBe(302);
  }
}

async function view(owner: { cookie: string }, id: string) {
  const outcome = await callLoader<View>(assessmentRoute, `/assessments/${id}`, { cookie: owner.cookie, params: { assessmentId: id } });
  expect(outcome.status).toBe(200);
  return outcome.data;
}

/** The outcome the page shows: the official rule applied to the loader's criteria and results. */
function outcomeOf(d: View) {
  const results = Object.fromEntries(Object.entries(d.results).map(([k, r]) => [k, r.result]));
  return scoreAssessment(d.framework.scoringRule, d.scoring, results);
}

async function listed(owner: SignedUp, id: string) {
  const outcome = await callLoader<List>(listRoute, "/assessments", { cookie: owner.cookie });
  const row = outcome.data.assessments.find((a) => a.id === id);
  if (!row) throw new Error(`assessment ${id} not in the list`);
  return row;
}

async function resultRow(id: string, key: string) {
  const [row] = await testDb()
    .select({ result: assessmentResults, criterion: criteria })
    .from(assessmentResults)
    .innerJoin(criteria, eq(criteria.id, assessmentResults.criterionId))
    .where(and(eq(assessmentResults.assessmentId, id), eq(criteria.key, key)));
  if (!row) throw new Error(`no result row for ${key}`);
  return row;
}

/** Rows the organisation owns in the tables a result post may write to. */
async function writesOf(orgId: string) {
  const where = sql`organization_id = ${orgId}`;
  return {
    audit: await countRows("audit_events", where),
    files: await countRows("evidence_files", where),
    evidence: await countRows("assessment_result_evidence", where),
    links: await countRows("evidence_links", where),
    actions: await countRows("corrective_actions", where),
    assessments: await countRows("assessments", where),
    results: await countRows("assessment_results", where),
  };
}

async function downloadReport(owner: { cookie: string }, id: string) {
  const response = await reportRoute.loader({
    request: getRequest(`/assessments/${id}/report.pdf`, { cookie: owner.cookie }),
    params: { assessmentId: id },
    context: {},
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe("creating an assessment", () => {
  test("the new-assessment form creates it with one empty result per assessable criterion and an audit event", async () => {
    const owner = await signUpOrganization();
    const page = await callLoader<Awaited<ReturnType<typeof newRoute.loader>>>(newRoute, "/assessments/new", { cookie: owner.cookie });
    expect(page.status).toBe(200);
    expect(page.data.frameworks.find((f) => f.code === "cn-2014-general")?.assessable).toBe(33);

    const id = await newAssessment(owner);
    const [row] = await testDb().select().from(assessments).where(eq(assessments.id, id));
    expect(row).toMatchObject({ organizationId: owner.organizationId, status: "draft", assessedOn: ASSESSED_ON, number: 1 });
    const results = await testDb().select().from(assessmentResults).where(eq(assessmentResults.assessmentId, id));
    expect(results).toHaveLength(33);
    expect(results.every((r) => r.result === null && r.organizationId === owner.organizationId)).toBe(true);
    const keys = (await view(owner, id)).criteria.filter((c) => c.options.length > 0).map((c) => c.key);
    expect(keys).toEqual([...ITEMS_2014, ...BONUS_2014]);

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityType, "assessment"), eq(auditEvents.entityId, id)));
    expect(event).toMatchObject({ action: "create", actorUserId: owner.userId });
    expect(event?.after).toMatchObject({ framework: "cn-2014-general@2014.1", title: "2026年一般认证自我评估" });

    const list = await listed(owner, id);
    expect(list).toMatchObject({ reference: "SA-2026-0001", status: "draft", outcome: { answered: 0, total: 33, score: 100 } });
  });

  test.each([
    ["no title", { title: "  " }, "title", "errors.required"],
    ["an impossible date", { assessedOn: "2026-02-30" }, "assessedOn", "errors.date"],
    ["an unknown framework", { framework: "iso-9001" }, "framework", "errors.choose"],
  ])("%s is a 400 with the field's error and nothing is written", async (_label, overrides, field, key) => {
    const owner = await signUpOrganization();
    const before = await writesOf(owner.organizationId);
    const outcome = await callAction(
      newRoute,
      "/assessments/new",
      { framework: "cn-2014-general", title: "自我评估", assessedOn: ASSESSED_ON, ...overrides },
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome)[field])).toBe(key);
    expect(Object.keys(errorsOf(outcome))).toEqual([field]);
    expect(await writesOf(owner.organizationId)).toEqual(before);
  });

  test("an auditor may read assessments but gets 403 when creating or changing one", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const auditor = await addMember(owner.cookie, "auditor");
    const before = await writesOf(owner.organizationId);

    const created = await callAction(
      newRoute,
      "/assessments/new",
      { framework: "cn-2014-general", title: "不应保存", assessedOn: ASSESSED_ON },
      { cookie: auditor.cookie },
    );
    expect(created.status).toBe(403);
    expect(created.data).toMatchObject({ reason: "forbidden", permission: "assessments.manage" });
    expect((await callLoader(newRoute, "/assessments/new", { cookie: auditor.cookie })).status).toBe(403);

    const saved = await saveResult(auditor, id, "1", "meets");
    expect(saved.status).toBe(403);
    expect((await post(auditor, id, { intent: "finalize" })).status).toBe(403);
    expect(await writesOf(owner.organizationId)).toEqual(before);

    // Reading is allowed, and so is the report.
    expect((await view(auditor, id)).assessment.id).toBe(id);
    const { response } = await downloadReport(auditor, id);
    expect(response.status).toBe(200);
  });
});

describe("saving results", () => {
  test("saves the result, the explanation and the cited policies", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const file = await checkUpload(new File([PDF_BYTES], "组织架构制度.pdf", { type: "application/pdf" }), { required: true });
    if (!file.ok || !file.file) throw new Error("the test PDF was refused");
    const policy = await createPolicy(
      testDb(),
      { organizationId: owner.organizationId, userId: owner.userId },
      {
        documentNumber: "QP-01",
        titleZh: "关务管理制度",
        titleEn: "Customs affairs policy",
        version: "1.0",
        effectiveOn: "2026-01-01",
        approvedBy: "总经理",
        changeNote: undefined,
        criteria: [],
      },
      file.file,
    );
    if (!policy.ok) throw new Error(JSON.stringify(policy.errors));

    const outcome = await saveResult(owner, id, "1", "partly_meets", {
      explanation: "已指定副总经理负责关务；认证档案尚未电子化。",
      policies: [policy.id],
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/assessments/${id}?saved=1#c-1`);

    const { result } = await resultRow(id, "1");
    expect(result).toMatchObject({ result: "partly_meets", explanation: "已指定副总经理负责关务；认证档案尚未电子化。", updatedByUserId: owner.userId });
    const cited = await testDb().select().from(assessmentResultEvidence).where(eq(assessmentResultEvidence.resultId, result.id));
    expect(cited.map((c) => [c.recordType, c.recordId])).toEqual([["policy", policy.id]]);

    const d = await view(owner, id);
    expect(d.results["1"]).toMatchObject({
      result: "partly_meets",
      evidence: [{ recordType: "policy", recordId: policy.id, label: "QP-01 关务管理制度" }],
    });
    expect(d.policies.map((p) => p.id)).toEqual([policy.id]);
    expect(outcomeOf(d)).toMatchObject({ answered: 1, score: 99, partlyMet: ["1"], toImprove: ["1"] });

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "assessment_result"), eq(auditEvents.entityId, result.id)));
    expect(event).toMatchObject({ action: "update", before: { criterion: "1", result: null }, after: { criterion: "1", result: "partly_meets" } });

    // Saving again without the policy uncites it; the policy itself stays.
    expect((await saveResult(owner, id, "1", "meets", { explanation: "已整改。" })).status).toBe(302);
    expect(await testDb().select().from(assessmentResultEvidence).where(eq(assessmentResultEvidence.resultId, result.id))).toEqual([]);
    expect((await resultRow(id, "1")).result).toMatchObject({ result: "meets", explanation: "已整改。" });
  });

  test("a result the criterion does not offer (partly met on item 13) is a 400 and changes nothing", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    expect((await saveResult(owner, id, "13", "meets")).status).toBe(302);
    const before = await writesOf(owner.organizationId);

    const outcome = await saveResult(owner, id, "13", "partly_meets", { explanation: "不应保存" });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ result: "assessments.resultNotAllowed" });
    expect(outcome.data).toMatchObject({ intent: "result", criterion: "13" });
    expect((await resultRow(id, "13")).result).toMatchObject({ result: "meets", explanation: "" });
    expect(await writesOf(owner.organizationId)).toEqual(before);

    // The bonus item takes only 符合 / 不适用; an unknown criterion or result is refused too.
    expect(errorsOf(await saveResult(owner, id, "29-2", "meets"))).toEqual({ result: "assessments.resultNotAllowed" });
    expect(keyOf(errorsOf(await saveResult(owner, id, "29", "conforms")).criterion)).toBe("errors.choose");
    expect(keyOf(errorsOf(await saveResult(owner, id, "1", "excellent")).result)).toBe("assessments.chooseResult");
    expect(await writesOf(owner.organizationId)).toEqual(before);
  });

  test("an evidence file is stored by content and linked to the result and the criterion; it can be removed", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const outcome = await post(
      owner,
      id,
      { intent: "result", criterion: "21", result: "meets", explanation: "门卫24小时值守。" },
      { name: "门禁登记表.pdf", bytes: PDF_BYTES },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);

    const [file] = await testDb().select().from(evidenceFiles).where(eq(evidenceFiles.organizationId, owner.organizationId));
    expect(file).toMatchObject({ originalName: "门禁登记表.pdf", mediaType: "application/pdf", sizeBytes: PDF_BYTES.byteLength });
    if (!file) throw new Error("file row missing");
    expect(existsSync(path.join(filesDir, file.sha256.slice(0, 2), file.sha256))).toBe(true);

    const { result, criterion } = await resultRow(id, "21");
    const cited = await testDb().select().from(assessmentResultEvidence).where(eq(assessmentResultEvidence.resultId, result.id));
    expect(cited.map((c) => [c.recordType, c.recordId])).toEqual([["file", file.id]]);
    const links = await testDb().select().from(evidenceLinks).where(eq(evidenceLinks.organizationId, owner.organizationId));
    expect(links).toEqual([expect.objectContaining({ criterionId: criterion.id, recordType: "file", recordId: file.id })]);
    const d = await view(owner, id);
    expect(d.results["21"]?.evidence).toEqual([expect.objectContaining({ recordType: "file", recordId: file.id, sha256: file.sha256 })]);

    // The same bytes again: no second copy, no second link.
    expect((await post(owner, id, { intent: "result", criterion: "21", result: "meets" }, { name: "again.pdf", bytes: PDF_BYTES })).status).toBe(302);
    expect(await countRows("evidence_files", sql`organization_id = ${owner.organizationId}`)).toBe(1);
    expect(await countRows("assessment_result_evidence", sql`result_id = ${result.id}`)).toBe(1);

    const removed = await post(owner, id, { intent: "removeFile", criterion: "21", fileId: file.id });
    expect(removed.status).toBe(302);
    expect(removed.location).toBe(`/assessments/${id}?saved=21#c-21`);
    expect(await countRows("assessment_result_evidence", sql`result_id = ${result.id}`)).toBe(0);
    // The file itself stays: it is evidence of its own, and other records may cite it.
    expect(await countRows("evidence_files", sql`id = ${file.id}`)).toBe(1);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityType, "assessment_result_evidence")));
    expect(event).toMatchObject({ action: "delete", before: { criterion: "21", file: file.id } });
    // Removing it again: nothing to remove.
    expect((await post(owner, id, { intent: "removeFile", criterion: "21", fileId: file.id })).status).toBe(404);
  });

  test("a file whose bytes are not an allowed type is a 400 and nothing is written", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const before = await writesOf(owner.organizationId);
    const outcome = await post(
      owner,
      id,
      { intent: "result", criterion: "21", result: "partly_meets", explanation: "不应保存" },
      { name: "report.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 this is not a PDF") },
    );
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).file)).toBe("files.badType");
    expect(outcome.data).toMatchObject({ intent: "result", criterion: "21", values: { result: "partly_meets", explanation: "不应保存" } });
    expect((await resultRow(id, "21")).result).toMatchObject({ result: null, explanation: "" });
    expect(await writesOf(owner.organizationId)).toEqual(before);
  });
});

describe("the whole assessment in one save", () => {
  test("shows per criterion the records that evidence it, and saves every answer at once; partial answers are fine", async () => {
    const owner = await signUpOrganization();
    const actor = { organizationId: owner.organizationId, userId: owner.userId };
    const siteId = (await createSite(owner.cookie)).id;
    // Two container inspections: evidence for 2014 item 26 (集装箱安全); the seal application is
    // evidence for item 25 (货物安全), item 26 having no seal clause.
    await submitContainerInspection(actor, siteId);
    await submitContainerInspection(actor, siteId, { values: { occurredAt: "2026-11-21T10:00" } });
    const seal = `${sealPrefix()}0001`;
    await receiveRange(sealActor(owner), await createModel(sealActor(owner)), seal, seal, siteId, "2026-01-05T08:00");
    expect((await applyDirect(sealActor(owner), seal)).ok).toBe(true);
    const id = await newAssessment(owner);

    const before = await view(owner, id);
    expect(before.evidence["26"]?.recent).toEqual(expect.arrayContaining([{ type: "inspection", count: 2 }]));
    expect(before.evidence["26"]?.recent.map((r) => r.type)).not.toContain("seal_application");
    expect(before.evidence["25"]?.recent).toEqual(expect.arrayContaining([{ type: "seal_application", count: 1 }]));
    expect(before.evidence["1"]).toMatchObject({ recent: [], policies: [] });

    const writes = await writesOf(owner.organizationId);
    const long = "长".repeat(4001);
    const refused = await post(owner, id, {
      intent: "results",
      criteria: ["1", "2", "3", "13", "26"],
      result_1: "meets",
      result_2: "partly_meets",
      explanation_2: "复核记录不完整。",
      result_13: "partly_meets",
      explanation_26: long,
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(errorsOf(refused)).sort()).toEqual(["explanation_26"]);
    expect(keyOf(errorsOf(refused).explanation_26)).toBe("errors.tooLong");
    expect(await writesOf(owner.organizationId)).toEqual(writes);
    // Each field is checked: a result the criterion does not offer is named on its own field.
    const notOffered = await post(owner, id, { intent: "results", criteria: ["1", "13"], result_1: "meets", result_13: "partly_meets" });
    expect(errorsOf(notOffered)).toEqual({ result_13: "assessments.resultNotAllowed" });
    expect(await writesOf(owner.organizationId)).toEqual(writes);

    const saved = await post(owner, id, {
      intent: "results",
      criteria: ["1", "2", "3", "26"],
      result_1: "meets",
      result_2: "partly_meets",
      explanation_2: "复核记录不完整。",
      explanation_26: "两次集装箱检查和一次施封已记录。",
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect(saved.location).toBe(`/assessments/${id}?saved=all&changed=3`);
    const d = await view(owner, id);
    expect(d.results["1"]?.result).toBe("meets");
    expect(d.results["2"]).toMatchObject({ result: "partly_meets", explanation: "复核记录不完整。" });
    expect(d.results["3"]?.result).toBeNull();
    expect(d.results["26"]).toMatchObject({ result: null, explanation: "两次集装箱检查和一次施封已记录。" });
    const after = await writesOf(owner.organizationId);
    expect(after.audit - writes.audit).toBe(3);
    // Saving the same page again changes nothing and audits nothing.
    const again = await post(owner, id, {
      intent: "results",
      criteria: ["1", "2", "3", "26"],
      result_1: "meets",
      result_2: "partly_meets",
      explanation_2: "复核记录不完整。",
      explanation_26: "两次集装箱检查和一次施封已记录。",
    });
    expect(again.location).toBe(`/assessments/${id}?saved=all&changed=0`);
    expect(await writesOf(owner.organizationId)).toEqual(after);
  });
});

describe("the outcome follows the official rules", () => {
  test("cn-2014-general: five partly met is 95 and passes; one failed improvable item fails it", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const partly = ["1", "5", "21", "22", "28"];
    await answer(owner, id, all2014(Object.fromEntries(partly.map((k) => [k, "partly_meets" as const]))));

    let outcome = outcomeOf(await view(owner, id));
    expect(outcome).toMatchObject({ complete: true, answered: 33, score: 95, bonus: 0, passed: true, partlyMet: partly, failed: [], blocking: [] });
    expect(outcome.toImprove).toEqual(partly);
    expect(outcome.reasons).toEqual([{ key: "assessments.reason.scoreReached", values: { score: 95, mark: 95 } }]);
    expect((await listed(owner, id)).outcome).toMatchObject({ passed: true, score: 95, partlyMet: 5, failed: 0, answered: 33 });

    // One failed item, though it may be improved: 93 points and a failure, so not passed.
    await answer(owner, id, { "23": "fails" });
    outcome = outcomeOf(await view(owner, id));
    expect(outcome).toMatchObject({ score: 93, passed: false, failed: ["23"], blocking: [], toImprove: [...partly.slice(0, 4), "23", "28"] });
    expect(outcome.reasons.map((r) => r.key)).toEqual(["assessments.reason.failedItems", "assessments.reason.scoreBelow"]);
    expect((await listed(owner, id)).outcome).toMatchObject({ passed: false, score: 93, failed: 1 });

    // Bonus items add 2 each, capped at +2; they do not cancel a failure.
    await answer(owner, id, { "23": "meets", "29-2": "conforms", "29-4": "conforms" });
    outcome = outcomeOf(await view(owner, id));
    expect(outcome).toMatchObject({ score: 97, bonus: 2, passed: true });
  });

  test("cn-2022-advanced: three basically-met general items pass, a fourth fails with tooManyBasic", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner, { framework: "cn-2022-advanced", title: "2026年高级认证自我评估" });
    const d = await view(owner, id);
    const assessable = d.criteria.filter((c) => c.options.length > 0);
    expect(assessable.map((c) => c.key)).toEqual([
      ...Array.from({ length: 62 }, (_, i) => String(i + 1)),
      ...Array.from({ length: 32 }, (_, i) => `b${i + 1}`),
    ]);
    // A trading company: every general sub-item met, business-type items not applicable except processing trade.
    const answers: Record<string, AssessmentResultValue> = {};
    for (const c of assessable) answers[c.key] = c.part === "business_type" && c.key !== "b1" ? "not_applicable" : "meets";
    // Sub-items (1), (3) and (7) sit under items 1, 2 and 3: three basically-met items.
    await answer(owner, id, { ...answers, "1": "partly_meets", "3": "partly_meets", "7": "partly_meets" });
    let outcome = outcomeOf(await view(owner, id));
    expect(outcome).toMatchObject({ complete: true, passed: true, score: null, basicCounts: { general: 3, business_type: 0 } });
    expect(outcome.partlyMet).toEqual(["item-1", "item-2", "item-3"]);
    expect(outcome.derived).toMatchObject({ "item-1": "partly_meets", "item-4": "meets" });

    // (10) under item 4: the fourth.
    await answer(owner, id, { "10": "partly_meets" });
    outcome = outcomeOf(await view(owner, id));
    expect(outcome).toMatchObject({ passed: false, failed: [], basicCounts: { general: 4, business_type: 0 } });
    expect(outcome.partlyMet).toEqual(["item-1", "item-2", "item-3", "item-4"]);
    expect(outcome.reasons).toContainEqual({
      key: "assessments.reason.tooManyBasic",
      values: { part: "general", count: 4, limit: 3 },
    });
    expect((await listed(owner, id)).outcome).toMatchObject({ rule: "cn-2022-advanced", passed: false, score: null, partlyMet: 4 });
    // A second basically-met sub-item under an item already counted changes nothing.
    await answer(owner, id, { "10": "meets", "2": "partly_meets" });
    expect(outcomeOf(await view(owner, id))).toMatchObject({ passed: true, basicCounts: { general: 3 } });
  });
});

describe("corrective actions", () => {
  test("due exactly 90 days after the assessment date is accepted; 91 days is refused naming the deadline", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    await answer(owner, id, { "21": "partly_meets" });
    expect((await view(owner, id)).deadline).toBe(DEADLINE);
    const action = (dueOn: string, criterion = "21") =>
      post(owner, id, { intent: "action", criterion, title: "东侧装卸区增设照明", description: "", ownerUserId: owner.userId, dueOn });

    const before = await writesOf(owner.organizationId);
    const late = await action("2026-06-01");
    expect(late.status).toBe(400);
    const dueError = errorsOf(late).dueOn;
    expect(keyOf(dueError)).toBe("actions.dueTooLate");
    expect(translateMessage(zh, dueError ?? "")).toBe(`完成期限不得晚于 ${DEADLINE}：即评估日期 ${ASSESSED_ON} 后最多 90 日。`);
    expect(late.data).toMatchObject({ intent: "action", criterion: "21" });
    expect(await writesOf(owner.organizationId)).toEqual(before);

    const early = await action("2026-03-01");
    expect(keyOf(errorsOf(early).dueOn)).toBe("actions.dueBeforeAssessment");

    const ok = await action(DEADLINE);
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    expect(ok.location).toBe(`/assessments/${id}?actionAdded=1#plan-21`);
    const [row] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.organizationId, owner.organizationId));
    expect(row).toMatchObject({ sourceType: "assessment", sourceId: id, dueOn: DEADLINE, ownerUserId: owner.userId, status: "open", number: 1 });
    expect((await view(owner, id)).actions).toEqual([expect.objectContaining({ id: row?.id, criterionKey: "21", ownerName: owner.name })]);
  });

  test("a failed item that may not be improved (9) gets no corrective action", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    await answer(owner, id, { "9": "fails" });
    const d = await view(owner, id);
    expect(outcomeOf(d)).toMatchObject({ blocking: ["9"], toImprove: [], passed: false });
    const before = await writesOf(owner.organizationId);
    const refused = await post(owner, id, {
      intent: "action",
      criterion: "9",
      title: "补充审计报告",
      ownerUserId: owner.userId,
      dueOn: "2026-04-01",
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ form: "actions.notImprovable" });
    expect(await writesOf(owner.organizationId)).toEqual(before);
  });
});

describe("the improvement period from the framework's catalogue rule", () => {
  test("cn-2014-general: counted from the date customs notified once it is entered, labelled as the assessment date until then", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    await answer(owner, id, { "21": "partly_meets" });
    let d = await view(owner, id);
    expect(d.improvement.window).toMatchObject({ days: 90, from: ASSESSED_ON, fromNotified: false, deadline: DEADLINE });
    expect(d.improvement.sourceZh).toContain("规范改进期限由海关确定，最长不超过90日");

    // A notice before the assessment date is refused in the reader's language, and nothing is written.
    const before = await writesOf(owner.organizationId);
    const early = await post(owner, id, { intent: "notified", improvementNotifiedOn: "2026-03-01" });
    expect(early.status).toBe(400);
    expect(translateMessage(zh, errorsOf(early).improvementNotifiedOn ?? "")).toBe(`海关通知日期不得早于评估日期 ${ASSESSED_ON}。`);
    expect(await writesOf(owner.organizationId)).toEqual(before);

    const saved = await post(owner, id, { intent: "notified", improvementNotifiedOn: "2026-03-12" });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    d = await view(owner, id);
    expect(d.improvement.window).toMatchObject({ from: "2026-03-12", fromNotified: true, deadline: "2026-06-10" });
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "assessment"), eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(event?.after).toEqual({ improvementNotifiedOn: "2026-03-12" });

    const action = (dueOn: string) =>
      post(owner, id, { intent: "action", criterion: "21", title: "东侧装卸区增设照明", ownerUserId: owner.userId, dueOn });
    // Past the assessment-date deadline but within 90 days of the notice: accepted.
    const late = await action("2026-06-11");
    expect(translateMessage(zh, errorsOf(late).dueOn ?? "")).toBe("完成期限不得晚于 2026-06-10：即海关通知日期 2026-03-12 后最多 90 日。");
    expect((await action("2026-06-10")).status).toBe(302);

    // Cleared, the period counts from the assessment date again.
    expect((await post(owner, id, { intent: "notified", improvementNotifiedOn: "" })).status).toBe(302);
    expect((await view(owner, id)).improvement.window).toMatchObject({ from: ASSESSED_ON, fromNotified: false });
  });

  test("cn-2022-advanced: the official text sets no period, so none is invented; financial sub-items may be improved", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner, { framework: "cn-2022-advanced", title: "2026年高级认证自我评估" });
    await answer(owner, id, { "13": "fails" });
    const d = await view(owner, id);
    expect(d.improvement.window).toBeNull();
    expect(d.deadline).toBeNull();
    expect(d.improvement.noteZh).toContain("没有规定规范改进的期限");
    expect(outcomeOf(d)).toMatchObject({ blocking: [], toImprove: ["13"] });
    // Half a year after the assessment: no 90-day limit carried over from 2014.
    const ok = await post(owner, id, { intent: "action", criterion: "13", title: "补充财务审计报告", ownerUserId: owner.userId, dueOn: "2026-09-30" });
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const before = await writesOf(owner.organizationId);
    const refused = await post(owner, id, { intent: "notified", improvementNotifiedOn: "2026-03-12" });
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).form)).toBe("assessments.noImprovementPeriod");
    expect(await writesOf(owner.organizationId)).toEqual(before);
  });
});

describe("finalising", () => {
  test("is refused while criteria are open, then makes the assessment read-only", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    const answers = all2014({ "1": "partly_meets" });
    const last = ["28", "29-5"];
    await answer(owner, id, Object.fromEntries(Object.entries(answers).filter(([k]) => !last.includes(k))));

    const refused = await post(owner, id, { intent: "finalize", confirm: "yes" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ form: 'assessments.incomplete|{"count":2}' });
    expect(translateMessage(zh, errorsOf(refused).form ?? "")).toBe("还有 2 项标准未评估。请评估全部标准后再定稿。");
    expect((await view(owner, id)).assessment.status).toBe("draft");

    await answer(owner, id, { "28": "meets", "29-5": "not_applicable" });
    // Complete, but item 1 is partly met and has no corrective action: refused, naming it.
    const unplanned = await post(owner, id, { intent: "finalize", confirm: "yes" });
    expect(unplanned.status).toBe(400);
    expect(keyOf(errorsOf(unplanned).form)).toBe("assessments.shortfallWithoutAction");
    expect(translateMessage(zh, errorsOf(unplanned).form ?? "")).toBe("以下 1 项需改进但尚无整改措施，请逐项添加整改措施后再定稿：");
    expect(translateMessage(serverT("en"), errorsOf(unplanned).form ?? "")).toBe(
      "1 item(s) to improve have no corrective action yet. Add one for each before finalising:",
    );
    // The page lists them by code and title under the message.
    expect((unplanned.data as { unplanned?: string[] }).unplanned).toEqual(["1"]);
    expect((await view(owner, id)).assessment.status).toBe("draft");
    // A cancelled action does not count as a plan.
    const cancelledPlan = await post(owner, id, { intent: "action", criterion: "1", title: "认证档案电子化", ownerUserId: owner.userId, dueOn: "2026-04-30" });
    expect(cancelledPlan.status, JSON.stringify(cancelledPlan.data)).toBe(302);
    await testDb().update(correctiveActions).set({ status: "cancelled" }).where(eq(correctiveActions.organizationId, owner.organizationId));
    expect(keyOf(errorsOf(await post(owner, id, { intent: "finalize", confirm: "yes" })).form)).toBe("assessments.shortfallWithoutAction");
    const plan = await post(owner, id, { intent: "action", criterion: "1", title: "建立认证电子档案", ownerUserId: owner.userId, dueOn: "2026-04-30" });
    expect(plan.status, JSON.stringify(plan.data)).toBe(302);

    // Finalising cannot be undone: without the confirmation box it is refused and nothing changes.
    const unconfirmed = await post(owner, id, { intent: "finalize" });
    expect(unconfirmed.status).toBe(400);
    expect(errorsOf(unconfirmed)).toEqual({ form: "assessments.confirmFinalize" });
    expect((await view(owner, id)).assessment.status).toBe("draft");

    const done = await post(owner, id, { intent: "finalize", confirm: "yes" });
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/assessments/${id}?finalized=1`);
    const d = await view(owner, id);
    expect(d.assessment).toMatchObject({ status: "final", finalizedByUserId: owner.userId });
    expect(d.finalizedBy).toBe(owner.name);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "assessment"), eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(event).toMatchObject({ before: { status: "draft" }, after: { status: "final", passed: true, score: 99 } });

    const before = await writesOf(owner.organizationId);
    const late = await saveResult(owner, id, "1", "meets");
    expect(late.status).toBe(400);
    expect(errorsOf(late)).toEqual({ form: "assessments.finalReadOnly" });
    const withFile = await post(owner, id, { intent: "result", criterion: "2", result: "fails" }, { name: "x.pdf", bytes: PDF_BYTES });
    expect(errorsOf(withFile)).toEqual({ form: "assessments.finalReadOnly" });
    expect(errorsOf(await post(owner, id, { intent: "finalize", confirm: "yes" }))).toEqual({ form: "assessments.finalReadOnly" });
    expect(await writesOf(owner.organizationId)).toEqual(before);
    expect((await resultRow(id, "1")).result.result).toBe("partly_meets");
    // Corrective actions are still planned on a final assessment.
    const planned = await post(owner, id, { intent: "action", criterion: "1", title: "纸质档案扫描归档", ownerUserId: owner.userId, dueOn: "2026-04-30" });
    expect(planned.status, JSON.stringify(planned.data)).toBe(302);

    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });
});

describe("comparison with the previous assessment", () => {
  test("a second assessment of the same framework lists the criteria whose result changed", async () => {
    const owner = await signUpOrganization();
    const first = await newAssessment(owner, { title: "2025年自评", assessedOn: "2025-09-01" });
    await answer(owner, first, all2014({ "1": "partly_meets", "21": "fails", "29-2": "conforms" }));
    const second = await newAssessment(owner, { title: "2026年自评", assessedOn: ASSESSED_ON });
    await answer(owner, second, all2014({ "21": "partly_meets", "22": "partly_meets", "29-2": "conforms" }));

    const d = await view(owner, second);
    expect(d.comparison?.previous).toMatchObject({ id: first, reference: "SA-2025-0001", assessedOn: "2025-09-01", frameworkVersion: "2014.1" });
    expect(d.comparison?.previous.outcome).toMatchObject({ score: 99, passed: false });
    expect(d.comparison?.changes).toEqual([
      { key: "1", code: "1", titleZh: "内部组织架构", titleEn: "Internal organisational structure", before: "partly_meets", after: "meets" },
      expect.objectContaining({ key: "21", titleZh: "场所安全", before: "fails", after: "partly_meets" }),
      expect.objectContaining({ key: "22", before: "meets", after: "partly_meets" }),
    ]);
    // The first has nothing before it; another framework is not compared.
    expect((await view(owner, first)).comparison).toBeNull();
    const other = await newAssessment(owner, { framework: "cn-2022-advanced", title: "高级认证", assessedOn: "2026-06-01" });
    expect((await view(owner, other)).comparison).toBeNull();
  });
});

describe("the report PDF", () => {
  test("is a valid PDF in the official layout, and a final report is the same bytes every time", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner);
    await answer(owner, id, all2014({ "5": "partly_meets", "21": "partly_meets", "29-2": "conforms" }));
    await saveResult(owner, id, "21", "partly_meets", { explanation: "东侧装卸区夜间照明不足，已列入整改计划。" });

    const draft = await downloadReport(owner, id);
    expect(draft.response.status).toBe(200);
    expect(draft.response.headers.get("Content-Type")).toBe("application/pdf");
    expect(draft.response.headers.get("Content-Disposition")).toBe('attachment; filename="SA-2026-0001.pdf"');
    expect(draft.response.headers.get("Content-Length")).toBe(String(draft.bytes.byteLength));
    expect(draft.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const dir = mkdtempSync(path.join(tmpdir(), "tg-report-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, draft.bytes);
      const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      const flat = text.replace(/\s+/g, "");
      for (const expected of [
        "适用认证企业管理自我评估报告",
        owner.legalNameZh.replace(/\s+/g, ""),
        "认证分数",
        "内部组织架构",
        "场所安全",
        "内审制度",
        "危机管理",
        "东侧装卸区夜间照明不足",
        "草稿（未定稿）",
      ]) {
        expect(flat, expected).toContain(expected);
      }
      expect(flat).toContain("认证分数Score：100");
      expect(flat).toMatch(/认证部分达标指标序号Partlymet：5、21/);
      await run("qpdf", ["--check", file]);

      for (const criterion of ["5", "21"]) {
        const planned = await post(owner, id, { intent: "action", criterion, title: `整改第 ${criterion} 项`, ownerUserId: owner.userId, dueOn: "2026-04-30" });
        expect(planned.status, JSON.stringify(planned.data)).toBe(302);
      }
      expect((await post(owner, id, { intent: "finalize", confirm: "yes" })).status).toBe(302);
      const once = await downloadReport(owner, id);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const twice = await downloadReport(owner, id);
      expect(once.bytes.equals(twice.bytes)).toBe(true);
      writeFileSync(file, once.bytes);
      await run("qpdf", ["--check", file]);
      const { stdout: finalText } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      expect(finalText.replace(/\s+/g, "")).toContain("已定稿");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("lists each partly-met or failed item's corrective actions, and says so when an item has none", async () => {
    const owner = await signUpOrganization();
    const other = await signUpOrganization();
    const id = await newAssessment(owner);
    await answer(owner, id, all2014({ "5": "partly_meets", "21": "fails", "22": "partly_meets" }));
    const plan = async (criterion: string, title: string, dueOn: string) => {
      const outcome = await post(owner, id, { intent: "action", criterion, title, ownerUserId: owner.userId, dueOn });
      expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    };
    await plan("21", "东侧装卸区增设夜间照明", "2026-04-30");
    await plan("21", "Add a CCTV camera at the gatehouse", DEADLINE);
    await plan("22", "访客证编号并按日回收", "2026-04-15");
    await plan("22", "补录访客登记簿", "2026-04-15");
    await plan("22", "更换门禁系统", "2026-04-20");
    // Closed as the actions page would close them, at fixed instants. 2026-04-15T16:30Z is already
    // 04-16 in Shanghai: the organisation's day, not UTC's, decides whether it was in time.
    const close = async (number: number, status: "in_progress" | "done" | "cancelled", closedAt: Date | null) =>
      testDb()
        .update(correctiveActions)
        .set({ status, closedAt, closedByUserId: closedAt ? owner.userId : null })
        .where(and(eq(correctiveActions.organizationId, owner.organizationId), eq(correctiveActions.number, number)));
    await close(2, "in_progress", null);
    await close(3, "done", new Date("2026-04-15T15:30:00Z"));
    await close(4, "done", new Date("2026-04-15T16:30:00Z"));
    await close(5, "cancelled", new Date("2026-04-10T02:00:00Z"));
    // Item 5 has no action: the assessment stays a draft (finalising is refused), and its report says so.
    const refusedFinal = await post(owner, id, { intent: "finalize", confirm: "yes" });
    expect(keyOf(errorsOf(refusedFinal).form)).toBe("assessments.shortfallWithoutAction");
    expect((refusedFinal.data as { unplanned?: string[] }).unplanned).toEqual(["5"]);

    const item21 = (await resultRow(id, "21")).criterion.id;
    const item22 = (await resultRow(id, "22")).criterion.id;
    const byCriterion = await assessmentActionsByCriterion(testDb(), owner.organizationId, id);
    expect([...byCriterion.keys()].sort()).toEqual([item21, item22].sort());
    expect(byCriterion.get(item21)).toEqual([
      { reference: "CA-0001", title: "东侧装卸区增设夜间照明", ownerName: owner.name, dueOn: "2026-04-30", status: "open", closedOn: null, closedInTime: null },
      { reference: "CA-0002", title: "Add a CCTV camera at the gatehouse", ownerName: owner.name, dueOn: DEADLINE, status: "in_progress", closedOn: null, closedInTime: null },
    ]);
    expect(byCriterion.get(item22)).toEqual([
      expect.objectContaining({ reference: "CA-0003", status: "done", closedOn: "2026-04-15", closedInTime: true }),
      expect.objectContaining({ reference: "CA-0004", status: "done", closedOn: "2026-04-16", closedInTime: false }),
      expect.objectContaining({ reference: "CA-0005", status: "cancelled", closedOn: "2026-04-10", closedInTime: null }),
    ]);
    // Tenant-scoped: another organisation asking for this assessment gets nothing.
    expect((await assessmentActionsByCriterion(testDb(), other.organizationId, id)).size).toBe(0);

    const { response, bytes } = await downloadReport(owner, id);
    expect(response.status).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), "tg-report-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, bytes);
      await run("qpdf", ["--check", file]);
      const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      const flat = text.replace(/\s+/g, "");
      for (const expected of [
        "CA-0001",
        "东侧装卸区增设夜间照明",
        "2026-04-30",
        "待整改",
        "CA-0002",
        "AddaCCTVcameraatthegatehouse",
        "整改中",
        "Inprogress",
        "CA-0003",
        "访客证编号并按日回收",
        "已完成",
        "按期",
        "Ontime",
        "CA-0004",
        "2026-04-16",
        "逾期",
        "CA-0005",
        "已取消",
        "Cancelled",
        "无整改措施/Nocorrectiveactionrecorded",
      ]) {
        expect(flat, expected).toContain(expected);
      }
      // In the page's own order (pdftotext -layout: one line per printed line): each action on a
      // row of its own under its item, with its due date, status and closing; the line only under item 5.
      const { stdout: layout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]);
      const lines = layout.split("\n");
      const line = (token: string) => {
        const found = lines.findIndex((l) => l.includes(token));
        expect(found, token).toBeGreaterThanOrEqual(0);
        return found;
      };
      const order = ["5.内审制度", "无整改措施", "6.改进机制", "21.场所安全", "CA-0001", "CA-0002", "22.进入安全", "CA-0003", "CA-0004", "CA-0005", "23.人员安全"];
      const positions = order.map(line);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(lines.filter((l) => l.includes("无整改措施"))).toHaveLength(1);
      expect(lines[line("CA-0001")]).toMatch(/CA-0001\s+东侧装卸区增设夜间照明\s+.*2026-04-30\s+待整改\s+—/);
      expect(lines[line("CA-0003")]).toMatch(/2026-04-15\s+已完成\s+2026-04-15$/);
      expect(lines[line("CA-0003") + 1]).toMatch(/Done\s+按期 On time$/);
      expect(lines[line("CA-0004")]).toMatch(/2026-04-15\s+已完成\s+2026-04-16$/);
      expect(lines[line("CA-0004") + 1]).toMatch(/Done\s+逾期 Late$/);
      expect(lines[line("CA-0005")]).toMatch(/2026-04-20\s+已取消\s+2026-04-10$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("another framework's assessments are reported too (cn-2022-advanced)", async () => {
    const owner = await signUpOrganization();
    const id = await newAssessment(owner, { framework: "cn-2022-advanced", title: "高级认证自评" });
    const { response, bytes } = await downloadReport(owner, id);
    expect(response.status).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), "tg-report-"));
    try {
      const file = path.join(dir, "report.pdf");
      writeFileSync(file, bytes);
      await run("qpdf", ["--check", file]);
      const { stdout } = await run("pdftotext", ["-enc", "UTF-8", "-l", "2", file, "-"]);
      expect(stdout.replace(/\s+/g, "")).toContain("海关高级认证企业自我评估报告");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
