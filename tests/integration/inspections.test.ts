// Inspections end to end below the browser: the phone's JSON door (/inspections/drafts/:key), the
// plain form without JavaScript (/inspections/new), the record page's sign-off and release, and what
// a submit writes: answers, a corrective action per failed point, evidence links, the audit trail.
import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("inspection"));


import sharp from "sharp";
import {
  auditEvents,
  correctiveActions,
  evidenceFiles,
  evidenceLinks,
  inspectionAnswers,
  inspectionPhotos,
  inspections,
} from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { getFramework } from "~/lib/criteria/criteria.server";
import { coverageForFramework } from "~/lib/evidence/evidence.server";
import { getFile, readFileBytes } from "~/lib/evidence/file-store.server";
import { thumbnailFor } from "~/lib/evidence/thumbnails.server";
import { getCurrentTemplate } from "~/lib/inspections/templates.server";
import * as actionRoute from "~/routes/_app.actions.$actionId/route";
import * as actionsRoute from "~/routes/_app.actions._index";
import * as inspectionRoute from "~/routes/_app.inspections.$inspectionId/route";
import * as listRoute from "~/routes/_app.inspections._index";
import * as newRoute from "~/routes/_app.inspections.new/route";
import * as sitesRoute from "~/routes/_app.settings.sites.$siteId";
import * as draftRoute from "~/routes/inspections.drafts.$draftKey";
import * as csvRoute from "~/routes/inspections.export[.]csv";
import * as templatesRoute from "~/routes/_app.templates._index";
import * as templateRoute from "~/routes/_app.templates.$templateId/route";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import {
  containerTemplateId,
  containerValues,
  jpegBytes,
  jpegFile,
  submitContainerInspection,
  CONTAINER_POINTS,
} from "../support/inspection-factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf, toFormData, type Fields } from "../support/requests";
import { countRows, testDb } from "../support/test-database";


const countOf = (table: string, orgId: string) => countRows(table, sql`organization_id = ${orgId}`);

/** Everything a refused submit must not have written for the organisation. */
async function recordCounts(orgId: string) {
  return {
    submitted: await countRows("inspections", sql`organization_id = ${orgId} and status = 'submitted'`),
    answers: await countOf("inspection_answers", orgId),
    actions: await countOf("corrective_actions", orgId),
    links: await countOf("evidence_links", orgId),
    files: await countOf("evidence_files", orgId),
  };
}

function postDraft(cookie: string, draftKey: string, fields: Fields) {
  return callAction<{ ok: boolean; errors?: Record<string, string>; id?: string; url?: string; photos?: { sha256: string }[] }>(
    draftRoute,
    `/inspections/drafts/${draftKey}`,
    fields,
    { cookie, params: { draftKey } },
  );
}

function postForm(cookie: string, draftKey: string, fields: Fields) {
  return callAction<{ errors?: Record<string, string>; values?: Record<string, string> }>(
    newRoute,
    `/inspections/new?template=container-7-point&draft=${draftKey}`,
    fields,
    { cookie },
  );
}

let org: SignedUp;
let guard: Member;
let lead: Member;
let siteId: string;
let templateId: string;

beforeAll(async () => {
  org = await signUpOrganization();
  guard = await addMember(org.cookie, "security");
  lead = await addMember(org.cookie, "security_lead");
  siteId = (await createSite(org.cookie)).id;
  templateId = await containerTemplateId(org.organizationId);
});

describe("a 7-point inspection from the phone", () => {
  test("photos upload one by one with their SHA-256; the submit records answers, actions, evidence and the audit event", async () => {
    const draftKey = randomUUID();
    const bytes = await jpegBytes({ width: 120, height: 90 });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const photo = await postDraft(guard.cookie, draftKey, {
      intent: "photo",
      templateId,
      photo_floor: new File([bytes], "IMG_0001.JPG", { type: "image/jpeg" }),
    });
    expect(photo.status, JSON.stringify(photo.data)).toBe(200);
    expect(photo.data.photos?.[0]?.sha256).toBe(sha256);
    // The same photo sent again (a retried upload) is still one photo.
    const again = await postDraft(guard.cookie, draftKey, {
      intent: "photo",
      templateId,
      photo_floor: new File([bytes], "IMG_0001.JPG", { type: "image/jpeg" }),
    });
    expect(again.status).toBe(200);

    const values = containerValues(siteId, { answer_floor: "fail", note_floor: "新焊补痕迹 fresh weld on the floor" });
    const submitted = await postDraft(guard.cookie, draftKey, { intent: "submit", templateId, ...values });
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
    const id = submitted.data.id!;
    expect(submitted.data.url).toBe(`/inspections/${id}?submitted=1`);

    const [record] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    expect(record).toMatchObject({
      status: "submitted",
      result: "fail",
      failedPoints: 1,
      containerNumber: "CSQU3054383",
      siteId,
      inspectorUserId: guard.userId,
    });
    expect(record?.number).toBeGreaterThan(0);
    expect(record?.draftValues).toEqual({});
    const answers = await testDb().select().from(inspectionAnswers).where(eq(inspectionAnswers.inspectionId, id));
    // The seven points and the agricultural one (template version 2).
    expect(answers).toHaveLength(8);
    expect(answers.find((a) => a.itemKey === "floor")).toMatchObject({
      value: "fail",
      failed: true,
      note: "新焊补痕迹 fresh weld on the floor",
    });
    const photos = await testDb().select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, id));
    expect(photos).toHaveLength(1);
    const file = await getFile(testDb(), org.organizationId, photos[0]!.fileId);
    expect(file?.sha256).toBe(sha256);
    // The original is kept byte for byte.
    expect(
      createHash("sha256")
        .update(await readFileBytes(file!))
        .digest("hex"),
    ).toBe(sha256);

    const actions = await testDb().select().from(correctiveActions).where(eq(correctiveActions.sourceId, id));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      sourceType: "inspection",
      sourceItemKey: "floor",
      ownerUserId: guard.userId,
      status: "open",
      dueOn: "2026-11-21",
    });

    // Evidence for the container criteria of every framework.
    const links = await testDb()
      .select({ key: sql<string>`(select key from criteria where id = ${evidenceLinks.criterionId})` })
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.recordType, "inspection"), eq(evidenceLinks.recordId, id)));
    // ... and, through the agricultural point, CTPAT 8.1 (pest contamination); the record itself, on a
    // checklist with security and agricultural points, is CTPAT 5.2's written procedure at work. It
    // names no inspection area, so it does not feed 5.6 (inspection in a controlled area).
    expect(links.map((l) => l.key).sort()).toEqual(["26", "43", "5.2", "5.3", "5.4", "8.1", "G"]);
    const framework = await getFramework(testDb(), "cn-2022-advanced");
    const coverage = await coverageForFramework(testDb(), org.organizationId, framework!.id, new Date("2026-12-01T00:00:00Z"));
    const item43 = [...coverage.entries()].find(([, c]) => c.recordTypes.includes("inspection"));
    expect(item43?.[1].recent).toBeGreaterThan(0);

    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "inspection"), eq(auditEvents.entityId, id)));
    expect(event?.action).toBe("create");
    expect(JSON.stringify(event?.after)).toContain(sha256);
    expect(await verifyOrganizationChain(testDb(), org.organizationId)).toMatchObject({ ok: true });
  });

  test("a second submit of the same draft answers with the same inspection and writes nothing more", async () => {
    const draftKey = randomUUID();
    const fields = { intent: "submit", templateId, ...containerValues(siteId) };
    const first = await postDraft(guard.cookie, draftKey, fields);
    expect(first.status).toBe(200);
    const before = await recordCounts(org.organizationId);
    const second = await postDraft(guard.cookie, draftKey, fields);
    expect(second.status).toBe(200);
    expect(second.data.id).toBe(first.data.id);
    expect(await recordCounts(org.organizationId)).toEqual(before);
    // The plain form's retry of the same key goes to the record too.
    const form = await postForm(guard.cookie, draftKey, { intent: "submit", ...containerValues(siteId) });
    expect(form.status).toBe(302);
    expect(form.location).toBe(`/inspections/${first.data.id}`);
    expect(await recordCounts(org.organizationId)).toEqual(before);
  });

  test("two submits of one draft at the same moment make one inspection", async () => {
    const draftKey = randomUUID();
    const fields = {
      intent: "submit",
      templateId,
      ...containerValues(siteId, { answer_doors: "fail", note_doors: "hinge bolt replaced" }),
    };
    const saved = await postDraft(guard.cookie, draftKey, { intent: "photo", templateId, photo_doors: await jpegFile("doors.jpg") });
    expect(saved.status).toBe(200);
    const [a, b] = await Promise.all([postDraft(guard.cookie, draftKey, fields), postDraft(guard.cookie, draftKey, fields)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.data.id).toBe(b.data.id);
    expect(await countRows("inspections", sql`draft_key = ${draftKey}`)).toBe(1);
    expect(await countRows("corrective_actions", sql`source_id = ${a.data.id}`)).toBe(1);
  });
});

describe("bad input gets a specific message and writes no record", () => {
  test.each([
    ["an invalid container number", { containerNumber: "CSQU3054384" }, "containerNumber", "inspections.containerNumber.check"],
    ["a container number of the wrong form", { containerNumber: "CSQ305438" }, "containerNumber", "inspections.containerNumber.format"],
    ["a failed point without a note", { answer_floor: "fail" }, "note_floor", "inspections.noteRequired"],
    ["a failed point without a photo", { answer_floor: "fail", note_floor: "hole" }, "photo_floor", "inspections.photoRequired"],
    ["an unanswered point", { "answer_ceiling-roof": "" }, "answer_ceiling-roof", "inspections.answerRequired"],
    ["no site", { siteId: "" }, "siteId", "errors.choose"],
    ["a time in the future", { occurredAt: "2031-01-01T08:00" }, "occurredAt", "inspections.inFuture"],
  ])("%s", async (_label, overrides, field, key) => {
    const draftKey = randomUUID();
    const before = await recordCounts(org.organizationId);
    const outcome = await postDraft(guard.cookie, draftKey, { intent: "submit", templateId, ...containerValues(siteId, overrides) });
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome)[field])).toBe(key);
    expect(await recordCounts(org.organizationId)).toEqual(before);
    // What was typed stays in the draft, as typed.
    const [draft] = await testDb().select().from(inspections).where(eq(inspections.draftKey, draftKey));
    expect(draft?.status).toBe("draft");
    for (const [name, value] of Object.entries(overrides)) if (value) expect(draft?.draftValues[name]).toBe(value);
  });

  test("the check-digit message names the digit the number needs", async () => {
    const outcome = await postDraft(guard.cookie, randomUUID(), {
      intent: "submit",
      templateId,
      ...containerValues(siteId, { containerNumber: "csqu 305438-4" }),
    });
    expect(errorsOf(outcome).containerNumber).toBe('inspections.containerNumber.check|{"prefix":"CSQU305438","expected":"3","actual":"4"}');
  });

  test("an oversized photo is refused with the limit, nothing of it is stored, and the rest of the form survives (no JavaScript)", async () => {
    const draftKey = randomUUID();
    const before = await recordCounts(org.organizationId);
    const big = new Uint8Array(15 * 1024 * 1024 + 10);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const outcome = await postForm(guard.cookie, draftKey, {
      intent: "submit",
      ...containerValues(siteId, { answer_floor: "fail", note_floor: "hole in the floor" }),
      photo_floor: new File([big], "huge.jpg", { type: "image/jpeg" }),
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).photo_floor).toBe('files.photoTooLarge|{"max":15}');
    expect(outcome.data.values?.note_floor).toBe("hole in the floor");
    expect(outcome.data.values?.containerNumber).toBe("CSQU3054383");
    expect(await recordCounts(org.organizationId)).toEqual(before);
    const [draft] = await testDb().select().from(inspections).where(eq(inspections.draftKey, draftKey));
    expect(draft?.draftValues.note_floor).toBe("hole in the floor");
  });

  test("a file that is not a JPEG or PNG is refused by its bytes, whatever its name", async () => {
    const before = await recordCounts(org.organizationId);
    const pdf = new TextEncoder().encode("%PDF-1.4\n% not a photo\n%%EOF\n");
    for (const post of [postForm, (cookie: string, key: string, fields: Fields) => postDraft(cookie, key, { templateId, ...fields })]) {
      const outcome = await post(guard.cookie, randomUUID(), {
        intent: post === postForm ? "submit" : "photo",
        ...containerValues(siteId),
        photo_floor: new File([pdf], "floor.jpg", { type: "image/jpeg" }),
      });
      expect(outcome.status).toBe(400);
      expect(keyOf(errorsOf(outcome).photo_floor)).toBe("files.photoType");
    }
    expect(await recordCounts(org.organizationId)).toEqual(before);
  });

  test("a photo for a point the checklist does not have is refused", async () => {
    const outcome = await postDraft(guard.cookie, randomUUID(), { intent: "photo", templateId, "photo_no-such-point": await jpegFile() });
    expect(outcome.status).toBe(400);
  });
});

describe("drafts", () => {
  test("the plain form saves a draft with its photos and comes back to it; the ID number is never stored", async () => {
    const draftKey = randomUUID();
    const saved = await postForm(guard.cookie, draftKey, {
      intent: "save",
      ...containerValues(siteId, { answer_floor: "fail", note_floor: "dent" }),
      photo_floor: await jpegFile("floor.jpg"),
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/inspections/new?template=container-7-point&draft=${draftKey}&saved=1`);
    const page = await callLoader<{ values: Record<string, string>; photos: { itemKey: string; sha256: string }[] }>(
      newRoute,
      saved.location!,
      { cookie: guard.cookie },
    );
    expect(page.data.values.note_floor).toBe("dent");
    expect(page.data.photos.map((p) => p.itemKey)).toEqual(["floor"]);
    // The guard's list offers it to continue, with its photo.
    const list = await callLoader<{ drafts: { draftKey: string; photos: number }[] }>(listRoute, "/inspections", { cookie: guard.cookie });
    expect(list.data.drafts.find((d) => d.draftKey === draftKey)?.photos).toBe(1);
    // Another person cannot open or post to someone's draft.
    expect((await callLoader(newRoute, saved.location!, { cookie: lead.cookie })).status).toBe(404);
    expect((await postDraft(lead.cookie, draftKey, { intent: "save", templateId, note_floor: "taken over" })).status).toBe(404);

    const driverTemplate = await getCurrentTemplate(testDb(), org.organizationId, "driver-identity-check");
    const driverKey = randomUUID();
    await postDraft(guard.cookie, driverKey, {
      intent: "save",
      templateId: driverTemplate!.id,
      driverName: "李强",
      driverIdType: "cn_resident_id",
      driverIdNumber: "11010519491231002X",
    });
    const [draft] = await testDb().select().from(inspections).where(eq(inspections.draftKey, driverKey));
    expect(draft?.draftValues.driverName).toBe("李强");
    expect(JSON.stringify(draft)).not.toContain("19491231");
    const submitted = await postDraft(guard.cookie, driverKey, {
      intent: "submit",
      templateId: driverTemplate!.id,
      siteId,
      occurredAt: "2026-11-20T08:10",
      driverName: "李强",
      driverIdType: "cn_resident_id",
      driverIdNumber: "11010519491231002X",
      driverEmployer: "示例物流",
      truckPlate: "粤B12345",
      arrivalTime: "08:00",
      "answer_photo-id-valid": "pass",
      "answer_photo-matches-driver": "pass",
      "answer_matches-pre-advice": "pass",
    });
    expect(submitted.status, JSON.stringify(submitted.data)).toBe(200);
    const [record] = await testDb().select().from(inspections).where(eq(inspections.draftKey, driverKey));
    expect(record?.header).toMatchObject({ driverIdNumberMasked: "1101**********002X" });
    expect(JSON.stringify(record)).not.toContain("19491231");
    const events = await testDb().select().from(auditEvents).where(eq(auditEvents.entityId, record!.id));
    expect(JSON.stringify(events)).not.toContain("19491231");
  });

  test("discarding a draft removes it; only its inspector can", async () => {
    const draftKey = randomUUID();
    await postDraft(guard.cookie, draftKey, { intent: "save", templateId, note_floor: "x" });
    expect((await postDraft(lead.cookie, draftKey, { intent: "discard" })).status).toBe(404);
    expect(await countRows("inspections", sql`draft_key = ${draftKey}`)).toBe(1);
    expect((await postDraft(guard.cookie, draftKey, { intent: "discard" })).status).toBe(200);
    expect(await countRows("inspections", sql`draft_key = ${draftKey}`)).toBe(0);
  });

  test("a GET of the form writes nothing and gives the page a draft key of its own", async () => {
    const before = await countOf("inspections", org.organizationId);
    const page = await callLoader(newRoute, "/inspections/new?template=container-7-point", { cookie: guard.cookie });
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/inspections\/new\?template=container-7-point&draft=[0-9a-f-]{36}$/);
    expect(await countOf("inspections", org.organizationId)).toBe(before);
  });
});

describe("release for loading", () => {
  test("a failed point blocks the release until its action is closed", async () => {
    const { id } = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      failPoints: ["left-side"],
    });
    const url = `/inspections/${id}`;
    const page = await callLoader<{ release: { state: string }; can: { release: boolean } }>(inspectionRoute, url, {
      cookie: guard.cookie,
      params: { inspectionId: id },
    });
    expect(page.data.release).toEqual({ state: "blocked", openActions: 1 });
    expect(page.data.can.release).toBe(false);
    const refused = await callAction(inspectionRoute, url, { intent: "release" }, { cookie: guard.cookie, params: { inspectionId: id } });
    expect(refused.status).toBe(400);
    expect(keyOf(errorsOf(refused).form)).toBe("inspections.releaseRefused.blocked");

    const [action] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.sourceId, id));
    const closed = await callAction(
      actionRoute,
      `/actions/${action!.id}`,
      { status: "done", closingNote: "Panel replaced, re-inspected" },
      { cookie: guard.cookie, params: { actionId: action!.id } },
    );
    expect(closed.status, JSON.stringify(closed.data)).toBe(302);
    // The guard's own closure is not the end of it: the action waits for a supervisor, and the
    // container stays held.
    const [waiting] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.id, action!.id));
    expect(waiting).toMatchObject({ status: "awaiting_verification", closedByUserId: guard.userId, verifiedAt: null });
    const held = await callLoader<{ release: { state: string }; can: { release: boolean } }>(inspectionRoute, url, {
      cookie: guard.cookie,
      params: { inspectionId: id },
    });
    expect(held.data.release).toEqual({ state: "blocked", openActions: 1 });
    const early = await callAction(inspectionRoute, url, { intent: "release" }, { cookie: guard.cookie, params: { inspectionId: id } });
    expect(keyOf(errorsOf(early).form)).toBe("inspections.releaseRefused.blocked");
    const verify = (cookie: string, fields: Fields) =>
      callAction(actionRoute, `/actions/${action!.id}`, { intent: "verify", ...fields }, { cookie, params: { actionId: action!.id } });
    // The guard cannot verify his own closure; the supervisor's page offers the verification.
    expect(keyOf(errorsOf(await verify(guard.cookie, { decision: "accept" })).form)).toBe("actions.verifySupervisorsOnly");
    const leadPage = await callLoader<{ canVerify: boolean; action: { status: string } }>(actionRoute, `/actions/${action!.id}`, {
      cookie: lead.cookie,
      params: { actionId: action!.id },
    });
    expect(leadPage.data).toMatchObject({ canVerify: true, action: { status: "awaiting_verification" } });
    const accepted = await verify(lead.cookie, { decision: "accept", verificationNote: "New panel seen at the gate" });
    expect(accepted.status, JSON.stringify(accepted.data)).toBe(302);
    const [verified] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.id, action!.id));
    expect(verified).toMatchObject({ status: "done", closedByUserId: guard.userId, verifiedByUserId: lead.userId, verificationNote: "New panel seen at the gate" });
    const released = await callAction(inspectionRoute, url, { intent: "release" }, { cookie: guard.cookie, params: { inspectionId: id } });
    expect(released.status).toBe(302);
    const [record] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    expect(record?.releasedByUserId).toBe(guard.userId);
    expect(record?.releaseOverrideReason).toBeNull();
  });

  test("a supervisor other than the inspector may override with a written reason, which is audited", async () => {
    const { id } = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      failPoints: ["floor"],
    });
    const url = `/inspections/${id}`;
    const params = { inspectionId: id };
    // The guard is not a supervisor; the supervisor must give a reason of some length.
    expect(
      (await callAction(inspectionRoute, url, { intent: "override", reason: "Customs approved loading" }, { cookie: guard.cookie, params }))
        .status,
    ).toBe(400);
    const short = await callAction(inspectionRoute, url, { intent: "override", reason: "ok" }, { cookie: lead.cookie, params });
    expect(keyOf(errorsOf(short).reason)).toBe("inspections.overrideReasonShort");
    const ok = await callAction(
      inspectionRoute,
      url,
      { intent: "override", reason: "Floor patch checked by the carrier's engineer; customs informed" },
      { cookie: lead.cookie, params },
    );
    expect(ok.status).toBe(302);
    const [record] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    expect(record).toMatchObject({
      releasedByUserId: lead.userId,
      releaseOverrideReason: "Floor patch checked by the carrier's engineer; customs informed",
    });
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(JSON.stringify(events.at(-1)?.after)).toContain("customs informed");
    // Released once is released: a second release is refused.
    expect((await callAction(inspectionRoute, url, { intent: "release" }, { cookie: lead.cookie, params })).status).toBe(400);
  });

  test("a supervisor cannot override or sign off an inspection of their own", async () => {
    const { id } = await submitContainerInspection({ organizationId: org.organizationId, userId: lead.userId }, siteId, {
      failPoints: ["floor"],
    });
    const params = { inspectionId: id };
    const override = await callAction(
      inspectionRoute,
      `/inspections/${id}`,
      { intent: "override", reason: "I checked it myself and it is fine" },
      { cookie: lead.cookie, params },
    );
    expect(keyOf(errorsOf(override).form)).toBe("inspections.overrideOwn");
    const sign = await callAction(inspectionRoute, `/inspections/${id}`, { intent: "signoff" }, { cookie: lead.cookie, params });
    expect(keyOf(errorsOf(sign).form)).toBe("inspections.signOwn");
    const byOwner = await callAction(
      inspectionRoute,
      `/inspections/${id}`,
      { intent: "signoff", note: "Seen" },
      { cookie: org.cookie, params },
    );
    expect(byOwner.status).toBe(302);
    const [record] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    expect(record).toMatchObject({ signedOffByUserId: org.userId, signoffNote: "Seen" });
  });
});

describe("verifying the closure of a finding that holds a release", () => {
  test("never by the inspector nor by the closer; sending it back needs a reason and reopens the action", async () => {
    // The supervisor inspected himself: he may close his action, but another supervisor verifies.
    const own = await submitContainerInspection({ organizationId: org.organizationId, userId: lead.userId }, siteId, { failPoints: ["doors"] });
    const [ownAction] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.sourceId, own.id));
    const ownParams = { actionId: ownAction!.id };
    const ownUrl = `/actions/${ownAction!.id}`;
    expect((await callAction(actionRoute, ownUrl, { status: "done", closingNote: "Hinge welded" }, { cookie: lead.cookie, params: ownParams })).status).toBe(302);
    const ownVerify = await callAction(actionRoute, ownUrl, { intent: "verify", decision: "accept" }, { cookie: lead.cookie, params: ownParams });
    expect(ownVerify.status).toBe(400);
    expect(keyOf(errorsOf(ownVerify).form)).toBe("actions.verifyOwnInspection");
    const leadView = await callLoader<{ canVerify: boolean; verifyBlockedBy: string | null }>(actionRoute, ownUrl, { cookie: lead.cookie, params: ownParams });
    expect(leadView.data).toMatchObject({ canVerify: false, verifyBlockedBy: "actions.verifyOwnInspection" });
    expect((await callAction(actionRoute, ownUrl, { intent: "verify", decision: "accept" }, { cookie: org.cookie, params: ownParams })).status).toBe(302);

    // The owner of the organisation closed the guard's action: he may not verify his own closure.
    const { id } = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, { failPoints: ["floor"] });
    const [action] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.sourceId, id));
    const params = { actionId: action!.id };
    const url = `/actions/${action!.id}`;
    expect((await callAction(actionRoute, url, { status: "done", closingNote: "Floor patched" }, { cookie: org.cookie, params })).status).toBe(302);
    const byCloser = await callAction(actionRoute, url, { intent: "verify", decision: "accept" }, { cookie: org.cookie, params });
    expect(keyOf(errorsOf(byCloser).form)).toBe("actions.verifyOwnClosure");
    const before = await countOf("audit_events", org.organizationId);
    const noReason = await callAction(actionRoute, url, { intent: "verify", decision: "reject" }, { cookie: lead.cookie, params });
    expect(keyOf(errorsOf(noReason).verificationNote)).toBe("actions.verificationNoteRequired");
    expect(await countOf("audit_events", org.organizationId)).toBe(before);
    const back = await callAction(
      actionRoute,
      url,
      { intent: "verify", decision: "reject", verificationNote: "Patch is loose at the rear corner" },
      { cookie: lead.cookie, params },
    );
    expect(back.status, JSON.stringify(back.data)).toBe(302);
    const [reopened] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.id, action!.id));
    expect(reopened).toMatchObject({ status: "in_progress", closedAt: null, closedByUserId: null, verifiedByUserId: lead.userId, verificationNote: "Patch is loose at the rear corner" });
    const page = await callLoader<{ release: { state: string } }>(inspectionRoute, `/inspections/${id}`, { cookie: guard.cookie, params: { inspectionId: id } });
    expect(page.data.release).toEqual({ state: "blocked", openActions: 1 });
    // A member who is neither the owner nor a supervisor still gets a 403 whatever is posted.
    const buyer = await addMember(org.cookie, "procurement");
    expect((await callAction(actionRoute, url, { intent: "verify", decision: "accept" }, { cookie: buyer.cookie, params })).status).toBe(403);
    expect(await verifyOrganizationChain(testDb(), org.organizationId)).toMatchObject({ ok: true });
  });
});

describe("records", () => {
  test("the list filters by container number and result, and the CSV holds the same rows", async () => {
    const other = await signUpOrganization();
    const otherSite = await createSite(other.cookie);
    await submitContainerInspection({ organizationId: other.organizationId, userId: other.userId }, otherSite.id, {
      values: { containerNumber: "TGHU6144960" },
    });
    await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      values: { containerNumber: "TGHU6144960" },
      failPoints: ["doors"],
    });
    const list = await callLoader<{ rows: { containerNumber: string | null; result: string }[]; total: number }>(
      listRoute,
      "/inspections?container=tghu614&result=fail",
      { cookie: org.cookie },
    );
    expect(list.data.rows.map((r) => [r.containerNumber, r.result])).toEqual([["TGHU6144960", "fail"]]);
    const response = (await csvRoute.loader({
      request: getRequest("/inspections/export.csv?container=TGHU6144960&lng=en", { cookie: org.cookie }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A UTF-8 byte-order mark first, so Excel reads the Chinese right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\r\n");
    expect(lines[0]).toContain("Container number");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("TGHU6144960");
    expect(lines[1]).toContain("Failed");
  });

  test("the auditor reads records but cannot start or release; procurement cannot start either", async () => {
    const auditor = await addMember(org.cookie, "auditor");
    const buyer = await addMember(org.cookie, "procurement");
    expect((await callLoader(listRoute, "/inspections", { cookie: auditor.cookie })).status).toBe(200);
    for (const who of [auditor, buyer]) {
      expect((await callLoader(newRoute, "/inspections/new?template=container-7-point", { cookie: who.cookie })).status).toBe(403);
      expect((await postDraft(who.cookie, randomUUID(), { intent: "submit", templateId, ...containerValues(siteId) })).status).toBe(403);
    }
  });

  test("a site with inspections cannot be deleted", async () => {
    const outcome = await callAction(
      sitesRoute,
      `/settings/sites/${siteId}`,
      { intent: "delete" },
      { cookie: org.cookie, params: { siteId } },
    );
    expect(outcome.status).toBe(400);
    expect(await countRows("sites", sql`id = ${siteId}`)).toBe(1);
  });
});

describe("photos", () => {
  test("a photo of the reefer point goes when the container turns out not to be a reefer", async () => {
    const draftKey = randomUUID();
    await postDraft(guard.cookie, draftKey, { intent: "photo", templateId, "photo_fan-housing": await jpegFile("fan.jpg") });
    await postDraft(guard.cookie, draftKey, { intent: "photo", templateId, photo_floor: await jpegFile("floor.jpg") });
    const submitted = await postDraft(guard.cookie, draftKey, { intent: "submit", templateId, ...containerValues(siteId) });
    expect(submitted.status).toBe(200);
    const photos = await testDb().select().from(inspectionPhotos).where(eq(inspectionPhotos.inspectionId, submitted.data.id!));
    expect(photos.map((p) => p.itemKey)).toEqual(["floor"]);
  });

  test("a thumbnail is turned upright by the EXIF orientation while the original keeps its bytes and hash", async () => {
    const bytes = await jpegBytes({ width: 80, height: 40, orientation: 6 });
    const draftKey = randomUUID();
    const uploaded = await postDraft(guard.cookie, draftKey, {
      intent: "photo",
      templateId,
      photo_floor: new File([bytes], "portrait.jpg", { type: "image/jpeg" }),
    });
    expect(uploaded.status).toBe(200);
    const [file] = await testDb()
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.sha256, createHash("sha256").update(bytes).digest("hex")));
    expect(file).toBeDefined();
    const thumbnail = await sharp(await thumbnailFor(file!, 320)).metadata();
    // Stored as 80x40 pixels with "rotate 90°": shown upright it is 40 wide and 80 high.
    expect([thumbnail.width, thumbnail.height]).toEqual([40, 80]);
    expect(Buffer.compare(await readFileBytes(file!), Buffer.from(bytes))).toBe(0);
  });
});

describe("templates", () => {
  test("an inspection keeps the version it used; new inspections use the new version", async () => {
    const copied = await callAction(
      templatesRoute,
      "/templates",
      { intent: "copy", sourceId: templateId, code: "container-7-point-yard", titleZh: "堆场七点检查", titleEn: "Yard 7-point" },
      { cookie: org.cookie },
    );
    expect(copied.status, JSON.stringify(copied.data)).toBe(302);
    const v1Id = /\/templates\/([0-9a-f-]{36})/.exec(copied.location ?? "")![1]!;
    // A draft started on version 1.
    const draftKey = randomUUID();
    await postDraft(guard.cookie, draftKey, { intent: "save", templateId: v1Id, note_floor: "v1 draft" });

    const page = await callLoader<{ editor: Record<string, string> }>(templateRoute, `/templates/${v1Id}`, {
      cookie: org.cookie,
      params: { templateId: v1Id },
    });
    const edited = {
      ...page.data.editor,
      item_1_promptEn: "Left side wall",
      item_8_number: "9",
      item_8_promptZh: "箱号与单证一致",
      item_8_promptEn: "Container number matches the documents",
      item_8_criteria: "cn-2022-advanced:47",
    };
    const saved = await callAction(templateRoute, `/templates/${v1Id}`, toFormData(edited), {
      cookie: org.cookie,
      params: { templateId: v1Id },
    });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    const v2 = await getCurrentTemplate(testDb(), org.organizationId, "container-7-point-yard");
    expect(v2?.version).toBe(2);
    expect(v2?.id).not.toBe(v1Id);
    // Saving the same content again makes no version 3.
    const again = await callAction(templateRoute, `/templates/${v2!.id}`, toFormData({ ...edited }), {
      cookie: org.cookie,
      params: { templateId: v2!.id },
    });
    expect(again.location).toContain("unchanged=1");
    // The draft opened on v1 still shows v1's points; a new form gets v2.
    const draftPage = await callLoader<{ template: { id: string; version: number } }>(
      newRoute,
      `/inspections/new?template=container-7-point-yard&draft=${draftKey}`,
      { cookie: guard.cookie },
    );
    expect(draftPage.data.template).toMatchObject({ id: v1Id, version: 1 });
    const fresh = await callLoader<{ template: { id: string; version: number } }>(
      newRoute,
      `/inspections/new?template=container-7-point-yard&draft=${randomUUID()}`,
      { cookie: guard.cookie },
    );
    expect(fresh.data.template).toMatchObject({ id: v2!.id, version: 2 });
    // A built-in template cannot be edited in place, and a copy cannot take a built-in's code.
    expect(
      (await callAction(templateRoute, `/templates/${templateId}`, toFormData(edited), { cookie: org.cookie, params: { templateId } }))
        .status,
    ).toBe(404);
    const clash = await callAction(
      templatesRoute,
      "/templates",
      { intent: "copy", sourceId: templateId, code: "container-7-point", titleZh: "x", titleEn: "x" },
      { cookie: org.cookie },
    );
    expect(keyOf(errorsOf(clash).code)).toBe("templates.codeTaken");
  });

  test("a criterion that does not exist is refused with its name", async () => {
    const template = await getCurrentTemplate(testDb(), org.organizationId, "container-7-point-yard");
    const page = await callLoader<{ editor: Record<string, string> }>(templateRoute, `/templates/${template!.id}`, {
      cookie: org.cookie,
      params: { templateId: template!.id },
    });
    const outcome = await callAction(
      templateRoute,
      `/templates/${template!.id}`,
      toFormData({ ...page.data.editor, item_0_criteria: "cn-2022-advanced:999" }),
      {
        cookie: org.cookie,
        params: { templateId: template!.id },
      },
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome).form).toBe('templates.unknownCriterion|{"ref":"cn-2022-advanced:999"}');
    // A framework the catalogue does not hold is refused the same way.
    const unknownFramework = await callAction(
      templateRoute,
      `/templates/${template!.id}`,
      toFormData({ ...page.data.editor, item_0_criteria: "iso-28000:4" }),
      { cookie: org.cookie, params: { templateId: template!.id } },
    );
    expect(unknownFramework.status).toBe(400);
    expect(errorsOf(unknownFramework).form).toBe('templates.unknownCriterion|{"ref":"iso-28000:4"}');
  });
});

test("the seven points of the fixture are the template's points", async () => {
  const template = await getCurrentTemplate(testDb(), org.organizationId, "container-7-point");
  const keys = template!.definition.sections.flatMap((s) => s.items.filter((i) => !i.onlyWhen).map((i) => i.key));
  expect(keys).toEqual([...CONTAINER_POINTS]);
});

describe("the actions a failed point raises", () => {
  test("a compliance manager reassigns and reschedules them; their owner may close but not reschedule", async () => {
    const compliance = await addMember(org.cookie, "compliance");
    const { id } = await submitContainerInspection({ organizationId: org.organizationId, userId: guard.userId }, siteId, {
      failPoints: ["ceiling-roof"],
    });
    const [action] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.sourceId, id));
    const url = `/actions/${action!.id}`;
    const params = { actionId: action!.id };
    const byOwner = await callAction(actionRoute, url, { status: "in_progress", dueOn: "2027-01-31" }, { cookie: guard.cookie, params });
    expect(keyOf(errorsOf(byOwner).form)).toBe("actions.reassignManagersOnly");
    const tooEarly = await callAction(actionRoute, url, { status: "open", dueOn: "2020-01-01" }, { cookie: compliance.cookie, params });
    expect(keyOf(errorsOf(tooEarly).dueOn)).toBe("actions.dueBeforeRaised");
    const moved = await callAction(
      actionRoute,
      url,
      { status: "open", ownerUserId: lead.userId, dueOn: "2027-01-31" },
      { cookie: compliance.cookie, params },
    );
    expect(moved.status, JSON.stringify(moved.data)).toBe(302);
    const [after] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.id, action!.id));
    expect(after).toMatchObject({ ownerUserId: lead.userId, dueOn: "2027-01-31" });
    // The list shows the failed point in the reader's language and links the inspection.
    const list = await callLoader<{
      actions: { id: string; titles: { zh: string; en: string }; source: { type: string; href: string } | null }[];
    }>(actionsRoute, "/actions", { cookie: org.cookie });
    const row = list.data.actions.find((a) => a.id === action!.id);
    // The title says which container, which inspection and what was found, in either language.
    const [record] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    const reference = `INS-${String(record!.number).padStart(6, "0")}`;
    expect(row?.titles).toEqual({
      zh: `CSQU3054383 · ${reference} · 5. 顶板：Damage found at ceiling-roof`,
      en: `CSQU3054383 · ${reference} · 5. Ceiling/roof: Damage found at ceiling-roof`,
    });
    expect(row?.source).toMatchObject({ type: "inspection", href: `/inspections/${id}` });
    // The stored title carries the same context, for whatever reads the row alone.
    expect(after?.title).toBe(`CSQU3054383 · ${reference} · 5. 顶板 / Ceiling/roof：Damage found at ceiling-roof`);
    // The action's own page is headed the same way.
    const page = await callLoader<{ action: { titles: { zh: string } } }>(actionRoute, url, { cookie: org.cookie, params });
    expect(page.data.action.titles.zh).toBe(row?.titles.zh);
    // A row written before titles carried context still reads with it: composed from the linked records.
    await testDb().update(correctiveActions).set({ title: "5. 顶板 / Ceiling/roof" }).where(eq(correctiveActions.id, action!.id));
    const old = await callLoader<{ action: { titles: { zh: string } } }>(actionRoute, url, { cookie: org.cookie, params });
    expect(old.data.action.titles.zh).toBe(row?.titles.zh);
  });
});
