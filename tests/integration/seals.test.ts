// Seals below the browser: receiving ranges, custody, application (H class, ISO 6346, the link to
// the 7-point inspection), VVTT, reports that email the security lead, voiding, audits, the log and
// its export, and two people applying the same seal at the same moment.
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("seal"));


import { evidenceLinks, outboxEmails, sealEventPhotos, sealEvents, seals } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { serverT } from "~/lib/i18n/i18n.server";
import { translateMessage } from "~/lib/i18n/messages";
import { ApplySealSchema, VerifySealSchema } from "~/lib/seals/seal-schema";
import { applySeal } from "~/lib/seals/seal-application.server";
import { getSealChain, openSealReports } from "~/lib/seals/seal-queries.server";
import { verifySeal } from "~/lib/seals/seal-verification.server";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as inspectionRoute from "~/routes/_app.inspections.$inspectionId/route";
import * as chainRoute from "~/routes/_app.seals.$sealId/route";
import * as logRoute from "~/routes/_app.seals._index";
import * as applyRoute from "~/routes/_app.seals.apply";
import * as auditRoute from "~/routes/_app.seals.audits.$auditId";
import * as auditsRoute from "~/routes/_app.seals.audits._index";
import * as issueRoute from "~/routes/_app.seals.issue";
import * as modelsRoute from "~/routes/_app.seals.models";
import * as receiveRoute from "~/routes/_app.seals.receive";
import * as reportRoute from "~/routes/_app.seals.report";
import * as verifyRoute from "~/routes/_app.seals.verify";
import * as csvRoute from "~/routes/seals.export[.]csv";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { jpegFile, submitContainerInspection } from "../support/inspection-factories";
import { callAction, callLoader, errorsOf, keyOf, type Fields } from "../support/requests";
import { applyDirect, createModel, receiveRange, sealActor, sealPhoto, sealPrefix } from "../support/seal-factories";
import { countRows, testDb } from "../support/test-database";


let org: SignedUp;
let guard: Member;
let guard2: Member;
let lead: Member;
let auditor: Member;
let siteId: string;
let modelH: string;
let modelS: string;
let modelUncertified: string;

const countOf = (table: string) => countRows(table, sql`organization_id = ${org.organizationId}`);

async function sealRow(number: string) {
  const [row] = await testDb()
    .select()
    .from(seals)
    .where(and(eq(seals.organizationId, org.organizationId), eq(seals.number, number)));
  if (!row) throw new Error(`seal ${number} not found`);
  return row;
}

async function received(count: number, model = modelH) {
  const prefix = sealPrefix();
  const numbers = Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(4, "0")}`);
  // Received well before the dates the tests apply and verify them on (a chain only moves forward).
  await receiveRange(sealActor(org), model, numbers[0] as string, numbers.at(-1) as string, siteId, "2026-01-05T08:00");
  return numbers;
}

async function applyFields(sealNumber: string, overrides: Fields = {}): Promise<Fields> {
  return {
    sealNumber,
    targetKind: "container",
    target: "CSQU3054383",
    loadState: "loaded",
    shipmentRef: "BL-2026-001",
    photo: await jpegFile("seal.jpg"),
    ...overrides,
  };
}

function vvtt(sealNumber: string, overrides: Fields = {}): Fields {
  return {
    sealNumber,
    documentNumber: sealNumber,
    stage: "departure",
    view: "pass",
    verify: "pass",
    tug: "pass",
    twist: "pass",
    ...overrides,
  };
}

beforeAll(async () => {
  org = await signUpOrganization();
  guard = await addMember(org.cookie, "security");
  guard2 = await addMember(org.cookie, "security");
  lead = await addMember(org.cookie, "security_lead");
  auditor = await addMember(org.cookie, "auditor");
  siteId = (await createSite(org.cookie)).id;
  modelH = await createModel(sealActor(org), "H");
  modelS = await createModel(sealActor(org), "S");
  modelUncertified = await createModel(sealActor(org), "H", { certificate: false });
});

describe("seal models", () => {
  test("a model with its ISO 17712 certificate feeds the certificate criteria; the same model twice is refused", async () => {
    const pdf = new File([Buffer.from("%PDF-1.4\n%test certificate\n")], "iso17712.pdf", { type: "application/pdf" });
    const fields = {
      intent: "create",
      manufacturer: "Acme Seals",
      modelName: "AS-100",
      type: "bolt",
      isoClass: "H",
      certificateDate: "2026-03-01",
      certificate: pdf,
    };
    const created = await callAction(modelsRoute, "/seals/models", fields, { cookie: lead.cookie });
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    const links = await countRows("evidence_links", sql`organization_id = ${org.organizationId} and record_type = 'seal_model'`);
    expect(links).toBeGreaterThan(0);
    const again = await callAction(modelsRoute, "/seals/models", { ...fields, certificate: undefined }, { cookie: lead.cookie });
    expect(again.status).toBe(400);
    expect(keyOf(errorsOf(again).modelName)).toBe("seals.errors.modelExists");
  });

  test("a guard may not register models", async () => {
    const refused = await callAction(
      modelsRoute,
      "/seals/models",
      { manufacturer: "X", modelName: "Y", type: "bolt", isoClass: "H" },
      { cookie: guard.cookie },
    );
    expect(refused.status).toBe(403);
  });
});

describe("receiving seals", () => {
  test("the receive page warns about H-class models without their certificate, and only about those", async () => {
    const page = await callLoader<{ uncertifiedH: string[]; models: { id: string; label: string }[] }>(receiveRoute, "/seals/receive", {
      cookie: lead.cookie,
    });
    const labelOf = (id: string) => page.data.models.find((m) => m.id === id)?.label;
    expect(page.data.uncertifiedH).toContain(labelOf(modelUncertified));
    expect(page.data.uncertifiedH).not.toContain(labelOf(modelH));
    expect(page.data.uncertifiedH).not.toContain(labelOf(modelS));
    expect(page.data.uncertifiedH.some((label) => label.startsWith("Acme Seals AS-100"))).toBe(false);
  });

  test("a range becomes one in-stock seal per number, each with its receipt event and audit event", async () => {
    const prefix = sealPrefix();
    const before = { seals: await countOf("seals"), audit: await countOf("audit_events") };
    const outcome = await callAction(
      receiveRoute,
      "/seals/receive",
      { modelId: modelH, siteId, fromNumber: `${prefix}0098`, toNumber: `${prefix}0147` },
      { cookie: lead.cookie },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toContain("received=50");
    expect((await countOf("seals")) - before.seals).toBe(50);
    expect((await countOf("audit_events")) - before.audit).toBe(100);
    const first = await sealRow(`${prefix}0098`);
    expect(first).toMatchObject({ status: "in_stock", siteId, modelId: modelH });
    await sealRow(`${prefix}0100`);
    const events = await testDb().select().from(sealEvents).where(eq(sealEvents.sealId, first.id));
    expect(events.map((e) => e.kind)).toEqual(["received"]);
  });

  test("a range that overlaps numbers already in the log is refused whole, naming them", async () => {
    const [a, b] = await received(2);
    const prefix = (a as string).slice(0, -4);
    const before = await countOf("seals");
    const outcome = await callAction(
      receiveRoute,
      "/seals/receive",
      { modelId: modelH, fromNumber: `${prefix}0001`, toNumber: `${prefix}0005` },
      { cookie: lead.cookie },
    );
    expect(outcome.status).toBe(400);
    const error = errorsOf(outcome).fromNumber ?? "";
    expect(keyOf(error)).toBe("seals.errors.numbersTaken");
    expect(error).toContain(a);
    expect(error).toContain(b);
    expect(await countOf("seals")).toBe(before);
  });

  test("a range that is not one is refused with the reason", async () => {
    const tooMany = await callAction(
      receiveRoute,
      "/seals/receive",
      { modelId: modelH, fromNumber: "ZZ0001", toNumber: "ZZ1001" },
      { cookie: lead.cookie },
    );
    expect(keyOf(errorsOf(tooMany).toNumber)).toBe("seals.errors.range.tooMany");
    const order = await callAction(
      receiveRoute,
      "/seals/receive",
      { modelId: modelH, fromNumber: "ZZ0009", toNumber: "ZZ0001" },
      { cookie: lead.cookie },
    );
    expect(keyOf(errorsOf(order).toNumber)).toBe("seals.errors.range.order");
  });

  test("guards may not receive seals", async () => {
    const refused = await callAction(receiveRoute, "/seals/receive", { modelId: modelH, fromNumber: "ZZ0001" }, { cookie: guard.cookie });
    expect(refused.status).toBe(403);
  });
});

describe("applying a seal", () => {
  test("after a 7-point inspection: linked to it, photo kept with its SHA-256, evidence and audit written; the inspection shows the seal", async () => {
    const [number] = await received(1);
    const inspection = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      values: { containerNumber: "MSCU1234566", occurredAt: "2026-11-20T09:30" },
    });
    const outcome = await callAction(
      applyRoute,
      `/seals/apply?inspection=${inspection.id}`,
      await applyFields(number as string, { target: "mscu 123456-6", inspectionId: inspection.id, occurredAt: "2026-11-20T10:05" }),
      { cookie: guard.cookie },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const seal = await sealRow(number as string);
    expect(seal).toMatchObject({
      status: "applied",
      target: "MSCU1234566",
      inspectionId: inspection.id,
      appliedByUserId: guard.userId,
      shipmentRef: "BL-2026-001",
    });
    const chain = await getSealChain(testDb(), org.organizationId, seal.id);
    const applied = chain?.events.find((e) => e.event.kind === "applied");
    expect(applied?.photos).toHaveLength(1);
    expect(applied?.photos[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const links = await testDb()
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.recordType, "seal_application"), eq(evidenceLinks.recordId, applied?.event.id ?? "")));
    expect(links.length).toBeGreaterThanOrEqual(3);
    const page = await callLoader<{ seals: { list: { number: string }[] } }>(inspectionRoute, `/inspections/${inspection.id}`, {
      cookie: guard.cookie,
      params: { inspectionId: inspection.id },
    });
    expect(page.data.seals.list.map((s) => s.number)).toEqual([number]);
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);
  });

  test("without an inspection chosen, the latest 7-point inspection of that container within 24 hours is linked", async () => {
    const [number] = await received(1);
    const inspection = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      values: { containerNumber: "TGHU8765436", occurredAt: "2026-11-21T08:00" },
    });
    const outcome = await applyDirect(sealActor(org), number as string, { target: "TGHU8765436", occurredAt: "2026-11-21T09:00" });
    expect(outcome.ok).toBe(true);
    expect((await sealRow(number as string)).inspectionId).toBe(inspection.id);
  });

  test("a container whose 7-point inspection failed with actions open is not sealed", async () => {
    const [number] = await received(1);
    const inspection = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      failPoints: ["floor"],
      values: { containerNumber: "CAIU1234561", occurredAt: "2026-11-22T08:00" },
    });
    const explicit = await callAction(
      applyRoute,
      "/seals/apply",
      await applyFields(number as string, { target: "CAIU1234561", inspectionId: inspection.id, occurredAt: "2026-11-22T09:00" }),
      { cookie: guard.cookie },
    );
    expect(keyOf(errorsOf(explicit).target)).toBe("seals.errors.inspectionBlocked");
    const automatic = await applyDirect(sealActor(org), number as string, { target: "CAIU1234561", occurredAt: "2026-11-22T09:00" });
    expect(automatic.ok ? null : keyOf(automatic.errors.target)).toBe("seals.errors.inspectionBlocked");
    expect((await sealRow(number as string)).status).toBe("in_stock");
  });

  test("an S-class seal is refused on any loaded container or trailer, accepted on an empty one; the state is recorded", async () => {
    const [number] = await received(1, modelS);
    const before = await countOf("seal_events");
    // The rule follows the state the applier records, not an export box: loaded means H class.
    const outcome = await callAction(applyRoute, "/seals/apply", await applyFields(number as string), { cookie: guard.cookie });
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).loadState)).toBe("seals.errors.notHighSecurity");
    const trailer = await callAction(
      applyRoute,
      "/seals/apply",
      await applyFields(number as string, { targetKind: "trailer", target: "沪A 12345" }),
      { cookie: guard.cookie },
    );
    expect(keyOf(errorsOf(trailer).loadState)).toBe("seals.errors.notHighSecurity");
    // Nobody ticks anything by default: the state must be stated.
    const unstated = await callAction(applyRoute, "/seals/apply", await applyFields(number as string, { loadState: undefined }), {
      cookie: guard.cookie,
    });
    expect(keyOf(errorsOf(unstated).loadState)).toBe("seals.errors.chooseLoadState");
    expect(await countOf("seal_events")).toBe(before);
    expect((await sealRow(number as string)).status).toBe("in_stock");
    const empty = await callAction(applyRoute, "/seals/apply", await applyFields(number as string, { loadState: "empty" }), {
      cookie: guard.cookie,
    });
    expect(empty.status, JSON.stringify(empty.data)).toBe(302);
    const seal = await sealRow(number as string);
    const [applied] = await testDb()
      .select()
      .from(sealEvents)
      .where(and(eq(sealEvents.sealId, seal.id), eq(sealEvents.kind, "applied")));
    expect(applied?.loadState).toBe("empty");
    // An H-class seal on a loaded trailer is fine.
    const [high] = await received(1);
    const loadedTrailer = await applyDirect(sealActor(org), high as string, { targetKind: "trailer", target: "沪A 12345" });
    expect(loadedTrailer.ok).toBe(true);
  });

  test("an H-class seal whose model has no ISO 17712 certificate is refused, pointing to /seals/models, until it is uploaded there", async () => {
    const [number] = await received(1, modelUncertified);
    const before = { events: await countOf("seal_events"), files: await countOf("evidence_files") };
    const outcome = await callAction(applyRoute, "/seals/apply", await applyFields(number as string), { cookie: guard.cookie });
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).modelCertificate)).toBe("seals.errors.modelUncertified");
    // An empty container does not make an unproven H class acceptable either.
    const empty = await applyDirect(sealActor(org), number as string, { loadState: "empty" });
    expect(empty.ok ? null : keyOf(empty.errors.modelCertificate)).toBe("seals.errors.modelUncertified");
    expect(await countOf("seal_events")).toBe(before.events);
    expect(await countOf("evidence_files")).toBe(before.files);
    expect((await sealRow(number as string)).status).toBe("in_stock");

    // Only the seal managers upload it; a guard may not.
    const pdf = () => new File([Buffer.from("%PDF-1.4\n%iso 17712 test report\n")], "iso17712-late.pdf", { type: "application/pdf" });
    const byGuard = await callAction(modelsRoute, "/seals/models", { intent: "certificate", modelId: modelUncertified, certificate: pdf() }, { cookie: guard.cookie });
    expect(byGuard.status).toBe(403);
    const withoutFile = await callAction(modelsRoute, "/seals/models", { intent: "certificate", modelId: modelUncertified }, { cookie: lead.cookie });
    expect(withoutFile.status).toBe(400);
    expect(await countOf("evidence_files")).toBe(before.files);
    const uploaded = await callAction(
      modelsRoute,
      "/seals/models",
      { intent: "certificate", modelId: modelUncertified, certificateDate: "2026-02-01", certificate: pdf() },
      { cookie: lead.cookie },
    );
    expect(uploaded.status, JSON.stringify(uploaded.data)).toBe(302);
    const again = await callAction(modelsRoute, "/seals/models", { intent: "certificate", modelId: modelUncertified, certificate: pdf() }, { cookie: lead.cookie });
    expect(keyOf(errorsOf(again).certificate)).toBe("seals.errors.certificateOnFile");

    const applied = await callAction(applyRoute, "/seals/apply", await applyFields(number as string), { cookie: guard.cookie });
    expect(applied.status, JSON.stringify(applied.data)).toBe(302);
  });

  test("a wrong container check digit, a missing photo and an unknown number are refused and write nothing", async () => {
    const [number] = await received(1);
    const before = { events: await countOf("seal_events"), files: await countOf("evidence_files") };
    const digit = await callAction(applyRoute, "/seals/apply", await applyFields(number as string, { target: "CSQU3054384" }), {
      cookie: guard.cookie,
    });
    expect(keyOf(errorsOf(digit).target)).toBe("seals.errors.containerCheck");
    const photo = await callAction(applyRoute, "/seals/apply", await applyFields(number as string, { photo: undefined }), {
      cookie: guard.cookie,
    });
    expect(keyOf(errorsOf(photo).photo)).toBe("seals.errors.photoRequired");
    const unknown = await callAction(applyRoute, "/seals/apply", await applyFields("NOPE000001"), { cookie: guard.cookie });
    expect(keyOf(errorsOf(unknown).sealNumber)).toBe("seals.errors.unknownNumber");
    expect(await countOf("seal_events")).toBe(before.events);
    expect(await countOf("evidence_files")).toBe(before.files);
    expect((await sealRow(number as string)).status).toBe("in_stock");
  });

  test("one seal is applied once; a voided seal is never applied", async () => {
    const [first, second] = await received(2);
    expect((await applyDirect(sealActor(org), first as string)).ok).toBe(true);
    const twice = await callAction(applyRoute, "/seals/apply", await applyFields(first as string), { cookie: guard.cookie });
    expect(keyOf(errorsOf(twice).sealNumber)).toBe("seals.refusal.alreadyApplied");
    const seal = await sealRow(second as string);
    const voided = await callAction(
      chainRoute,
      `/seals/${seal.id}`,
      { intent: "void", reason: "Dropped and bent in the store" },
      { cookie: lead.cookie, params: { sealId: seal.id } },
    );
    expect(voided.status, JSON.stringify(voided.data)).toBe(302);
    const refused = await callAction(applyRoute, "/seals/apply", await applyFields(second as string), { cookie: guard.cookie });
    expect(keyOf(errorsOf(refused).sealNumber)).toBe("seals.refusal.voided");
  });

  test("two people applying the same seal at the same moment: exactly one succeeds, the other is told it is applied", async () => {
    const [number] = await received(1);
    const values = ApplySealSchema.parse({ sealNumber: number, targetKind: "container", target: "CSQU3054383", loadState: "loaded" });
    const [p1, p2] = await Promise.all([sealPhoto(), sealPhoto()]);
    const outcomes = await Promise.all([
      applySeal(testDb(), sealActor({ organizationId: org.organizationId, userId: guard.userId }), values, [p1]),
      applySeal(testDb(), sealActor({ organizationId: org.organizationId, userId: guard2.userId }), values, [p2]),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const loser = outcomes.find((o) => !o.ok);
    expect(loser && !loser.ok ? keyOf(loser.errors.sealNumber) : null).toBe("seals.refusal.alreadyApplied");
    const seal = await sealRow(number as string);
    const applications = await testDb()
      .select()
      .from(sealEvents)
      .where(and(eq(sealEvents.sealId, seal.id), eq(sealEvents.kind, "applied")));
    expect(applications).toHaveLength(1);
    expect(seal.appliedByUserId).toBe(applications[0]?.recordedByUserId);
  });

  test("another organisation's seal numbers, inspections and seals are not reachable through the forms", async () => {
    const other = await signUpOrganization();
    const otherActor = sealActor(other);
    const prefix = sealPrefix();
    await receiveRange(otherActor, await createModel(otherActor), `${prefix}0001`, `${prefix}0002`);
    const theirInspection = await submitContainerInspection(
      { organizationId: other.organizationId, userId: other.userId },
      (await createSite(other.cookie)).id,
    );
    const unknown = await callAction(applyRoute, "/seals/apply", await applyFields(`${prefix}0001`), { cookie: guard.cookie });
    expect(keyOf(errorsOf(unknown).sealNumber)).toBe("seals.errors.unknownNumber");
    const [mine] = await received(1);
    const foreign = await callAction(applyRoute, "/seals/apply", await applyFields(mine as string, { inspectionId: theirInspection.id }), {
      cookie: guard.cookie,
    });
    expect(keyOf(errorsOf(foreign).inspectionId)).toBe("seals.errors.inspectionInvalid");
    const form = await callLoader<{ inspection: unknown; prefill: { target: string } }>(
      applyRoute,
      `/seals/apply?inspection=${theirInspection.id}`,
      { cookie: guard.cookie },
    );
    expect(form.data.inspection).toBeNull();
    expect(form.data.prefill.target).toBe("");
    const theirSeal = await testDb()
      .select()
      .from(seals)
      .where(and(eq(seals.organizationId, other.organizationId), eq(seals.number, `${prefix}0002`)));
    const verify = await callAction(verifyRoute, "/seals/verify", vvtt(`${prefix}0002`), { cookie: guard.cookie });
    expect(keyOf(errorsOf(verify).sealNumber)).toBe("seals.errors.unknownNumber");
    expect(theirSeal[0]?.status).toBe("in_stock");
  });

  test("auditors read the log but may not apply", async () => {
    const refused = await callAction(applyRoute, "/seals/apply", await applyFields("ANY0000001"), { cookie: auditor.cookie });
    expect(refused.status).toBe(403);
    const log = await callLoader(logRoute, "/seals", { cookie: auditor.cookie });
    expect(log.status).toBe(200);
  });
});

describe("custody", () => {
  test("a range is issued to a named person, who alone may apply it until it is returned", async () => {
    const numbers = await received(3);
    const issued = await callAction(
      issueRoute,
      "/seals/issue",
      { custodianUserId: guard.userId, fromNumber: numbers[0], toNumber: numbers[2] },
      { cookie: lead.cookie },
    );
    expect(issued.status, JSON.stringify(issued.data)).toBe(302);
    for (const n of numbers) expect(await sealRow(n)).toMatchObject({ status: "issued", custodianUserId: guard.userId });
    const again = await callAction(
      issueRoute,
      "/seals/issue",
      { custodianUserId: guard2.userId, fromNumber: numbers[0] },
      { cookie: lead.cookie },
    );
    expect(keyOf(errorsOf(again).fromNumber)).toBe("seals.refusal.alreadyIssued");
    const other = await callAction(applyRoute, "/seals/apply", await applyFields(numbers[0] as string), { cookie: guard2.cookie });
    expect(keyOf(errorsOf(other).sealNumber)).toBe("seals.errors.otherCustodian");
    const mine = await callAction(applyRoute, "/seals/apply", await applyFields(numbers[0] as string), { cookie: guard.cookie });
    expect(mine.status).toBe(302);
    const seal = await sealRow(numbers[1] as string);
    const returned = await callAction(
      chainRoute,
      `/seals/${seal.id}`,
      { intent: "return" },
      { cookie: guard.cookie, params: { sealId: seal.id } },
    );
    expect(returned.status).toBe(302);
    expect(await sealRow(numbers[1] as string)).toMatchObject({ status: "in_stock", custodianUserId: null });
    const chain = await getSealChain(testDb(), org.organizationId, seal.id);
    expect(chain?.events.map((e) => e.event.kind)).toEqual(["received", "issued", "returned"]);
  });

  test("the chain is in time order: an application or a VVTT dated before the seal's latest event is refused and writes nothing", async () => {
    const [number] = await received(1);
    const issued = await callAction(issueRoute, "/seals/issue", { custodianUserId: guard.userId, fromNumber: number }, { cookie: lead.cookie });
    expect(issued.status, JSON.stringify(issued.data)).toBe(302);
    const seal = await sealRow(number as string);
    const [issue] = await testDb()
      .select()
      .from(sealEvents)
      .where(and(eq(sealEvents.sealId, seal.id), eq(sealEvents.kind, "issued")));
    const issuedAt = localDateTimeInZone(issue!.occurredAt, "Asia/Shanghai").replace("T", " ");
    // Applied "an hour ago", before it was issued to the guard: that cannot be.
    const hourAgo = localDateTimeInZone(new Date(Date.now() - 60 * 60 * 1000), "Asia/Shanghai");
    const events = await countOf("seal_events");
    const early = await callAction(applyRoute, "/seals/apply", await applyFields(number as string, { occurredAt: hourAgo }), { cookie: guard.cookie });
    expect(early.status).toBe(400);
    const error = errorsOf(early).occurredAt ?? "";
    expect(keyOf(error)).toBe("seals.errors.beforeLatest");
    expect(translateMessage(serverT("zh-CN"), error)).toBe(
      `此时间早于该封志的上一条记录（“领用”，${issuedAt}）。保管链须按时间先后登记，请核对时间。`,
    );
    expect(translateMessage(serverT("en"), error)).toBe(
      `This time is before the seal's latest event, “Issued” at ${issuedAt}. The chain of custody is recorded in time order: check the time.`,
    );
    expect(await countOf("seal_events")).toBe(events);
    expect(await sealRow(number as string)).toMatchObject({ status: "issued" });

    const now = await callAction(applyRoute, "/seals/apply", await applyFields(number as string), { cookie: guard.cookie });
    expect(now.status, JSON.stringify(now.data)).toBe(302);
    const lateCheck = await callAction(verifyRoute, "/seals/verify", { ...vvtt(number as string), occurredAt: hourAgo, photo: await jpegFile("v.jpg") }, { cookie: guard.cookie });
    expect(keyOf(errorsOf(lateCheck).occurredAt)).toBe("seals.errors.beforeLatest");
    const page = await callLoader<{ events: { event: { kind: string; occurredAt: string } }[] }>(chainRoute, `/seals/${seal.id}`, {
      cookie: guard.cookie,
      params: { sealId: seal.id },
    });
    expect(page.data.events.map((e) => e.event.kind)).toEqual(["received", "issued", "applied"]);
    const times = page.data.events.map((e) => new Date(e.event.occurredAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test("seals are held only by roles that use them: an auditor is neither offered nor accepted as custodian", async () => {
    const page = await callLoader(issueRoute, "/seals/issue", { cookie: lead.cookie });
    const offered = (page.data as { members: { userId: string }[] }).members.map((m) => m.userId);
    expect(offered).toContain(guard.userId);
    expect(offered).not.toContain(auditor.userId);
    const numbers = await received(1);
    const events = await countOf("seal_events");
    const refused = await callAction(
      issueRoute,
      "/seals/issue",
      { custodianUserId: auditor.userId, fromNumber: numbers[0] },
      { cookie: lead.cookie },
    );
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).custodianUserId)).toBe("seals.errors.custodianRole");
    expect(await sealRow(numbers[0] as string)).toMatchObject({ status: "in_stock", custodianUserId: null });
    expect(await countOf("seal_events")).toBe(events);
  });

  test("voiding needs a reason and is refused for an applied seal", async () => {
    const [a, b] = await received(2);
    const sealA = await sealRow(a as string);
    const short = await callAction(
      chainRoute,
      `/seals/${sealA.id}`,
      { intent: "void", reason: "bent" },
      { cookie: lead.cookie, params: { sealId: sealA.id } },
    );
    expect(keyOf(errorsOf(short).reason)).toBe("seals.errors.reasonTooShort");
    await applyDirect(sealActor(org), b as string);
    const sealB = await sealRow(b as string);
    const applied = await callAction(
      chainRoute,
      `/seals/${sealB.id}`,
      { intent: "void", reason: "Should not be possible" },
      { cookie: lead.cookie, params: { sealId: sealB.id } },
    );
    expect(keyOf(errorsOf(applied).form)).toBe("seals.refusal.appliedNoVoid");
  });
});

describe("VVTT and reports", () => {
  test("a passed VVTT at departure keeps the seal applied; on arrival it completes the chain", async () => {
    const [number] = await received(1);
    await applyDirect(sealActor(org), number as string);
    const departure = await callAction(
      verifyRoute,
      "/seals/verify",
      { ...vvtt(number as string), photo: await jpegFile("vvtt.jpg") },
      { cookie: guard.cookie },
    );
    expect(departure.status, JSON.stringify(departure.data)).toBe(302);
    expect(departure.location).toContain("done=verified");
    expect((await sealRow(number as string)).status).toBe("applied");
    const arrival = await callAction(verifyRoute, "/seals/verify", vvtt(number as string, { stage: "arrival" }), { cookie: guard.cookie });
    expect(arrival.status).toBe(302);
    expect((await sealRow(number as string)).status).toBe("arrived");
    const seal = await sealRow(number as string);
    const verified = await testDb()
      .select()
      .from(sealEvents)
      .where(and(eq(sealEvents.sealId, seal.id), eq(sealEvents.kind, "verified")));
    expect(verified.map((v) => [v.stage, v.passed])).toEqual([
      ["departure", true],
      ["arrival", true],
    ]);
    const photos = await testDb()
      .select()
      .from(sealEventPhotos)
      .where(eq(sealEventPhotos.eventId, verified[0]?.id ?? ""));
    expect(photos).toHaveLength(1);
    const after = await callAction(verifyRoute, "/seals/verify", vvtt(number as string), { cookie: guard.cookie });
    expect(keyOf(errorsOf(after).sealNumber)).toBe("seals.refusal.arrived");
  });

  test("a number that differs from the documents fails Verify, reports the seal and emails the security lead", async () => {
    const [number] = await received(1);
    await applyDirect(sealActor(org), number as string);
    const outcome = await callAction(verifyRoute, "/seals/verify", vvtt(number as string, { documentNumber: "CN9999999" }), {
      cookie: guard.cookie,
    });
    expect(outcome.location).toContain("done=verifyFailed");
    const seal = await sealRow(number as string);
    expect(seal.status).toBe("compromised");
    const events = await testDb().select().from(sealEvents).where(eq(sealEvents.sealId, seal.id)).orderBy(sealEvents.number);
    const verified = events.find((e) => e.kind === "verified");
    expect(verified).toMatchObject({ passed: false, verifyOk: false, viewOk: true, documentNumber: "CN9999999" });
    const report = events.find((e) => e.kind === "reported");
    expect(report).toMatchObject({ reportKind: "number_mismatch", relatedEventId: verified?.id });
    const [email] = await testDb()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.kind, "seal_report"), eq(outboxEmails.to, lead.email)))
      .orderBy(sql`created_at desc`)
      .limit(1);
    expect(email?.subject).toContain(number);
  });

  test("a broken seal report notifies the security lead only, shows on the dashboard until closed, and a replacement seal records both", async () => {
    const [broken, replacement] = await received(2);
    await applyDirect(sealActor(org), broken as string, { target: "CSQU3054383" });
    const mailsBefore = await countRows("outbox_emails", sql`organization_id = ${org.organizationId} and kind = 'seal_report'`);
    const outcome = await callAction(
      reportRoute,
      "/seals/report",
      { sealNumber: broken, reportKind: "broken", description: "Bolt cut through at the yard gate", photo: await jpegFile("broken.jpg") },
      { cookie: guard.cookie },
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toContain("notified=1");
    const mails = await testDb()
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.organizationId, org.organizationId), eq(outboxEmails.kind, "seal_report")))
      .orderBy(sql`created_at desc`);
    expect(mails.length - mailsBefore).toBe(1);
    expect(mails[0]?.to).toBe(lead.email);
    expect(mails[0]?.text).toContain("Bolt cut through at the yard gate");
    const seal = await sealRow(broken as string);
    expect(seal.status).toBe("compromised");
    const open = await openSealReports(testDb(), org.organizationId, 50);
    expect(open.rows.map((r) => r.sealNumber)).toContain(broken);
    // The supervisor's dashboard lists it (the guard's does not: reports are the lead's to close).
    type Groups = { groups: { kind: string; total: number; lines: { href: string }[] }[] };
    const reports = async (cookie: string) => (await callLoader<Groups>(dashboardRoute, "/", { cookie })).data.groups.find((g) => g.kind === "seal_report");
    expect((await reports(lead.cookie))?.total).toBe(open.total);
    expect((await reports(lead.cookie))?.lines.some((l) => l.href === `/seals/${seal.id}`)).toBe(true);
    expect(await reports(guard.cookie)).toBeUndefined();

    const replaced = await applyDirect(sealActor(org), replacement as string, {
      target: "CSQU3054383",
      replacesSealId: seal.id,
      loadState: "empty",
    });
    expect(replaced.ok).toBe(true);
    const chain = await getSealChain(testDb(), org.organizationId, seal.id);
    expect(chain?.replacedBy.map((r) => r.number)).toEqual([replacement]);
    const second = await getSealChain(testDb(), org.organizationId, (await sealRow(replacement as string)).id);
    expect(second?.events.find((e) => e.event.kind === "applied")?.replacesNumber).toBe(broken);

    const reportEvent = chain?.events.find((e) => e.event.kind === "reported");
    const closed = await callAction(
      chainRoute,
      `/seals/${seal.id}`,
      { intent: "resolve", reportId: reportEvent?.event.id, note: "Cargo re-checked, customs informed" },
      { cookie: lead.cookie, params: { sealId: seal.id } },
    );
    expect(closed.status).toBe(302);
    expect((await openSealReports(testDb(), org.organizationId, 50)).rows.map((r) => r.sealNumber)).not.toContain(broken);
  });

  test("reporting a seal that was never applied is refused", async () => {
    const [number] = await received(1);
    const outcome = await callAction(
      reportRoute,
      "/seals/report",
      { sealNumber: number, reportKind: "broken", description: "Looks damaged already" },
      { cookie: guard.cookie },
    );
    expect(keyOf(errorsOf(outcome).sealNumber)).toBe("seals.refusal.notApplied");
  });

  test("VVTT results are required, one by one", async () => {
    const outcome = await callAction(
      verifyRoute,
      "/seals/verify",
      { sealNumber: "ANY0000001", documentNumber: "ANY0000001", stage: "departure" },
      { cookie: guard.cookie },
    );
    expect(Object.keys(errorsOf(outcome)).sort()).toEqual(["tug", "twist", "verify", "view"]);
    expect(VerifySealSchema.safeParse(vvtt("ANY0000001")).success).toBe(true);
  });

  test("verify without photos through the lib keeps the outcome shape", async () => {
    const [number] = await received(1);
    await applyDirect(sealActor(org), number as string);
    const outcome = await verifySeal(testDb(), sealActor(org), VerifySealSchema.parse(vvtt(number as string, { twist: "fail" })), [], {
      organizationName: "Test",
      reporterName: "Owner",
      locale: "en",
      sealUrl: (id) => `http://localhost:3000/seals/${id}`,
    });
    expect(outcome).toMatchObject({ ok: true, passed: false, reported: true });
  });
});

describe("seal audit", () => {
  test("reconciles a site's seals with the count and names the missing and unexpected ones", async () => {
    const site = await createSite(org.cookie);
    const prefix = sealPrefix();
    await receiveRange(sealActor(org), modelH, `${prefix}0001`, `${prefix}0006`, site.id);
    await applyDirect(sealActor(org), `${prefix}0006`);
    const counted = `${prefix}0001~${prefix}0003\n${prefix}0006 , ${prefix}9999`;
    const outcome = await callAction(auditsRoute, "/seals/audits", { siteId: site.id, counted }, { cookie: lead.cookie });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const auditId = outcome.location?.split("/").pop() ?? "";
    const page = await callLoader<{
      audit: {
        balanced: boolean;
        result: { counts: Record<string, number>; missing: { number: string }[]; unexpected: { number: string; status: string | null }[] };
      };
    }>(auditRoute, `/seals/audits/${auditId}`, { cookie: auditor.cookie, params: { auditId } });
    const r = page.data.audit.result;
    expect(r.counts).toMatchObject({ received: 6, inStock: 5, applied: 1 });
    expect(r.missing.map((m) => m.number)).toEqual([`${prefix}0004`, `${prefix}0005`]);
    expect(r.unexpected).toEqual([
      { number: `${prefix}0006`, status: "applied" },
      { number: `${prefix}9999`, status: null },
    ]);
    expect(page.data.audit.balanced).toBe(false);
    const balanced = await callAction(
      auditsRoute,
      "/seals/audits",
      { siteId: site.id, counted: `${prefix}0001~${prefix}0005` },
      { cookie: lead.cookie },
    );
    const balancedId = balanced.location?.split("/").pop() ?? "";
    const second = await callLoader<{ audit: { balanced: boolean } }>(auditRoute, `/seals/audits/${balancedId}`, {
      cookie: lead.cookie,
      params: { auditId: balancedId },
    });
    expect(second.data.audit.balanced).toBe(true);
    expect(await countRows("evidence_links", sql`record_type = 'seal_audit' and record_id = ${balancedId}`)).toBeGreaterThan(0);

    // The list filters by site and date, and its CSV names the missing seals.
    const other = await createSite(org.cookie);
    const atSite = await callLoader<{ audits: { id: string }[] }>(auditsRoute, `/seals/audits?site=${site.id}`, { cookie: auditor.cookie });
    expect(atSite.data.audits.map((a) => a.id).sort()).toEqual([auditId, balancedId].sort());
    const elsewhere = await callLoader<{ audits: unknown[] }>(auditsRoute, `/seals/audits?site=${other.id}`, { cookie: auditor.cookie });
    expect(elsewhere.data.audits).toEqual([]);
    const longAgo = await callLoader<{ audits: unknown[] }>(auditsRoute, `/seals/audits?site=${site.id}&to=2020-01-31`, {
      cookie: auditor.cookie,
    });
    expect(longAgo.data.audits).toEqual([]);
    const res = (await csvRoute.loader({
      request: new Request(`http://localhost:3000/seals/export.csv?site=${site.id}&rows=audits`, { headers: { Cookie: auditor.cookie } }),
      params: {},
      context: {},
    })) as Response;
    const rows = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, "").trim()).data;
    expect(rows[0]?.slice(0, 5)).toEqual(["盘点编号", "时间 (Asia/Shanghai)", "场所", "盘点人", "结果"]);
    expect(rows).toHaveLength(3);
    const unbalancedRow = rows.find((r) => r[9]?.endsWith(`/seals/audits/${auditId}`));
    expect(unbalancedRow?.[4]).toBe("缺失 2，多出 2");
    expect(unbalancedRow?.[6]).toBe(`${prefix}0004 ${prefix}0005`);
    expect(unbalancedRow?.[7]).toBe(`${prefix}0006 ${prefix}9999`);
  });
});

describe("the seal log", () => {
  test("filters by status and site, and a seal number goes straight to its chain", async () => {
    const [number] = await received(1);
    await applyDirect(sealActor(org), number as string, { shipmentRef: "BL-LOG-1" });
    const list = await callLoader<{ seals: { number: string; status: string }[] }>(logRoute, `/seals?status=applied&site=${siteId}`, {
      cookie: guard.cookie,
    });
    expect(list.data.seals.every((s) => s.status === "applied")).toBe(true);
    expect(list.data.seals.map((s) => s.number)).toContain(number);
    const search = await callLoader(logRoute, `/seals?q=${(number as string).toLowerCase()}`, { cookie: guard.cookie });
    expect(search.status).toBe(302);
    expect(search.location).toBe(`/seals/${(await sealRow(number as string)).id}`);
    const csv = await callLoader(csvRoute, "/seals/export.csv?q=BL-LOG-1", { cookie: guard.cookie });
    expect(csv.status).toBe(200);
  });

  test("the CSV lists the filtered seals in the reader's language", async () => {
    const [number] = await received(1);
    const { loader } = csvRoute;
    const res = (await loader({
      request: new Request(`http://localhost:3000/seals/export.csv?q=${number}`, { headers: { Cookie: guard.cookie } }),
      params: {},
      context: {},
    })) as Response;
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(number);
    expect(text).toContain("在库");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  test("both exports and the chain carry the container's load state at application, translated", async () => {
    const [loaded] = await received(1);
    const [empty] = await received(1, modelS);
    expect((await applyDirect(sealActor(org), loaded as string, { shipmentRef: "BL-LOAD-1" })).ok).toBe(true);
    expect((await applyDirect(sealActor(org), empty as string, { shipmentRef: "BL-LOAD-1", loadState: "empty" })).ok).toBe(true);
    const csvRows = async (query: string) => {
      const res = (await csvRoute.loader({
        request: new Request(`http://localhost:3000/seals/export.csv?${query}`, { headers: { Cookie: lead.cookie } }),
        params: {},
        context: {},
      })) as Response;
      const text = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, "");
      return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    };
    const bySeal = Object.fromEntries((await csvRows("q=BL-LOAD-1")).map((r) => [r["封志号"], r["装载状态"]]));
    expect(bySeal).toEqual({ [loaded as string]: "已装货", [empty as string]: "空箱" });
    const steps = (await csvRows("q=BL-LOAD-1&rows=events")).map((r) => [r["封志号"], r["事项"], r["装载状态"]]);
    expect(steps).toEqual(
      expect.arrayContaining([
        [loaded, "施封", "已装货"],
        [empty, "施封", "空箱"],
        [loaded, "入库", ""],
      ]),
    );
    const chain = await getSealChain(testDb(), org.organizationId, (await sealRow(empty as string)).id);
    expect(chain?.events.find((e) => e.event.kind === "applied")?.event.loadState).toBe("empty");
  });

  test("the step export lists every step of the chain with VVTT results and photo hashes", async () => {
    const [number] = await received(1);
    await applyDirect(sealActor(org), number as string, { shipmentRef: "BL-STEPS-1" });
    await callAction(
      verifyRoute,
      "/seals/verify",
      { ...vvtt(number as string, { twist: "fail" }), photo: await jpegFile("vvtt.jpg") },
      { cookie: guard.cookie },
    );
    const res = (await csvRoute.loader({
      request: new Request(`http://localhost:3000/seals/export.csv?q=${number}&rows=events`, { headers: { Cookie: lead.cookie } }),
      params: {},
      context: {},
    })) as Response;
    const lines = new TextDecoder()
      .decode(await res.arrayBuffer())
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines[0]).toContain("步骤编号");
    expect(lines.slice(1).map((l) => l.split(",")[3])).toEqual(["入库", "施封", "VVTT 不合格（发运时）", "异常报告：封志损坏或被篡改"]);
    expect(lines[3]).toContain("扭转 不合格");
    expect(lines[2]).toMatch(/[0-9a-f]{64}/);
    expect(lines[3]).toMatch(/[0-9a-f]{64}/);
  });
});
