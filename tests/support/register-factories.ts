// Records of the Step-12 registers (incidents, customs contacts, cargo reconciliations, internal
// audits, risk assessments) made through the app's own schemas and domain functions, as a form post
// would: for the tests of the features that read them (search, attention).
import type { Actor } from "~/lib/auth/actor";
import { recordReconciliation } from "~/lib/cargo/cargo-reconciliations.server";
import { CargoReconciliationSchema } from "~/lib/cargo/cargo-schema";
import { CustomsContactSchema, IncidentReportSchema } from "~/lib/incidents/incident-schema";
import { recordCustomsContact, reportIncident } from "~/lib/incidents/incidents.server";
import { InternalAuditSchema } from "~/lib/internal-audits/internal-audit-schema";
import { createInternalAudit } from "~/lib/internal-audits/internal-audits.server";
import { createRiskAssessment } from "~/lib/risk-assessments/risk-assessments.server";
import { RiskAssessmentSchema } from "~/lib/risk-assessments/risk-assessment-schema";
import { dayAfter } from "~/lib/attention/attention-rules";
import { todayInZone } from "~/lib/i18n/format";
import { testDb } from "./test-database";

const ZONE = "Asia/Shanghai";
type Fields = Record<string, string>;

function ok<T extends { ok: boolean }>(outcome: T, what: string): Extract<T, { ok: true }> {
  if (!outcome.ok) throw new Error(`${what} refused: ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { ok: true }>;
}

export async function reportTestIncident(actor: Actor, siteId: string, fields: Fields = {}) {
  const values = IncidentReportSchema.parse({
    siteId,
    kind: "intrusion",
    location: "二号门 Gate 2",
    discoveredBy: "保安小王",
    description: "围墙东侧发现攀爬痕迹",
    ...fields,
  });
  return ok(await reportIncident(testDb(), actor, values, ZONE), "incident");
}

export async function recordTestContact(actor: Actor, fields: Fields = {}) {
  const values = CustomsContactSchema.parse({
    contactedOn: todayInZone(ZONE),
    kind: "consultation",
    channel: "phone",
    customsOffice: "苏州海关",
    subject: "封志管理咨询",
    summary: "电话咨询封志管理要求",
    ...fields,
  });
  return ok(await recordCustomsContact(testDb(), actor, values, ZONE), "customs contact");
}

/** A receiving count; with a discrepancy when `fields` make one (countedPackages, note, raiseAction…). */
export async function recordTestReconciliation(actor: Actor, siteId: string, fields: Fields = {}) {
  const today = todayInZone(ZONE);
  const values = CargoReconciliationSchema.parse({
    direction: "receiving",
    reconciledOn: today,
    siteId,
    billOfLading: "COSU6181234560",
    packingList: "PL-2026-118",
    invoiceNumbers: "",
    containerNumber: "",
    sealNumber: "",
    expectedPackages: "120",
    countedPackages: "120",
    expectedWeightKg: "",
    countedWeightKg: "",
    note: "",
    ...fields,
  });
  return ok(await recordReconciliation(testDb(), actor, values, { today, timeZone: ZONE }), "reconciliation");
}

export async function createTestInternalAudit(actor: Actor, fields: Fields = {}) {
  const values = InternalAuditSchema.parse({
    auditedOn: todayInZone(ZONE),
    scope: "封志管理与单证 / Seals and documents",
    auditors: "陈敏 Chen Min",
    result: "conforms",
    conclusion: "符合 / Conforms",
    ...fields,
  });
  return ok(await createInternalAudit(testDb(), actor, values), "internal audit");
}

/** A draft; reviewed within a year of `assessedOn` (today) unless `nextReviewOn` says otherwise. */
export async function createTestRiskAssessment(actor: Actor, fields: Fields = {}) {
  const assessedOn = fields.assessedOn ?? todayInZone(ZONE);
  const values = RiskAssessmentSchema.parse({
    subjectKind: "route",
    subject: "深圳工厂 → 盐田港 / Shenzhen factory to Yantian port",
    assessedOn,
    nextReviewOn: dayAfter(assessedOn, 364),
    summary: "出口路线 / Export route",
    threat1Threat: "途中开箱 / Container opened en route",
    threat1Likelihood: "3",
    threat1Impact: "5",
    threat1Mitigation: "GPS 轨迹 / GPS tracking",
    ...fields,
  });
  return createRiskAssessment(testDb(), actor, values);
}
