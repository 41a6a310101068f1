import { describe, expect, test } from "vitest";
import { sessionRights, sessionView, type SessionRows } from "~/lib/training/session-view.server";

// The training session page's data, from plain rows: who may manage it, a session or a drill, the
// criteria it is evidence for, and the lists mapped.

const at = new Date("2025-06-01T08:00:00Z");

type Session = SessionRows["found"]["session"];

const session: Session = {
  id: "t1",
  organizationId: "o1",
  number: 4,
  category: "cargo_security",
  topic: "集装箱封志检查",
  heldOn: "2025-05-20",
  startTime: "09:30",
  durationMinutes: 90,
  siteId: "s1",
  trainer: "张老师",
  provider: null,
  testGiven: true,
  notes: null,
  scenario: null,
  observations: null,
  lessonsLearned: null,
  followUp: null,
  recordedByUserId: "u1",
  createdAt: at,
  updatedAt: at,
};

function rows(over: Partial<Session> = {}, rest: Partial<Omit<SessionRows, "found">> = {}, found: Partial<SessionRows["found"]> = {}): SessionRows {
  return {
    found: {
      session: { ...session, ...over },
      siteNameZh: "上海仓",
      siteNameEn: "Shanghai warehouse",
      recordedByName: "合规 张",
      materials: [],
      attendance: [],
      ...found,
    },
    labels: {},
    sites: [],
    candidates: { rows: [], more: false },
    departments: [],
    ...rest,
  };
}

describe("sessionRights", () => {
  test("HR and compliance manage training; security and auditors read it", () => {
    expect(sessionRights("hr")).toEqual({ canManage: true });
    expect(sessionRights("compliance")).toEqual({ canManage: true });
    expect(sessionRights("owner")).toEqual({ canManage: true });
    expect(sessionRights("security")).toEqual({ canManage: false });
    expect(sessionRights("auditor")).toEqual({ canManage: false });
  });
});

describe("sessionView", () => {
  test("a session read by an auditor: the details, no criteria, materials or attendance yet", () => {
    const view = sessionView(rows(), "auditor", "Asia/Shanghai", {});
    expect(view).toEqual({
      canManage: false,
      timeZone: "Asia/Shanghai",
      session: {
        id: "t1",
        reference: "TR-0004",
        drill: false,
        category: "cargo_security",
        topic: "集装箱封志检查",
        heldOn: "2025-05-20",
        startTime: "09:30",
        durationMinutes: 90,
        siteId: "s1",
        siteNameZh: "上海仓",
        siteNameEn: "Shanghai warehouse",
        trainer: "张老师",
        provider: null,
        testGiven: true,
        notes: null,
        scenario: null,
        observations: null,
        lessonsLearned: null,
        followUp: null,
        recordedByName: "合规 张",
        createdAt: at,
      },
      criteria: [],
      materials: [],
      attendance: [],
      picker: {},
      candidates: [],
      moreCandidates: false,
      departments: [],
      sites: [],
    });
  });

  test("a crisis drill is a drill; a session without a site has no site name", () => {
    const view = sessionView(
      rows({ category: "crisis_drill", siteId: null, scenario: "码头火警", followUp: "更新预案" }, {}, { siteNameZh: null, siteNameEn: null }),
      "hr",
      "Asia/Shanghai",
      {},
    );
    expect(view.session).toMatchObject({
      drill: true,
      category: "crisis_drill",
      siteId: null,
      siteNameZh: null,
      siteNameEn: null,
      scenario: "码头火警",
      followUp: "更新预案",
    });
  });

  test("the criteria split from their refs; the picker, its candidates and the sites for a manager", () => {
    const label = { code: "4.2", level: "standard", part: null, titleZh: "货物安全", titleEn: "Cargo security" };
    const view = sessionView(
      rows(
        {},
        {
          labels: { "cn-aeo-2022/cargo-security": label },
          sites: [{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse" }],
          candidates: {
            rows: [{ id: "e1", number: 1, name: "王伟", position: "仓库主管", department: "物流", keyRoles: [] }],
            more: true,
          },
          departments: ["物流"],
        },
        {
          materials: [{ id: "f1", name: "slides.pdf", sha256: "abc", sizeBytes: 2048 }],
          attendance: [
            {
              id: "a1",
              testPassed: true,
              employeeId: "e2",
              employeeNumber: 2,
              name: "李娜",
              position: "关务",
              department: "关务部",
              keyRoles: [],
            },
          ],
        },
      ),
      "hr",
      "Asia/Shanghai",
      { department: "物流" },
    );
    expect(view.canManage).toBe(true);
    expect(view.criteria).toEqual([{ framework: "cn-aeo-2022", key: "cargo-security", ...label }]);
    expect(view.picker).toEqual({ department: "物流" });
    expect(view.candidates).toEqual([{ id: "e1", number: 1, name: "王伟", position: "仓库主管", department: "物流", keyRoles: [] }]);
    expect(view.moreCandidates).toBe(true);
    expect(view.departments).toEqual(["物流"]);
    expect(view.sites).toEqual([{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse" }]);
    expect(view.materials).toEqual([{ id: "f1", name: "slides.pdf", sha256: "abc", sizeBytes: 2048 }]);
    expect(view.attendance).toHaveLength(1);
    expect(view.attendance[0]).toMatchObject({ id: "a1", testPassed: true, name: "李娜" });
  });
});
