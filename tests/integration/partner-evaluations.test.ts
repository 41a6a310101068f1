// Partner evaluations through their pages: starting one, answering and preparing it, the four-eyes
// decision (tier, dates, conditions as corrective actions, evidence), rejection, AEO exemptions and
// the partner's own questionnaire link. A refused write leaves no trace.
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own. Set before any app module reads env(),
// which caches (vi.hoisted runs ahead of the imports below).
await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("partner-evaluation"));

import { auditEvents, correctiveActions, partnerDocuments, questionnaireLinks } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { message } from "~/lib/i18n/messages";
import { openQuestionnaireLink } from "~/lib/partners/evaluation-links.server";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { aeoPartnerFields, answerFields, bestOption, createLink, criticalOption, decide, decideOk, evaluationPage, evaluationRow, evidenceOf, expectedScore, footprint, linkRow, listPartners, openLink, partlyOption, partnerPage, partnerRow, postEvaluation, postLink, postPartner, preparedEvaluation, prepareEvaluation, questionnaireOf, registerPartner, sha256Hex, shiftDays, shiftMonths, startEvaluation, storedAnswers, today, uploadCertificate } from "../support/partner-factories";
import { pdfFile } from "../support/policy-factories";
import { errorsOf, keyOf, type Fields } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

/** The partner-security criteria a questionnaire evaluation is evidence for (CN-2022 (55), CN-2014 24, CTPAT 3.1/3.5, WCO K). */
const EVALUATION_EVIDENCE = ["cn-2014-general/24", "cn-2022-advanced/54", "cn-2022-advanced/55", "ctpat-msc/3.1", "ctpat-msc/3.5", "wco-safe-aeo/K"];

// One organisation with every role the partner pages care about.
let owner: SignedUp;
let compliance: Member;
let procurement: Member;

beforeAll(async () => {
  owner = await signUpOrganization();
  compliance = await addMember(owner.cookie, "compliance");
  procurement = await addMember(owner.cookie, "procurement");
});

// ---------------------------------------------------------------------------------------------

describe("starting an evaluation", () => {
  test("only in one of the partner's roles, with that role's questionnaire", async () => {
    const partner = await registerPartner(procurement.cookie, { roles: ["carrier", "warehouse"] });
    const before = await footprint(owner.organizationId);
    for (const role of ["customs_broker", "pirate"]) {
      const refused = await postPartner(procurement.cookie, partner.id, { intent: "evaluate", role });
      expect(refused.status).toBe(400);
      expect(errorsOf(refused)).toEqual({ role: "errors.choose" });
    }
    expect(await footprint(owner.organizationId)).toEqual(before);

    const id = await startEvaluation(procurement.cookie, partner.id, "warehouse");
    expect(await evaluationRow(id)).toMatchObject({
      partnerId: partner.id,
      role: "warehouse",
      status: "draft",
      kind: "questionnaire",
      createdByUserId: procurement.userId,
    });
    expect((await questionnaireOf(id)).code).toBe("logistics");
    const page = await evaluationPage(procurement.cookie, id);
    expect(page.data.reference).toMatch(/^EV-\d{5}$/);
    expect(page.data.can).toMatchObject({ edit: true, link: true, decide: false });
  });

  test("one open evaluation at a time: a second is refused, naming the open one, until it is decided", async () => {
    const partner = await registerPartner(procurement.cookie, { roles: ["carrier", "warehouse"] });
    const first = await startEvaluation(procurement.cookie, partner.id, "carrier");
    const reference = (await evaluationPage(procurement.cookie, first)).data.reference;
    const before = await footprint(owner.organizationId);
    const second = await postPartner(procurement.cookie, partner.id, { intent: "evaluate", role: "warehouse" });
    expect(second.status).toBe(400);
    expect(errorsOf(second)).toEqual({ form: message("partners.evaluationOpen", { reference }) });
    expect(await footprint(owner.organizationId)).toEqual(before);

    await prepareEvaluation(procurement.cookie, first);
    expect((await postPartner(procurement.cookie, partner.id, { intent: "evaluate", role: "warehouse" })).status).toBe(400);
    await decideOk(compliance.cookie, first);
    const next = await startEvaluation(procurement.cookie, partner.id, "warehouse");
    expect(next).not.toBe(first);
    const page = await partnerPage(procurement.cookie, partner.id);
    expect(page.data.evaluations.map((e) => [e.id, e.status])).toEqual([
      [next, "draft"],
      [first, "decided"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("answering and preparing an evaluation", () => {
  let partnerId: string;
  let evaluationId: string;

  beforeAll(async () => {
    partnerId = (await registerPartner(procurement.cookie)).id;
    evaluationId = await startEvaluation(procurement.cookie, partnerId);
  });

  test("saving part of the answers keeps them with their comments and the live score; the evaluation stays a draft", async () => {
    const questionnaire = await questionnaireOf(evaluationId);
    const [q1, q2, q3] = questionnaire.questions;
    const fields = {
      [`answer_${q1!.key}`]: bestOption(q1!),
      [`answer_${q2!.key}`]: bestOption(q2!),
      [`answer_${q3!.key}`]: bestOption(q3!),
      [`comment_${q1!.key}`]: "  海关信用平台截图已上传  ",
      answer_unknown: "yes",
    };
    const outcome = await postEvaluation(procurement.cookie, evaluationId, {
      intent: "save",
      ...fields,
      [`answer_${questionnaire.questions[3]!.key}`]: "not-an-option",
    });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/evaluations/${evaluationId}?saved=1`);
    const row = await evaluationRow(evaluationId);
    expect(row.answers).toEqual({
      [q1!.key]: { option: bestOption(q1!), comment: "海关信用平台截图已上传" },
      [q2!.key]: { option: bestOption(q2!) },
      [q3!.key]: { option: bestOption(q3!) },
    });
    expect(row).toMatchObject({ status: "draft", score: 100, tier: "low", preparedByUserId: null });
    const page = await evaluationPage(procurement.cookie, evaluationId);
    expect(page.data.evaluation.answers).toEqual(row.answers);
  });

  test("preparing needs every answer: each unanswered question gets its error, and nothing changes", async () => {
    const questionnaire = await questionnaireOf(evaluationId);
    const before = await evaluationRow(evaluationId);
    const answered = questionnaire.questions.slice(0, 3);
    const outcome = await postEvaluation(procurement.cookie, evaluationId, { intent: "prepare", ...answerFields({ questions: answered }) });
    expect(outcome.status).toBe(400);
    const expected = Object.fromEntries(questionnaire.questions.slice(3).map((q) => [`answer_${q.key}`, "partners.answerRequired"]));
    expect(errorsOf(outcome)).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(questionnaire.questions.length - 3);
    expect(await evaluationRow(evaluationId)).toEqual(before);
  });

  test("with every answer it waits for a decision, with its score, tier and preparer; then it can no longer be edited", async () => {
    const fields = await prepareEvaluation(procurement.cookie, evaluationId);
    const row = await evaluationRow(evaluationId);
    expect(row).toMatchObject({ status: "prepared", score: 100, tier: "low", preparedByUserId: procurement.userId });
    expect(row.answers).toEqual(storedAnswers(fields));
    expect(row.reasons).toEqual([{ kind: "threshold", score: 100, min: 80, tier: "low" }]);
    expect(row.preparedAt).toBeInstanceOf(Date);

    const page = await evaluationPage(procurement.cookie, evaluationId);
    expect(page.data.can).toMatchObject({ edit: false, link: false, reopen: true, decide: false, isPreparer: true });

    const questionnaire = await questionnaireOf(evaluationId);
    const changed = await postEvaluation(procurement.cookie, evaluationId, {
      intent: "save",
      ...answerFields(questionnaire, partlyOption),
    });
    expect(changed.status).toBe(400);
    expect(errorsOf(changed)).toEqual({ form: "partners.evaluationClosed" });
    expect(await evaluationRow(evaluationId)).toEqual(row);
  });

  test("sent back to its preparer, it is a draft again with the answers kept", async () => {
    const prepared = await evaluationRow(evaluationId);
    const outcome = await postEvaluation(procurement.cookie, evaluationId, { intent: "reopen" });
    expect(outcome.status).toBe(302);
    const row = await evaluationRow(evaluationId);
    expect(row).toMatchObject({ status: "draft", preparedByUserId: null, preparedAt: null, answers: prepared.answers });
    expect(errorsOf(await postEvaluation(procurement.cookie, evaluationId, { intent: "reopen" }))).toEqual({
      form: "partners.evaluationClosed",
    });
    expect((await decide(compliance.cookie, evaluationId, { decision: "approved" })).status).toBe(400);
    expect((await evaluationRow(evaluationId)).status).toBe("draft");
  });
});

// ---------------------------------------------------------------------------------------------

describe("the decision (four eyes)", () => {
  test("the preparer cannot decide, procurement cannot decide, another compliance person can", async () => {
    const partner = await registerPartner(owner.cookie);
    const { id } = await preparedEvaluation(compliance.cookie, partner.id);
    const before = {
      footprint: await footprint(owner.organizationId),
      evaluation: await evaluationRow(id),
      partner: await partnerRow(partner.id),
    };
    const unchanged = async () => {
      expect(await footprint(owner.organizationId)).toEqual(before.footprint);
      expect(await evaluationRow(id)).toEqual(before.evaluation);
      expect(await partnerRow(partner.id)).toEqual(before.partner);
    };

    expect((await evaluationPage(compliance.cookie, id)).data.can).toMatchObject({ decide: false, isPreparer: true, decideRole: true });
    const own = await decide(compliance.cookie, id, { decision: "approved" });
    expect(own.status).toBe(400);
    expect(errorsOf(own)).toEqual({ form: "partners.fourEyes" });
    await unchanged();

    const buyer = await decide(procurement.cookie, id, { decision: "approved" });
    expect(buyer.status).toBe(403);
    expect(errorsOf(buyer)).toEqual({ form: "partners.decideNotAllowed" });
    await unchanged();

    const colleague = await addMember(owner.cookie, "compliance");
    expect((await evaluationPage(colleague.cookie, id)).data.can.decide).toBe(true);
    await decideOk(colleague.cookie, id, { decision: "approved", note: "All documents checked" });
    const evaluation = await evaluationRow(id);
    expect(evaluation).toMatchObject({
      status: "decided",
      decision: "approved",
      decisionNote: "All documents checked",
      decidedByUserId: colleague.userId,
      preparedByUserId: compliance.userId,
    });

    // Decided once: a second decision is refused.
    const twice = await decide(owner.cookie, id, { decision: "rejected", note: "Changed my mind" });
    expect(errorsOf(twice)).toEqual({ form: "partners.notPrepared" });
    expect(await evaluationRow(id)).toEqual(evaluation);
  });

  test("whoever saved answers cannot decide either, though a colleague clicked 'ready for decision'", async () => {
    const partner = await registerPartner(owner.cookie);
    const id = await startEvaluation(compliance.cookie, partner.id);
    const fields = answerFields(await questionnaireOf(id));
    const saved = await postEvaluation(compliance.cookie, id, { intent: "save", ...fields });
    expect(saved.status).toBe(302);
    const prepared = await postEvaluation(procurement.cookie, id, { intent: "prepare", ...fields });
    expect(prepared.status).toBe(302);
    expect(await evaluationRow(id)).toMatchObject({
      preparedByUserId: procurement.userId,
      answeredByUserIds: [compliance.userId, procurement.userId],
    });
    const before = await evaluationRow(id);
    expect((await evaluationPage(compliance.cookie, id)).data.can).toMatchObject({ decide: false, isPreparer: true });
    const own = await decide(compliance.cookie, id, { decision: "approved" });
    expect(own.status).toBe(400);
    expect(errorsOf(own)).toEqual({ form: "partners.fourEyes" });
    expect(await evaluationRow(id)).toEqual(before);
    await decideOk(owner.cookie, id);
  });

  test("conditions go only with 'approved with conditions': typed beside a plain approval they are refused, not dropped or raised", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id);
    const before = { footprint: await footprint(owner.organizationId), evaluation: await evaluationRow(id) };
    const outcome = await decide(compliance.cookie, id, {
      decision: "approved",
      condition_1_title: "Send the seal log",
      condition_1_ownerUserId: procurement.userId,
      condition_1_dueOn: shiftDays(today(), 10),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ condition_1_title: "partners.conditionsOnlyConditional" });
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(id)).toEqual(before.evaluation);
  });

  test("approval sets the partner's status, tier, last and next evaluation dates, audited, and the evaluation is evidence for the partner-security criteria only", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id);
    const auditBefore = await countRows("audit_events", sql`organization_id = ${owner.organizationId}`);
    await decideOk(compliance.cookie, id);
    const row = await partnerRow(partner.id);
    expect(row).toMatchObject({
      status: "approved",
      riskTier: "low",
      exempt: false,
      lastEvaluatedOn: today(),
      nextEvaluationOn: shiftMonths(today(), 24),
    });

    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, owner.organizationId))
      .orderBy(asc(auditEvents.seq))
      .offset(auditBefore);
    expect(events.map((e) => [e.entityType, e.action, e.entityId])).toEqual([
      ["partner_evaluation", "update", id],
      ["partner", "update", partner.id],
    ]);
    expect(events[1]?.after).toMatchObject({ status: "approved", riskTier: "low" });

    // Not the controls the questions ask the carrier about (seals, conveyance inspections, drivers): those are the carrier's.
    expect(await evidenceOf("partner_evaluation", id)).toEqual(EVALUATION_EVIDENCE);
    const questionCriteria = new Set(
      (await questionnaireOf(id)).questions.flatMap((q) => q.criteria.map((c) => `${c.framework}/${c.key}`)),
    );
    expect(questionCriteria.has("cn-2022-advanced/44")).toBe(true);
    expect((await evidenceOf("partner_evaluation", id)).includes("cn-2022-advanced/44")).toBe(false);

    const list = await listPartners(owner.cookie, "?status=approved");
    expect(list.data.partners.find((p) => p.id === partner.id)).toMatchObject({
      status: "approved",
      riskTier: "low",
      nextEvaluationOn: shiftMonths(today(), 24),
    });
    expect((await verifyOrganizationChain(testDb(), owner.organizationId)).ok).toBe(true);
  });

  test("an AEO partner's evaluation is also evidence for CTPAT 3.4 (AEO status of partners)", async () => {
    const partner = await registerPartner(procurement.cookie, aeoPartnerFields(shiftDays(today(), 400)));
    const { id } = await preparedEvaluation(procurement.cookie, partner.id);
    await decideOk(compliance.cookie, id);
    expect(await evidenceOf("partner_evaluation", id)).toEqual([...EVALUATION_EVIDENCE, "ctpat-msc/3.4"].sort());
  });

  test("a critical answer makes the partner high risk whatever the score, and it is re-evaluated after 6 months", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id, fields } = await preparedEvaluation(procurement.cookie, partner.id, {
      choose: (q) => (q.key === "smuggling-record" ? criticalOption(q) : bestOption(q)),
    });
    const questionnaire = await questionnaireOf(id);
    const score = expectedScore(questionnaire, fields);
    // Everything else is perfect: the score alone would be low risk.
    expect(score).toBeGreaterThanOrEqual(80);
    const evaluation = await evaluationRow(id);
    expect(evaluation).toMatchObject({ score, tier: "high" });
    expect(evaluation.reasons).toEqual([{ kind: "critical", questionKey: "smuggling-record" }]);
    await decideOk(compliance.cookie, id);
    expect(await partnerRow(partner.id)).toMatchObject({ status: "approved", riskTier: "high", nextEvaluationOn: shiftMonths(today(), 6) });
  });

  test("middling answers make a medium-risk partner, re-evaluated after 12 months", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id, fields } = await preparedEvaluation(procurement.cookie, partner.id, { choose: partlyOption });
    const score = expectedScore(await questionnaireOf(id), fields);
    expect(score).toBeGreaterThanOrEqual(60);
    expect(score).toBeLessThan(80);
    expect(await evaluationRow(id)).toMatchObject({ score, tier: "medium" });
    await decideOk(compliance.cookie, id);
    expect(await partnerRow(partner.id)).toMatchObject({ riskTier: "medium", nextEvaluationOn: shiftMonths(today(), 12) });
  });
});

// ---------------------------------------------------------------------------------------------

describe("approval with conditions", () => {
  test("each condition becomes a corrective action with its owner and due date, shown on the evaluation and the partner", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id, { choose: partlyOption });
    await decideOk(compliance.cookie, id, {
      decision: "approved_with_conditions",
      condition_1_title: "Fit ISO 17712 high-security seals",
      condition_1_ownerUserId: procurement.userId,
      condition_1_dueOn: shiftDays(today(), 30),
      condition_2_title: "",
      condition_3_title: "Send the GPS track reports monthly",
      condition_3_ownerUserId: compliance.userId,
      // Due today is not in the past.
      condition_3_dueOn: today(),
    });
    expect(await partnerRow(partner.id)).toMatchObject({ status: "conditional", riskTier: "medium" });
    const actions = await testDb()
      .select()
      .from(correctiveActions)
      .where(and(eq(correctiveActions.sourceType, "partner_evaluation"), eq(correctiveActions.sourceId, id)))
      .orderBy(asc(correctiveActions.number));
    expect(actions.map((a) => [a.title, a.ownerUserId, a.dueOn, a.status, a.createdByUserId])).toEqual([
      ["Fit ISO 17712 high-security seals", procurement.userId, shiftDays(today(), 30), "open", compliance.userId],
      ["Send the GPS track reports monthly", compliance.userId, today(), "open", compliance.userId],
    ]);
    const [criterion] = await query<{ framework: string; key: string }>(
      sql`select f.code as framework, c.key from criteria c join frameworks f on f.id = c.framework_id where c.id = ${actions[0]!.criterionId}`,
    );
    expect(criterion).toEqual({ framework: "cn-2022-advanced", key: "55" });
    expect(actions[0]?.description).toContain(`TP-${String(partner.number).padStart(5, "0")}`);

    const evaluation = await evaluationPage(owner.cookie, id);
    expect(evaluation.data.actions.map((a) => a.title)).toEqual([
      "Fit ISO 17712 high-security seals",
      "Send the GPS track reports monthly",
    ]);
    expect(evaluation.data.actions.every((a) => /^CA-\d{4}$/.test(a.reference))).toBe(true);
    const page = await partnerPage(owner.cookie, partner.id);
    expect(page.data.actions.map((a) => [a.id, a.title, a.dueOn, a.overdue])).toEqual(actions.map((a) => [a.id, a.title, a.dueOn, false]));
  });

  test.each<[string, (ctx: { stranger: string }) => Fields, Record<string, string>]>([
    ["no condition at all", () => ({}), { condition_1_title: "partners.conditionRequired" }],
    [
      "a condition without owner and due date",
      () => ({ condition_1_title: "Fit seals" }),
      { condition_1_ownerUserId: "errors.choose", condition_1_dueOn: "errors.required" },
    ],
    [
      "a due date in the past",
      () => ({ condition_1_title: "Fit seals", condition_1_ownerUserId: procurement.userId, condition_1_dueOn: shiftDays(today(), -1) }),
      { condition_1_dueOn: "partners.dueInPast" },
    ],
    [
      "an owner who is not a member of the organisation (after a valid first condition)",
      ({ stranger }) => ({
        condition_1_title: "Fit seals",
        condition_1_ownerUserId: procurement.userId,
        condition_1_dueOn: shiftDays(today(), 10),
        condition_2_title: "Train the drivers",
        condition_2_ownerUserId: stranger,
        condition_2_dueOn: shiftDays(today(), 10),
      }),
      { condition_2_ownerUserId: "errors.choose" },
    ],
  ])("%s is refused: no action, the evaluation and the partner unchanged", async (_, conditions, expected) => {
    const stranger = await signUpOrganization();
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id);
    const before = {
      footprint: await footprint(owner.organizationId),
      evaluation: await evaluationRow(id),
      partner: await partnerRow(partner.id),
    };
    const outcome = await decide(compliance.cookie, id, {
      decision: "approved_with_conditions",
      ...conditions({ stranger: stranger.userId }),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual(expected);
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(id)).toEqual(before.evaluation);
    expect(await partnerRow(partner.id)).toEqual(before.partner);
    expect(await evidenceOf("partner_evaluation", id)).toEqual([]);
    expect(await countRows("corrective_actions", sql`organization_id = ${stranger.organizationId}`)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------

describe("rejection", () => {
  test("needs a reason; then the partner is rejected, not scheduled again, and shown as rejected in the list", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id, {
      choose: (q) => (q.key === "audit-consent" ? criticalOption(q) : partlyOption(q)),
    });
    const before = { footprint: await footprint(owner.organizationId), evaluation: await evaluationRow(id) };
    const silent = await decide(compliance.cookie, id, { decision: "rejected", note: "   " });
    expect(silent.status).toBe(400);
    expect(errorsOf(silent)).toEqual({ note: "partners.rejectionReason" });
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(id)).toEqual(before.evaluation);

    await decideOk(compliance.cookie, id, { decision: "rejected", note: "Refuses to be audited" });
    expect(await evaluationRow(id)).toMatchObject({ decision: "rejected", decisionNote: "Refuses to be audited" });
    expect(await partnerRow(partner.id)).toMatchObject({
      status: "rejected",
      riskTier: "high",
      lastEvaluatedOn: today(),
      nextEvaluationOn: null,
    });

    const rejected = await listPartners(owner.cookie, "?status=rejected");
    expect(rejected.data.partners.map((p) => [p.id, p.status])).toContainEqual([partner.id, "rejected"]);
    expect(rejected.data.partners.every((p) => p.status === "rejected")).toBe(true);
    const all = await listPartners(owner.cookie);
    expect(all.data.partners.find((p) => p.id === partner.id)?.status).toBe("rejected");
    expect((await listPartners(owner.cookie, "?status=approved")).data.partners.some((p) => p.id === partner.id)).toBe(false);
    expect((await partnerPage(owner.cookie, partner.id)).data.partner.status).toBe("rejected");
  });
});

// ---------------------------------------------------------------------------------------------

describe("AEO exemption", () => {
  test("needs an AEO programme, the certificate file and a validity not passed; nothing is written otherwise", async () => {
    const plain = await registerPartner(procurement.cookie);
    const noFile = await registerPartner(procurement.cookie, aeoPartnerFields(shiftDays(today(), 100)));
    const expired = await registerPartner(procurement.cookie, aeoPartnerFields(shiftDays(today(), -1)));
    await uploadCertificate(procurement.cookie, expired.id, pdfFile("AEO证书.pdf"));
    const before = await footprint(owner.organizationId);

    for (const partner of [plain, noFile]) {
      const outcome = await postPartner(procurement.cookie, partner.id, { intent: "exemption" });
      expect(outcome.status).toBe(400);
      expect(errorsOf(outcome)).toEqual({ form: "partners.exemptionNeedsCertificate" });
    }
    const late = await postPartner(procurement.cookie, expired.id, { intent: "exemption" });
    expect(late.status).toBe(400);
    expect(errorsOf(late)).toEqual({ form: message("partners.exemptionExpired", { date: shiftDays(today(), -1) }) });
    expect(await footprint(owner.organizationId)).toEqual(before);

    // A certificate valid until today still counts.
    const lastDay = await registerPartner(procurement.cookie, aeoPartnerFields(today()));
    await uploadCertificate(procurement.cookie, lastDay.id, pdfFile("AEO证书-最后一天.pdf"));
    expect((await postPartner(procurement.cookie, lastDay.id, { intent: "exemption" })).status).toBe(302);
  });

  test("only China Customs advanced certification exempts: a CTPAT, EU AEO or MRA partner with a valid certificate is still evaluated", async () => {
    const validUntil = shiftDays(today(), 200);
    const foreign = { countryCode: "US", uscc: "", foreignRegistrationNumber: "EIN-12-3456789", customsCredit: "unknown" };
    const others = [
      await registerPartner(compliance.cookie, aeoPartnerFields(validUntil, { ...foreign, aeoProgramme: "ctpat" })),
      await registerPartner(compliance.cookie, aeoPartnerFields(validUntil, { ...foreign, countryCode: "DE", aeoProgramme: "eu_aeo" })),
      await registerPartner(
        compliance.cookie,
        aeoPartnerFields(validUntil, { ...foreign, countryCode: "SG", aeoProgramme: "other_mra", aeoProgrammeName: "Singapore STP-Plus" }),
      ),
    ];
    for (const partner of others) await uploadCertificate(compliance.cookie, partner.id, pdfFile("AEO-certificate.pdf"));
    const before = await footprint(owner.organizationId);
    for (const partner of others) {
      const outcome = await postPartner(compliance.cookie, partner.id, { intent: "exemption" });
      expect(outcome.status, partner.aeoProgramme).toBe(400);
      expect(errorsOf(outcome)).toEqual({ form: "partners.exemptionChinaOnly" });
      // They are evaluated with a questionnaire like any partner.
      expect((await partnerRow(partner.id)).exempt).toBe(false);
    }
    expect(await footprint(owner.organizationId)).toEqual(before);
    expect((await startEvaluation(compliance.cookie, others[0]!.id)).length).toBeGreaterThan(0);

    // An exemption prepared for an advanced-certified partner is not approved once the record says
    // the partner's programme is CTPAT instead.
    const fields = aeoPartnerFields(validUntil);
    const cn = await registerPartner(compliance.cookie, fields);
    await uploadCertificate(compliance.cookie, cn.id, pdfFile("高级认证证书.pdf"));
    const prepared = await postPartner(compliance.cookie, cn.id, { intent: "exemption" });
    expect(prepared.status, JSON.stringify(prepared.data)).toBe(302);
    const id = /^\/evaluations\/([0-9a-f-]{36})$/.exec(prepared.location ?? "")?.[1] ?? "";
    const edited = await postPartner(compliance.cookie, cn.id, { ...fields, intent: "update", aeoProgramme: "ctpat" });
    expect(edited.status, JSON.stringify(edited.data)).toBe(302);
    const refused = await decide(owner.cookie, id, { decision: "approved" });
    expect(errorsOf(refused)).toEqual({ form: "partners.exemptionChinaOnly" });
    expect(await partnerRow(cn.id)).toMatchObject({ exempt: false, status: "pending" });
  });

  test("is decided by a second person; the partner is exempt, low risk, due again when its certificate expires", async () => {
    const validUntil = shiftDays(today(), 200);
    const partner = await registerPartner(compliance.cookie, aeoPartnerFields(validUntil));
    await uploadCertificate(compliance.cookie, partner.id, pdfFile("高级认证证书.pdf"));
    const page = await partnerPage(compliance.cookie, partner.id);
    expect(page.data.certificate?.name).toBe("高级认证证书.pdf");
    expect(page.data.documents.map((d) => d.name)).toEqual(["高级认证证书.pdf"]);

    const outcome = await postPartner(compliance.cookie, partner.id, { intent: "exemption" });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const id = /^\/evaluations\/([0-9a-f-]{36})$/.exec(outcome.location ?? "")?.[1] ?? "";
    expect(await evaluationRow(id)).toMatchObject({
      kind: "exemption",
      status: "prepared",
      tier: "low",
      reasons: [{ kind: "exempt" }],
      preparedByUserId: compliance.userId,
      questionnaireId: null,
    });
    // No questionnaire: no link to send.
    expect(errorsOf(await postEvaluation(compliance.cookie, id, { intent: "link", locale: "en", days: 7 }))).toEqual({
      form: "partners.linkNotNow",
    });

    const own = await decide(compliance.cookie, id, { decision: "approved" });
    expect(errorsOf(own)).toEqual({ form: "partners.fourEyes" });
    expect((await partnerRow(partner.id)).exempt).toBe(false);

    await decideOk(owner.cookie, id);
    const row = await partnerRow(partner.id);
    expect(row).toMatchObject({
      status: "approved",
      exempt: true,
      riskTier: "low",
      lastEvaluatedOn: today(),
      nextEvaluationOn: validUntil,
    });
    expect(await evidenceOf("partner_evaluation", id)).toEqual([
      "cn-2014-general/24",
      "cn-2022-advanced/55",
      "ctpat-msc/3.4",
      "wco-safe-aeo/K",
    ]);
  });

  test("an exemption is not approved on a certificate that no longer holds at the decision", async () => {
    const fields = aeoPartnerFields(shiftDays(today(), 90));
    const partner = await registerPartner(compliance.cookie, fields);
    await uploadCertificate(compliance.cookie, partner.id, pdfFile());
    const outcome = await postPartner(compliance.cookie, partner.id, { intent: "exemption" });
    const id = /^\/evaluations\/([0-9a-f-]{36})$/.exec(outcome.location ?? "")?.[1] ?? "";
    // Meanwhile the certificate's validity is corrected to yesterday on the partner page.
    const edited = await postPartner(compliance.cookie, partner.id, { ...fields, intent: "update", aeoValidUntil: shiftDays(today(), -1) });
    expect(edited.status, JSON.stringify(edited.data)).toBe(302);

    const before = {
      footprint: await footprint(owner.organizationId),
      evaluation: await evaluationRow(id),
      partner: await partnerRow(partner.id),
    };
    const refused = await decide(owner.cookie, id, { decision: "approved" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ form: message("partners.exemptionExpired", { date: shiftDays(today(), -1) }) });
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(id)).toEqual(before.evaluation);
    expect(await partnerRow(partner.id)).toMatchObject({ exempt: false, status: "pending", nextEvaluationOn: null });

    // The AEO status dropped altogether: the same. Rejecting the exemption stays possible.
    const { aeoCertificateNumber: _n, aeoValidUntil: _v, ...plain } = fields;
    await postPartner(compliance.cookie, partner.id, { ...plain, intent: "update", aeoProgramme: "none" });
    expect(
      errorsOf(
        await decide(owner.cookie, id, {
          decision: "approved_with_conditions",
          condition_1_title: "Renew",
          condition_1_ownerUserId: compliance.userId,
          condition_1_dueOn: today(),
        }),
      ),
    ).toEqual({
      form: "partners.exemptionNeedsCertificate",
    });
    expect(await countRows("corrective_actions", sql`source_id = ${id}`)).toBe(0);
    await decideOk(owner.cookie, id, { decision: "rejected", note: "Certificate withdrawn" });
    expect(await partnerRow(partner.id)).toMatchObject({ exempt: false, status: "rejected" });
  });

  test("a certificate valid beyond the low tier's interval does not postpone the next evaluation", async () => {
    const partner = await registerPartner(compliance.cookie, aeoPartnerFields(shiftMonths(today(), 30)));
    await uploadCertificate(compliance.cookie, partner.id, pdfFile());
    const outcome = await postPartner(compliance.cookie, partner.id, { intent: "exemption" });
    const id = /^\/evaluations\/([0-9a-f-]{36})$/.exec(outcome.location ?? "")?.[1] ?? "";
    await decideOk(owner.cookie, id);
    const row = await partnerRow(partner.id);
    expect(row.nextEvaluationOn).toBe(shiftMonths(today(), 24));
    expect(row.nextEvaluationOn! <= row.aeoValidUntil!).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe("the partner's questionnaire link", () => {
  let partnerA: Awaited<ReturnType<typeof registerPartner>>;
  let evaluationA: string;
  let tokenA: string;
  let linkA: string;

  beforeAll(async () => {
    partnerA = await registerPartner(procurement.cookie, { legalNameEn: "Alpha Haulage Ltd" });
    evaluationA = await startEvaluation(procurement.cookie, partnerA.id);
    const created = await createLink(procurement.cookie, evaluationA, { locale: "en", days: 14 });
    tokenA = created.token;
    linkA = created.link.id;
  });

  test("creating it shows the address once and stores only the token's hash", async () => {
    const link = await linkRow(linkA);
    expect(link).toMatchObject({
      evaluationId: evaluationA,
      partnerId: partnerA.id,
      tokenHash: sha256Hex(tokenA),
      locale: "en",
      revokedAt: null,
      submittedAt: null,
    });
    expect(link.expiresAt.getTime()).toBeGreaterThan(link.createdAt.getTime() + 13 * 86_400_000);
    expect(link.expiresAt.getTime()).toBeLessThan(link.createdAt.getTime() + 15 * 86_400_000);
    expect((await evaluationRow(evaluationA)).status).toBe("awaiting_partner");
    // The raw token is nowhere in the database: not in the link, not in the audit trail.
    const [found] = await query<{ n: number }>(sql`
      select (select count(*) from questionnaire_links l where row_to_json(l)::text like ${`%${tokenA}%`})
           + (select count(*) from audit_events a where row_to_json(a)::text like ${`%${tokenA}%`})
           + (select count(*) from partner_evaluations e where row_to_json(e)::text like ${`%${tokenA}%`}) as n`);
    expect(Number(found?.n)).toBe(0);
    // And the evaluation page does not show it again.
    const page = await evaluationPage(procurement.cookie, evaluationA);
    expect(JSON.stringify(page.data)).not.toContain(tokenA);
    expect(page.data.links.map((l) => [l.id, l.state])).toEqual([[linkA, "open"]]);
  });

  test("it opens in the link's language, for its partner, and shows no weights, scores or critical flags", async () => {
    const bare = await openLink(tokenA, "");
    expect(bare.status).toBe(302);
    expect(bare.location).toBe(`/q/${tokenA}?lng=en`);

    const page = await openLink(tokenA);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      state: "open",
      partner: { nameEn: "Alpha Haulage Ltd" },
      organization: { nameEn: owner.legalNameEn },
    });
    const questionnaire = await questionnaireOf(evaluationA);
    expect(page.data.questionnaire.questions.map((q) => q.key)).toEqual(questionnaire.questions.map((q) => q.key));
    const text = JSON.stringify(page.data);
    for (const secret of ['"weight"', '"score"', '"critical"', '"criteria"', '"tier"', '"reasons"']) expect(text).not.toContain(secret);
    // The options are still there to choose from, with their labels.
    const first = page.data.questionnaire.questions[0] as { options: { key: string; labelEn: string }[] };
    expect(first.options.map((o) => o.key)).toEqual(questionnaire.questions[0]!.options.map((o) => o.key));
    expect(first.options[0]?.labelEn).toBeTruthy();
  });

  test("answers and documents are saved as the partner goes, into its own evaluation only", async () => {
    const partnerB = await registerPartner(procurement.cookie, { legalNameEn: "Bravo Freight Ltd" });
    const evaluationB = await startEvaluation(procurement.cookie, partnerB.id);
    const { token: tokenB } = await createLink(procurement.cookie, evaluationB);
    expect((await openLink(tokenB)).data.partner.nameEn).toBe("Bravo Freight Ltd");

    const questionnaire = await questionnaireOf(evaluationA);
    const some = answerFields({ questions: questionnaire.questions.slice(0, 4) });
    const withDocument = questionnaire.questions.find((q) => q.documentEn)!;
    const outcome = await postLink(tokenA, {
      intent: "save",
      ...some,
      [`comment_${questionnaire.questions[0]!.key}`]: "Lookup attached",
      [`file_${withDocument.key}`]: pdfFile("credit-status.pdf"),
      file_general: pdfFile("company-profile.pdf"),
      file_nonsense: pdfFile("stray.pdf"),
    });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/q/${tokenA}?lng=en&saved=1`);

    const row = await evaluationRow(evaluationA);
    expect(row.status).toBe("awaiting_partner");
    expect(row.answers).toEqual({
      ...storedAnswers(some),
      [questionnaire.questions[0]!.key]: { option: some[`answer_${questionnaire.questions[0]!.key}`], comment: "Lookup attached" },
    });
    expect(row.partnerSubmittedAt).toBeNull();
    const documents = await testDb()
      .select()
      .from(partnerDocuments)
      .where(eq(partnerDocuments.evaluationId, evaluationA))
      .orderBy(asc(partnerDocuments.createdAt));
    expect(documents.map((d) => [d.questionKey, d.source, d.partnerId, d.uploadedByUserId]).sort()).toEqual(
      [
        [withDocument.key, "link", partnerA.id, null],
        [null, "link", partnerA.id, null],
        [null, "link", partnerA.id, null],
      ].sort(),
    );
    expect((await evaluationRow(evaluationB)).answers).toEqual({});
    expect(await countRows("partner_documents", sql`evaluation_id = ${evaluationB}`)).toBe(0);

    // The partner sees what it saved, its files under their questions, when it last saved; the reviewer sees the documents.
    const reopened = (await openLink(tokenA)).data;
    expect(reopened.answers).toEqual(row.answers);
    expect(reopened.documents.map((f) => [f.questionKey, f.name]).sort()).toEqual(
      [
        [withDocument.key, "credit-status.pdf"],
        [null, "company-profile.pdf"],
        [null, "stray.pdf"],
      ].sort(),
    );
    expect(reopened.savedAt).toBeInstanceOf(Date);
    // Another partner's link, to its own evaluation, shows none of them.
    expect((await openLink(tokenB)).data.documents).toEqual([]);
    // Continuing later: more answers are added to those kept, nothing is lost, and it is still open.
    const more = answerFields({ questions: questionnaire.questions.slice(4, 8) });
    const later = await postLink(tokenA, { intent: "save", ...some, ...more });
    expect(later.status, JSON.stringify(later.data)).toBe(302);
    const continued = (await openLink(tokenA)).data;
    expect(Object.keys(continued.answers).sort()).toEqual(questionnaire.questions.slice(0, 8).map((q) => q.key).sort());
    expect(continued.documents).toHaveLength(3);
    expect(continued.state).toBe("open");
    const review = await evaluationPage(procurement.cookie, evaluationA);
    expect(review.data.documents.map((d) => d.name).sort()).toEqual(["company-profile.pdf", "credit-status.pdf", "stray.pdf"]);
    expect((await linkRow(linkA)).lastOpenedAt).toBeInstanceOf(Date);
  });

  test("a file that is not an allowed document is refused, and nothing of the post is kept", async () => {
    const before = { footprint: await footprint(owner.organizationId), evaluation: await evaluationRow(evaluationA) };
    const questionnaire = await questionnaireOf(evaluationA);
    const outcome = await postLink(tokenA, {
      intent: "save",
      ...answerFields(questionnaire, partlyOption),
      file_general: pdfFile("fine.pdf"),
      [`file_${questionnaire.questions[0]!.key}`]: new File([new TextEncoder().encode("MZ not a document")], "tool.exe", {
        type: "application/octet-stream",
      }),
    });
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome)[`file_${questionnaire.questions[0]!.key}`])).toBe("files.badType");
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(evaluationA)).toEqual(before.evaluation);
  });

  test("submitting needs every answer; then the link closes and the answers wait for review", async () => {
    const questionnaire = await questionnaireOf(evaluationA);
    const incomplete = await postLink(tokenA, { intent: "submit", ...answerFields({ questions: questionnaire.questions.slice(1) }) });
    expect(incomplete.status).toBe(400);
    expect(errorsOf(incomplete)).toEqual({ [`answer_${questionnaire.questions[0]!.key}`]: "partners.answerRequired" });
    expect((await openLink(tokenA)).data.state).toBe("open");
    expect((await evaluationRow(evaluationA)).status).toBe("awaiting_partner");

    const fields = answerFields(questionnaire, partlyOption);
    const submitted = await postLink(tokenA, { intent: "submit", ...fields });
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(302);
    expect(submitted.location).toBe(`/q/${tokenA}?lng=en&submitted=1`);
    const row = await evaluationRow(evaluationA);
    expect(row).toMatchObject({
      status: "partner_submitted",
      answers: storedAnswers(fields),
      partnerAnswers: storedAnswers(fields),
      tier: "medium",
    });
    expect(row.partnerSubmittedAt).toBeInstanceOf(Date);
    expect((await linkRow(linkA)).submittedAt).toBeInstanceOf(Date);

    const page = await openLink(tokenA);
    expect(page.data).toMatchObject({ state: "submitted", answers: {} });
    const again = await postLink(tokenA, { intent: "submit", ...answerFields(questionnaire) });
    expect(again.status).toBe(410);
    expect(errorsOf(again)).toEqual({ form: "questionnaire.closed.submitted" });
    expect(await evaluationRow(evaluationA)).toEqual(row);

    // The reviewer changes one answer and prepares: the partner's own answers stay as sent.
    const review = await evaluationPage(procurement.cookie, evaluationA);
    expect(review.data.evaluation.partnerAnswers).toEqual(storedAnswers(fields));
    expect(review.data.links.map((l) => l.state)).toEqual(["submitted"]);
    const first = questionnaire.questions[0]!;
    await prepareEvaluation(procurement.cookie, evaluationA, (q) => (q.key === first.key ? bestOption(q) : partlyOption(q)));
    const prepared = await evaluationRow(evaluationA);
    expect(prepared.status).toBe("prepared");
    expect(prepared.answers[first.key]).toEqual({ option: bestOption(first) });
    expect(prepared.partnerAnswers).toEqual(storedAnswers(fields));
  });

  test("an expired link says so and takes nothing", async () => {
    const partner = await registerPartner(procurement.cookie);
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const { token, link } = await createLink(procurement.cookie, evaluation, { days: 3 });
    // The `now` of a look three days and a minute later.
    const later = new Date(link.expiresAt.getTime() + 60_000);
    expect((await openQuestionnaireLink(testDb(), token, later))?.state).toBe("expired");
    expect((await openQuestionnaireLink(testDb(), token))?.state).toBe("open");

    await testDb()
      .update(questionnaireLinks)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(questionnaireLinks.id, link.id));
    const before = { footprint: await footprint(owner.organizationId), evaluation: await evaluationRow(evaluation) };
    const page = await openLink(token);
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ state: "expired", answers: {} });
    const outcome = await postLink(token, {
      intent: "submit",
      ...answerFields(await questionnaireOf(evaluation)),
      file_general: pdfFile(),
    });
    expect(outcome.status).toBe(410);
    expect(errorsOf(outcome)).toEqual({ form: "questionnaire.closed.expired" });
    expect(await footprint(owner.organizationId)).toEqual(before.footprint);
    expect(await evaluationRow(evaluation)).toEqual(before.evaluation);
  });

  test("a revoked link stops working; revoking needs a link of the organisation", async () => {
    const partner = await registerPartner(procurement.cookie);
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const { token, link } = await createLink(procurement.cookie, evaluation);
    const other = await signUpOrganization();
    expect(
      (await postEvaluation(procurement.cookie, evaluation, { intent: "revokeLink", linkId: "00000000-0000-4000-8000-000000000000" }))
        .status,
    ).toBe(404);
    expect((await linkRow(link.id)).revokedAt).toBeNull();

    const revoked = await postEvaluation(procurement.cookie, evaluation, { intent: "revokeLink", linkId: link.id });
    expect(revoked.status).toBe(302);
    expect(revoked.location).toBe(`/evaluations/${evaluation}?revoked=1`);
    expect((await openLink(token)).data.state).toBe("revoked");
    const outcome = await postLink(token, { intent: "save", ...answerFields(await questionnaireOf(evaluation)) });
    expect(outcome.status).toBe(410);
    expect(errorsOf(outcome)).toEqual({ form: "questionnaire.closed.revoked" });
    expect((await evaluationRow(evaluation)).answers).toEqual({});
    expect(await countRows("questionnaire_links", sql`organization_id = ${other.organizationId}`)).toBe(0);
  });

  test("a link is revoked from its own evaluation only", async () => {
    const first = await startEvaluation(procurement.cookie, (await registerPartner(procurement.cookie)).id);
    const second = await startEvaluation(procurement.cookie, (await registerPartner(procurement.cookie)).id);
    const { link } = await createLink(procurement.cookie, first);
    const elsewhere = await postEvaluation(procurement.cookie, second, { intent: "revokeLink", linkId: link.id });
    expect(elsewhere.status).toBe(404);
    expect((await linkRow(link.id)).revokedAt).toBeNull();
  });

  test("a new link replaces the old one", async () => {
    const partner = await registerPartner(procurement.cookie);
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const first = await createLink(procurement.cookie, evaluation, { locale: "zh-CN" });
    const second = await createLink(procurement.cookie, evaluation, { locale: "en" });
    expect(second.token).not.toBe(first.token);
    expect((await openLink(first.token)).data.state).toBe("revoked");
    expect((await postLink(first.token, { intent: "save", ...answerFields(await questionnaireOf(evaluation)) })).status).toBe(410);
    expect((await openLink(second.token)).data.state).toBe("open");
    expect((await postLink(second.token, { intent: "save", ...answerFields(await questionnaireOf(evaluation)) })).status).toBe(302);
    const page = await evaluationPage(procurement.cookie, evaluation);
    expect(page.data.links.map((l) => [l.id, l.state])).toEqual([
      [second.link.id, "open"],
      [first.link.id, "revoked"],
    ]);
  });

  test("with an address, the link is emailed to the partner in its language", async () => {
    const partner = await registerPartner(procurement.cookie);
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const { url } = await createLink(procurement.cookie, evaluation, { locale: "zh-CN", email: "Security@Partner.example" });
    const [mail] = await query<{ to: string; text: string }>(
      sql`select "to", text from outbox_emails where organization_id = ${owner.organizationId} and kind = 'partner_questionnaire' order by created_at desc limit 1`,
    );
    expect(mail?.to).toBe("security@partner.example");
    expect(mail?.text).toContain(url);
    expect((await evaluationPage(procurement.cookie, evaluation)).data.links[0]).toMatchObject({
      sentTo: "security@partner.example",
      locale: "zh-CN",
    });
  });

  test("an unknown or malformed token is a 404, and posting to it writes nothing", async () => {
    const before = await footprint(owner.organizationId);
    for (const token of [
      "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "not a token!",
      "../../etc/passwd",
      "x".repeat(2000),
      tokenA.slice(0, -1),
    ]) {
      expect((await openLink(token)).status, token).toBe(404);
      expect((await postLink(token, { intent: "save", answer_x: "yes", file_general: pdfFile() })).status, token).toBe(404);
    }
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("a link cannot be made for an evaluation that is prepared", async () => {
    const partner = await registerPartner(procurement.cookie);
    const { id } = await preparedEvaluation(procurement.cookie, partner.id);
    const before = await footprint(owner.organizationId);
    const outcome = await postEvaluation(procurement.cookie, id, { intent: "link", locale: "en", days: 14 });
    expect(errorsOf(outcome)).toEqual({ form: "partners.linkNotNow" });
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("once the reviewer has prepared the evaluation, a link still open can no longer change it", async () => {
    const partner = await registerPartner(procurement.cookie);
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const { token } = await createLink(procurement.cookie, evaluation);
    // The partner did not answer; procurement fills the questionnaire in itself and prepares it.
    await prepareEvaluation(procurement.cookie, evaluation);
    const prepared = await evaluationRow(evaluation);
    expect((await openLink(token)).data.state).not.toBe("open");
    const questionnaire = await questionnaireOf(evaluation);
    const late = await postLink(token, { intent: "submit", ...answerFields(questionnaire, partlyOption), file_general: pdfFile() });
    expect(late.status).toBe(410);
    expect(await evaluationRow(evaluation)).toEqual(prepared);
    expect(await countRows("partner_documents", sql`evaluation_id = ${evaluation}`)).toBe(0);

    // Decided, it stays decided.
    await decideOk(compliance.cookie, evaluation);
    expect((await postLink(token, { intent: "save", ...answerFields(questionnaire, partlyOption) })).status).toBe(410);
    expect((await evaluationRow(evaluation)).status).toBe("decided");
  });
});

// ---------------------------------------------------------------------------------------------

describe("a partner's claimed status against the register", () => {
  test("a partner claiming advanced certification and an AEO certificate the register does not record is flagged on the evaluation", async () => {
    // Registered as a general (其他注册信息企业) enterprise without AEO status.
    const partner = await registerPartner(procurement.cookie, { legalNameZh: "宁波声明物流有限公司", customsCredit: "general", aeoProgramme: "none" });
    const evaluation = await startEvaluation(procurement.cookie, partner.id);
    const { token } = await createLink(procurement.cookie, evaluation);
    const clean = await evaluationPage<{ statusFlags: unknown[] }>(procurement.cookie, evaluation);
    expect(clean.data.statusFlags).toEqual([]);

    const saved = await postLink(token, { intent: "save", "answer_customs-credit-status": "advanced", "answer_aeo-status": "certified" });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const flagged = await evaluationPage<{ statusFlags: unknown[] }>(procurement.cookie, evaluation);
    expect(flagged.data.statusFlags).toEqual([{ kind: "credit", claimed: "advanced", recorded: "general" }, { kind: "aeo" }]);

    // The answer that matches the register raises nothing.
    await postLink(token, { intent: "save", "answer_customs-credit-status": "registered", "answer_aeo-status": "no" });
    expect((await evaluationPage<{ statusFlags: unknown[] }>(procurement.cookie, evaluation)).data.statusFlags).toEqual([]);
  });
});
