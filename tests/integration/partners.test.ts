// Trading partners through their pages: registering, who may read and write, the partner rules,
// supervision and what the dashboard shows. A refused write leaves no trace. Evaluations and the
// partner's questionnaire link (partner-evaluations.test.ts), contracts and clauses
// (partner-contracts.test.ts) and the CSV/Excel import (partner-import.test.ts) have their own files.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own. Set before any app module reads env(),
// which caches (vi.hoisted runs ahead of the imports below).
await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("partner"));

import { auditEvents, partners } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";

import * as dashboardRoute from "~/routes/_app._index/route";
import * as clauseRoute from "~/routes/_app.clauses.$clauseId";
import * as clausesRoute from "~/routes/_app.clauses._index";
import * as newPartnerRoute from "~/routes/_app.partners.new";
import * as rulesRoute from "~/routes/_app.settings.partners";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { acknowledge, aeoPartnerFields, answerFields, builtInClause, builtInClauses, contractFields, contractPage, createContract, createLink, decide, decideOk, evaluationPage, evaluationRow, evidenceOf, expectedScore, footprint, freshUscc, listPartners, partlyOption, partnerFields, partnerPage, partnerRow, postContract, postEvaluation, postLink, postNewPartner, postPartner, preparedEvaluation, questionnaireOf, registerPartner, shiftDays, shiftMonths, startEvaluation, today } from "../support/partner-factories";
import { pdfFile } from "../support/policy-factories";
import { callAction, callLoader, errorsOf, keyOf, type Fields } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

// One organisation with every role the partner pages care about.
let owner: SignedUp;
let procurement: Member;
let auditor: Member;
let security: Member;

beforeAll(async () => {
  owner = await signUpOrganization();
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
    highTierSupervisionMonths: 6,
    mediumTierSupervisionMonths: 12,
    lowTierSupervisionMonths: 24,
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

describe("the dashboards' partner items", () => {
  type Group = { kind: string; total: number; lines: { href: string; dueOn: string | null; title: { zh: string; en: string } }[]; moreHref: string | null };
  type Dashboard = { groups: Group[] };
  const hrefs = (groups: Group[], kind: string) => (groups.find((g) => g.kind === kind)?.lines ?? []).map((l) => l.href).sort();

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

    // Compliance decides: the prepared evaluation is theirs. The answered questionnaire is
    // procurement's to review, and this organisation has nobody in procurement: its owner gets it.
    const forOfficer = await callLoader<Dashboard>(dashboardRoute, "/", { cookie: officer.cookie });
    expect(forOfficer.status).toBe(200);
    expect(hrefs(forOfficer.data.groups, "evaluation_decision")).toEqual([`/evaluations/${preparedId}`]);
    expect(forOfficer.data.groups.find((g) => g.kind === "evaluation_decision")?.lines[0]?.title.en).toMatch(/^EV-\d{5} .+: evaluation prepared, waiting for a decision$/);
    expect(hrefs(forOfficer.data.groups, "evaluation_due")).toEqual([]);

    const { data } = await callLoader<Dashboard>(dashboardRoute, "/", { cookie: org.cookie });
    expect(hrefs(data.groups, "questionnaire_answered")).toEqual([`/evaluations/${answeredId}`]);
    // Overdue and never evaluated count as due; 31 days out, rejected and under-way partners do not.
    expect(hrefs(data.groups, "evaluation_due")).toEqual([never, due30, overdue].map((p) => `/partners/${p.id}`).sort());
    expect(data.groups.find((g) => g.kind === "evaluation_due")?.lines.find((l) => l.href === `/partners/${due30.id}`)).toMatchObject({
      dueOn: shiftDays(today(), 30),
      title: { en: expect.stringMatching(/^TP-\d{5} .+: re-evaluation due$/) },
    });
    expect(hrefs(data.groups, "partner_certificate_expiring")).toEqual([`/partners/${expiring60.id}#aeo`]);
    const unbound = [never, due30, due31, overdue, expiring60, expiring61, prepared, answered, drafting];
    const clauses = data.groups.find((g) => g.kind === "contract_clauses_missing");
    // The group lists the first eight and links to the register for the rest.
    expect(clauses?.total).toBe(unbound.length);
    expect(clauses?.lines).toHaveLength(8);
    expect(clauses?.moreHref).toBe("/partners");
    expect(clauses?.lines.every((l) => unbound.some((p) => l.href === `/partners/${p.id}#contracts`))).toBe(true);

    // Another organisation's dashboard shows none of it.
    const other = await signUpOrganization();
    const theirs = await callLoader<Dashboard>(dashboardRoute, "/", { cookie: other.cookie });
    expect(theirs.data.groups.filter((g) => g.kind !== "certificate_expiring")).toEqual([]);
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
      "cn-2022-advanced/54",
      "cn-2022-advanced/57",
      "ctpat-msc/3.5",
      "ctpat-msc/3.6",
      "ctpat-msc/3.7",
      "wco-safe-aeo/K",
    ]);
  });
});
