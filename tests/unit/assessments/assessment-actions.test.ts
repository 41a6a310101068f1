import { describe, expect, test } from "vitest";
import { summarizeAssessmentAction } from "~/lib/assessments/assessment-actions.server";

// How one corrective action reads in the report and the dossier: closed on the organisation's
// calendar day, in time when done on or before the due date.

const action = (overrides: Partial<Parameters<typeof summarizeAssessmentAction>[0]> = {}) => ({
  number: 12,
  title: "东侧装卸区增设夜间照明",
  ownerName: "李华",
  dueOn: "2026-04-15",
  status: "open" as const,
  closedAt: null,
  ...overrides,
});

describe("summarizeAssessmentAction", () => {
  test("an open action has its reference, owner and due date, and no closing", () => {
    expect(summarizeAssessmentAction(action(), "Asia/Shanghai")).toEqual({
      reference: "CA-0012",
      title: "东侧装卸区增设夜间照明",
      ownerName: "李华",
      dueOn: "2026-04-15",
      status: "open",
      closedOn: null,
      closedInTime: null,
    });
    expect(summarizeAssessmentAction(action({ status: "in_progress" }), "Asia/Shanghai")).toMatchObject({ closedOn: null, closedInTime: null });
  });

  test("done on the due date is in time; the day is the organisation's, not UTC's", () => {
    const onTheDay = new Date("2026-04-15T15:59:00Z"); // 23:59 in Shanghai
    const nextDay = new Date("2026-04-15T16:00:00Z"); // 00:00 on the 16th in Shanghai
    expect(summarizeAssessmentAction(action({ status: "done", closedAt: onTheDay }), "Asia/Shanghai")).toMatchObject({
      closedOn: "2026-04-15",
      closedInTime: true,
    });
    expect(summarizeAssessmentAction(action({ status: "done", closedAt: nextDay }), "Asia/Shanghai")).toMatchObject({
      closedOn: "2026-04-16",
      closedInTime: false,
    });
    expect(summarizeAssessmentAction(action({ status: "done", closedAt: nextDay }), "UTC")).toMatchObject({
      closedOn: "2026-04-15",
      closedInTime: true,
    });
  });

  test("a cancelled action has its closing day but is neither in time nor late", () => {
    expect(summarizeAssessmentAction(action({ status: "cancelled", closedAt: new Date("2026-04-01T02:00:00Z") }), "Asia/Shanghai")).toMatchObject({
      status: "cancelled",
      closedOn: "2026-04-01",
      closedInTime: null,
    });
  });
});
