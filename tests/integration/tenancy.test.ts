// Tenant isolation: organisation A must never reach organisation B's records through an address.
// Every route module whose file name carries a `$param` needs an entry in `paramRoutes` below,
// saying how to get organisation B's id for that param; a new route without one fails this file.
import { readdirSync, statSync } from "node:fs";
import { createShare } from "~/lib/dossiers/dossier-shares.server";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { randomUUID } from "node:crypto";
import { inspectionPhotos, inspections, invitations, partnerEvaluations, policyVersions, questionnaireLinks } from "../../db/schema";
import { createActionFromAssessment } from "~/lib/actions/actions.server";
import { createAssessment, saveResult } from "~/lib/assessments/assessments.server";
import { isResetTokenUsable } from "~/lib/auth/accounts.server";
import { recordAccessItemStep } from "~/lib/badges/badges.server";
import { saveDraft } from "~/lib/inspections/inspection-drafts.server";
import { copyTemplate } from "~/lib/inspections/templates.server";
import { residentIdCheckCharacter } from "~/lib/inspections/identity-document";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import { adaptClause, listClauses } from "~/lib/partners/clauses.server";
import { createContract } from "~/lib/partners/contracts.server";
import { createQuestionnaireLink } from "~/lib/partners/evaluation-links.server";
import { startEvaluation } from "~/lib/partners/evaluation-preparation.server";
import { PartnerSchema } from "~/lib/partners/partner-schema";
import { createPartner } from "~/lib/partners/partners.server";
import { isUuid } from "~/lib/value-checks";
import { queues } from "~/lib/jobs/job-engine.server";
import { EmployeeSchema } from "~/lib/personnel/personnel-schema";
import { createEmployee } from "~/lib/personnel/personnel-employees.server";
import * as membersRoute from "~/routes/_app.settings.members._index";
import * as outboxEmailRoute from "~/routes/_app.settings.outbox.$emailId";
import * as outboxRoute from "~/routes/_app.settings.outbox._index";
import * as resetRoute from "~/routes/_auth.reset-password";
import {
  addMember,
  createSite,
  DEFAULT_PASSWORD,
  invite,
  latestEmail,
  siteFields,
  signUpOrganization,
  tokenFromEmail,
  uniqueEmail,
  type Member,
  type SignedUp,
} from "../support/factories";
import { containerTemplateId, containerValues, submitContainerInspection } from "../support/inspection-factories";
import { addItems } from "../support/badges-factories";
import { generateDossier } from "../support/dossier-factories";
import { applyDirect, createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { runSealAudit } from "~/lib/seals/seal-audits.server";
import { createPolicy, pdfFile } from "../support/policy-factories";
import { signIn as signInVisitor } from "../support/visitors-factories";
import { recordReconciliation } from "~/lib/cargo/cargo-reconciliations.server";
import { recordCustomsContact, reportIncident } from "~/lib/incidents/incidents.server";
import { CustomsContactSchema, IncidentReportSchema } from "~/lib/incidents/incident-schema";
import { CargoReconciliationSchema } from "~/lib/cargo/cargo-schema";
import { insertEmployee } from "../support/personnel-factories";
import { InternalAuditSchema } from "~/lib/internal-audits/internal-audit-schema";
import { createInternalAudit } from "~/lib/internal-audits/internal-audits.server";
import { RiskAssessmentSchema } from "~/lib/risk-assessments/risk-assessment-schema";
import { createRiskAssessment } from "~/lib/risk-assessments/risk-assessments.server";
import { ContinuityPlanSchema, ContinuityTestSchema } from "~/lib/continuity/continuity-schema";
import { createContinuityPlan } from "~/lib/continuity/continuity-plans.server";
import { recordContinuityTest } from "~/lib/continuity/continuity-tests.server";
import { attend, createSession as createTrainingSession } from "../support/training-factories";
import { workQueue } from "../support/jobs";
import { callAction, callLoader, errorsOf, keyOf, type Fields, type RouteModule } from "../support/requests";
import { query, testDb } from "../support/test-database";

const routesDir = path.resolve("app/routes");

interface Tenant {
  owner: SignedUp;
  member: Member;
  siteId: string;
  invitationId: string;
  invitationToken: string;
  emailId: string;
  policyId: string;
  /** The file of the policy's first version. */
  fileId: string;
  actionId: string;
  assessmentId: string;
  /** A submitted 7-point inspection with a failed point and its photo. */
  inspectionId: string;
  photoFileId: string;
  /** An unsubmitted draft of the owner's. */
  draftKey: string;
  /** The organisation's own copy of a built-in checklist template. */
  templateId: string;
  partnerId: string;
  /** An evaluation of the partner, waiting for the partner's answers through a link. */
  evaluationId: string;
  /** The raw token of that link (what the partner's email holds). */
  linkToken: string;
  contractId: string;
  /** The organisation's own adapted version of a built-in clause (built-ins are shared by all). */
  clauseId: string;
  /** A visitor signed in and still on site. */
  visitorEntryId: string;
  /** A receiving reconciliation of the site. */
  cargoReconciliationId: string;
  incidentId: string;
  customsContactId: string;
  /** A key of the badge register, issued to the employee below. */
  accessItemId: string;
  /** An employee with a leave date (so an exit checklist is open) and a resident ID number. */
  employeeId: string;
  /** A training session with one attendee, and that employee. */
  trainingSessionId: string;
  trainingEmployeeId: string;
  /** An internal audit with one finding. */
  internalAuditId: string;
  /** A draft risk assessment with one threat. */
  riskAssessmentId: string;
  /** A draft continuity plan with one test. */
  continuityPlanId: string;
  /** An applied seal with its photo, and a seal audit of the site. */
  sealId: string;
  sealAuditId: string;
  /** A generated evidence dossier (one criterion, so it is quick). */
  dossierId: string;
  /** The raw token of a share link to that dossier (what the certifier is sent). */
  shareToken: string;
}

interface World {
  a: Tenant;
  b: Tenant;
}

type ParamRoute =
  | {
      /** The record belongs to an organisation: another organisation's id must answer 404. */
      scope: "organization";
      param: string;
      idOf: (tenant: Tenant) => string;
      /** Plausible, valid form posts for the route's action (none when it has no action). */
      posts: Fields[];
    }
  | {
      /**
       * The param is a key the client chose for a record it is about to create (an idempotency key):
       * the same key in another organisation names that organisation's own new record, never B's.
       */
      scope: "client-key";
      param: string;
      reason: string;
      keyOf: (tenant: Tenant) => string;
      posts: Fields[];
    }
  | {
      /** The param is a secret capability (a bearer token), not an id within an organisation. */
      scope: "capability";
      param: string;
      /** Further params that only pick within what the token opens (a volume of the shared dossier). */
      otherParams?: string[];
      reason: string;
      tokenOf: (tenant: Tenant) => string;
    }
  | {
      /**
       * The params name global reference data (the certification catalogue), the same for every
       * organisation: there is no organisation B's record to reach. What such a page shows of the
       * organisation's own evidence is filtered by the session (tests/integration/criteria.test.ts).
       */
      scope: "catalogue";
      params: string[];
      reason: string;
      /** Params of an existing entry, and params that name nothing (each must answer 404). */
      example: Record<string, string>;
      unknown: Record<string, string>[];
    };

const paramRoutes: Record<string, ParamRoute> = {
  "_app.assessments.$assessmentId": {
    scope: "organization",
    param: "assessmentId",
    idOf: (t) => t.assessmentId,
    posts: [
      { intent: "result", criterion: "2", result: "meets", explanation: "Taken over by A" },
      { intent: "removeFile", criterion: "1", fileId: "00000000-0000-4000-8000-000000000000" },
      {
        intent: "action",
        criterion: "1",
        title: "Taken over by A",
        ownerUserId: "00000000-0000-4000-8000-000000000000",
        dueOn: "2026-02-01",
      },
      { intent: "finalize" },
    ],
  },
  "_app.dossiers.$dossierId._index": {
    scope: "organization",
    param: "dossierId",
    idOf: (t) => t.dossierId,
    posts: [{ intent: "retry" }],
  },
  "dossiers.$dossierId[.]pdf": {
    scope: "organization",
    param: "dossierId",
    idOf: (t) => t.dossierId,
    posts: [],
  },
  "_app.dossiers.$dossierId.shares": {
    scope: "organization",
    param: "dossierId",
    idOf: (t) => t.dossierId,
    posts: [
      { recipientName: "A 的审阅人", recipientOrganization: "A", days: "14" },
      { intent: "revoke", shareId: "00000000-0000-4000-8000-000000000000" },
    ],
  },
  "share.$token": {
    scope: "capability",
    param: "token",
    reason:
      "Public page for a certifier without an account: the token (stored hashed) opens one share of one dossier of one organisation, whoever holds it, signed in or not. The address carries no dossier id; an unknown or malformed token reveals nothing and logs nothing.",
    tokenOf: (t) => t.shareToken,
  },
  "share.$token.$volume[.]pdf": {
    scope: "capability",
    param: "token",
    otherParams: ["volume"],
    reason:
      "The watermarked copy of one volume of the share the token opens: the volume is looked up among that share's copies only, so it can name nothing of another dossier or organisation.",
    tokenOf: (t) => t.shareToken,
  },
  "assessments.$assessmentId.report[.]pdf": {
    scope: "organization",
    param: "assessmentId",
    idOf: (t) => t.assessmentId,
    posts: [],
  },
  "_app.actions.$actionId": {
    scope: "organization",
    param: "actionId",
    idOf: (t) => t.actionId,
    posts: [{ status: "in_progress" }, { status: "done", closingNote: "Taken over by A" }, { status: "cancelled" }],
  },
  "_app.criteria.$framework._index": {
    scope: "catalogue",
    params: ["framework"],
    reason: "A framework code of the certification catalogue, shared by all organisations.",
    example: { framework: "cn-2022-advanced" },
    unknown: [{ framework: "nope" }, { framework: "00000000-0000-0000-0000-000000000000" }, { framework: "'; drop table criteria; --" }],
  },
  "_app.criteria.$framework.$criterion": {
    scope: "catalogue",
    params: ["framework", "criterion"],
    reason: "A framework code and a criterion key of the certification catalogue, shared by all organisations.",
    example: { framework: "cn-2022-advanced", criterion: "43" },
    unknown: [
      { framework: "cn-2022-advanced", criterion: "999" },
      { framework: "nope", criterion: "43" },
      { framework: "cn-2022-advanced", criterion: "'; drop table criteria; --" },
    ],
  },
  "_app.policies.$policyId": {
    scope: "organization",
    param: "policyId",
    idOf: (t) => t.policyId,
    posts: [
      { intent: "details", documentNumber: "TAKEN-BY-A", titleZh: "被 A 改写", titleEn: "Taken over by A" },
      { intent: "version", version: "A/9", effectiveOn: "2026-01-01", approvedBy: "A", file: pdfFile("a.pdf") },
    ],
  },
  "_app.settings.members.$memberId": {
    scope: "organization",
    param: "memberId",
    idOf: (t) => t.member.membershipId,
    posts: [{ role: "admin" }, { intent: "deactivate" }, { intent: "reactivate" }],
  },
  "_app.settings.outbox.$emailId": {
    scope: "organization",
    param: "emailId",
    idOf: (t) => t.emailId,
    posts: [],
  },
  "_app.settings.sites.$siteId": {
    scope: "organization",
    param: "siteId",
    idOf: (t) => t.siteId,
    posts: [siteFields({ nameEn: "Taken over by A" }), { intent: "delete" }],
  },
  "files.$fileId": {
    scope: "organization",
    param: "fileId",
    idOf: (t) => t.fileId,
    posts: [],
  },
  "files.$fileId.thumbnail": {
    scope: "organization",
    param: "fileId",
    idOf: (t) => t.photoFileId,
    posts: [],
  },
  "_app.inspections.$inspectionId": {
    scope: "organization",
    param: "inspectionId",
    idOf: (t) => t.inspectionId,
    posts: [{ intent: "signoff" }, { intent: "release" }, { intent: "override", reason: "Taken over by organisation A" }],
  },
  "_app.partners.$partnerId": {
    scope: "organization",
    param: "partnerId",
    idOf: (t) => t.partnerId,
    posts: [
      { intent: "update", legalNameZh: "被 A 改写", countryCode: "CN", uscc: "91320500MA1Q3R7UXA", roles: ["carrier"] },
      { intent: "certificate", file: pdfFile("certificate.pdf") },
      { intent: "contact", name: "Taken over by A" },
      { intent: "site", name: "A", address: "A", countryCode: "CN" },
      { intent: "removeContact", id: "00000000-0000-4000-8000-000000000000" },
      { intent: "evaluate", role: "carrier" },
      { intent: "exemption" },
      { intent: "supervision", kind: "document_review", performedOn: "2026-01-05", result: "satisfactory", summary: "Taken over by A" },
      {
        intent: "contract",
        contractNumber: "A-1",
        title: "A",
        startsOn: "2026-01-05",
        clauseIds: ["00000000-0000-4000-8000-000000000000"],
      },
    ],
  },
  "_app.personnel.$employeeId": {
    scope: "organization",
    param: "employeeId",
    idOf: (t) => t.employeeId,
    posts: [
      { intent: "update", name: "被 A 改写", position: "A", hireDate: "2024-01-01", leaveDate: "2026-01-31" },
      { intent: "reveal" },
      { intent: "exit", leaveDate: "2026-01-31" },
      { intent: "item", item: "site_access_revoked" },
      { intent: "prehire", kind: "reference", source: "A", checkedOn: "2024-01-01", result: "verified" },
      { intent: "background", type: "criminal_record", provider: "A", checkedOn: "2024-01-01", result: "clear" },
      { intent: "conduct", codeVersion: "A", acknowledgedOn: "2024-01-01" },
    ],
  },
  "_app.evaluations.$evaluationId": {
    scope: "organization",
    param: "evaluationId",
    idOf: (t) => t.evaluationId,
    posts: [
      { intent: "save" },
      { intent: "prepare" },
      { intent: "reopen" },
      { intent: "decide", decision: "approved" },
      { intent: "link", locale: "zh-CN", days: "14" },
      { intent: "revokeLink", linkId: "00000000-0000-4000-8000-000000000000" },
    ],
  },
  "_app.contracts.$contractId": {
    scope: "organization",
    param: "contractId",
    idOf: (t) => t.contractId,
    posts: [{ intent: "acknowledge", acknowledgedOn: "2026-01-06", acknowledgedBy: "A", file: pdfFile("signed.pdf") }],
  },
  "_app.clauses.$clauseId": {
    scope: "organization",
    param: "clauseId",
    idOf: (t) => t.clauseId,
    posts: [{ titleZh: "被 A 改写", titleEn: "Taken over by A", textZh: "被 A 改写", textEn: "Taken over by A" }],
  },
  "q.$token": {
    scope: "capability",
    param: "token",
    reason:
      "Public page for a trading partner without an account: the emailed token (stored hashed) opens one evaluation of one organisation, whoever holds it, signed in or not. An unknown or malformed token reveals nothing.",
    tokenOf: (t) => t.linkToken,
  },
  "_app.templates.$templateId": {
    scope: "organization",
    param: "templateId",
    idOf: (t) => t.templateId,
    posts: [{ titleZh: "被 A 改写", titleEn: "Taken over by A", supervisorSignoff: "none", actionDueDays: "1", rowCount: "0" }],
  },
  "inspections.drafts.$draftKey": {
    scope: "client-key",
    param: "draftKey",
    reason:
      "The phone picks the draft key before the draft exists; a key unknown in the organisation starts a new draft of its own, so organisation B's key used by A reaches A's own new draft, never B's.",
    keyOf: (t) => t.draftKey,
    posts: [
      { intent: "save", answer_floor: "fail" },
      { intent: "submit" },
      { intent: "discard" },
      { intent: "removePhoto", photoId: "00000000-0000-4000-8000-000000000000" },
    ],
  },
  "_app.visitors.$entryId": {
    scope: "organization",
    param: "entryId",
    idOf: (t) => t.visitorEntryId,
    posts: [{ intent: "signOut", redirectTo: "/visitors" }],
  },
  "_app.incidents.$incidentId": {
    scope: "organization",
    param: "incidentId",
    idOf: (t) => t.incidentId,
    posts: [{ intent: "update", status: "investigating", containment: "Taken over by A" }],
  },
  "_app.customs-contacts.$contactId": {
    scope: "organization",
    param: "contactId",
    idOf: (t) => t.customsContactId,
    posts: [],
  },
  "_app.cargo.$reconciliationId": {
    scope: "organization",
    param: "reconciliationId",
    idOf: (t) => t.cargoReconciliationId,
    posts: [],
  },
  "_app.badges.$itemId": {
    scope: "organization",
    param: "itemId",
    idOf: (t) => t.accessItemId,
    posts: [
      { step: "return" },
      { step: "lost", note: "Taken over by A" },
      { step: "revoke", note: "Taken over by A" },
      { step: "issue", employeeId: "00000000-0000-4000-8000-000000000000" },
    ],
  },
  "_app.badges.people.$employeeId": {
    scope: "organization",
    param: "employeeId",
    idOf: (t) => t.employeeId,
    posts: [],
  },
  "_app.training.$sessionId": {
    scope: "organization",
    param: "sessionId",
    idOf: (t) => t.trainingSessionId,
    posts: [
      { intent: "details", category: "other", topic: "Taken over by A", heldOn: "2026-03-10", trainer: "A" },
      { intent: "attend", employeeIds: ["00000000-0000-4000-8000-000000000000"] },
      { intent: "unattend", attendanceId: "00000000-0000-4000-8000-000000000000" },
      { intent: "result", attendanceId: "00000000-0000-4000-8000-000000000000", passed: "yes" },
      { intent: "materials", materials: pdfFile("taken-over.pdf") },
      { intent: "delete" },
    ],
  },
  "_app.internal-audits.$auditId": {
    scope: "organization",
    param: "auditId",
    idOf: (t) => t.internalAuditId,
    posts: [],
  },
  "_app.risk-assessments.$assessmentId": {
    scope: "organization",
    param: "assessmentId",
    idOf: (t) => t.riskAssessmentId,
    posts: [{ note: "Approved by organisation A" }],
  },
  "_app.continuity.$planId._index": {
    scope: "organization",
    param: "planId",
    idOf: (t) => t.continuityPlanId,
    posts: [{ note: "Approved by organisation A" }],
  },
  "_app.continuity.$planId.tests.new": {
    scope: "organization",
    param: "planId",
    idOf: (t) => t.continuityPlanId,
    posts: [{ testedOn: "2026-03-02", kind: "tabletop", scenario: "A", participants: "A", result: "passed", nextTestOn: "2026-09-01" }],
  },
  "_app.training.people.$employeeId": {
    scope: "organization",
    param: "employeeId",
    idOf: (t) => t.trainingEmployeeId,
    posts: [],
  },
  "_app.seals.$sealId": {
    scope: "organization",
    param: "sealId",
    idOf: (t) => t.sealId,
    posts: [
      { intent: "return" },
      { intent: "void", reason: "Taken over by organisation A" },
      { intent: "resolve", reportId: "00000000-0000-4000-8000-000000000000", note: "Taken over by organisation A" },
    ],
  },
  "_app.seals.audits.$auditId": {
    scope: "organization",
    param: "auditId",
    idOf: (t) => t.sealAuditId,
    posts: [],
  },
  "_auth.invite.$token": {
    scope: "capability",
    param: "token",
    reason:
      "Public page: whoever holds the emailed token may accept it, signed in or not. It reveals nothing for an unknown or malformed token.",
    tokenOf: (t) => t.invitationToken,
  },
};

/** Route modules in app/routes whose name holds a `$param` (the `$.tsx` splat is not a param). */
function discoverParamRoutes(): { id: string; file: string; params: string[] }[] {
  return readdirSync(routesDir)
    .map((name) => {
      const full = path.join(routesDir, name);
      if (statSync(full).isDirectory()) {
        const route = readdirSync(full).find((f) => /^route\.(tsx?|jsx?)$/.test(f));
        return route ? { id: name, file: path.join(full, route) } : null;
      }
      return /\.(tsx?|jsx?)$/.test(name) ? { id: name.replace(/\.(tsx?|jsx?)$/, ""), file: full } : null;
    })
    .filter((r): r is { id: string; file: string } => r !== null)
    .map((r) => ({ ...r, params: [...r.id.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string) }))
    .filter((r) => r.params.length > 0);
}

async function routeModule(id: string): Promise<RouteModule> {
  const found = discoverParamRoutes().find((r) => r.id === id);
  if (!found) throw new Error(`route ${id} not found`);
  return (await import(found.file)) as RouteModule;
}

function urlOf(id: string, param: string, value: string): string {
  const segments = id
    .split(".")
    .filter((s) => !s.startsWith("_"))
    .map((s) => (s === `$${param}` ? encodeURIComponent(value) : s));
  return `/${segments.join("/")}`;
}

async function makeTenant(): Promise<Tenant> {
  const owner = await signUpOrganization();
  const site = await createSite(owner.cookie);
  const member = await addMember(owner.cookie, "security");
  const pendingEmail = uniqueEmail("pending");
  await invite(owner.cookie, { email: pendingEmail, role: "auditor" });
  const message = await latestEmail(pendingEmail, "invitation");
  const [invitation] = await testDb().select().from(invitations).where(eq(invitations.email, pendingEmail));
  if (!message || !invitation) throw new Error("invitation not stored");
  const policy = await createPolicy(owner.cookie);
  const [version] = await testDb().select().from(policyVersions).where(eq(policyVersions.policyId, policy.id));
  if (!version) throw new Error("policy version not stored");
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  const assessmentId = await createAssessment(testDb(), actor, {
    framework: "cn-2014-general",
    title: "Tenancy",
    assessedOn: "2026-01-10",
  });
  await saveResult(
    testDb(),
    actor,
    assessmentId,
    { intent: "result", criterion: "1", result: "fails", explanation: "", policies: [] },
    null,
  );
  const action = await createActionFromAssessment(testDb(), actor, assessmentId, {
    intent: "action",
    criterion: "1",
    title: "Tenancy action",
    description: undefined,
    ownerUserId: member.userId,
    dueOn: "2026-02-10",
  });
  if (!action?.ok) throw new Error("corrective action not created");
  return {
    owner,
    member,
    siteId: site.id,
    invitationId: invitation.id,
    invitationToken: tokenFromEmail(message, "invitation"),
    emailId: message.id,
    policyId: policy.id,
    fileId: version.fileId,
    actionId: action.id,
    assessmentId,
    ...(await inspectionsOf(owner, site.id)),
    ...(await partnersOf(owner)),
    ...(await gateOf(owner, site.id, await employeeOf(owner))),
    ...(await trainingOf(owner)),
    ...(await internalAuditOf(owner)),
    continuityPlanId: await continuityOf(owner),
    ...(await sealsOf(owner, site.id)),
    ...(await dossierOf(owner)),
    cargoReconciliationId: await cargoOf(owner, site.id),
    ...(await incidentsOf(owner, site.id)),
  };
}

async function incidentsOf(owner: SignedUp, siteId: string): Promise<{ incidentId: string; customsContactId: string }> {
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  const reported = await reportIncident(
    testDb(),
    actor,
    IncidentReportSchema.parse({ siteId, kind: "intrusion", discoveredAt: "2026-01-10T08:00", discoveredBy: "B's guard", description: "Fence cut" }),
    "Asia/Shanghai",
  );
  if (!reported.ok) throw new Error("incident not reported");
  const contact = await recordCustomsContact(
    testDb(),
    actor,
    CustomsContactSchema.parse({ contactedOn: "2026-01-11", kind: "consultation", customsOffice: "B's customs office", channel: "phone", subject: "B", summary: "B" }),
    "Asia/Shanghai",
  );
  if (!contact.ok) throw new Error("customs contact not recorded");
  return { incidentId: reported.incident.id, customsContactId: contact.contact.id };
}

async function cargoOf(owner: SignedUp, siteId: string): Promise<string> {
  const values = CargoReconciliationSchema.parse({
    direction: "receiving",
    reconciledOn: "2026-01-10",
    siteId,
    billOfLading: "COSU6181234560",
    expectedPackages: "10",
    countedPackages: "10",
  });
  const recorded = await recordReconciliation(testDb(), { organizationId: owner.organizationId, userId: owner.userId }, values, {
    today: "2026-01-10",
    timeZone: "Asia/Shanghai",
  });
  if (!recorded.ok) throw new Error("reconciliation not recorded");
  return recorded.reconciliation.id;
}

async function gateOf(owner: SignedUp, siteId: string, employeeId: string) {
  const entry = await signInVisitor(owner.cookie, siteId);
  const [key] = await addItems(owner.cookie, owner.organizationId, { kind: "key", code: "K-1", description: "一号仓库" });
  if (!key) throw new Error("key not added");
  const issued = await recordAccessItemStep(
    testDb(),
    { organizationId: owner.organizationId, userId: owner.userId },
    key.id,
    { step: "issue", employeeId, occurredAt: new Date("2026-01-10T02:00:00Z") },
    "2026-01-10",
  );
  if (!issued?.ok) throw new Error("key not issued");
  return { visitorEntryId: entry.id, accessItemId: key.id, employeeId };
}

let residentSerial = Math.floor(Math.random() * 900);

async function employeeOf(owner: SignedUp): Promise<string> {
  residentSerial += 1;
  const first17 = `31011519900307${String(residentSerial).padStart(3, "0")}`;
  const values = EmployeeSchema.parse({
    name: "租户员工",
    position: "仓库管理员",
    hireDate: "2024-01-01",
    leaveDate: "2026-01-31",
    idDocumentType: "resident_id",
    idNumber: first17 + residentIdCheckCharacter(first17),
  });
  const created = await createEmployee(testDb(), { organizationId: owner.organizationId, userId: owner.userId }, values);
  if (!created.ok) throw new Error("employee not created");
  return created.id;
}

async function continuityOf(owner: SignedUp): Promise<string> {
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  const plan = await createContinuityPlan(
    testDb(),
    actor,
    ContinuityPlanSchema.parse({
      title: "A",
      scope: "A",
      disruptions: ["it_outage"],
      recoveryHours: "24",
      contacts: "A",
      securityMeasures: "A",
      version: "1",
      revisedOn: "2026-03-01",
      nextReviewOn: "2026-09-01",
      nextTestOn: "2026-09-01",
    }),
    null,
  );
  const tested = await recordContinuityTest(
    testDb(),
    actor,
    plan.id,
    ContinuityTestSchema.parse({ testedOn: "2026-03-02", kind: "tabletop", scenario: "A", participants: "A", result: "passed", nextTestOn: "2026-09-01" }),
  );
  if (!tested?.ok) throw new Error("continuity test not recorded");
  return plan.id;
}

async function internalAuditOf(owner: SignedUp) {
  const values = InternalAuditSchema.parse({
    auditedOn: "2026-03-01",
    scope: "全部",
    auditors: "A",
    result: "conforms_with_findings",
    conclusion: "A",
    finding1Description: "A",
    finding1Severity: "minor",
  });
  const created = await createInternalAudit(testDb(), { organizationId: owner.organizationId, userId: owner.userId }, values);
  if (!created.ok) throw new Error("internal audit not created");
  const risk = await createRiskAssessment(
    testDb(),
    { organizationId: owner.organizationId, userId: owner.userId },
    RiskAssessmentSchema.parse({
      subjectKind: "site",
      subject: "A",
      assessedOn: "2026-03-01",
      nextReviewOn: "2026-09-01",
      summary: "A",
      threat1Threat: "A",
      threat1Likelihood: "2",
      threat1Impact: "2",
      threat1Mitigation: "A",
    }),
  );
  return { internalAuditId: created.id, riskAssessmentId: risk.id };
}

async function trainingOf(owner: SignedUp) {
  const employee = await insertEmployee(owner.organizationId, { keyRoles: ["legal_representative"] });
  const sessionId = await createTrainingSession(owner.cookie);
  await attend(owner.cookie, sessionId, [employee.id]);
  return { trainingSessionId: sessionId, trainingEmployeeId: employee.id };
}

async function dossierOf(owner: SignedUp) {
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  const dossierId = await generateDossier(owner, { periodTo: "2026-12-31", criteria: ["41"] });
  const share = await createShare(testDb(), actor, dossierId, {
    recipientName: "租户审阅人",
    recipientOrganization: "",
    days: 14,
  });
  if (!share?.ok) throw new Error("share not created");
  return { dossierId, shareToken: share.token };
}

async function sealsOf(owner: SignedUp, siteId: string) {
  const actor = sealActor(owner);
  const prefix = sealPrefix();
  await receiveRange(actor, await createModel(actor), `${prefix}0001`, `${prefix}0002`, siteId);
  const applied = await applyDirect(actor, `${prefix}0001`);
  if (!applied.ok) throw new Error("seal not applied");
  const audit = await runSealAudit(testDb(), actor, { siteId, counted: `${prefix}0002`, note: undefined });
  if (!audit.ok) throw new Error("seal audit not run");
  return { sealId: applied.sealId, sealAuditId: audit.id };
}

let usccSerial = Math.floor(Math.random() * 50_000);

async function partnersOf(owner: SignedUp) {
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  usccSerial += 1;
  const first17 = `91310115MA1H${String(usccSerial).padStart(5, "0")}`;
  const values = PartnerSchema.parse({
    legalNameZh: "示例承运有限公司",
    countryCode: "CN",
    uscc: first17 + usccCheckCharacter(first17),
    roles: ["carrier"],
  });
  const partner = await createPartner(testDb(), actor, values);
  if (!partner.ok) throw new Error("partner not created");
  const evaluation = await startEvaluation(testDb(), actor, partner.id, "carrier");
  if (!evaluation?.ok) throw new Error("evaluation not started");
  const link = await createQuestionnaireLink(
    testDb(),
    { ...actor, name: "Owner", timeZone: "Asia/Shanghai" },
    evaluation.id,
    { locale: "zh-CN", days: 14 },
    "http://localhost:3000",
  );
  if (!link?.ok) throw new Error("link not created");
  const builtIn = (await listClauses(testDb(), owner.organizationId)).filter((c) => c.organizationId === null);
  const contract = await createContract(
    testDb(),
    actor,
    partner.id,
    { contractNumber: "HT-1", title: "运输合同", startsOn: "2026-01-05", clauseIds: builtIn.map((c) => c.id) },
    null,
  );
  if (!contract?.ok) throw new Error("contract not created");
  const first = builtIn[0];
  if (!first) throw new Error("no built-in clause");
  const adapted = await adaptClause(testDb(), actor, first.id, {
    titleZh: `${first.titleZh}（本企业）`,
    titleEn: `${first.titleEn} (ours)`,
    textZh: first.textZh,
    textEn: first.textEn,
  });
  if (!adapted?.changed) throw new Error("clause not adapted");
  return {
    partnerId: partner.id,
    evaluationId: evaluation.id,
    linkToken: new URL(link.url).pathname.split("/").pop() ?? "",
    contractId: contract.id,
    clauseId: adapted.id,
  };
}

async function inspectionsOf(owner: SignedUp, siteId: string) {
  const actor = { organizationId: owner.organizationId, userId: owner.userId };
  const submitted = await submitContainerInspection(actor, siteId, { failPoints: ["floor"] });
  const [photo] = await testDb().select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, submitted.id));
  if (!photo) throw new Error("inspection photo not stored");
  const draftKey = randomUUID();
  const saved = await saveDraft(testDb(), actor, {
    draftKey,
    templateId: await containerTemplateId(owner.organizationId),
    values: containerValues(siteId),
    photos: [],
  });
  if (!saved?.ok) throw new Error("draft not saved");
  const copied = await copyTemplate(testDb(), actor, await containerTemplateId(owner.organizationId), {
    code: `own-${randomUUID().slice(0, 8)}`,
    titleZh: "本企业七点检查",
    titleEn: "Our 7-point inspection",
    descriptionZh: "",
    descriptionEn: "",
  });
  if (!copied?.ok) throw new Error("template not copied");
  return { inspectionId: submitted.id, photoFileId: photo.fileId, draftKey, templateId: copied.id };
}

/** Everything organisation B owns, to prove a refused request changed nothing. */
async function snapshotOf(orgId: string) {
  const tables = [
    "organizations",
    "sites",
    "memberships",
    "invitations",
    "outbox_emails",
    "audit_events",
    "corrective_actions",
    "assessments",
    "assessment_results",
    "assessment_result_evidence",
    "policies",
    "policy_versions",
    "evidence_files",
    "evidence_links",
    "inspections",
    "inspection_answers",
    "inspection_photos",
    "inspection_schedules",
    "checklist_templates",
    "partners",
    "partner_contacts",
    "partner_sites",
    "partner_evaluations",
    "questionnaire_links",
    "partner_documents",
    "supervision_checks",
    "clauses",
    "contracts",
    "contract_clauses",
    "partner_policies",
    "partner_imports",
    "visitor_entries",
    "access_items",
    "access_item_events",
    "employees",
    "prehire_checks",
    "background_checks",
    "conduct_acknowledgements",
    "offboardings",
    "offboarding_items",
    "training_sessions",
    "training_materials",
    "training_attendance",
    "internal_audits",
    "internal_audit_findings",
    "risk_assessments",
    "risk_threats",
    "continuity_plans",
    "continuity_tests",
    "continuity_test_findings",
    "seal_models",
    "seals",
    "seal_events",
    "seal_event_photos",
    "seal_audits",
    "dossiers",
    "dossier_volumes",
    "dossier_shares",
    "dossier_share_copies",
    "dossier_share_accesses",
  ];
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    const column = table === "organizations" ? "id" : "organization_id";
    out[table] = await query(sql`select * from ${sql.identifier(table)} where ${sql.identifier(column)} = ${orgId} order by 1`);
  }
  out.sessions = await query(sql`select id, user_id from sessions where organization_id = ${orgId} order by id`);
  return out;
}

const malformedIds = ["not-a-uuid", "1", "00000000-0000-0000-0000-000000000000", "'; drop table sites; --", "%00"];

let world: World;

beforeAll(async () => {
  world = { a: await makeTenant(), b: await makeTenant() };
});

describe("route table", () => {
  test("every route with a $param has an entry saying how to reach organisation B's record", () => {
    const discovered = discoverParamRoutes();
    expect(discovered.length).toBeGreaterThan(0);
    const missing = discovered.filter((r) => !(r.id in paramRoutes)).map((r) => r.id);
    expect(missing, "add these routes to paramRoutes in tests/integration/tenancy.test.ts").toEqual([]);
    const stale = Object.keys(paramRoutes).filter((id) => !discovered.some((r) => r.id === id));
    expect(stale, "entries for routes that no longer exist").toEqual([]);
    for (const route of discovered) {
      const entry = paramRoutes[route.id];
      const expected =
        entry?.scope === "catalogue" ? entry.params : [entry?.param, ...(entry?.scope === "capability" ? (entry.otherParams ?? []) : [])];
      expect(route.params).toEqual(expected);
    }
  });
});

describe.each(Object.entries(paramRoutes).filter(([, r]) => r.scope === "organization"))("%s", (id, entry) => {
  if (entry.scope !== "organization") return;

  test("answers organisation A's own record (so the 404s below are about ownership)", async () => {
    const route = await routeModule(id);
    const ownId = entry.idOf(world.a);
    const own = await callLoader(route, urlOf(id, entry.param, ownId), {
      cookie: world.a.owner.cookie,
      params: { [entry.param]: ownId },
    });
    expect(own.status).toBe(200);
  });

  test("the loader answers 404 for organisation B's id", async () => {
    const route = await routeModule(id);
    const idOfB = entry.idOf(world.b);
    const before = await snapshotOf(world.b.owner.organizationId);
    const outcome = await callLoader(route, urlOf(id, entry.param, idOfB), {
      cookie: world.a.owner.cookie,
      params: { [entry.param]: idOfB },
    });
    expect(outcome.status).toBe(404);
    expect(outcome.data).toEqual({ reason: "not_found" });
    expect(await snapshotOf(world.b.owner.organizationId)).toEqual(before);
  });

  if (entry.posts.length === 0) {
    test("has no action to post to", async () => {
      const route = await routeModule(id);
      expect(route.action, "a route with an action needs posts in its paramRoutes entry").toBeUndefined();
    });
  } else {
    test("the action answers 404 for organisation B's id and changes nothing", async () => {
      const route = await routeModule(id);
      expect(route.action).toBeTypeOf("function");
      const idOfB = entry.idOf(world.b);
      const before = await snapshotOf(world.b.owner.organizationId);
      for (const fields of entry.posts) {
        const outcome = await callAction(route, urlOf(id, entry.param, idOfB), fields, {
          cookie: world.a.owner.cookie,
          params: { [entry.param]: idOfB },
        });
        expect(outcome.status, JSON.stringify(fields)).toBe(404);
      }
      expect(await snapshotOf(world.b.owner.organizationId)).toEqual(before);
    });

    test("a control character in the form of A's own record is refused with 400 and changes nothing", async () => {
      const route = await routeModule(id);
      const ownId = entry.idOf(world.a);
      const before = await snapshotOf(world.a.owner.organizationId);
      for (const fields of entry.posts) {
        const hostile = Object.fromEntries(
          Object.entries(fields).map(([key, value]) => [
            key,
            typeof value === "string" ? `${value}\u0000` : Array.isArray(value) ? value.map((v: string) => `${v}\u0000`) : value,
          ]),
        ) as Fields;
        const outcome = await callAction(route, urlOf(id, entry.param, ownId), hostile, {
          cookie: world.a.owner.cookie,
          params: { [entry.param]: ownId },
        });
        expect(outcome.status, JSON.stringify(fields)).toBe(400);
        expect(Object.values(errorsOf(outcome)).map(keyOf), JSON.stringify(fields)).toContain("errors.controlCharacter");
      }
      expect(await snapshotOf(world.a.owner.organizationId)).toEqual(before);
    });
  }

  test.each(malformedIds)("a malformed or unknown id (%j) is 404 for loader and action", async (bad) => {
    const route = await routeModule(id);
    const options = { cookie: world.a.owner.cookie, params: { [entry.param]: bad } };
    expect((await callLoader(route, urlOf(id, entry.param, bad), options)).status).toBe(404);
    for (const fields of entry.posts) {
      expect((await callAction(route, urlOf(id, entry.param, bad), fields, options)).status).toBe(404);
    }
  });
});

describe.each(Object.entries(paramRoutes).filter(([, r]) => r.scope === "catalogue"))("%s (catalogue, not tenant data)", (id, entry) => {
  if (entry.scope !== "catalogue") return;
  const url = (values: Record<string, string>) =>
    `/${id
      .split(".")
      .filter((s) => !s.startsWith("_"))
      .map((s) => (s.startsWith("$") ? encodeURIComponent(values[s.slice(1)] ?? "") : s))
      .join("/")}`;

  test("the entry documents why its params are not organisation-scoped", () => {
    expect(entry.reason).not.toBe("");
  });

  test("the same address answers for every organisation", async () => {
    const route = await routeModule(id);
    for (const tenant of [world.a, world.b]) {
      const page = await callLoader(route, url(entry.example), { cookie: tenant.owner.cookie, params: entry.example });
      expect(page.status).toBe(200);
    }
  });

  test("params that name nothing are 404; it has no action", async () => {
    const route = await routeModule(id);
    for (const params of entry.unknown) {
      const page = await callLoader(route, url(params), { cookie: world.a.owner.cookie, params });
      expect(page.status, JSON.stringify(params)).toBe(404);
    }
    expect(route.action).toBeUndefined();
  });
});

describe.each(Object.entries(paramRoutes).filter(([, r]) => r.scope === "client-key"))("%s (a key the client chose)", (id, entry) => {
  if (entry.scope !== "client-key") return;

  test("the entry documents why the key is not an id of organisation B's record", () => {
    expect(entry.reason).not.toBe("");
  });

  test("answers organisation A's own key", async () => {
    const route = await routeModule(id);
    const key = entry.keyOf(world.a);
    const own = await callLoader(route, urlOf(id, entry.param, key), { cookie: world.a.owner.cookie, params: { [entry.param]: key } });
    expect(own.status).toBe(200);
  });

  test("organisation B's key shows A nothing of B's, and posting to it changes nothing of B's", async () => {
    const route = await routeModule(id);
    const keyOfB = entry.keyOf(world.b);
    const options = { cookie: world.a.owner.cookie, params: { [entry.param]: keyOfB } };
    const before = await snapshotOf(world.b.owner.organizationId);
    expect((await callLoader(route, urlOf(id, entry.param, keyOfB), options)).status).toBe(404);
    const templateId = await containerTemplateId(world.a.owner.organizationId);
    for (const fields of entry.posts) {
      const outcome = await callAction(route, urlOf(id, entry.param, keyOfB), { templateId, ...fields }, options);
      expect(outcome.status, JSON.stringify(fields)).toBeLessThan(500);
    }
    expect(await snapshotOf(world.b.owner.organizationId)).toEqual(before);
    // What A did with the key stayed in A: at most a draft of A's own.
    const rows = await testDb().select().from(inspections).where(eq(inspections.draftKey, keyOfB));
    for (const row of rows.filter((r) => r.organizationId !== world.b.owner.organizationId)) {
      expect(row.organizationId).toBe(world.a.owner.organizationId);
      expect(row.status).toBe("draft");
    }
  });

  // A well-formed key that names nothing is a new draft (see above), so only the malformed ones.
  test.each(malformedIds.filter((k) => !isUuid(k)))("a malformed key (%j) is 404 for loader and action", async (bad) => {
    const route = await routeModule(id);
    const options = { cookie: world.a.owner.cookie, params: { [entry.param]: bad } };
    expect((await callLoader(route, urlOf(id, entry.param, bad), options)).status).toBe(404);
    for (const fields of entry.posts) expect((await callAction(route, urlOf(id, entry.param, bad), fields, options)).status).toBe(404);
  });
});

describe("_auth.invite.$token (a capability, not an organisation id)", () => {
  const entry = paramRoutes["_auth.invite.$token"];

  test.each(["not-a-token", "00000000-0000-0000-0000-000000000000", "'; drop table invitations; --"])(
    "an unknown or malformed token (%j) reveals nothing and accepts nothing",
    async (bad) => {
      const route = await routeModule("_auth.invite.$token");
      const page = await callLoader(route, `/invite/${encodeURIComponent(bad)}`, { params: { token: bad } });
      expect(page.data).toEqual({ valid: false });
      const usersBefore = await query(sql`select count(*)::int as n from users`);
      const outcome = await callAction(
        route,
        `/invite/${encodeURIComponent(bad)}`,
        { name: "X", password: DEFAULT_PASSWORD },
        {
          params: { token: bad },
        },
      );
      expect(outcome.status).toBe(400);
      expect(outcome.setCookie).toBeNull();
      expect(await query(sql`select count(*)::int as n from users`)).toEqual(usersBefore);
    },
  );

  test("the entry documents why the token is not organisation-scoped", () => {
    expect(entry?.scope).toBe("capability");
    expect(entry && "reason" in entry ? entry.reason : "").not.toBe("");
  });
});

describe("q.$token (a partner's capability, not an organisation id)", () => {
  const bad = ["not-a-token", "00000000-0000-0000-0000-000000000000", "'; drop table questionnaire_links; --", "%00"];

  test.each(bad)("an unknown or malformed token (%j) is 404 for loader and action and writes nothing", async (token) => {
    const route = await routeModule("q.$token");
    const url = `/q/${encodeURIComponent(token)}?lng=zh-CN`;
    const before = [await snapshotOf(world.a.owner.organizationId), await snapshotOf(world.b.owner.organizationId)];
    expect((await callLoader(route, url, { params: { token } })).status).toBe(404);
    expect((await callAction(route, url, { intent: "submit" }, { params: { token } })).status).toBe(404);
    expect([await snapshotOf(world.a.owner.organizationId), await snapshotOf(world.b.owner.organizationId)]).toEqual(before);
  });

  test("a token opens its own organisation's evaluation only, whoever's session comes with it", async () => {
    const route = await routeModule("q.$token");
    const token = world.b.linkToken;
    const page = await callLoader<{ partner: { nameZh: string }; organization: { nameZh: string } }>(route, `/q/${token}?lng=zh-CN`, {
      cookie: world.a.owner.cookie,
      params: { token },
    });
    expect(page.status).toBe(200);
    const [orgB] = await query<{ legal_name_zh: string }>(
      sql`select legal_name_zh from organizations where id = ${world.b.owner.organizationId}`,
    );
    expect(page.data.organization.nameZh).toBe(orgB?.legal_name_zh);
    // Answering through B's link with A's session changes B's evaluation only, never A's.
    const beforeA = await snapshotOf(world.a.owner.organizationId);
    await callAction(route, `/q/${token}?lng=zh-CN`, { intent: "save" }, { cookie: world.a.owner.cookie, params: { token } });
    expect(await snapshotOf(world.a.owner.organizationId)).toEqual(beforeA);
    const [evaluation] = await testDb().select().from(partnerEvaluations).where(eq(partnerEvaluations.id, world.b.evaluationId));
    expect(evaluation?.organizationId).toBe(world.b.owner.organizationId);
  });

  test("the token is stored only as a hash", async () => {
    const rows = await testDb().select().from(questionnaireLinks).where(eq(questionnaireLinks.evaluationId, world.b.evaluationId));
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(world.b.linkToken);
  });
});

describe("share.$token and its PDFs (a certifier's capability, not an organisation id)", () => {
  const bad = ["not-a-token", "00000000-0000-0000-0000-000000000000", "A".repeat(43), "'; drop table dossier_shares; --", "%00"];

  test.each(bad)("an unknown or malformed token (%j) is 404 for the page and the file and writes nothing", async (token) => {
    const page = await routeModule("share.$token");
    const pdf = await routeModule("share.$token.$volume[.]pdf");
    const before = [await snapshotOf(world.a.owner.organizationId), await snapshotOf(world.b.owner.organizationId)];
    expect((await callLoader(page, `/share/${encodeURIComponent(token)}`, { params: { token } })).status).toBe(404);
    expect((await callLoader(pdf, `/share/${encodeURIComponent(token)}/1.pdf`, { params: { token, volume: "1" } })).status).toBe(404);
    expect(page.action).toBeUndefined();
    expect(pdf.action).toBeUndefined();
    expect([await snapshotOf(world.a.owner.organizationId), await snapshotOf(world.b.owner.organizationId)]).toEqual(before);
  });

  test("a token opens its own organisation's dossier only, whoever's session comes with it", async () => {
    const page = await routeModule("share.$token");
    const pdf = await routeModule("share.$token.$volume[.]pdf");
    const token = world.b.shareToken;
    const beforeA = await snapshotOf(world.a.owner.organizationId);
    const opened = await callLoader<{ organization: { nameZh: string } }>(page, `/share/${token}`, {
      cookie: world.a.owner.cookie,
      params: { token },
    });
    expect(opened.status).toBe(200);
    const [orgB] = await query<{ legal_name_zh: string }>(
      sql`select legal_name_zh from organizations where id = ${world.b.owner.organizationId}`,
    );
    expect(opened.data.organization.nameZh).toBe(orgB?.legal_name_zh);
    expect((await callLoader(pdf, `/share/${token}/1.pdf`, { cookie: world.a.owner.cookie, params: { token, volume: "1" } })).status).toBe(
      200,
    );
    // A volume the share has no copy of is nothing, not some other dossier's file.
    expect((await callLoader(pdf, `/share/${token}/2.pdf`, { cookie: world.a.owner.cookie, params: { token, volume: "2" } })).status).toBe(
      404,
    );
    // The visits are B's log entries; nothing of A's changed.
    expect(await snapshotOf(world.a.owner.organizationId)).toEqual(beforeA);
    const log = await query<{ n: number }>(
      sql`select count(*)::int as n from dossier_share_accesses where organization_id = ${world.b.owner.organizationId}`,
    );
    expect(log[0]?.n).toBeGreaterThanOrEqual(2);
  });

  test("the token is stored only as a hash", async () => {
    const rows = await query(sql`select * from dossier_shares where organization_id = ${world.b.owner.organizationId}`);
    expect(rows.length).toBe(1);
    expect(JSON.stringify(rows)).not.toContain(world.b.shareToken);
  });
});

describe("other cross-organisation requests", () => {
  test("revoking organisation B's invitation as A is a 404 and B's invitation stays open", async () => {
    const outcome = await callAction(
      membersRoute,
      "/settings/members",
      { intent: "revoke", invitationId: world.b.invitationId },
      {
        cookie: world.a.owner.cookie,
      },
    );
    expect(outcome.status).toBe(404);
    const [invitation] = await testDb().select().from(invitations).where(eq(invitations.id, world.b.invitationId));
    expect(invitation?.revokedAt).toBeNull();
    const malformed = await callAction(
      membersRoute,
      "/settings/members",
      { intent: "revoke", invitationId: "nope" },
      {
        cookie: world.a.owner.cookie,
      },
    );
    expect(malformed.status).toBe(404);
  });

  test("lists show only the organisation's own members, invitations and emails", async () => {
    const members = await callLoader<{ members: { id: string }[]; invitations: { id: string }[] }>(membersRoute, "/settings/members", {
      cookie: world.a.owner.cookie,
    });
    const memberIds = members.data.members.map((m) => m.id);
    expect(memberIds).toContain(world.a.member.membershipId);
    expect(memberIds).not.toContain(world.b.member.membershipId);
    expect(memberIds).not.toContain(world.b.owner.membershipId);
    expect(members.data.invitations.map((i) => i.id)).toEqual([world.a.invitationId]);
    const outbox = await callLoader<{ emails: { id: string }[] }>(outboxRoute, "/settings/outbox", { cookie: world.a.owner.cookie });
    const emailIds = outbox.data.emails.map((e) => e.id);
    expect(emailIds).toContain(world.a.emailId);
    expect(emailIds).not.toContain(world.b.emailId);
  });

  test("managers of one organisation cannot obtain a password-reset link for an account that also opens another", async () => {
    // U joins B first (B is their "home"), then becomes an owner of C.
    const b = await signUpOrganization();
    const c = await signUpOrganization();
    const u = await addMember(b.cookie, "security");
    await addMember(c.cookie, "owner", { email: u.email });
    // Anyone may ask for a reset of any address; B's owner asks for U's.
    await callAction(resetRoute, "/reset-password", { email: u.email });
    // The request adds a job; the worker stores the email, in U's home organisation B.
    expect(await workQueue(queues.accountEmail)).toBe(1);
    expect((await query<{ organization_id: string }>(sql`select organization_id from outbox_emails where "to" = ${u.email} and kind = 'password_reset'`))
      .map((r) => r.organization_id)).toEqual([b.organizationId]);
    // What B's owner can read in B's outbox must not hand over U's account (and with it, C).
    const outbox = await callLoader<{ emails: { id: string }[] }>(outboxRoute, "/settings/outbox", { cookie: b.cookie });
    const usable: string[] = [];
    for (const { id } of outbox.data.emails) {
      const detail = await callLoader<{ links: string[] }>(outboxEmailRoute, `/settings/outbox/${id}`, {
        cookie: b.cookie,
        params: { emailId: id },
      });
      for (const link of detail.data.links) {
        const token = new URL(link).searchParams.get("token");
        if (link.includes("/reset-password") && token && (await isResetTokenUsable(testDb(), token))) usable.push(link);
      }
    }
    expect(usable).toEqual([]);
  });
});
