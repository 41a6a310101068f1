import { describe, expect, test } from "vitest";
import type { AttentionItem } from "~/lib/attention/attention-types";
import {
  GROUP_LISTED,
  areaOverview,
  overviewAreas,
  attentionGroups,
  dashboardKind,
  dashboardView,
  type DashboardContext,
  type DashboardRows,
} from "~/lib/organizations/dashboard-view.server";

// The per-role dashboard's data, from plain rows: the viewer's items grouped by kind, the overview
// by desk, the newest assessment per framework, and only as much of the audit trail as it shows.

const at = new Date("2025-06-01T08:00:00Z");
const today = "2025-06-15";

let serial = 0;
function item(overrides: Partial<AttentionItem>): AttentionItem {
  serial += 1;
  return {
    kind: "inspection_due",
    key: `k${serial}`,
    recordId: `r${serial}`,
    reference: null,
    title: { zh: `标题 ${serial}`, en: `Title ${serial}` },
    state: "due_today",
    dueOn: today,
    href: `/x/${serial}`,
    siteId: null,
    ownerUserId: null,
    roles: ["security"],
    ...overrides,
  };
}

function rows(over: Partial<DashboardRows> = {}): DashboardRows {
  return { mine: [], organization: null, coverage: null, assessments: null, dossiers: null, sites: null, members: null, training: null, activity: null, ...over };
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

describe("which dashboard", () => {
  test("each role opens its own; owner and admin share the manager's", () => {
    expect(dashboardKind("security")).toBe("guard");
    expect(dashboardKind("security_lead")).toBe("lead");
    expect(dashboardKind("owner")).toBe("manager");
    expect(dashboardKind("admin")).toBe("manager");
    expect(["procurement", "hr", "compliance", "auditor"].map((r) => dashboardKind(r as "hr"))).toEqual(["procurement", "hr", "compliance", "auditor"]);
  });
});

describe("attentionGroups", () => {
  test("kinds with something overdue come first; each lists its first lines and links to the rest", () => {
    const visitors = item({ kind: "visitor_on_site", state: "waiting", dueOn: null });
    const rounds = Array.from({ length: GROUP_LISTED + 2 }, () => item({ kind: "inspection_due" }));
    const action = item({ kind: "action_due", state: "overdue", dueOn: "2025-06-10", ownerUserId: "u1", roles: [] });
    const groups = attentionGroups([...rounds, visitors, action]);
    expect(groups.map((g) => g.kind)).toEqual(["action_due", "inspection_due", "visitor_on_site"]);
    expect(groups[0]).toMatchObject({ total: 1, overdue: 1, moreHref: null });
    expect(groups[1]?.lines).toHaveLength(GROUP_LISTED);
    expect(groups[1]).toMatchObject({ total: GROUP_LISTED + 2, moreHref: "/schedules" });
    expect(groups[1]?.lines[0]).toEqual({ key: rounds[0]?.key, reference: null, title: rounds[0]?.title, state: "due_today", dueOn: today, href: rounds[0]?.href });
  });

  test("your own actions' full list is the filtered one", () => {
    const many = Array.from({ length: GROUP_LISTED + 1 }, () => item({ kind: "action_due", ownerUserId: "u1", roles: [] }));
    expect(attentionGroups(many)[0]?.moreHref).toBe("/actions?mine=1");
  });
});

describe("areaOverview", () => {
  test("counts by desk, in the desks' order, each count opening its list; empty desks left out", () => {
    const areas = areaOverview([
      item({ kind: "evaluation_due", state: "overdue" }),
      item({ kind: "evaluation_due" }),
      item({ kind: "inspection_due" }),
      item({ kind: "evaluation_decision", state: "waiting" }),
    ]);
    expect(areas).toEqual([
      { area: "gate", kinds: [{ kind: "inspection_due", total: 1, overdue: 0, href: "/schedules" }] },
      { area: "purchasing", kinds: [{ kind: "evaluation_due", total: 2, overdue: 1, href: "/partners?due=1" }] },
      { area: "compliance", kinds: [{ kind: "evaluation_decision", total: 1, overdue: 0, href: "/partners" }] },
    ]);
  });
});

describe("overviewAreas", () => {
  test("managers and auditors see every desk, the security lead the gate's, the others none", () => {
    expect(overviewAreas("manager")).toHaveLength(6);
    expect(overviewAreas("auditor")).toEqual(overviewAreas("manager"));
    expect(overviewAreas("lead")).toEqual(["gate", "supervision", "actions"]);
    for (const kind of ["guard", "procurement", "hr", "compliance"] as const) expect(overviewAreas(kind)).toEqual([]);
  });
});

describe("dashboardView", () => {
  test("a guard's view: their groups, no overview, nothing of the organisation's registers", () => {
    const view = dashboardView(rows({ mine: [item({})] }), context);
    expect(view.kind).toBe("guard");
    expect(view.groups.map((g) => g.kind)).toEqual(["inspection_due"]);
    expect(view).toMatchObject({ overview: null, assessments: null, dossiers: null, sites: null, members: null, activity: null });
    expect(view.organization).toEqual({ ...context.organization, statuses: [] });
  });

  test("the manager's view carries the overview of the organisation's items", () => {
    const view = dashboardView(rows({ organization: [item({ kind: "exit_overdue", state: "overdue" })], members: 7 }), { ...context, role: "owner" });
    expect(view.kind).toBe("manager");
    expect(view.overview).toEqual([{ area: "people", kinds: [{ kind: "exit_overdue", total: 1, overdue: 1, href: "/personnel?exit=overdue" }] }]);
    expect(view.members).toBe(7);
  });

  test("assessments: the newest of each framework only", () => {
    const outcome = { answered: 3, total: 94, passed: null, score: null };
    const assessment = (id: string, code: string, assessedOn: string) => ({
      assessment: { id, title: `SA ${id}`, status: "draft", assessedOn },
      framework: { code },
      outcome,
      reference: `SA-2025-${id}`,
    });
    const list = [assessment("3", "cn-2022-advanced", "2025-06-01"), assessment("2", "cn-2022-advanced", "2025-01-01"), assessment("1", "ctpat-msc", "2024-12-01")];
    const view = dashboardView(rows({ assessments: list as unknown as DashboardRows["assessments"] }), { ...context, role: "compliance" });
    expect(view.assessments?.map((a) => [a.id, a.frameworkCode])).toEqual([
      ["3", "cn-2022-advanced"],
      ["1", "ctpat-msc"],
    ]);
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
    expect(zh?.[0]).toEqual({ id: "a0", action: "update", entityType: "site", entityId: "s1", actorName: "王伟", actorEmail: "w@example.cn", occurredAt: at, label: "上海仓" });
    expect(dashboardView(rows({ activity }), { ...context, locale: "en" }).activity?.[0]?.label).toBe("Shanghai warehouse");
  });
});
