// The records a dossier cites (its exceptions and its sample: with few records, all of them): the
// right criteria, the period, the site filter, no personal data, tenancy.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { evidenceLinks, type Site, type VisitorEntry } from "../../db/schema";
import { collectDossierPolicies } from "~/lib/dossiers/dossier-records.server";
import { monthsOfPeriod } from "~/lib/dossiers/dossier-sampling";
import { collectSectionEvidence } from "~/lib/dossiers/dossier-sections.server";
import type { DossierRecord, DossierScope } from "~/lib/dossiers/dossier-types";
import { todayInZone } from "~/lib/i18n/format";
import { visitorReference } from "~/lib/visitors/visitor-rules";
import { employeeReference } from "~/lib/personnel/personnel-references";
import { createEmployee, freshResidentId } from "../support/personnel-factories";
import { createPolicy } from "../support/policy-factories";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { testDb } from "../support/test-database";
import { RESIDENT_ID, signIn } from "../support/visitors-factories";

let owner: SignedUp;
let other: SignedUp;
let siteA: Site;
let siteB: Site;
let visitA: VisitorEntry;
let visitB: VisitorEntry;
let criterionIds: string[];

async function criteriaOf(orgId: string, recordId: string): Promise<string[]> {
  const rows = await testDb()
    .select({ criterionId: evidenceLinks.criterionId })
    .from(evidenceLinks)
    .where(and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordId, recordId)));
  return rows.map((r) => r.criterionId).sort();
}

beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  siteA = await createSite(owner.cookie);
  siteB = await createSite(owner.cookie);
  visitA = await signIn(owner.cookie, siteA.id);
  visitB = await signIn(owner.cookie, siteB.id);
  const otherSite = await createSite(other.cookie);
  await signIn(other.cookie, otherSite.id);
  criterionIds = await criteriaOf(owner.organizationId, visitA.id);
});

/** The records each criterion's section shows, by criterion id. */
async function collectDossierRecords(orgId: string, scope: DossierScope): Promise<Map<string, DossierRecord[]>> {
  const timeZone = "Asia/Shanghai";
  const months = monthsOfPeriod(todayInZone(timeZone, scope.from), todayInZone(timeZone, scope.to));
  const evidence = await collectSectionEvidence(testDb(), { orgId, timeZone, today: todayInZone(timeZone) }, scope, months);
  return new Map([...evidence].map(([id, e]) => [id, [...e.exceptions, ...e.samples]]));
}

const scope = (overrides: Partial<DossierScope> = {}): DossierScope => ({
  frameworkId: "any",
  criterionIds,
  from: new Date(Date.now() - 86_400_000),
  to: new Date(Date.now() + 86_400_000),
  siteIds: null,
  ...overrides,
});

describe("the records a section shows", () => {
  test("every criterion a visitor entry feeds lists it, with its reference, page, site and summary", async () => {
    expect(criterionIds.length).toBeGreaterThan(0);
    const records = await collectDossierRecords(owner.organizationId, scope());
    for (const id of criterionIds) {
      const list = records.get(id)!;
      expect(list.map((r) => r.recordId).sort()).toEqual([visitA.id, visitB.id].sort());
      const a = list.find((r) => r.recordId === visitA.id)!;
      expect(a).toMatchObject({
        recordType: "visitor_entry",
        reference: visitorReference(visitA.number),
        path: `/visitors/${visitA.id}`,
        site: { zh: siteA.nameZh, en: siteA.nameEn },
        // Still signed in today: on site, not an exception.
        result: { zh: "在场", en: "On site" },
        files: [],
      });
      expect(a.summary.en).toContain(visitA.visitorName);
      expect(a.summary.en).toContain(visitA.hostName);
    }
  });

  test("the ID number appears nowhere, masked or not", async () => {
    const records = await collectDossierRecords(owner.organizationId, scope());
    const text = JSON.stringify([...records.values()]);
    expect(text).not.toContain(RESIDENT_ID);
    expect(text).not.toContain(visitA.idNumberMasked);
  });

  test("a record outside the period is left out", async () => {
    const records = await collectDossierRecords(owner.organizationId, scope({ from: new Date(Date.now() + 60_000) }));
    expect(records.get(criterionIds[0]!)).toEqual([]);
    const until = await collectDossierRecords(owner.organizationId, scope({ to: visitA.signedInAt }));
    expect(until.get(criterionIds[0]!)!.some((r) => r.recordId === visitA.id)).toBe(false);
  });

  test("the site filter keeps only the sites chosen", async () => {
    const records = await collectDossierRecords(owner.organizationId, scope({ siteIds: [siteB.id] }));
    expect(records.get(criterionIds[0]!)!.map((r) => r.recordId)).toEqual([visitB.id]);
  });

  test("another organisation's records never appear", async () => {
    const records = await collectDossierRecords(owner.organizationId, scope());
    const ids = [...records.values()].flat().map((r) => r.recordId);
    expect(ids.every((id) => id === visitA.id || id === visitB.id)).toBe(true);
    const theirs = await collectDossierRecords(other.organizationId, scope());
    expect([...theirs.values()].flat().some((r) => r.recordId === visitA.id)).toBe(false);
  });

  test("an employee is cited by EMP number, name and post, never by ID number or date of birth", async () => {
    const idNumber = freshResidentId("1985-11-02");
    const employee = await createEmployee(owner.cookie, { idNumber, hireDate: new Date().toISOString().slice(0, 10) });
    const ids = await criteriaOf(owner.organizationId, employee.id);
    expect(ids.length).toBeGreaterThan(0);
    const records = await collectDossierRecords(owner.organizationId, scope({ criterionIds: ids }));
    const found = records.get(ids[0]!)!.find((r) => r.recordId === employee.id)!;
    expect(found).toMatchObject({
      recordType: "employee",
      reference: employeeReference(employee.number),
      path: `/personnel/${employee.id}`,
    });
    expect(found.summary.en).toContain(employee.position);
    const text = JSON.stringify([...records.values()]);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain("1985-11-02");
  });

  test("a policy linked to a criterion comes with its version in force and its document", async () => {
    const policy = await createPolicy(owner.cookie, { criteria: criterionIds[0]! });
    const found = await collectDossierPolicies(testDb(), owner.organizationId, criterionIds, "2026-01-01");
    const cited = found.get(criterionIds[0]!)!.find((p) => p.policyId === policy.id)!;
    expect(cited).toMatchObject({
      documentNumber: policy.documentNumber,
      version: 1,
      effectiveFrom: "2025-01-01",
      path: `/policies/${policy.id}`,
    });
    expect(cited.file).toMatchObject({ photo: false, mediaType: "application/pdf" });
    expect(cited.file!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cited.file!.sizeBytes).toBeGreaterThan(0);
    const theirs = await collectDossierPolicies(testDb(), other.organizationId, criterionIds, "2026-01-01");
    expect([...theirs.values()].flat()).toEqual([]);
  });
});
