// The attention model (app/lib/attention): records made through the domain functions become items
// for the right person and role, and for nobody else, and never across organisations.
import { addMonths, format, parseISO } from "date-fns";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { organizations } from "../../db/schema";
import { dayAfter } from "~/lib/attention/attention-rules";
import { approveRiskAssessment } from "~/lib/risk-assessments/risk-assessments.server";
import { createTestInternalAudit, createTestRiskAssessment, recordTestReconciliation } from "../support/register-factories";
import { attentionFor, itemsFor, organizationAttention, viewerSites } from "~/lib/attention/attention.server";
import type { AttentionItem, AttentionScope, AttentionViewer } from "~/lib/attention/attention-types";
import { updateAction } from "~/lib/actions/actions.server";
import { todayInZone } from "~/lib/i18n/format";
import { issueSeals } from "~/lib/seals/seal-custody.server";
import { IssueSealsSchema } from "~/lib/seals/seal-schema";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { registerPartner } from "../support/partner-factories";
import { createEmployee } from "../support/personnel-factories";
import { createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { signIn } from "../support/visitors-factories";
import { callAction } from "../support/requests";
import { testDb } from "../support/test-database";
import * as schedulesRoute from "~/routes/_app.schedules._index";

const ZONE = "Asia/Shanghai";

let org: SignedUp;
let other: SignedUp;
let guard: Member;
let otherGuard: Member;
let lead: Member;
let buyer: Member;
let hr: Member;
let compliance: Member;
let gateSite: string;
let warehouseSite: string;
let inspectionId: string;
let sealFrom: string;

const scopeOf = (o: SignedUp): AttentionScope => ({ organizationId: o.organizationId, timeZone: ZONE, today: todayInZone(ZONE) });
const viewer = (m: { userId: string; role: AttentionViewer["role"] }): AttentionViewer => ({ userId: m.userId, role: m.role });
const kinds = (items: readonly AttentionItem[]) => [...new Set(items.map((i) => i.kind))].sort();

beforeAll(async () => {
  org = await signUpOrganization();
  other = await signUpOrganization();
  // One after another: each invitation locks the organisation's audit head.
  guard = await addMember(org.cookie, "security");
  otherGuard = await addMember(org.cookie, "security");
  lead = await addMember(org.cookie, "security_lead");
  buyer = await addMember(org.cookie, "procurement");
  hr = await addMember(org.cookie, "hr");
  compliance = await addMember(org.cookie, "compliance");
  gateSite = (await createSite(org.cookie)).id;
  warehouseSite = (await createSite(org.cookie)).id;
  // A daily 7-point inspection at each site, started long ago: due (or overdue) today.
  for (const siteId of [gateSite, warehouseSite]) {
    const created = await callAction(
      schedulesRoute,
      "/schedules",
      { intent: "create", siteId, templateCode: "container-7-point", frequency: "daily", startsOn: "2026-01-05" },
      { cookie: org.cookie },
    );
    expect(created.status).toBe(302);
  }
  // The guard fails a point: an action of theirs, and a container held for the supervisor.
  inspectionId = (await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, gateSite, { failPoints: ["front-wall"] })).id;
  // Seals handed to the guard.
  const actor = sealActor(org);
  // Its ISO 17712 certificate not uploaded yet: the lead's certificate item.
  const model = await createModel(actor, "H", { certificate: false });
  const prefix = sealPrefix();
  sealFrom = `${prefix}001`;
  await receiveRange(actor, model, sealFrom, `${prefix}003`, gateSite);
  const issued = await issueSeals(testDb(), actor, IssueSealsSchema.parse({ custodianUserId: guard.userId, fromNumber: sealFrom, toNumber: `${prefix}003` }));
  expect(issued.ok).toBe(true);
  await signIn(org.cookie, gateSite);
  // A partner never evaluated, and an employee without a background check.
  await registerPartner(org.cookie);
  await createEmployee(org.cookie, { name: "李安全", userId: guard.userId, siteId: gateSite });
  // The other organisation has a partner of its own and only an owner.
  await registerPartner(other.cookie);
});

describe("attention", () => {
  test("each role gets its own kinds of work, and nobody else's", async () => {
    const items = await organizationAttention(testDb(), scopeOf(org));
    expect(kinds(itemsFor(items, viewer(guard)))).toEqual(["action_due", "inspection_due", "seal_issued", "visitor_on_site"]);
    expect(kinds(itemsFor(items, viewer(lead)))).toEqual(["certificate_expiring", "release_waiting"]);
    // The partner registered without a contract: due for its first evaluation, and short of clauses.
    expect(kinds(itemsFor(items, viewer(buyer)))).toEqual(["contract_clauses_missing", "evaluation_due"]);
    expect(kinds(itemsFor(items, viewer(hr)))).toEqual(["personnel_check_due"]);
    // Compliance has no partner decision, assessment or certificate date yet: nothing to do.
    expect(itemsFor(items, viewer(compliance))).toEqual([]);
    // The auditor reads; no item is an auditor's work.
    expect(itemsFor(items, { userId: org.userId, role: "auditor" })).toEqual([]);
  });

  test("an item owned by one person is theirs only, whatever the others' roles", async () => {
    const items = await organizationAttention(testDb(), scopeOf(org));
    const seals = items.filter((i) => i.kind === "seal_issued");
    expect(seals).toHaveLength(1);
    expect(seals[0]).toMatchObject({ ownerUserId: guard.userId, href: "/seals/apply", siteId: gateSite });
    expect(seals[0]?.title.zh).toContain("3 枚");
    expect(seals[0]?.title.en).toContain(sealFrom);
    const action = items.find((i) => i.kind === "action_due");
    expect(action).toMatchObject({ ownerUserId: guard.userId, state: "overdue", href: expect.stringMatching(/^\/actions\//) });
    expect(action?.title.en).toMatch(/^CA-\d{4} Fix: [A-Z]{4}\d{7} · INS-\d{6} · 1\. /);
    expect(action?.title.zh).toMatch(/^CA-\d{4} 整改：[A-Z]{4}\d{7} · INS-\d{6} · 1\. /);
    for (const person of [otherGuard, lead, compliance]) {
      expect(itemsFor(items, viewer(person)).some((i) => i.kind === "seal_issued" || i.kind === "action_due")).toBe(false);
    }
    // The owner of the organisation does not get the guard's own work either.
    expect(itemsFor(items, { userId: org.userId, role: "owner" }).some((i) => i.ownerUserId === guard.userId)).toBe(false);
  });

  test("a guard posted at one site does not get the other site's rounds", async () => {
    const scope = scopeOf(org);
    const sites = await viewerSites(testDb(), scope, guard.userId);
    expect(sites).toEqual([gateSite]);
    const posted = await attentionFor(testDb(), scope, { ...viewer(guard), siteIds: sites });
    const due = posted.filter((i) => i.kind === "inspection_due");
    expect(due.map((i) => i.siteId)).toEqual([gateSite]);
    expect(due[0]?.href).toBe(`/inspections/new?template=container-7-point&site=${gateSite}`);
    // Unposted, the other guard sees both sites' rounds.
    const everywhere = await attentionFor(testDb(), scope, viewer(otherGuard));
    expect(everywhere.filter((i) => i.kind === "inspection_due").map((i) => i.siteId).sort()).toEqual([gateSite, warehouseSite].sort());
  });

  test("attentionFor gives what the organisation's list split for the viewer gives", async () => {
    const scope = scopeOf(org);
    const all = await organizationAttention(testDb(), scope);
    for (const person of [guard, lead, buyer, hr, compliance]) {
      expect(await attentionFor(testDb(), scope, viewer(person))).toEqual(itemsFor(all, viewer(person)));
    }
  });

  test("a fixed finding waits for the supervisor's verification, then the release", async () => {
    const scope = scopeOf(org);
    const before = await organizationAttention(testDb(), scope);
    const action = before.find((i) => i.kind === "action_due" && i.ownerUserId === guard.userId);
    if (!action) throw new Error("no action");
    expect(before.find((i) => i.kind === "release_waiting")).toMatchObject({ recordId: inspectionId, href: `/inspections/${inspectionId}` });
    const done = await updateAction(testDb(), { organizationId: org.organizationId, userId: guard.userId, role: "security" }, action.recordId, { status: "done", closingNote: "Front wall welded and re-checked.", ownerUserId: undefined, dueOn: undefined }, null);
    expect(done).toEqual({ ok: true });
    const after = await organizationAttention(testDb(), scope);
    expect(after.some((i) => i.kind === "release_waiting" && i.recordId === inspectionId)).toBe(false);
    expect(after.some((i) => i.key === action.key)).toBe(false);
    const verify = itemsFor(after, viewer(lead)).find((i) => i.kind === "action_verification");
    expect(verify).toMatchObject({ recordId: action.recordId, href: `/actions/${action.recordId}`, state: "waiting" });
    expect(itemsFor(after, viewer(guard)).some((i) => i.kind === "action_verification")).toBe(false);
  });

  test("no item crosses organisations; a lone owner gets what no member could do", async () => {
    const mine = await organizationAttention(testDb(), scopeOf(org));
    const theirs = await organizationAttention(testDb(), scopeOf(other));
    const mineIds = new Set(mine.map((i) => i.recordId));
    expect(theirs.some((i) => mineIds.has(i.recordId))).toBe(false);
    expect(kinds(theirs)).toEqual(["contract_clauses_missing", "evaluation_due"]);
    // Nobody in the other organisation is in procurement: its owner gets the re-evaluation.
    const owner = itemsFor(theirs, { userId: other.userId, role: "owner" });
    expect(owner.map((i) => i.kind)).toContain("evaluation_due");
    // Here procurement exists, so this organisation's owner does not.
    expect(itemsFor(mine, { userId: org.userId, role: "owner" }).some((i) => i.kind === "evaluation_due")).toBe(false);
  });
});

describe("the Step-12 registers", () => {
  let reg: SignedUp;
  let regOther: SignedUp;
  let regLead: Member;
  let regCompliance: Member;
  let regGuard: Member;
  let site: string;
  const scope = () => scopeOf(reg);
  const daysFromToday = (days: number) => dayAfter(todayInZone(ZONE), days);
  const actorOf = (o: { userId: string }) => ({ organizationId: reg.organizationId, userId: o.userId });

  beforeAll(async () => {
    reg = await signUpOrganization();
    regOther = await signUpOrganization();
    regLead = await addMember(reg.cookie, "security_lead");
    regCompliance = await addMember(reg.cookie, "compliance");
    regGuard = await addMember(reg.cookie, "security");
    site = (await createSite(reg.cookie)).id;
  });

  test("a cargo discrepancy stays for the lead and compliance until its corrective action is done", async () => {
    // Explained by its note at the dock, no action: nothing to follow.
    await recordTestReconciliation(actorOf(reg), site, { countedPackages: "119", note: "一件破损退回 / one damaged, returned" });
    const { reconciliation, actionId } = await recordTestReconciliation(actorOf(reg), site, {
      reconciledOn: daysFromToday(-10),
      containerNumber: "CSQU3054383",
      countedPackages: "118",
      note: "短少两件 / two packages short",
      raiseAction: "yes",
      actionOwnerUserId: regLead.userId,
      actionDueOn: daysFromToday(-1),
    });
    const items = await organizationAttention(testDb(), scope());
    const cargo = items.filter((i) => i.kind === "cargo_discrepancy");
    expect(cargo).toHaveLength(1);
    expect(cargo[0]).toMatchObject({ recordId: reconciliation.id, state: "overdue", dueOn: daysFromToday(-1), href: `/cargo/${reconciliation.id}`, siteId: site });
    expect(cargo[0]?.title.en).toContain("CSQU3054383");
    expect(cargo[0]?.title.zh).toContain("收货");
    for (const person of [regLead, regCompliance]) expect(itemsFor(items, viewer(person)).some((i) => i.key === cargo[0]?.key)).toBe(true);
    expect(itemsFor(items, viewer(regGuard)).some((i) => i.kind === "cargo_discrepancy")).toBe(false);
    expect(await attentionFor(testDb(), scope(), viewer(regCompliance))).toEqual(itemsFor(items, viewer(regCompliance)));

    if (!actionId) throw new Error("no action raised");
    const done = await updateAction(testDb(), { ...actorOf(regLead), role: "security_lead" }, actionId, { status: "done", closingNote: "补发两件已到 / the two packages arrived", ownerUserId: undefined, dueOn: undefined }, null);
    expect(done).toEqual({ ok: true });
    expect((await organizationAttention(testDb(), scope())).some((i) => i.kind === "cargo_discrepancy")).toBe(false);
  });

  test("a risk assessment waits for a manager's approval, comes due for review, and a newer one of the same subject is its review", async () => {
    const author = actorOf(regCompliance);
    const subject = "苏州仓库 → 上海港 / Suzhou warehouse to Shanghai port";
    const old = await createTestRiskAssessment(author, { subject, assessedOn: daysFromToday(-400), nextReviewOn: daysFromToday(-40) });
    let items = await organizationAttention(testDb(), scope());
    const approval = items.find((i) => i.kind === "risk_approval" && i.recordId === old.id);
    expect(approval).toMatchObject({ state: "waiting", href: `/risk-assessments/${old.id}` });
    expect(approval?.title.en).toContain("Suzhou warehouse");
    // The approvers are the managers, not compliance, who wrote it.
    expect(itemsFor(items, { userId: reg.userId, role: "owner" }).some((i) => i.key === approval?.key)).toBe(true);
    expect(itemsFor(items, viewer(regCompliance)).some((i) => i.kind === "risk_approval")).toBe(false);
    expect(items.some((i) => i.kind === "risk_review_due")).toBe(false);

    expect(await approveRiskAssessment(testDb(), actorOf(reg), old.id, undefined)).toEqual({ ok: true });
    items = await organizationAttention(testDb(), scope());
    expect(items.some((i) => i.kind === "risk_approval")).toBe(false);
    const review = items.find((i) => i.kind === "risk_review_due");
    expect(review).toMatchObject({ recordId: old.id, state: "overdue", dueOn: daysFromToday(-40) });
    expect(itemsFor(items, viewer(regCompliance)).some((i) => i.key === review?.key)).toBe(true);

    // Another subject reviewed within the year, its date a few days off: due soon.
    const other = await createTestRiskAssessment(author, { subject: "全供应链 / Whole chain", assessedOn: daysFromToday(-300), nextReviewOn: daysFromToday(5) });
    await approveRiskAssessment(testDb(), actorOf(reg), other.id, undefined);
    expect((await organizationAttention(testDb(), scope())).find((i) => i.recordId === other.id)).toMatchObject({ kind: "risk_review_due", state: "due_soon" });

    // The review: a new assessment of the same subject, a draft to approve, then nothing for the old.
    const renewed = await createTestRiskAssessment(author, { subject });
    items = await organizationAttention(testDb(), scope());
    expect(items.some((i) => i.recordId === old.id)).toBe(false);
    expect(items.some((i) => i.kind === "risk_approval" && i.recordId === renewed.id)).toBe(true);
    await approveRiskAssessment(testDb(), actorOf(reg), renewed.id, undefined);
    items = await organizationAttention(testDb(), scope());
    expect(items.filter((i) => i.kind === "risk_approval" || i.kind === "risk_review_due").map((i) => i.recordId)).toEqual([other.id]);
  });

  test("the annual internal audit comes due twelve months after the last, and a new audit clears it", async () => {
    // A new organisation: nothing due for a year.
    expect((await organizationAttention(testDb(), scope())).some((i) => i.kind === "internal_audit_due")).toBe(false);
    const last = daysFromToday(-380);
    await createTestInternalAudit(actorOf(reg), { auditedOn: last });
    const items = await organizationAttention(testDb(), scope());
    const due = items.find((i) => i.kind === "internal_audit_due");
    expect(due).toMatchObject({ state: "overdue", href: "/internal-audits/new", dueOn: format(addMonths(parseISO(last), 12), "yyyy-MM-dd") });
    expect(due?.title.zh).toContain(last);
    expect(itemsFor(items, viewer(regCompliance)).some((i) => i.key === due?.key)).toBe(true);
    expect(itemsFor(items, viewer(regLead)).some((i) => i.kind === "internal_audit_due")).toBe(false);
    await createTestInternalAudit(actorOf(reg));
    expect((await organizationAttention(testDb(), scope())).some((i) => i.kind === "internal_audit_due")).toBe(false);
  });

  test("an organisation with Tradeguard for over a year and no audit recorded is reminded; nothing crosses organisations", async () => {
    await testDb().update(organizations).set({ createdAt: new Date(Date.now() - 400 * 86_400_000) }).where(eq(organizations.id, regOther.organizationId));
    const theirs = await organizationAttention(testDb(), scopeOf(regOther));
    const due = theirs.find((i) => i.kind === "internal_audit_due");
    expect(due?.state).toBe("overdue");
    expect(due?.title.en).toContain("none recorded yet");
    // The lone owner does what no compliance member is there to do.
    expect(itemsFor(theirs, { userId: regOther.userId, role: "owner" }).some((i) => i.key === due?.key)).toBe(true);
    expect(theirs.some((i) => i.kind === "cargo_discrepancy" || i.kind === "risk_approval" || i.kind === "risk_review_due")).toBe(false);
    const mine = new Set((await organizationAttention(testDb(), scope())).map((i) => i.recordId));
    expect(theirs.some((i) => mine.has(i.recordId) && i.recordId !== regOther.organizationId)).toBe(false);
  });
});
