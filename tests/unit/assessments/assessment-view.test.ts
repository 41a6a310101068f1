import { describe, expect, test } from "vitest";
import { assessmentPageView, type AssessmentPageRows } from "~/lib/assessments/assessment-view.server";

// The assessment page's data, from plain rows: each criterion's code in both languages (a 2022
// business-type item reads 单项10 / B10), the improvement deadline, and the lists passed through.

const criterion = {
  id: "k1",
  key: "g.1",
  code: "1",
  level: "item",
  depth: 1,
  part: "general",
  titleZh: "内部控制",
  titleEn: "Internal control",
  textZh: "正文",
  textEn: "Text",
  options: ["meets", "fails"],
  improvable: true,
  requirement: null,
  provenance: "official",
  noteZh: null,
  noteEn: null,
  frameworkId: "fw1",
  parentKey: null,
  position: 1,
};

function rows(over: { improvementDays?: number | null; criteria?: unknown[] } = {}): AssessmentPageRows {
  const view = {
    reference: "SA-2025-0003",
    assessment: { id: "a1", title: "2025 自评", assessedOn: "2025-03-01", status: "draft", finalizedAt: null },
    framework: { id: "fw1", nameZh: "高级认证", nameEn: "Advanced", version: "2022", scoringRule: "cn-2022-advanced", improvementDays: 90 },
    criteria: over.criteria ?? [criterion],
    scoring: [{ key: "g.1", parentKey: null }],
    results: {},
    actions: [],
    createdBy: "李娜",
    finalizedBy: null,
  };
  if (over.improvementDays !== undefined) view.framework.improvementDays = over.improvementDays as number;
  return { view, comparison: null, policies: [], members: [] } as unknown as AssessmentPageRows;
}

describe("assessmentPageView", () => {
  test("a draft with nothing recorded: criteria mapped, deadline 90 days after the assessment date, empty lists", () => {
    const view = assessmentPageView(rows(), "2025-03-10", "Asia/Shanghai");
    expect(view.reference).toBe("SA-2025-0003");
    expect(view.criteria).toEqual([
      {
        id: "k1",
        key: "g.1",
        code: { zh: "1", en: "1" },
        level: "item",
        depth: 1,
        part: "general",
        titleZh: "内部控制",
        titleEn: "Internal control",
        textZh: "正文",
        textEn: "Text",
        options: ["meets", "fails"],
        improvable: true,
        requirement: null,
        provenance: "official",
        noteZh: null,
        noteEn: null,
      },
    ]);
    expect(view).toMatchObject({
      results: {},
      actions: [],
      comparison: null,
      policies: [],
      members: [],
      createdBy: "李娜",
      finalizedBy: null,
      deadline: "2025-05-30",
      improvementDays: 90,
      today: "2025-03-10",
      timeZone: "Asia/Shanghai",
    });
  });

  test("a business-type item's code reads in both languages; a class heading keeps its own", () => {
    const view = assessmentPageView(
      rows({
        criteria: [
          { ...criterion, key: "b", code: "二", level: "class", part: "business_type", options: [] },
          { ...criterion, key: "b.10", code: "10", part: "business_type" },
        ],
      }),
      "2025-03-10",
      "Asia/Shanghai",
    );
    expect(view.criteria.map((c) => c.code)).toEqual([
      { zh: "二", en: "二" },
      { zh: "单项10", en: "B10" },
    ]);
  });

  test("a framework without an improvement period has no deadline", () => {
    const view = assessmentPageView(rows({ improvementDays: null }), "2025-03-10", "Asia/Shanghai");
    expect(view.deadline).toBeNull();
    expect(view.improvementDays).toBeNull();
  });

  test("only the member's id and name reach the page", () => {
    const base = rows();
    const members = [{ userId: "u1", name: "李娜", email: "l@example.cn", role: "compliance" as const }];
    const view = assessmentPageView(
      { ...base, members },
      "2025-03-10",
      "Asia/Shanghai",
    );
    expect(view.members).toEqual([{ userId: "u1", name: "李娜" }]);
  });
});
