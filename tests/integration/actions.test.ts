// Corrective actions: raised from a self-assessment within the improvement period, listed overdue
// first at /actions, progressed and closed (with a closing note and evidence file) at /actions/:id.
import { addDays, format, parseISO } from "date-fns";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// Uploaded bytes go to a directory of this file's own. Set before any app module reads env(),
// which caches (vi.hoisted runs ahead of the imports below).
const filesDirectory = await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("action"));

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { auditEvents, correctiveActions, evidenceFiles, evidenceLinks } from "../../db/schema";
import { improvementDeadline } from "~/lib/actions/action-schema";
import { listActions } from "~/lib/actions/action-queries.server";
import { createActionFromAssessment } from "~/lib/actions/actions.server";
import { createAssessment, saveResult } from "~/lib/assessments/assessments.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { getFramework, getCriterion } from "~/lib/criteria/criteria.server";
import { filesDir } from "~/lib/evidence/file-store.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { todayInZone } from "~/lib/i18n/format";
import * as actionRoute from "~/routes/_app.actions.$actionId/route";
import * as actionsRoute from "~/routes/_app.actions._index";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, keyOf } from "../support/requests";
import { countRows, testDb } from "../support/test-database";


type Actor = { organizationId: string; userId: string };

const actorOf = (who: { userId: string }, org: SignedUp): Actor => ({ organizationId: org.organizationId, userId: who.userId });

function shift(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

/** A cn-2014-general assessment with the given results saved (criterion key -> result). */
async function assessmentWith(actor: Actor, assessedOn: string, results: Record<string, "meets" | "partly_meets" | "fails">) {
  const id = await createAssessment(testDb(), actor, { framework: "cn-2014-general", title: `Self-assessment ${assessedOn}`, assessedOn });
  for (const [criterion, result] of Object.entries(results)) {
    const saved = await saveResult(testDb(), actor, id, { intent: "result", criterion, result, explanation: "", policies: [] }, null);
    expect(saved).toEqual({ ok: true });
  }
  return id;
}

function newAction(overrides: Partial<{ criterion: string; title: string; description: string; ownerUserId: string; dueOn: string }>) {
  return {
    intent: "action" as const,
    criterion: "1",
    title: "Designate the senior customs manager in writing",
    description: "Board resolution and job description",
    ownerUserId: "",
    dueOn: "",
    ...overrides,
  };
}

async function createOk(actor: Actor, assessmentId: string, values: ReturnType<typeof newAction>): Promise<string> {
  const created = await createActionFromAssessment(testDb(), actor, assessmentId, values);
  if (!created?.ok) throw new Error(`action not created: ${JSON.stringify(created)}`);
  return created.id;
}

async function actionRow(id: string) {
  const [row] = await testDb().select().from(correctiveActions).where(eq(correctiveActions.id, id));
  if (!row) throw new Error("action missing");
  return row;
}

const countOf = (table: string, orgId: string) => countRows(table, sql`organization_id = ${orgId}`);

const pdfBytes = new TextEncoder().encode(
  `%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n% closing evidence ${Math.random()}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
);

function updateForm(fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string; type: string }): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append("file", new File([file.bytes], file.name, { type: file.type }));
  return form;
}

function postUpdate(cookie: string, actionId: string, form: FormData) {
  return callAction(actionRoute, `/actions/${actionId}`, form, { cookie, params: { actionId } });
}

describe("creating an action from a self-assessment", () => {
  const assessedOn = "2026-01-10";
  let org: SignedUp;
  let member: Member;
  let assessmentId: string;

  beforeAll(async () => {
    org = await signUpOrganization();
    member = await addMember(org.cookie, "security");
    assessmentId = await assessmentWith(actorOf(org, org), assessedOn, { "1": "fails", "2": "meets", "9": "fails" });
  });

  test("a due date exactly 90 days after the assessment date is accepted, numbered and audited", async () => {
    const dueOn = improvementDeadline(assessedOn, 90);
    expect(dueOn).toBe("2026-04-10");
    const id = await createOk(actorOf(org, org), assessmentId, newAction({ ownerUserId: member.userId, dueOn }));
    const row = await actionRow(id);
    expect(row).toMatchObject({
      organizationId: org.organizationId,
      sourceType: "assessment",
      sourceId: assessmentId,
      ownerUserId: member.userId,
      dueOn,
      status: "open",
      createdByUserId: org.userId,
      closedAt: null,
    });
    expect(actionReference(row.number)).toBe("CA-0001");
    const [event] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "corrective_action"), eq(auditEvents.entityId, id)));
    expect(event).toMatchObject({ action: "create", actorUserId: org.userId });
  });

  test("91 days is refused with the deadline in the message, and nothing is written", async () => {
    const actions = await countOf("corrective_actions", org.organizationId);
    const events = await countOf("audit_events", org.organizationId);
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(org, org),
      assessmentId,
      newAction({ ownerUserId: member.userId, dueOn: "2026-04-11" }),
    );
    expect(outcome).toMatchObject({ ok: false });
    const dueError = outcome && !outcome.ok ? outcome.errors.dueOn : undefined;
    expect(keyOf(dueError)).toBe("actions.dueTooLate");
    expect(dueError).toContain("2026-04-10");
    // The message the user reads names the last allowed day and the rule.
    const [, values] = (dueError ?? "").split("|");
    const t = createI18n("en").t as unknown as (key: string, values: object) => string;
    const text = t("actions.dueTooLate", JSON.parse(values ?? "{}") as object);
    expect(text).toBe("The due date must be no later than 2026-04-10: at most 90 days after the assessment date 2026-01-10.");
    expect(await countOf("corrective_actions", org.organizationId)).toBe(actions);
    expect(await countOf("audit_events", org.organizationId)).toBe(events);
  });

  test("a due date before the assessment date is refused", async () => {
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(org, org),
      assessmentId,
      newAction({ ownerUserId: member.userId, dueOn: "2026-01-09" }),
    );
    expect(outcome && !outcome.ok && keyOf(outcome.errors.dueOn)).toBe("actions.dueBeforeAssessment");
  });

  test("a criterion that may not be improved (2014 item 9) is refused", async () => {
    const actions = await countOf("corrective_actions", org.organizationId);
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(org, org),
      assessmentId,
      newAction({ criterion: "9", ownerUserId: member.userId, dueOn: "2026-02-01" }),
    );
    expect(outcome && !outcome.ok && keyOf(outcome.errors.form)).toBe("actions.notImprovable");
    expect(await countOf("corrective_actions", org.organizationId)).toBe(actions);
  });

  test("a criterion that was met needs no corrective action", async () => {
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(org, org),
      assessmentId,
      newAction({ criterion: "2", ownerUserId: member.userId, dueOn: "2026-02-01" }),
    );
    expect(outcome && !outcome.ok && keyOf(outcome.errors.criterion)).toBe("actions.criterionNotFailed");
  });

  test("an owner who is not a member of the organisation is refused", async () => {
    const stranger = await signUpOrganization();
    const actions = await countOf("corrective_actions", org.organizationId);
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(org, org),
      assessmentId,
      newAction({ ownerUserId: stranger.userId, dueOn: "2026-02-01" }),
    );
    expect(outcome && !outcome.ok && keyOf(outcome.errors.ownerUserId)).toBe("errors.choose");
    expect(await countOf("corrective_actions", org.organizationId)).toBe(actions);
  });

  test("another organisation's assessment is not found", async () => {
    const other = await signUpOrganization();
    const outcome = await createActionFromAssessment(
      testDb(),
      actorOf(other, other),
      assessmentId,
      newAction({ ownerUserId: other.userId, dueOn: "2026-02-01" }),
    );
    expect(outcome).toBeNull();
  });
});

describe("the list at /actions", () => {
  let org: SignedUp;
  let member: Member;
  let today: string;
  const ids: Record<string, string> = {};
  let otherOrgActionId: string;

  type ListData = {
    actions: { id: string; reference: string; overdue: boolean; daysOverdue: number; status: string; mine: boolean; source: { href: string; reference: string } | null; criterion: { frameworkCode: string; key: string; code: { zh: string } } | null }[];
    counts: { open: number; closed: number; all: number };
    hasAny: boolean;
    filter: { status: string; mine: boolean };
  };
  const list = (cookie: string, query = "") => callLoader<ListData>(actionsRoute, `/actions${query}`, { cookie });
  const order = (data: ListData) => data.actions.map((a) => Object.entries(ids).find(([, id]) => id === a.id)?.[0] ?? "?");

  beforeAll(async () => {
    org = await signUpOrganization();
    member = await addMember(org.cookie, "security");
    // "Overdue" is about the organisation's calendar day (Asia/Shanghai by default).
    today = todayInZone("Asia/Shanghai");
    const owner = actorOf(org, org);
    const earlier = await assessmentWith(owner, shift(today, -60), { "1": "fails", "2": "partly_meets" });
    const recent = await assessmentWith(owner, today, { "1": "fails" });
    ids.overdue50 = await createOk(owner, earlier, newAction({ title: "Overdue 50", ownerUserId: member.userId, dueOn: shift(today, -50) }));
    ids.overdue5 = await createOk(owner, earlier, newAction({ criterion: "2", title: "Overdue 5", ownerUserId: org.userId, dueOn: shift(today, -5) }));
    ids.closed = await createOk(owner, earlier, newAction({ title: "Closed", ownerUserId: org.userId, dueOn: shift(today, -20) }));
    ids.soon = await createOk(owner, recent, newAction({ title: "Due soon", ownerUserId: org.userId, dueOn: shift(today, 3) }));
    ids.later = await createOk(owner, recent, newAction({ title: "Due later", ownerUserId: member.userId, dueOn: shift(today, 10) }));
    ids.dueToday = await createOk(owner, recent, newAction({ title: "Due today", ownerUserId: member.userId, dueOn: today }));
    const closed = await postUpdate(org.cookie, ids.closed, updateForm({ status: "done", closingNote: "Done early." }));
    expect(closed.status, JSON.stringify(closed.data)).toBe(302);

    const other = await signUpOrganization();
    const otherAssessment = await assessmentWith(actorOf(other, other), today, { "1": "fails" });
    otherOrgActionId = await createOk(actorOf(other, other), otherAssessment, newAction({ ownerUserId: other.userId, dueOn: today }));
  });

  test("open actions: overdue first (most overdue first), then by due date; due today is not overdue", async () => {
    const { status, data } = await list(org.cookie);
    expect(status).toBe(200);
    expect(data.filter).toEqual({ status: "open", mine: false });
    expect(order(data)).toEqual(["overdue50", "overdue5", "dueToday", "soon", "later"]);
    expect(data.actions.map((a) => [a.overdue, a.daysOverdue])).toEqual([
      [true, 50],
      [true, 5],
      [false, 0],
      [false, 0],
      [false, 0],
    ]);
    expect(data.counts).toEqual({ open: 5, closed: 1, all: 6 });
    const first = data.actions[0];
    expect(first?.criterion).toMatchObject({ frameworkCode: "cn-2014-general", key: "1", code: { zh: "1" } });
    expect(first?.source?.reference).toMatch(/^SA-\d{4}-\d{4}$/);
    expect(data.actions.map((a) => a.reference)).toContain("CA-0001");
  });

  test("closed and all; a closed action is never overdue", async () => {
    const closed = await list(org.cookie, "?status=closed");
    expect(order(closed.data)).toEqual(["closed"]);
    expect(closed.data.actions[0]).toMatchObject({ status: "done", overdue: false });
    const all = await list(org.cookie, "?status=all");
    expect(order(all.data)).toEqual(["overdue50", "overdue5", "closed", "dueToday", "soon", "later"]);
  });

  test("mine: only the signed-in member's actions", async () => {
    const mine = await list(member.cookie, "?mine=1");
    expect(mine.data.filter).toEqual({ status: "open", mine: true });
    expect(order(mine.data)).toEqual(["overdue50", "dueToday", "later"]);
    expect(mine.data.actions.every((a) => a.mine)).toBe(true);
    expect(mine.data.counts).toEqual({ open: 3, closed: 0, all: 3 });
    const ownerMine = await list(org.cookie, "?mine=1&status=all");
    expect(order(ownerMine.data)).toEqual(["overdue5", "closed", "soon"]);
  });

  test("an unknown filter value shows the open list", async () => {
    const odd = await list(org.cookie, "?status=everything&mine=yes");
    expect(odd.data.filter).toEqual({ status: "open", mine: false });
    expect(odd.data.actions).toHaveLength(5);
  });

  test("listActions takes 'today' from the caller: tomorrow, the action due today is overdue by 1 day", async () => {
    const rows = await listActions(testDb(), org.organizationId, org.userId, { status: "open" }, shift(today, 1));
    const dueToday = rows.find((r) => r.action.id === ids.dueToday);
    expect(dueToday).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  test("another organisation's actions never appear; an organisation without actions is told where they come from", async () => {
    const all = await list(org.cookie, "?status=all");
    expect(all.data.actions.map((a) => a.id)).not.toContain(otherOrgActionId);
    const empty = await signUpOrganization();
    const none = await list(empty.cookie);
    expect(none.data).toMatchObject({ actions: [], hasAny: false, counts: { open: 0, closed: 0, all: 0 } });
    // A member with nothing of their own still belongs to an organisation that has actions.
    const auditor = await addMember(org.cookie, "auditor");
    const nothingMine = await list(auditor.cookie, "?mine=1");
    expect(nothingMine.data).toMatchObject({ actions: [], hasAny: true });
  });
});

describe("updating an action at /actions/:actionId", () => {
  let org: SignedUp;
  let owner: Member;
  let bystander: Member;
  let compliance: Member;
  let assessmentId: string;
  let criterionId: string;

  beforeAll(async () => {
    org = await signUpOrganization();
    owner = await addMember(org.cookie, "security");
    bystander = await addMember(org.cookie, "procurement");
    compliance = await addMember(org.cookie, "compliance");
    assessmentId = await assessmentWith(actorOf(org, org), todayInZone("Asia/Shanghai"), { "1": "fails" });
    const framework = await getFramework(testDb(), "cn-2014-general");
    const criterion = framework ? await getCriterion(testDb(), framework.id, "1") : null;
    if (!criterion) throw new Error("criterion 1 missing");
    criterionId = criterion.id;
  });

  async function freshAction(): Promise<string> {
    return createOk(actorOf(org, org), assessmentId, newAction({ ownerUserId: owner.userId, dueOn: todayInZone("Asia/Shanghai") }));
  }

  test("the page shows the action, and who may update it", async () => {
    const id = await freshAction();
    type Page = { action: { reference: string; status: string; ownerName: string; createdByName: string }; canUpdate: boolean; canCancel: boolean; criterion: { key: string; textZh: string } | null; source: { type: string; href: string } | null };
    const asOwner = await callLoader<Page>(actionRoute, `/actions/${id}`, { cookie: owner.cookie, params: { actionId: id } });
    expect(asOwner.status).toBe(200);
    expect(asOwner.data).toMatchObject({
      action: { status: "open", ownerName: owner.name, createdByName: org.name },
      canUpdate: true,
      canCancel: false,
      criterion: { key: "1" },
      source: { type: "assessment", href: `/assessments/${assessmentId}` },
    });
    expect(asOwner.data.criterion?.textZh).toContain("高级管理人员");
    const asBystander = await callLoader<Page>(actionRoute, `/actions/${id}`, { cookie: bystander.cookie, params: { actionId: id } });
    expect(asBystander.data).toMatchObject({ canUpdate: false, canCancel: false });
    const asCompliance = await callLoader<Page>(actionRoute, `/actions/${id}`, { cookie: compliance.cookie, params: { actionId: id } });
    expect(asCompliance.data).toMatchObject({ canUpdate: true, canCancel: true });
  });

  test("the owner progresses it to in progress", async () => {
    const id = await freshAction();
    const outcome = await postUpdate(owner.cookie, id, updateForm({ status: "in_progress", closingNote: "" }));
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/actions/${id}?saved=1`);
    expect(await actionRow(id)).toMatchObject({ status: "in_progress", closedAt: null, closingNote: null });
  });

  test("done without a closing note is a 400 and changes nothing", async () => {
    const id = await freshAction();
    const events = await countOf("audit_events", org.organizationId);
    const outcome = await postUpdate(owner.cookie, id, updateForm({ status: "done", closingNote: "  " }, { bytes: pdfBytes, name: "closing.pdf", type: "application/pdf" }));
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).closingNote)).toBe("actions.closingNoteRequired");
    expect(await actionRow(id)).toMatchObject({ status: "open", closedAt: null, closingFileId: null });
    expect(await countOf("audit_events", org.organizationId)).toBe(events);
    expect(await countOf("evidence_files", org.organizationId)).toBe(0);
  });

  test("the owner closes it with a note and a PDF: done, closed at/by, file stored, evidence link, audit event", async () => {
    const id = await freshAction();
    const before = Date.now();
    const outcome = await postUpdate(
      owner.cookie,
      id,
      updateForm({ status: "done", closingNote: "Resolution No. 7 designates the customs manager." }, { bytes: pdfBytes, name: "任命决议.pdf", type: "application/pdf" }),
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(outcome.location).toBe(`/actions/${id}?saved=1`);

    const row = await actionRow(id);
    expect(row).toMatchObject({ status: "done", closingNote: "Resolution No. 7 designates the customs manager.", closedByUserId: owner.userId });
    expect(row.closedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.closingFileId).toBeTruthy();

    const [file] = await testDb().select().from(evidenceFiles).where(eq(evidenceFiles.id, row.closingFileId ?? ""));
    expect(file).toMatchObject({ organizationId: org.organizationId, mediaType: "application/pdf", originalName: "任命决议.pdf", sizeBytes: pdfBytes.byteLength, uploadedByUserId: owner.userId });
    const stored = path.join(filesDir(), file!.sha256.slice(0, 2), file!.sha256);
    expect(stored.startsWith(path.resolve(filesDirectory))).toBe(true);
    expect(existsSync(stored)).toBe(true);
    expect(new Uint8Array(readFileSync(stored))).toEqual(pdfBytes);

    const links = await testDb()
      .select()
      .from(evidenceLinks)
      .where(and(eq(evidenceLinks.organizationId, org.organizationId), eq(evidenceLinks.recordId, file!.id)));
    expect(links).toMatchObject([{ criterionId, recordType: "file", linkedByUserId: owner.userId }]);

    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "corrective_action"), eq(auditEvents.entityId, id), eq(auditEvents.action, "update")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: owner.userId, before: { status: "open" }, after: { status: "done", closingFileId: file!.id } });
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);

    type Page = { action: { closedByName: string; closingNote: string }; closingFile: { id: string; sha256: string; name: string } | null };
    const page = await callLoader<Page>(actionRoute, `/actions/${id}?saved=1`, { cookie: org.cookie, params: { actionId: id } });
    expect(page.data.closingFile).toEqual({ id: file!.id, sha256: file!.sha256, name: "任命决议.pdf", sizeBytes: pdfBytes.byteLength });
    expect(page.data.action.closedByName).toBe(owner.name);
  });

  test("a file that is not an allowed type is refused before anything is saved", async () => {
    const id = await freshAction();
    const outcome = await postUpdate(
      owner.cookie,
      id,
      updateForm({ status: "done", closingNote: "See the attachment." }, { bytes: new TextEncoder().encode("#!/bin/sh\necho hi\n"), name: "fake.pdf", type: "application/pdf" }),
    );
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).file)).toBe("files.badType");
    expect(await actionRow(id)).toMatchObject({ status: "open" });
  });

  test("the owner (not a manager) may not cancel it", async () => {
    const id = await freshAction();
    const outcome = await postUpdate(owner.cookie, id, updateForm({ status: "cancelled", closingNote: "Not needed." }));
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).status)).toBe("actions.cancelManagersOnly");
    expect(await actionRow(id)).toMatchObject({ status: "open", closedAt: null });
  });

  test("a member who is neither the owner nor a manager is refused (403) and nothing changes", async () => {
    const id = await freshAction();
    const events = await countOf("audit_events", org.organizationId);
    const outcome = await postUpdate(bystander.cookie, id, updateForm({ status: "done", closingNote: "I did it." }));
    expect(outcome.status).toBe(403);
    expect(keyOf(errorsOf(outcome).form)).toBe("actions.notYours");
    expect(await actionRow(id)).toMatchObject({ status: "open" });
    expect(await countOf("audit_events", org.organizationId)).toBe(events);
  });

  test("a compliance manager cancels it; afterwards the owner can no longer change it", async () => {
    const id = await freshAction();
    const cancelled = await postUpdate(compliance.cookie, id, updateForm({ status: "cancelled", closingNote: "Covered by CA-0001." }));
    expect(cancelled.status, JSON.stringify(cancelled.data)).toBe(302);
    expect(await actionRow(id)).toMatchObject({ status: "cancelled", closedByUserId: compliance.userId });
    const reopen = await postUpdate(owner.cookie, id, updateForm({ status: "open", closingNote: "" }));
    expect(reopen.status).toBe(403);
    expect(await actionRow(id)).toMatchObject({ status: "cancelled" });
    const reopened = await postUpdate(compliance.cookie, id, updateForm({ status: "open", closingNote: "" }));
    expect(reopened.status).toBe(302);
    expect(await actionRow(id)).toMatchObject({ status: "open", closedAt: null, closedByUserId: null });
  });

  test("another organisation's action is a 404 for the page and the form, and stays as it was", async () => {
    const id = await freshAction();
    const other = await signUpOrganization();
    const page = await callLoader(actionRoute, `/actions/${id}`, { cookie: other.cookie, params: { actionId: id } });
    expect(page.status).toBe(404);
    const post = await postUpdate(other.cookie, id, updateForm({ status: "done", closingNote: "Taken over." }));
    expect(post.status).toBe(404);
    expect(await actionRow(id)).toMatchObject({ status: "open" });
  });
});
