// Contracts with trading partners and their security clauses, through their pages. A refused
// write leaves no trace.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own. Set before any app module reads env(),
// which caches (vi.hoisted runs ahead of the imports below).
await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("partner-contract"));

import { auditEvents, clauses } from "../../db/schema";

import { message } from "~/lib/i18n/messages";

import * as clauseRoute from "~/routes/_app.clauses.$clauseId";
import * as clausesRoute from "~/routes/_app.clauses._index";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { acknowledge, builtInClause, builtInClauses, contractFields, contractPage, contractRow, createContract, evidenceOf, footprint, listPartners, partnerPage, postContract, postPartner, registerPartner, shiftDays, today } from "../support/partner-factories";
import { pdfFile } from "../support/policy-factories";
import { callAction, callLoader, errorsOf } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

/** The library's clauses every contract must include unless the organisation says otherwise. */
const DEFAULT_REQUIRED = [
  "aeo-status-notice",
  "container-inspection",
  "customs-compliance",
  "high-security-seals",
  "incident-reporting",
  "right-to-audit",
];

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
