// The header's search (/search): records of every kind made through the app's own commands in two
// organisations with the same names and numbers; each is found by each of its searchable fields,
// nothing of the other organisation ever is, a role sees only the kinds it may read, and an
// employee's identity number is only ever shown masked.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { correctiveActions, visitorEntries, type Employee, type Partner, type VisitorEntry } from "../../db/schema";
import { requestDossier } from "~/lib/dossiers/dossiers.server";
import { containerCheckDigit } from "~/lib/inspections/container-number";
import { formatReference } from "~/lib/references";
import type { SearchGroup, SearchHit, SearchKind, SearchResults } from "~/lib/search/search-types";
import * as searchRoute from "~/routes/_app.search";
import * as newContinuityRoute from "~/routes/_app.continuity.new";
import { can, roles } from "~/lib/auth/permissions";
import { searchableKinds } from "~/lib/search/search-types";
import {
  createTestInternalAudit,
  createTestRiskAssessment,
  recordTestContact,
  recordTestReconciliation,
  reportTestIncident,
} from "../support/register-factories";
import { addMember, createSite, signUpOrganization, uniqueSuffix, type Member, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { registerPartner, freshUscc } from "../support/partner-factories";
import { createEmployee, freshResidentId } from "../support/personnel-factories";
import { callAction, callLoader } from "../support/requests";
import { applyDirect, createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { testDb } from "../support/test-database";
import { signIn } from "../support/visitors-factories";

type PageData = SearchResults & { timeZone: string };

interface Records {
  org: SignedUp;
  partner: Partner;
  inspectionId: string;
  inspectionNumber: number;
  sealNumber: string;
  visitor: VisitorEntry;
  employee: Employee;
  employeeIdNumber: string;
  actionNumber: number;
  actionId: string;
  dossierId: string;
}

const suffix = uniqueSuffix();
/** The same container, USCC and seal number in both organisations (each may use them). */
const container = (() => {
  const first = `TGSU${String(Date.now()).slice(-6)}`;
  return first + containerCheckDigit(first);
})();
const uscc = freshUscc();
const sealNumber = `${sealPrefix()}0001`;
const visitorName = `欧阳明辉 ${suffix}`;
const employeeName = `司马文静 ${suffix}`;

async function makeRecords(org: SignedUp): Promise<Records> {
  const site = await createSite(org.cookie);
  const actor = { organizationId: org.organizationId, userId: org.userId };
  const partner = await registerPartner(org.cookie, {
    legalNameZh: `苏州示例物流有限公司 ${suffix}`,
    legalNameEn: `Suzhou Demo Logistics Co., Ltd. ${suffix}`,
    uscc,
  });
  const inspection = await submitContainerInspection(actor, site.id, { failPoints: ["floor"], values: { containerNumber: container, occurredAt: "2026-11-20T08:00" } });
  const [inspectionRow] = await testDb().query.inspections.findMany({ where: (t, { eq: equals }) => equals(t.id, inspection.id) });
  const [action] = await testDb()
    .select()
    .from(correctiveActions)
    .where(and(eq(correctiveActions.organizationId, org.organizationId), eq(correctiveActions.sourceId, inspection.id)));
  if (!inspectionRow?.number || !action) throw new Error("the failed inspection raised no action");
  const model = await createModel(sealActor(actor));
  // Received before it is applied: a seal's events are refused out of time order.
  await receiveRange(sealActor(actor), model, sealNumber, sealNumber, site.id, "2026-11-01T08:00");
  // A second seal on the same container after the failed inspection's action: applied only once
  // nothing holds the container back, so it goes on an unrelated container here.
  const applied = await applyDirect(sealActor(actor), sealNumber, { target: "CSQU3054383", occurredAt: "2026-11-20T09:00" });
  if (!applied.ok) throw new Error(`seal not applied: ${JSON.stringify(applied)}`);
  await signIn(org.cookie, site.id, { visitorName, company: "无锡精密机械有限公司" });
  // signIn finds the row by name alone, and both organisations have a visitor of this name.
  const [visitor] = await testDb()
    .select()
    .from(visitorEntries)
    .where(and(eq(visitorEntries.organizationId, org.organizationId), eq(visitorEntries.visitorName, visitorName)));
  if (!visitor) throw new Error("visitor not signed in");
  const employeeIdNumber = freshResidentId("1988-08-08");
  const employee = await createEmployee(org.cookie, { name: employeeName, idNumber: employeeIdNumber });
  const dossier = await requestDossier(testDb(), actor, "Asia/Shanghai", {
    framework: "cn-2022-advanced",
    periodFrom: "2026-01-01",
    periodTo: "2026-11-30",
    sites: [],
    criteria: [],
  });
  if (!dossier.ok) throw new Error("dossier not requested");
  return {
    org,
    partner,
    inspectionId: inspection.id,
    inspectionNumber: inspectionRow.number,
    sealNumber,
    visitor,
    employee,
    employeeIdNumber,
    actionNumber: action.number,
    actionId: action.id,
    dossierId: dossier.dossierId,
  };
}

let a: Records;
let b: Records;
let guard: Member;
let auditor: Member;

beforeAll(async () => {
  a = await makeRecords(await signUpOrganization());
  b = await makeRecords(await signUpOrganization());
  guard = await addMember(a.org.cookie, "security");
  auditor = await addMember(a.org.cookie, "auditor");
});

async function search(cookie: string, text: string): Promise<PageData> {
  const outcome = await callLoader<PageData>(searchRoute, `/search?q=${encodeURIComponent(text)}`, { cookie });
  expect(outcome.status).toBe(200);
  return outcome.data;
}

const group = (data: PageData, kind: SearchKind): SearchGroup | undefined => data.groups.find((g) => g.kind === kind);
const hitsOf = (data: PageData, kind: SearchKind): SearchHit[] => group(data, kind)?.hits ?? [];
const ids = (data: PageData, kind: SearchKind) => hitsOf(data, kind).map((hit) => hit.id);
const marked = (hit: SearchHit | undefined) => hit?.match.parts.filter((part) => part.match).map((part) => part.text);
/** Every record id of the other organisation: none may ever be in a result. */
const idsOf = (records: Records) => [records.partner.id, records.inspectionId, records.visitor.id, records.employee.id, records.actionId, records.dossierId];
const allIds = (data: PageData) => data.groups.flatMap((g) => g.hits.map((hit) => hit.id));

describe("each kind by each of its fields, in the searcher's organisation only", () => {
  test.each([
    ["苏州", "legalNameZh", ["苏州"]],
    ["示例物流", "legalNameZh", ["示例物流"]],
    ["demo logistics", "legalNameEn", ["Demo", "Logistics"]],
  ])("a partner by its name: %s", async (text, field, highlighted) => {
    const data = await search(a.org.cookie, text);
    expect(ids(data, "partner")).toContain(a.partner.id);
    const hit = hitsOf(data, "partner").find((h) => h.id === a.partner.id);
    expect(hit?.match.field).toBe(field);
    expect(marked(hit)).toEqual(highlighted);
    expect(allIds(data)).not.toContain(b.partner.id);
  });

  test("a partner by the first characters of its USCC, and by its reference", async () => {
    const byUscc = await search(a.org.cookie, uscc.slice(0, 12).toLowerCase());
    const hit = hitsOf(byUscc, "partner").find((h) => h.id === a.partner.id);
    expect(hit?.match.field).toBe("uscc");
    expect(marked(hit)).toEqual([uscc.slice(0, 12)]);
    expect(allIds(byUscc)).not.toContain(b.partner.id);
    const byReference = await search(a.org.cookie, formatReference("partner", a.partner.number));
    expect(ids(byReference, "partner")).toEqual([a.partner.id]);
  });

  test("a container number, whole or its beginning as typed (lower case, spaces), finds the inspection and its number the reference", async () => {
    const typed = `${container.slice(0, 4).toLowerCase()} ${container.slice(4, 8)}`;
    for (const text of [container, typed]) {
      const data = await search(a.org.cookie, text);
      expect(ids(data, "inspection")).toEqual([a.inspectionId]);
      expect(hitsOf(data, "inspection")[0]?.match.field).toBe("containerNumber");
      expect(allIds(data)).not.toContain(b.inspectionId);
    }
    const byReference = await search(a.org.cookie, formatReference("inspection", a.inspectionNumber).toLowerCase());
    expect(ids(byReference, "inspection")).toEqual([a.inspectionId]);
  });

  test("a seal by its number and by the container it was applied to", async () => {
    const byNumber = await search(a.org.cookie, sealNumber);
    expect(hitsOf(byNumber, "seal").map((hit) => hit.reference)).toEqual([sealNumber]);
    expect(hitsOf(byNumber, "seal")[0]?.match.field).toBe("sealNumber");
    const byContainer = await search(a.org.cookie, "CSQU 305438");
    const sealHit = hitsOf(byContainer, "seal").find((hit) => hit.reference === sealNumber);
    expect(sealHit?.match.field).toBe("sealTarget");
    const bSeal = hitsOf(await search(b.org.cookie, sealNumber), "seal")[0];
    expect(bSeal?.id).toBeDefined();
    expect(ids(byNumber, "seal")).not.toContain(bSeal?.id);
  });

  test("a visitor by name, by company and by reference", async () => {
    for (const text of [visitorName, "欧阳", "机械", "精密机械", formatReference("visitor", a.visitor.number)]) {
      const data = await search(a.org.cookie, text);
      expect(ids(data, "visitor")).toContain(a.visitor.id);
      expect(allIds(data)).not.toContain(b.visitor.id);
    }
  });

  test("an employee by name and reference, with the identity number masked", async () => {
    for (const text of ["司马文静", formatReference("employee", a.employee.number)]) {
      const data = await search(a.org.cookie, text);
      const hit = hitsOf(data, "employee").find((h) => h.id === a.employee.id);
      expect(hit).toBeDefined();
      expect(allIds(data)).not.toContain(b.employee.id);
      if (hit?.kind !== "employee") throw new Error("not an employee hit");
      expect(hit.idNumberMasked).toBe(a.employee.idNumberMasked);
      expect(hit.idNumberMasked).not.toBe(a.employeeIdNumber);
      // Nowhere in what the page receives, even for the owner, who may show it on the employee's page.
      expect(JSON.stringify(data)).not.toContain(a.employeeIdNumber);
    }
  });

  test("a corrective action and a dossier by their references", async () => {
    const action = await search(a.org.cookie, formatReference("correctiveAction", a.actionNumber));
    expect(ids(action, "action")).toEqual([a.actionId]);
    const dossierNumber = (await testDb().query.dossiers.findFirst({ where: (t, { eq: equals }) => equals(t.id, a.dossierId) }))?.number ?? 0;
    const dossier = await search(a.org.cookie, `dos${dossierNumber}`);
    expect(ids(dossier, "dossier")).toEqual([a.dossierId]);
  });

  test("the other organisation finds its own records by the same texts, never these", async () => {
    for (const text of ["苏州示例物流", container, sealNumber, visitorName, employeeName]) {
      const data = await search(b.org.cookie, text);
      expect(data.groups.length).toBeGreaterThan(0);
      for (const id of idsOf(a)) expect(allIds(data)).not.toContain(id);
    }
  });
});

interface RegisterRecords {
  incident: { id: string; number: number };
  reconciliation: { id: string; number: number };
  contact: { id: string; number: number };
  auditId: string;
  riskId: string;
}

/** The same texts and numbers in both organisations. */
const incidentWords = `翻越围墙 ladder-${suffix}`;
const cargoContainer = (() => {
  const first = `TRIU${String(Date.now()).slice(-6)}`;
  return first + containerCheckDigit(first);
})();
const billOfLading = `MEDU${String(Date.now()).slice(-8)}`;
const contactSubject = `出口申报咨询 export-${suffix}`;

async function makeRegisterRecords(org: SignedUp): Promise<RegisterRecords> {
  const actor = { organizationId: org.organizationId, userId: org.userId };
  const site = await createSite(org.cookie);
  const { incident } = await reportTestIncident(actor, site.id, { description: `东侧${incidentWords}，留有脚印`, location: "东门仓库" });
  const { reconciliation } = await recordTestReconciliation(actor, site.id, {
    billOfLading,
    invoiceNumbers: "INV-2026-7731, INV-2026-7732",
    containerNumber: cargoContainer,
    countedPackages: "118",
    note: "短少两件 / two packages short",
  });
  const { contact } = await recordTestContact(actor, { subject: contactSubject });
  const audit = await createTestInternalAudit(actor);
  const risk = await createTestRiskAssessment(actor);
  return {
    incident: { id: incident.id, number: incident.number },
    reconciliation: { id: reconciliation.id, number: reconciliation.number },
    contact: { id: contact.id, number: contact.number },
    auditId: audit.id,
    riskId: risk.id,
  };
}

describe("the Step-12 registers", () => {
  let ra: RegisterRecords;
  let rb: RegisterRecords;
  beforeAll(async () => {
    ra = await makeRegisterRecords(a.org);
    rb = await makeRegisterRecords(b.org);
  });
  const registerIds = (records: RegisterRecords) => [records.incident.id, records.reconciliation.id, records.contact.id, records.auditId, records.riskId];

  test("an incident by words of what was found and where, and by its reference", async () => {
    for (const [text, field] of [
      ["翻越围墙", "description"],
      [`LADDER-${suffix}`, "description"],
      ["东门仓库", "location"],
      [formatReference("incident", ra.incident.number).toLowerCase(), "reference"],
    ] as const) {
      const data = await search(a.org.cookie, text);
      const hit = hitsOf(data, "incident").find((h) => h.id === ra.incident.id);
      expect(hit?.match.field, text).toBe(field);
      expect(hit?.href).toBe(`/incidents/${ra.incident.id}`);
      expect(allIds(data)).not.toContain(rb.incident.id);
    }
  });

  test("a cargo reconciliation by container, by a B/L or a second invoice number, and by its reference", async () => {
    const byContainer = await search(a.org.cookie, `${cargoContainer.slice(0, 4).toLowerCase()} ${cargoContainer.slice(4, 9)}`);
    expect(ids(byContainer, "cargo")).toEqual([ra.reconciliation.id]);
    expect(marked(hitsOf(byContainer, "cargo")[0])).toEqual([cargoContainer.slice(0, 9)]);
    const byBill = await search(a.org.cookie, billOfLading.slice(2).toLowerCase());
    expect(ids(byBill, "cargo")).toEqual([ra.reconciliation.id]);
    expect(hitsOf(byBill, "cargo")[0]?.match.field).toBe("documents");
    expect(marked(hitsOf(byBill, "cargo")[0])).toEqual([billOfLading.slice(2)]);
    const byInvoice = await search(a.org.cookie, "INV-2026-7732");
    expect(ids(byInvoice, "cargo")).toContain(ra.reconciliation.id);
    const hit = hitsOf(byInvoice, "cargo").find((h) => h.id === ra.reconciliation.id);
    expect(hit?.kind === "cargo" && hit.discrepancy).toBe(true);
    const byReference = await search(a.org.cookie, formatReference("cargoReconciliation", ra.reconciliation.number));
    expect(ids(byReference, "cargo")).toEqual([ra.reconciliation.id]);
    for (const data of [byContainer, byBill, byInvoice, byReference]) expect(allIds(data)).not.toContain(rb.reconciliation.id);
  });

  test("a customs contact by words of its subject and by its reference; an internal audit and a risk assessment by reference", async () => {
    const bySubject = await search(a.org.cookie, "申报咨询");
    expect(ids(bySubject, "customsContact")).toContain(ra.contact.id);
    expect(hitsOf(bySubject, "customsContact").find((h) => h.id === ra.contact.id)?.match.field).toBe("subject");
    expect(ids(await search(a.org.cookie, formatReference("customsContact", ra.contact.number)), "customsContact")).toEqual([ra.contact.id]);
    // Each organisation's first audit and assessment: IA-0001 and RA-0001 in both, each its own.
    const audit = await search(a.org.cookie, "IA-0001");
    expect(ids(audit, "internalAudit")).toEqual([ra.auditId]);
    expect(hitsOf(audit, "internalAudit")[0]?.href).toBe(`/internal-audits/${ra.auditId}`);
    const risk = await search(a.org.cookie, "ra1");
    expect(ids(risk, "riskAssessment")).toEqual([ra.riskId]);
    for (const data of [bySubject, audit, risk]) for (const id of registerIds(rb)) expect(allIds(data)).not.toContain(id);
  });

  test("the other organisation finds its own by the same texts, never these", async () => {
    for (const text of ["翻越围墙", cargoContainer, billOfLading, contactSubject, "IA-0001", "RA-0001", "INV-2026-7731"]) {
      const data = await search(b.org.cookie, text);
      expect(data.groups.length, text).toBeGreaterThan(0);
      for (const id of registerIds(ra)) expect(allIds(data)).not.toContain(id);
    }
  });

  test("each new kind is searched for exactly the roles that may read its register", () => {
    const permission = {
      cargo: "cargo.read",
      incident: "incidents.read",
      customsContact: "incidents.read",
      internalAudit: "internalAudits.read",
      riskAssessment: "risk.read",
      continuityPlan: "continuity.read",
    } as const;
    for (const role of roles)
      for (const [kind, needed] of Object.entries(permission)) expect(searchableKinds(role).includes(kind as SearchKind), `${role} ${kind}`).toBe(can(role, needed));
  });
});

describe("business continuity plans", () => {
  /** A plan written through /continuity/new; its id from the address it redirects to. */
  async function writePlan(org: SignedUp, title: string): Promise<string> {
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`;
    const outcome = await callAction(
      newContinuityRoute,
      "/continuity/new",
      {
        title,
        scope: "深圳工厂装箱区 / Shenzhen factory stuffing area",
        disruptions: ["port_closure"],
        recoveryHours: "48",
        contacts: "总经理 王磊 / General manager Wang Lei",
        securityMeasures: "停工期间货柜留在监控区内 / Containers stay in the monitored yard",
        version: "1.0",
        revisedOn: today,
        nextReviewOn: nextYear,
        nextTestOn: nextYear,
      },
      { cookie: org.cookie },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    return outcome.location!.split("/")[2]!.split("?")[0]!;
  }

  test("a plan by words of its title and by its reference, never another organisation's", async () => {
    const words = `台风停港预案${uniqueSuffix()}`;
    const mine = await writePlan(a.org, `${words} / Typhoon port closure plan`);
    const theirs = await writePlan(b.org, `${words} / Typhoon port closure plan`);
    const byTitle = await search(a.org.cookie, words);
    expect(ids(byTitle, "continuityPlan")).toEqual([mine]);
    expect(hitsOf(byTitle, "continuityPlan")[0]?.match.field).toBe("title");
    expect(hitsOf(byTitle, "continuityPlan")[0]?.href).toBe(`/continuity/${mine}`);
    const byReference = await search(a.org.cookie, "BCP-0001");
    expect(ids(byReference, "continuityPlan")).toEqual([mine]);
    expect(hitsOf(byReference, "continuityPlan")[0]?.match.field).toBe("reference");
    for (const data of [byTitle, byReference]) expect(allIds(data)).not.toContain(theirs);
  });
});

describe("many hits", () => {
  test("a kind shows its first ten and links to its list filtered by the same text", async () => {
    const site = await createSite(a.org.cookie);
    const company = `宁波港湾仓储 ${uniqueSuffix()}`;
    for (let i = 0; i < 11; i++) await signIn(a.org.cookie, site.id, { company });
    const data = await search(a.org.cookie, company);
    expect(hitsOf(data, "visitor")).toHaveLength(10);
    expect(group(data, "visitor")?.moreHref).toBe(`/visitors?q=${encodeURIComponent(company)}`);
    // The latest visit first.
    const times = hitsOf(data, "visitor").map((hit) => (hit.kind === "visitor" ? hit.signedInAt : ""));
    expect(times).toEqual([...times].sort().reverse());
    expect(group(await search(a.org.cookie, "苏州示例物流"), "partner")?.moreHref).toBeNull();
  });
});

describe("what a role may read", () => {
  test("a guard (no personnel.read, no dossiers.read) is not shown employees or dossiers, nor told they were searched", async () => {
    const data = await search(guard.cookie, employeeName);
    expect(group(data, "employee")).toBeUndefined();
    expect(data.searched).not.toContain("employee");
    expect(data.searched).not.toContain("dossier");
    expect(data.groups).toEqual([]);
    const dossiers = await search(guard.cookie, "DOS-1");
    expect(group(dossiers, "dossier")).toBeUndefined();
    // What the guard may read, they find.
    expect(ids(await search(guard.cookie, container), "inspection")).toEqual([a.inspectionId]);
  });

  test("the auditor (personnel.read without personnel.identity) finds the employee, masked", async () => {
    const data = await search(auditor.cookie, employeeName);
    const hit = hitsOf(data, "employee")[0];
    expect(hit?.id).toBe(a.employee.id);
    expect(JSON.stringify(data)).not.toContain(a.employeeIdNumber);
  });
});

describe("texts that search nothing", () => {
  test.each([
    ["", "empty"],
    ["   ", "empty"],
    ["苏", "tooShort"],
    ["x", "tooShort"],
    ["集".repeat(101), "tooLong"],
  ])("%j: %s, with no statement about records", async (text, problem) => {
    const data = await search(a.org.cookie, text);
    expect(data.query.ok).toBe(false);
    expect(data.query.ok ? null : data.query.problem).toBe(problem);
    expect(data.groups).toEqual([]);
  });

  test("full-width letters and digits from a Chinese input method are read as ASCII", async () => {
    const fullWidth = container.replace(/[A-Z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(ids(await search(a.org.cookie, fullWidth), "inspection")).toEqual([a.inspectionId]);
  });

  test("LIKE's wildcards are searched as characters, not patterns", async () => {
    const data = await search(a.org.cookie, "%%");
    expect(data.groups).toEqual([]);
    expect(data.query.ok).toBe(true);
  });
});
