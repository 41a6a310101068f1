// Trading partners through their pages: registering, who may read and write, evaluations from the
// first answer to the four-eyes decision (tier, dates, conditions as corrective actions, evidence),
// AEO exemptions, the partner's own questionnaire link, contracts and clauses, the partner rules,
// and what the dashboard shows. A refused write leaves no trace. The CSV/Excel import has its own file.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own. Set before any app module reads env(),
// which caches (vi.hoisted runs ahead of the imports below).
const filesDirectory = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(tmpdir(), "tradeguard-partner-files-"));
  process.env.FILES_DIR = dir;
  return dir;
});

import { rmSync } from "node:fs";
import { auditEvents, clauses, correctiveActions, partnerDocuments, partners, questionnaireLinks } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { message } from "~/lib/i18n/messages";
import { openQuestionnaireLink } from "~/lib/partners/evaluations.server";
import * as dashboardRoute from "~/routes/_app._index";
import * as clauseRoute from "~/routes/_app.clauses.$clauseId";
import * as clausesRoute from "~/routes/_app.clauses._index";
import * as partnersRoute from "~/routes/_app.partners._index";
import * as newPartnerRoute from "~/routes/_app.partners.new";
import * as rulesRoute from "~/routes/_app.settings.partners";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import {
  acknowledge,
  aeoPartnerFields,
  answerFields,
  bestOption,
  builtInClause,
  builtInClauses,
  contractFields,
  contractPage,
  contractRow,
  createContract,
  createLink,
  criticalOption,
  decide,
  decideOk,
  evaluationPage,
  evaluationRow,
  evidenceOf,
  expectedScore,
  freshUscc,
  linkRow,
  openLink,
  partlyOption,
  partnerFields,
  partnerPage,
  partnerRow,
  postContract,
  postEvaluation,
  postLink,
  postNewPartner,
  postPartner,
  prepareEvaluation,
  preparedEvaluation,
  questionnaireOf,
  registerPartner,
  sha256Hex,
  shiftDays,
  shiftMonths,
  startEvaluation,
  storedAnswers,
  today,
  uploadCertificate,
} from "../support/partner-factories";
import { pdfFile } from "../support/policy-factories";
import { callAction, callLoader, errorsOf, keyOf, type Fields } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

afterAll(() => rmSync(filesDirectory, { recursive: true, force: true }));

/** Row counts of everything the partner pages may write, for one organisation. */
async function footprint(orgId: string) {
  const tables = [
    "partners",
    "partner_contacts",
    "partner_sites",
    "partner_evaluations",
    "questionnaire_links",
    "partner_documents",
    "supervision_checks",
    "contracts",
    "contract_clauses",
    "partner_policies",
    "clauses",
    "corrective_actions",
    "evidence_links",
    "evidence_files",
    "outbox_emails",
    "audit_events",
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

function listPartners<T = ListData>(cookie: string, search = "") {
  return callLoader<T>(partnersRoute, `/partners${search}`, { cookie });
}

type ListData = {
  total: number;
  canManage: boolean;
  partners: {
    id: string;
    reference: string;
    status: string;
    riskTier: string | null;
    nextEvaluationOn: string | null;
    missingClauses: number;
  }[];
};

/** The partner-security criteria a questionnaire evaluation is evidence for (CN-2022 (55), CN-2014 24, CTPAT 3.1/3.5, WCO K). */
const EVALUATION_EVIDENCE = ["cn-2014-general/24", "cn-2022-advanced/55", "ctpat-msc/3.1", "ctpat-msc/3.5", "wco-safe-aeo/K"];
/** The library's clauses every contract must include unless the organisation says otherwise. */
const DEFAULT_REQUIRED = [
  "aeo-status-notice",
  "container-inspection",
  "customs-compliance",
  "high-security-seals",
  "incident-reporting",
  "right-to-audit",
];

// One organisation with every role the partner pages care about.
let owner: SignedUp;
let compliance: Member;
let procurement: Member;
let auditor: Member;
let security: Member;

beforeAll(async () => {
  owner = await signUpOrganization();
  compliance = await addMember(owner.cookie, "compliance");
  procurement = await addMember(owner.cookie, "procurement");
  auditor = await addMember(owner.cookie, "auditor");
  security = await addMember(owner.cookie, "security");
});

// ---------------------------------------------------------------------------------------------

describe("registering a partner", () => {
  test("a Chinese carrier is stored with its USCC, numbered, pending, and audited", async () => {
    const org = await signUpOrganization();
    const code = freshUscc();
    const partner = await registerPartner(org.cookie, {
      uscc: code.toLowerCase(),
      legalNameZh: "上海迅达物流有限公司",
      roles: ["carrier", "warehouse"],
    });
    expect(partner).toMatchObject({
      organizationId: org.organizationId,
      number: 1,
      legalNameZh: "上海迅达物流有限公司",
      countryCode: "CN",
      uscc: code,
      foreignRegistrationNumber: null,
      roles: ["carrier", "warehouse"],
      status: "pending",
      riskTier: null,
      exempt: false,
      nextEvaluationOn: null,
      createdByUserId: org.userId,
    });
    const second = await registerPartner(org.cookie, {
      countryCode: "DE",
      uscc: "",
      foreignRegistrationNumber: "HRB 99123",
      legalNameZh: "",
      legalNameEn: "Hamburg Lager GmbH",
      roles: "warehouse",
    });
    expect(second).toMatchObject({ number: 2, uscc: null, foreignRegistrationNumber: "HRB 99123", customsCredit: "unknown" });

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "partner"), eq(auditEvents.entityId, partner.id)));
    expect(event).toMatchObject({ action: "create", actorUserId: org.userId, organizationId: org.organizationId });
    expect(event?.after).toMatchObject({ uscc: code, legalNameZh: "上海迅达物流有限公司" });

    const page = await partnerPage(org.cookie, partner.id);
    expect(page.status).toBe(200);
    expect(page.data.partner).toMatchObject({ reference: "TP-00001", status: "pending" });
    const list = await listPartners(org.cookie);
    expect(list.data.partners.map((p) => p.reference).sort()).toEqual(["TP-00001", "TP-00002"]);
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);
  });

  test.each<[string, Fields, Record<string, string>]>([
    ["a Chinese entity without its USCC", { uscc: "" }, { uscc: "partners.usccRequired" }],
    [
      "a foreign entity without its registration number",
      { countryCode: "US", uscc: "" },
      { foreignRegistrationNumber: "partners.registrationRequired" },
    ],
    ["no role", { roles: [] }, { roles: "partners.rolesRequired" }],
    ["no name in either language", { legalNameZh: "", legalNameEn: "" }, { legalNameZh: "partners.nameRequired" }],
    [
      "an AEO status without certificate and validity",
      { aeoProgramme: "ctpat" },
      { aeoCertificateNumber: "partners.aeoRequired", aeoValidUntil: "partners.aeoRequired" },
    ],
    [
      "another MRA programme without its name",
      { aeoProgramme: "other_mra", aeoCertificateNumber: "STP-1", aeoValidUntil: "2030-01-01" },
      { aeoProgrammeName: "partners.aeoProgrammeNameRequired" },
    ],
  ])("%s is refused with its own message, and nothing is written", async (_, overrides, expected) => {
    const before = await footprint(owner.organizationId);
    const outcome = await postNewPartner(owner.cookie, partnerFields(overrides));
    expect(outcome.status).toBe(400);
    expect(Object.fromEntries(Object.entries(errorsOf(outcome)).map(([k, v]) => [k, keyOf(v)]))).toEqual(expected);
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("a USCC with a wrong check character is refused by its rule, and the form comes back filled in", async () => {
    const code = freshUscc();
    const wrong = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
    const before = await footprint(owner.organizationId);
    const outcome = await postNewPartner(owner.cookie, partnerFields({ uscc: wrong, legalNameZh: "校验码错误公司" }));
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).uscc)).toMatch(/^errors\.uscc\./);
    expect((outcome.data as { values: Record<string, string> }).values.legalNameZh).toBe("校验码错误公司");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });

  test("a USCC already registered in the organisation is refused; another organisation may register it", async () => {
    const code = freshUscc();
    await registerPartner(owner.cookie, { uscc: code });
    const before = await footprint(owner.organizationId);
    // The same code typed in lower case is the same code.
    const again = await postNewPartner(owner.cookie, partnerFields({ uscc: code.toLowerCase() }));
    expect(again.status).toBe(400);
    expect(errorsOf(again)).toEqual({ uscc: "partners.usccTaken" });
    expect(await footprint(owner.organizationId)).toEqual(before);

    const other = await signUpOrganization();
    const theirs = await registerPartner(other.cookie, { uscc: code });
    expect(theirs).toMatchObject({ organizationId: other.organizationId, uscc: code, number: 1 });
  });

  test("editing a partner to another partner's USCC is refused and changes nothing", async () => {
    const first = await registerPartner(owner.cookie);
    const second = await registerPartner(owner.cookie);
    const fields = partnerFields({ intent: "update", uscc: first.uscc, legalNameZh: "改名公司" });
    const outcome = await postPartner(owner.cookie, second.id, fields);
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ uscc: "partners.usccTaken" });
    expect(await partnerRow(second.id)).toEqual(second);
  });
});

// ---------------------------------------------------------------------------------------------

describe("who may read and write", () => {
  let partnerId: string;
  let preparedId: string;
  let contractId: string;

  beforeAll(async () => {
    const partner = await registerPartner(owner.cookie);
    partnerId = partner.id;
    preparedId = (await preparedEvaluation(procurement.cookie, partnerId)).id;
    contractId = (await createContract(owner.cookie, partnerId, [(await builtInClause("right-to-audit")).id])).id;
  });

  test.each(["auditor", "security"] as const)(
    "%s can read the list, the partner, its evaluation, contract, clauses and rules",
    async (role) => {
      const who = role === "auditor" ? auditor : security;
      const list = await listPartners(who.cookie);
      expect(list.status).toBe(200);
      expect(list.data.canManage).toBe(false);
      expect(list.data.partners.map((p) => p.id)).toContain(partnerId);
      const page = await partnerPage(who.cookie, partnerId);
      expect(page.status).toBe(200);
      expect(page.data.canManage).toBe(false);
      const evaluation = await evaluationPage(who.cookie, preparedId);
      expect(evaluation.status).toBe(200);
      expect(evaluation.data.can).toMatchObject({ edit: false, link: false, reopen: false, decide: false, decideRole: false });
      expect((await contractPage(who.cookie, contractId)).status).toBe(200);
      const clauseList = await callLoader(clausesRoute, "/clauses", { cookie: who.cookie });
      expect(clauseList.status).toBe(200);
      const rules = await callLoader<{ canEdit: boolean }>(rulesRoute, "/settings/partners", { cookie: who.cookie });
      expect(rules.status).toBe(200);
      expect(rules.data.canEdit).toBe(false);
    },
  );

  test.each(["auditor", "security"] as const)("%s cannot write anything: 403, and nothing is written", async (role) => {
    const who = role === "auditor" ? auditor : security;
    const before = await footprint(owner.organizationId);
    const evaluationBefore = await evaluationRow(preparedId);
    const clause = await builtInClause("high-security-seals");
    const attempts = [
      await callLoader(newPartnerRoute, "/partners/new", { cookie: who.cookie }),
      await postNewPartner(who.cookie, partnerFields()),
      await postPartner(who.cookie, partnerId, { intent: "contact", name: "Wang Lei" }),
      await postPartner(who.cookie, partnerId, partnerFields({ intent: "update" })),
      await postPartner(who.cookie, partnerId, { intent: "evaluate", role: "carrier" }),
      await postPartner(who.cookie, partnerId, contractFields([clause.id])),
      await postEvaluation(who.cookie, preparedId, { intent: "reopen" }),
      await postEvaluation(who.cookie, preparedId, { intent: "save", ...answerFields(await questionnaireOf(preparedId)) }),
      await postEvaluation(who.cookie, preparedId, { intent: "link", locale: "en", days: 14 }),
      await decide(who.cookie, preparedId, { decision: "approved" }),
      await postContract(who.cookie, contractId, { intent: "acknowledge", acknowledgedOn: today(), acknowledgedBy: "X", file: pdfFile() }),
      await callAction(
        rulesRoute,
        "/settings/partners",
        { lowTierMinScore: 90, mediumTierMinScore: 50, highTierMonths: 3, mediumTierMonths: 6, lowTierMonths: 12 },
        { cookie: who.cookie },
      ),
      await callAction(
        clauseRoute,
        `/clauses/${clause.id}`,
        { titleZh: "改", titleEn: "Changed", textZh: "改", textEn: "Changed" },
        { cookie: who.cookie, params: { clauseId: clause.id } },
      ),
    ];
    expect(attempts.map((a) => a.status)).toEqual(attempts.map(() => 403));
    expect(await footprint(owner.organizationId)).toEqual(before);
    expect(await evaluationRow(preparedId)).toEqual(evaluationBefore);
  });

  test("procurement manages partners but may not set the partner rules", async () => {
    const before = await footprint(owner.organizationId);
    const outcome = await callAction(
      rulesRoute,
      "/settings/partners",
      { lowTierMinScore: 90, mediumTierMinScore: 50, highTierMonths: 3, mediumTierMonths: 6, lowTierMonths: 12 },
      { cookie: procurement.cookie },
    );
    expect(outcome.status).toBe(403);
    expect(await footprint(owner.organizationId)).toEqual(before);
    expect((await partnerPage(procurement.cookie, partnerId)).data.canManage).toBe(true);
  });

  test("another organisation's partner, evaluation and contract are not found, and cannot be written", async () => {
    const other = await signUpOrganization();
    const before = await footprint(owner.organizationId);
    expect((await partnerPage(other.cookie, partnerId)).status).toBe(404);
    expect((await evaluationPage(other.cookie, preparedId)).status).toBe(404);
    expect((await contractPage(other.cookie, contractId)).status).toBe(404);
    expect((await postPartner(other.cookie, partnerId, { intent: "contact", name: "Intruder" })).status).toBe(404);
    expect((await decide(other.cookie, preparedId, { decision: "approved" })).status).toBe(404);
    expect(await footprint(owner.organizationId)).toEqual(before);
    expect((await listPartners(other.cookie)).data.total).toBe(0);
  });
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

    // The partner sees what it saved; the reviewer sees the documents.
    expect((await openLink(tokenA)).data.answers).toEqual(row.answers);
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

describe("contracts and clauses", () => {
  let org: SignedUp;
  let buyer: Member;

  beforeAll(async () => {
    org = await signUpOrganization();
    buyer = await addMember(org.cookie, "procurement");
  });

  test("the library's required clauses are missing until an acknowledged contract includes them", async () => {
    const partner = await registerPartner(buyer.cookie);
    const library = await builtInClauses();
    expect(
      library
        .filter((c) => c.requiredByDefault)
        .map((c) => c.code)
        .sort(),
    ).toEqual(DEFAULT_REQUIRED);
    const page = await partnerPage(buyer.cookie, partner.id);
    expect(page.data.requiredClauses).toEqual(DEFAULT_REQUIRED);
    expect(page.data.missingClauses).toEqual(DEFAULT_REQUIRED);
    expect((await listPartners(buyer.cookie)).data.partners.find((p) => p.id === partner.id)?.missingClauses).toBe(6);

    const included = ["customs-compliance", "aeo-status-notice", "high-security-seals", "container-inspection", "driver-identity"];
    const ids = included.map((code) => library.find((c) => c.code === code)!.id);
    const contract = await createContract(buyer.cookie, partner.id, ids, { startsOn: shiftDays(today(), -10) });
    const view = await contractPage(buyer.cookie, contract.id);
    expect(view.data.clauses.map((c) => [c.code, c.version, c.own]).sort()).toEqual(included.map((code) => [code, 1, false]).sort());
    expect(view.data.missingRequired).toEqual(["incident-reporting", "right-to-audit"]);
    // Not acknowledged yet: it binds the partner to nothing.
    expect((await partnerPage(buyer.cookie, partner.id)).data.missingClauses).toEqual(DEFAULT_REQUIRED);

    const before = { footprint: await footprint(org.organizationId), contract: await contractRow(contract.id) };
    const unchanged = async () => {
      expect(await footprint(org.organizationId)).toEqual(before.footprint);
      expect(await contractRow(contract.id)).toEqual(before.contract);
    };
    const noCopy = await postContract(buyer.cookie, contract.id, {
      intent: "acknowledge",
      acknowledgedOn: today(),
      acknowledgedBy: "李经理",
    });
    expect(noCopy.status).toBe(400);
    expect(errorsOf(noCopy)).toEqual({ file: "partners.signedCopyRequired" });
    await unchanged();
    const early = await postContract(buyer.cookie, contract.id, {
      intent: "acknowledge",
      acknowledgedOn: shiftDays(today(), -11),
      acknowledgedBy: "李经理",
      file: pdfFile(),
    });
    expect(errorsOf(early)).toEqual({ acknowledgedOn: message("partners.ackBeforeStart", { date: shiftDays(today(), -10) }) });
    await unchanged();
    const future = await postContract(buyer.cookie, contract.id, {
      intent: "acknowledge",
      acknowledgedOn: shiftDays(today(), 1),
      acknowledgedBy: "李经理",
      file: pdfFile(),
    });
    expect(errorsOf(future)).toEqual({ acknowledgedOn: "partners.inFuture" });
    await unchanged();

    await acknowledge(buyer.cookie, contract.id, pdfFile("签字版.pdf"), shiftDays(today(), -10));
    expect(await contractRow(contract.id)).toMatchObject({ acknowledgedOn: shiftDays(today(), -10), acknowledgedBy: "李经理" });
    expect((await contractPage(buyer.cookie, contract.id)).data.contract.acknowledgementFile?.name).toBe("签字版.pdf");
    // Evidence for the contract criteria and for what each included clause imposes (seals CTPAT 6.x, inspections 5.3 ...).
    const expected = new Set(["cn-2014-general/24", "cn-2022-advanced/56", "ctpat-msc/3.1", "wco-safe-aeo/K"]);
    for (const clause of library.filter((c) => included.includes(c.code)))
      for (const ref of clause.criteria) expected.add(`${ref.framework}/${ref.key}`);
    expect(await evidenceOf("contract", contract.id)).toEqual([...expected].sort());
    expect(await evidenceOf("contract", contract.id)).toEqual(
      expect.arrayContaining(["ctpat-msc/6.2", "ctpat-msc/5.3", "cn-2022-advanced/56"]),
    );

    expect((await partnerPage(buyer.cookie, partner.id)).data.missingClauses).toEqual(["incident-reporting", "right-to-audit"]);
    expect((await listPartners(buyer.cookie)).data.partners.find((p) => p.id === partner.id)?.missingClauses).toBe(2);
  });

  test("a clause written for cargo handlers is not required of a customs broker", async () => {
    const broker = await registerPartner(buyer.cookie, { roles: ["customs_broker"] });
    const page = await partnerPage(buyer.cookie, broker.id);
    const cargoOnly = (await builtInClauses()).filter((c) => c.requiredByDefault && c.roles.length > 0).map((c) => c.code);
    expect(cargoOnly.sort()).toEqual(["container-inspection", "high-security-seals"]);
    expect(page.data.missingClauses).toEqual(DEFAULT_REQUIRED.filter((code) => !cargoOnly.includes(code)));
    expect((await listPartners(buyer.cookie)).data.partners.find((p) => p.id === broker.id)?.missingClauses).toBe(4);
  });

  test("a contract number is unique in the organisation, and a clause another organisation adapted cannot be used", async () => {
    const partner = await registerPartner(buyer.cookie);
    const clause = await builtInClause("right-to-audit");
    const first = await createContract(buyer.cookie, partner.id, [clause.id]);
    const other = await signUpOrganization();
    const adapted = await callAction(
      clauseRoute,
      `/clauses/${clause.id}`,
      { titleZh: "审计权", titleEn: "Right to audit (ours)", textZh: "我方可随时审计。", textEn: "We may audit at any time." },
      { cookie: other.cookie, params: { clauseId: clause.id } },
    );
    const theirClause = /^\/clauses\/([0-9a-f-]{36})\?adapted=1$/.exec(adapted.location ?? "")?.[1] ?? "";
    expect(theirClause).not.toBe("");

    const before = await footprint(org.organizationId);
    const taken = await postPartner(
      buyer.cookie,
      partner.id,
      contractFields([clause.id], { contractNumber: first.contractNumber, file: pdfFile() }),
    );
    expect(errorsOf(taken)).toEqual({ contractNumber: "partners.contractNumberTaken" });
    const foreign = await postPartner(buyer.cookie, partner.id, contractFields([theirClause], { file: pdfFile() }));
    expect(errorsOf(foreign)).toEqual({ clauseIds: "errors.choose" });
    expect(await footprint(org.organizationId)).toEqual(before);
    expect(
      (await callLoader(clauseRoute, `/clauses/${theirClause}`, { cookie: buyer.cookie, params: { clauseId: theirClause } })).status,
    ).toBe(404);
  });

  test("a contract keeps the clause version it includes after the clause is adapted; adapting makes version 2 of the organisation's own", async () => {
    const partner = await registerPartner(buyer.cookie);
    const seals = await builtInClause("high-security-seals");
    const contract = await createContract(buyer.cookie, partner.id, [seals.id]);
    await acknowledge(buyer.cookie, contract.id, pdfFile());

    const texts = {
      titleZh: "高安全封志（本公司版）",
      titleEn: "High-security seals (our wording)",
      textZh: "乙方须使用符合 ISO 17712 的 H 级封志，并逐一登记封志号。",
      textEn: "The Partner shall use ISO 17712 class H seals and log every seal number.",
    };
    const adapted = await callAction(clauseRoute, `/clauses/${seals.id}`, texts, { cookie: buyer.cookie, params: { clauseId: seals.id } });
    expect(adapted.status, JSON.stringify(adapted.data)).toBe(302);
    const newId = /^\/clauses\/([0-9a-f-]{36})\?adapted=1$/.exec(adapted.location ?? "")?.[1] ?? "";
    const [own] = await testDb().select().from(clauses).where(eq(clauses.id, newId));
    expect(own).toMatchObject({
      organizationId: org.organizationId,
      code: "high-security-seals",
      version: 2,
      ...texts,
      basedOnClauseId: seals.id,
      requiredByDefault: seals.requiredByDefault,
      roles: seals.roles,
      criteria: seals.criteria,
      createdByUserId: buyer.userId,
    });
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "clause"), eq(auditEvents.entityId, newId)));
    expect(event).toMatchObject({ action: "create", organizationId: org.organizationId });

    // The acknowledged contract still holds the built-in wording, version 1.
    const view = await contractPage(buyer.cookie, contract.id);
    expect(view.data.clauses).toEqual([
      expect.objectContaining({ id: seals.id, code: "high-security-seals", version: 1, own: false, textEn: seals.textEn }),
    ]);
    // And it still counts for the code.
    expect((await partnerPage(buyer.cookie, partner.id)).data.missingClauses).not.toContain("high-security-seals");

    type ClauseList = { clauses: { id: string; code: string; version: number; own: boolean }[] };
    const mine = await callLoader<ClauseList>(clausesRoute, "/clauses", { cookie: buyer.cookie });
    expect(mine.data.clauses.find((c) => c.code === "high-security-seals")).toMatchObject({ id: newId, version: 2, own: true });
    expect(mine.data.clauses.filter((c) => c.code === "high-security-seals")).toHaveLength(1);
    const other = await signUpOrganization();
    const theirs = await callLoader<ClauseList>(clausesRoute, "/clauses", { cookie: other.cookie });
    expect(theirs.data.clauses.find((c) => c.code === "high-security-seals")).toMatchObject({ id: seals.id, version: 1, own: false });
    // A new contract is offered the organisation's version.
    expect((await partnerPage(buyer.cookie, partner.id)).data.clauses.find((c) => c.code === "high-security-seals")?.id).toBe(newId);
    // Both versions of one clause in one contract make no sense.
    expect(errorsOf(await postPartner(buyer.cookie, partner.id, contractFields([seals.id, newId])))).toEqual({
      clauseIds: "partners.clauseTwice",
    });

    // The same wording again writes nothing; new wording makes version 3.
    const count = await countRows("clauses", sql`organization_id = ${org.organizationId}`);
    const same = await callAction(clauseRoute, `/clauses/${newId}`, texts, { cookie: buyer.cookie, params: { clauseId: newId } });
    expect(same.location).toBe(`/clauses/${newId}?unchanged=1`);
    expect(await countRows("clauses", sql`organization_id = ${org.organizationId}`)).toBe(count);
    const third = await callAction(
      clauseRoute,
      `/clauses/${newId}`,
      { ...texts, textEn: `${texts.textEn} Seals are checked on arrival.` },
      { cookie: buyer.cookie, params: { clauseId: newId } },
    );
    const thirdId = /^\/clauses\/([0-9a-f-]{36})\?adapted=1$/.exec(third.location ?? "")?.[1] ?? "";
    const [v3] = await testDb().select().from(clauses).where(eq(clauses.id, thirdId));
    expect(v3).toMatchObject({ version: 3, basedOnClauseId: newId, organizationId: org.organizationId });
  });
});

// ---------------------------------------------------------------------------------------------

describe("the partner rules", () => {
  let org: SignedUp;
  let officer: Member;
  let buyer: Member;
  const valid = {
    lowTierMinScore: 85,
    mediumTierMinScore: 65,
    highTierMonths: 3,
    mediumTierMonths: 9,
    lowTierMonths: 18,
    requiredClauseCodes: ["right-to-audit"],
  };
  const saveRules = (fields: Fields, cookie = officer.cookie) => callAction(rulesRoute, "/settings/partners", fields, { cookie });

  beforeAll(async () => {
    org = await signUpOrganization();
    officer = await addMember(org.cookie, "compliance");
    buyer = await addMember(org.cookie, "procurement");
  });

  test.each<[string, Fields, Record<string, string>]>([
    [
      "the medium threshold equal to the low one",
      { lowTierMinScore: 70, mediumTierMinScore: 70 },
      { mediumTierMinScore: "partnerRules.problem.order" },
    ],
    [
      "the medium threshold above the low one",
      { lowTierMinScore: 60, mediumTierMinScore: 75 },
      { mediumTierMinScore: "partnerRules.problem.order" },
    ],
    ["a threshold above 100", { lowTierMinScore: 101 }, { mediumTierMinScore: "partnerRules.problem.range" }],
    [
      "high risk looked at later than medium risk",
      { highTierMonths: 12, mediumTierMonths: 6 },
      { highTierMonths: "partnerRules.problem.monthsOrder" },
    ],
    [
      "medium risk later than low risk",
      { mediumTierMonths: 24, lowTierMonths: 18 },
      { highTierMonths: "partnerRules.problem.monthsOrder" },
    ],
    ["an interval of 0 months", { highTierMonths: 0 }, { highTierMonths: "partnerRules.problem.months" }],
    ["a clause that does not exist", { requiredClauseCodes: ["no-such-clause"] }, { requiredClauseCodes: "errors.choose" }],
  ])("%s is refused and nothing is saved", async (_, overrides, expected) => {
    const before = await footprint(org.organizationId);
    const outcome = await saveRules({ ...valid, ...overrides });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual(expected);
    expect(await footprint(org.organizationId)).toEqual(before);
    const rules = await callLoader<{ policy: { lowTierMinScore: number; defaultClauses: boolean } }>(rulesRoute, "/settings/partners", {
      cookie: officer.cookie,
    });
    expect(rules.data.policy).toMatchObject({ lowTierMinScore: 80, defaultClauses: true });
  });

  test("new rules change the tier and the dates of the next decisions, and the clauses required", async () => {
    // Decided under the default rules: "partly" answers score in the sixties, medium risk, 12 months.
    const before = await registerPartner(buyer.cookie);
    const first = await preparedEvaluation(buyer.cookie, before.id, { choose: partlyOption });
    const score = expectedScore(await questionnaireOf(first.id), first.fields);
    expect(score).toBeGreaterThanOrEqual(60);
    expect(score).toBeLessThan(65);
    await decideOk(officer.cookie, first.id);
    expect(await partnerRow(before.id)).toMatchObject({ riskTier: "medium", nextEvaluationOn: shiftMonths(today(), 12) });

    const saved = await saveRules(valid);
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect(saved.location).toBe("/settings/partners?saved=1");
    const rules = await callLoader<{ policy: Record<string, unknown>; canEdit: boolean }>(rulesRoute, "/settings/partners", {
      cookie: officer.cookie,
    });
    expect(rules.data.policy).toEqual({ ...valid, defaultClauses: false });
    expect(rules.data.canEdit).toBe(true);
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, org.organizationId), eq(auditEvents.entityType, "partner_policy")));
    expect(event).toMatchObject({ action: "create", actorUserId: officer.userId });

    // The same answers now fall below the medium threshold of 65: high risk, 3 months.
    const second = await preparedEvaluation(buyer.cookie, before.id, { choose: partlyOption });
    expect(await evaluationRow(second.id)).toMatchObject({ score, tier: "high" });
    await decideOk(officer.cookie, second.id);
    expect(await partnerRow(before.id)).toMatchObject({ riskTier: "high", nextEvaluationOn: shiftMonths(today(), 3) });

    const best = await registerPartner(buyer.cookie);
    const top = await preparedEvaluation(buyer.cookie, best.id);
    await decideOk(officer.cookie, top.id);
    expect(await partnerRow(best.id)).toMatchObject({ riskTier: "low", nextEvaluationOn: shiftMonths(today(), 18) });

    const page = await partnerPage(buyer.cookie, best.id);
    expect(page.data.requiredClauses).toEqual(["right-to-audit"]);
    expect(page.data.missingClauses).toEqual(["right-to-audit"]);

    // Changing them again is an update of the same rules.
    expect((await saveRules({ ...valid, lowTierMonths: 24 })).status).toBe(302);
    expect(await countRows("partner_policies", sql`organization_id = ${org.organizationId}`)).toBe(1);
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe("the dashboard's partners card", () => {
  type Line = { id: string; reference: string };
  type DashboardPartners = {
    partners: {
      awaitingDecision: { id: string; reference: string; status: string; partner: Line }[];
      due: (Line & { nextEvaluationOn: string | null })[];
      dueCount: number;
      expiring: (Line & { aeoValidUntil: string })[];
      unbound: Line[];
      unboundCount: number;
    };
  };

  test("shows evaluations awaiting a decision, evaluations due within 30 days, AEO certificates expiring within 60 days and partners missing clauses", async () => {
    const org = await signUpOrganization();
    const officer = await addMember(org.cookie, "compliance");
    const setNext = (id: string, day: string) => testDb().update(partners).set({ nextEvaluationOn: day }).where(eq(partners.id, id));

    const never = await registerPartner(org.cookie);
    const bound = await registerPartner(org.cookie);
    await decideOk(officer.cookie, (await preparedEvaluation(org.cookie, bound.id)).id);
    const required = (await builtInClauses()).filter((c) => c.requiredByDefault).map((c) => c.id);
    await acknowledge(org.cookie, (await createContract(org.cookie, bound.id, required)).id, pdfFile());
    const due30 = await registerPartner(org.cookie);
    await setNext(due30.id, shiftDays(today(), 30));
    const due31 = await registerPartner(org.cookie);
    await setNext(due31.id, shiftDays(today(), 31));
    const overdue = await registerPartner(org.cookie);
    await setNext(overdue.id, shiftDays(today(), -3));
    const expiring60 = await registerPartner(org.cookie, aeoPartnerFields(shiftDays(today(), 60)));
    await setNext(expiring60.id, shiftDays(today(), 300));
    const expiring61 = await registerPartner(org.cookie, aeoPartnerFields(shiftDays(today(), 61)));
    await setNext(expiring61.id, shiftDays(today(), 300));
    const rejected = await registerPartner(org.cookie, aeoPartnerFields(shiftDays(today(), 10)));
    await decideOk(officer.cookie, (await preparedEvaluation(org.cookie, rejected.id)).id, { decision: "rejected", note: "Not needed" });
    const prepared = await registerPartner(org.cookie);
    const preparedId = (await preparedEvaluation(org.cookie, prepared.id)).id;
    await setNext(prepared.id, shiftDays(today(), 300));
    const answered = await registerPartner(org.cookie);
    const answeredId = await startEvaluation(org.cookie, answered.id);
    const { token } = await createLink(org.cookie, answeredId);
    expect((await postLink(token, { intent: "submit", ...answerFields(await questionnaireOf(answeredId)) })).status).toBe(302);
    await setNext(answered.id, shiftDays(today(), 300));
    const drafting = await registerPartner(org.cookie);
    await startEvaluation(org.cookie, drafting.id);
    await setNext(drafting.id, shiftDays(today(), 300));

    const { status, data } = await callLoader<DashboardPartners>(dashboardRoute, "/", { cookie: officer.cookie });
    expect(status).toBe(200);
    const card = data.partners;
    const ref = (p: { number: number }) => `TP-${String(p.number).padStart(5, "0")}`;

    expect(card.awaitingDecision.map((a) => [a.partner.id, a.status]).sort()).toEqual(
      [
        [prepared.id, "prepared"],
        [answered.id, "partner_submitted"],
      ].sort(),
    );
    expect(card.awaitingDecision.every((a) => /^EV-\d{5}$/.test(a.reference))).toBe(true);
    expect(card.awaitingDecision.map((a) => a.id).sort()).toEqual([preparedId, answeredId].sort());
    // Overdue and never evaluated count as due; 31 days out and rejected partners do not.
    expect(card.due.map((p) => p.id).sort()).toEqual([never.id, due30.id, overdue.id].sort());
    expect(card.dueCount).toBe(3);
    expect(card.due.find((p) => p.id === due30.id)).toMatchObject({ reference: ref(due30), nextEvaluationOn: shiftDays(today(), 30) });
    expect(card.expiring.map((p) => [p.id, p.aeoValidUntil])).toEqual([[expiring60.id, shiftDays(today(), 60)]]);
    const unbound = [never, due30, due31, overdue, expiring60, expiring61, prepared, answered, drafting].map((p) => p.id).sort();
    expect(card.unboundCount).toBe(unbound.length);
    // The card lists the first eight by number and counts the rest.
    expect(card.unbound.map((p) => p.id)).toEqual(
      unbound.length > 8 ? [never, due30, due31, overdue, expiring60, expiring61, prepared, answered].map((p) => p.id) : unbound,
    );
    expect(card.unbound.some((p) => p.id === bound.id || p.id === rejected.id)).toBe(false);

    // Another organisation's dashboard shows none of it.
    const other = await signUpOrganization();
    const theirs = await callLoader<DashboardPartners>(dashboardRoute, "/", { cookie: other.cookie });
    expect(theirs.data.partners).toMatchObject({ awaitingDecision: [], due: [], dueCount: 0, expiring: [], unbound: [], unboundCount: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe("supervision", () => {
  test("findings raise their corrective actions on the partner; a finding owned by a stranger is refused with nothing written", async () => {
    const partner = await registerPartner(procurement.cookie);
    const stranger = await signUpOrganization();
    const check = {
      intent: "supervision",
      kind: "site_visit",
      performedOn: shiftDays(today(), -2),
      result: "findings",
      summary: "Seal log incomplete",
    };
    const before = await footprint(owner.organizationId);
    const refused = await postPartner(procurement.cookie, partner.id, {
      ...check,
      condition_1_title: "Complete the seal log",
      condition_1_ownerUserId: stranger.userId,
      condition_1_dueOn: shiftDays(today(), 14),
      file: pdfFile("visit-report.pdf"),
    });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)).toEqual({ condition_1_ownerUserId: "errors.choose" });
    expect(await footprint(owner.organizationId)).toEqual(before);

    const future = await postPartner(procurement.cookie, partner.id, {
      ...check,
      performedOn: shiftDays(today(), 1),
      condition_1_title: "X",
      condition_1_ownerUserId: procurement.userId,
      condition_1_dueOn: today(),
    });
    expect(errorsOf(future)).toEqual({ performedOn: "partners.inFuture" });

    const saved = await postPartner(procurement.cookie, partner.id, {
      ...check,
      condition_1_title: "Complete the seal log",
      condition_1_ownerUserId: procurement.userId,
      condition_1_dueOn: shiftDays(today(), 14),
      file: pdfFile("visit-report.pdf"),
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const page = await partnerPage(procurement.cookie, partner.id);
    expect(page.data.actions.map((a) => [a.title, a.dueOn])).toEqual([["Complete the seal log", shiftDays(today(), 14)]]);
    const [row] = await query<{ id: string }>(sql`select id from supervision_checks where partner_id = ${partner.id}`);
    expect(await evidenceOf("supervision_check", row!.id)).toEqual([
      "cn-2014-general/24",
      "cn-2022-advanced/57",
      "ctpat-msc/3.5",
      "ctpat-msc/3.7",
      "wco-safe-aeo/K",
    ]);
  });
});
