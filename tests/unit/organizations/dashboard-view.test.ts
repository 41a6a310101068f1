import { describe, expect, test } from "vitest";
import { dashboardView, type DashboardContext, type DashboardRows } from "~/lib/organizations/dashboard-view.server";

// The dashboard's data, from plain rows: the partner and schedule lines with their references, the
// inspections that need someone, and only as much of the audit trail as its one-line summary shows.

const at = new Date("2025-06-01T08:00:00Z");
const today = "2025-06-15";

const partner = { id: "p1", number: 12, legalNameZh: "上海物流有限公司", legalNameEn: "Shanghai Logistics Co.", status: "approved" as const };

function schedule(id: string, status: { state: "due"; period: { start: string; end: string } } | { state: "overdue"; missed: { start: string; end: string } }) {
  return {
    schedule: { id, templateCode: "container-7-point", siteId: "s1", frequency: "daily", active: true },
    templateTitleZh: "集装箱七点检查",
    templateTitleEn: "7-point container inspection",
    siteNameZh: "上海仓",
    siteNameEn: "Shanghai warehouse",
    status,
  };
}

function rows(over: Partial<DashboardRows> = {}): DashboardRows {
  return {
    sites: [{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse", kind: "warehouse", organizationId: "o1" }] as unknown as DashboardRows["sites"],
    members: 7,
    activity: null,
    coverage: [],
    due: { due: [], overdue: [] },
    attention: [],
    scheduleCount: 0,
    partnerWatch: {
      due: [],
      dueCount: { total: 0, more: false },
      expiring: [],
      unbound: [],
      unboundCount: { total: 0, more: false },
      hasActive: false,
    } as unknown as DashboardRows["partnerWatch"],
    awaitingDecision: { rows: [], total: 0 } as unknown as DashboardRows["awaitingDecision"],
    training: [],
    overdueExits: null,
    visitorsOnSite: [],
    sealReports: { rows: [], total: 0 } as unknown as DashboardRows["sealReports"],
    ...over,
  };
}

const context: DashboardContext = {
  organization: {
    customsCode: "3122260001",
    unifiedSocialCreditCode: "91310000MA1FL0001X",
    aeoStatus: "advanced",
    aeoCertificateNumber: "AEOCN3122260001",
    aeoNextRecertificationOn: "2026-03-01",
    enterpriseTypes: ["warehouse"],
  } as DashboardContext["organization"],
  role: "security",
  today,
  locale: "zh",
};

describe("dashboardView", () => {
  test("the organisation's identity, its sites and member count, as read", () => {
    const view = dashboardView(rows(), context);
    expect(view.organization).toEqual(context.organization);
    expect(view.sites).toEqual([{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse", kind: "warehouse" }]);
    expect(view.members).toBe(7);
    expect(view.activity).toBeNull();
    expect(view.overdueExits).toBeNull();
  });

  test("scheduled inspections: due by the period's end, overdue since the missed one; a guard may start them", () => {
    const view = dashboardView(
      rows({
        due: {
          due: [schedule("d1", { state: "due", period: { start: "2025-06-15", end: "2025-06-15" } })],
          overdue: [schedule("o1", { state: "overdue", missed: { start: "2025-06-13", end: "2025-06-14" } })],
        } as unknown as DashboardRows["due"],
        scheduleCount: 2,
      }),
      context,
    );
    expect(view.inspections.canRecord).toBe(true);
    expect(view.inspections.scheduleCount).toBe(2);
    expect(view.inspections.due).toEqual([
      {
        id: "d1",
        templateCode: "container-7-point",
        siteId: "s1",
        templateTitleZh: "集装箱七点检查",
        templateTitleEn: "7-point container inspection",
        siteNameZh: "上海仓",
        siteNameEn: "Shanghai warehouse",
        frequency: "daily",
        dueBy: "2025-06-15",
        missedSince: null,
      },
    ]);
    expect(view.inspections.overdue[0]).toMatchObject({ id: "o1", dueBy: null, missedSince: "2025-06-14" });
    expect(dashboardView(rows(), { ...context, role: "auditor" }).inspections.canRecord).toBe(false);
  });

  test("inspections needing someone: those waiting for a signature, and those blocked from release with their container", () => {
    const attention = [
      { id: "i1", reference: "INS-0001", titleZh: "甲", titleEn: "A", containerNumber: "MSCU1234565", awaitingSignoff: true, release: { state: "awaiting_signoff" } },
      { id: "i2", reference: "INS-0002", titleZh: "乙", titleEn: "B", containerNumber: "TGHU7654321", awaitingSignoff: false, release: { state: "blocked", openActions: 2 } },
    ] as unknown as DashboardRows["attention"];
    const view = dashboardView(rows({ attention }), context);
    expect(view.inspections.awaitingSignoff).toEqual([{ id: "i1", reference: "INS-0001", titleZh: "甲", titleEn: "A" }]);
    expect(view.inspections.blocked).toEqual([{ id: "i2", reference: "INS-0002", titleZh: "乙", titleEn: "B", containerNumber: "TGHU7654321" }]);
  });

  test("partners: each line with its reference, the counts and whether there are more than listed", () => {
    const view = dashboardView(
      rows({
        partnerWatch: {
          due: [{ ...partner, nextEvaluationOn: "2025-06-01", evaluationStatus: "draft" }],
          dueCount: { total: 30, more: true },
          expiring: [{ ...partner, id: "p2", number: 13, aeoValidUntil: "2025-07-01", aeoProgramme: "cn_advanced" }],
          unbound: [{ ...partner, id: "p3", number: 14 }],
          unboundCount: { total: 1, more: false },
          hasActive: true,
        } as unknown as DashboardRows["partnerWatch"],
        awaitingDecision: {
          rows: [{ evaluation: { id: "e1", number: 3, status: "submitted" }, partner }],
          total: 1,
        } as unknown as DashboardRows["awaitingDecision"],
      }),
      context,
    );
    const line = { id: "p1", reference: "TP-00012", legalNameZh: "上海物流有限公司", legalNameEn: "Shanghai Logistics Co.", status: "approved" };
    expect(view.partners).toEqual({
      today,
      awaitingDecisionCount: 1,
      awaitingDecision: [{ id: "e1", reference: "EV-00003", status: "submitted", partner: line }],
      due: [{ ...line, nextEvaluationOn: "2025-06-01", evaluationStatus: "draft" }],
      dueCount: 30,
      dueMore: true,
      expiring: [{ ...line, id: "p2", reference: "TP-00013", aeoValidUntil: "2025-07-01", aeoProgramme: "cn_advanced" }],
      unbound: [{ ...line, id: "p3", reference: "TP-00014" }],
      unboundCount: 1,
      unboundMore: false,
      hasActive: true,
    });
  });

  test("activity: the ten newest events, without their before and after, labelled in the reader's language", () => {
    const events = Array.from({ length: 12 }, (_, i) => ({
      id: `a${i}`,
      action: "update",
      entityType: "site",
      entityId: "s1",
      actorName: "王伟",
      actorEmail: "w@example.cn",
      occurredAt: at,
      before: { nameZh: "旧仓", nameEn: "Old warehouse" },
      after: { nameZh: "上海仓", nameEn: "Shanghai warehouse" },
    }));
    const activity = { rows: events, total: 12 } as unknown as NonNullable<DashboardRows["activity"]>;
    const zh = dashboardView(rows({ activity }), context).activity;
    expect(zh).toHaveLength(10);
    expect(zh?.[0]).toEqual({
      id: "a0",
      action: "update",
      entityType: "site",
      entityId: "s1",
      actorName: "王伟",
      actorEmail: "w@example.cn",
      occurredAt: at,
      label: "上海仓",
    });
    expect(dashboardView(rows({ activity }), { ...context, locale: "en" }).activity?.[0]?.label).toBe("Shanghai warehouse");
  });

  test("what other modules read passes through as read", () => {
    const training = [{ framework: "cn-2022-advanced" }] as unknown as DashboardRows["training"];
    const overdueExits = [{ id: "x1" }] as unknown as DashboardRows["overdueExits"];
    const coverage = [{ code: "cn-2022-advanced" }] as unknown as DashboardRows["coverage"];
    const view = dashboardView(rows({ training, overdueExits, coverage }), context);
    expect(view.training).toBe(training);
    expect(view.overdueExits).toBe(overdueExits);
    expect(view.coverage).toBe(coverage);
  });
});
