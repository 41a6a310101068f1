import { describe, expect, test } from "vitest";
import type { Criterion } from "../../../db/schema";
import { actionView, canManageActions, EXCERPT_CHARS, type ActionRows } from "~/lib/actions/action-view.server";

// The corrective action's page data, from plain rows: the reference and days overdue, the criterion
// excerpt, and what the owner, another member and a manager may do.

const at = new Date("2025-06-01T08:00:00Z");

const action = {
  id: "a1",
  organizationId: "o1",
  number: 12,
  sourceType: "inspection",
  sourceId: "i1",
  sourceItemKey: null,
  criterionId: "c1",
  title: "修理围栏",
  description: "",
  ownerUserId: "u-owner",
  dueOn: "2025-06-10",
  status: "open",
  closingNote: null,
  closingFileId: null,
  closedAt: null,
  closedByUserId: null,
  createdByUserId: "u-manager",
  createdAt: at,
  updatedAt: at,
} as ActionRows["action"];

const criterion = {
  id: "c1",
  key: "4.1",
  code: "4.1",
  level: "item",
  part: null,
  titleZh: "围栏",
  titleEn: "Fences",
  textZh: "长".repeat(EXCERPT_CHARS + 20),
  textEn: "Short text",
} as Criterion;

function rows(over: Partial<ActionRows> = {}): ActionRows {
  return {
    action,
    ownerName: "王伟",
    criterion,
    parent: { code: null, part: null, level: null },
    frameworkCode: "cn-2022-advanced",
    frameworkVersion: "2022",
    source: { type: "inspection", id: "i1", reference: "INS-0001", href: "/inspections/i1", point: null },
    titles: { zh: "修理围栏", en: "修理围栏" },
    closingFile: null,
    createdByName: "李经理",
    closedByName: null,
    ...over,
  } as ActionRows;
}

const members = [
  { userId: "u-owner", name: "王伟" },
  { userId: "u-manager", name: "李经理" },
];

describe("actionView", () => {
  test("maps the action with its reference and days overdue on the organisation's day", () => {
    const view = actionView(rows(), { userId: "u-owner", role: "security", today: "2025-06-15" }, []);
    expect(view.action.reference).toMatch(/12/);
    expect(view.action.daysOverdue).toBe(5);
    expect(view.action.ownerName).toBe("王伟");
    expect(view.source).toEqual({ type: "inspection", href: "/inspections/i1", reference: "INS-0001" });
    expect(actionView(rows(), { userId: "u-owner", role: "security", today: "2025-06-01" }, []).action.daysOverdue).toBe(0);
  });

  test("the criterion's text is cut to an excerpt; without a framework there is no criterion", () => {
    const view = actionView(rows(), { userId: "u-owner", role: "security", today: "2025-06-01" }, []);
    expect(view.criterion?.textZh).toBe(`${"长".repeat(EXCERPT_CHARS)}…`);
    expect(view.criterion?.textEn).toBe("Short text");
    expect(view.criterion?.frameworkCode).toBe("cn-2022-advanced");
    expect(actionView(rows({ frameworkCode: null }), { userId: "u-owner", role: "security", today: "2025-06-01" }, []).criterion).toBeNull();
  });

  test("the owner may update but not cancel or reassign; another member may do neither", () => {
    const owner = actionView(rows(), { userId: "u-owner", role: "security", today: "2025-06-01" }, members);
    expect([owner.isOwner, owner.canUpdate, owner.canCancel, owner.members]).toEqual([true, true, false, []]);
    const other = actionView(rows(), { userId: "u-other", role: "security", today: "2025-06-01" }, members);
    expect([other.isOwner, other.canUpdate]).toEqual([false, false]);
  });

  test("a manager may update, cancel and reassign to the members", () => {
    expect(canManageActions("compliance")).toBe(true);
    expect(canManageActions("security")).toBe(false);
    const manager = actionView(rows(), { userId: "u-manager", role: "compliance", today: "2025-06-01" }, members);
    expect([manager.canUpdate, manager.canCancel]).toEqual([true, true]);
    expect(manager.members).toEqual(members);
  });

  test("the closing file carries only its id, name, digest and size", () => {
    const closingFile = { id: "f1", originalName: "photo.jpg", sha256: "ab", sizeBytes: 2048, organizationId: "o1" } as ActionRows["closingFile"];
    const view = actionView(rows({ closingFile }), { userId: "u-owner", role: "security", today: "2025-06-01" }, []);
    expect(view.closingFile).toEqual({ id: "f1", name: "photo.jpg", sha256: "ab", sizeBytes: 2048 });
  });

  test("a closure that holds a release is verified by a supervisor who neither inspected nor closed it", () => {
    const waiting = rows({ action: { ...action, status: "awaiting_verification", closedByUserId: "u-owner" } as ActionRows["action"] });
    const gate = { inspectorUserId: "u-inspector" };
    const lead = actionView(waiting, { userId: "u-lead", role: "security_lead", today: "2025-06-01" }, [], gate);
    expect([lead.needsVerification, lead.canVerify, lead.verifyBlockedBy]).toEqual([true, true, null]);
    const inspector = actionView(waiting, { userId: "u-inspector", role: "security_lead", today: "2025-06-01" }, [], gate);
    expect([inspector.canVerify, inspector.verifyBlockedBy]).toEqual([false, "actions.verifyOwnInspection"]);
    const closer = actionView(waiting, { userId: "u-owner", role: "owner", today: "2025-06-01" }, [], gate);
    expect([closer.canVerify, closer.verifyBlockedBy]).toEqual([false, "actions.verifyOwnClosure"]);
    const guard = actionView(waiting, { userId: "u-guard", role: "security", today: "2025-06-01" }, [], gate);
    expect([guard.canVerify, guard.verifyBlockedBy]).toEqual([false, null]);
    // Nothing to verify while the action is still open.
    expect(actionView(rows(), { userId: "u-lead", role: "security_lead", today: "2025-06-01" }, [], gate).canVerify).toBe(false);
  });
});
