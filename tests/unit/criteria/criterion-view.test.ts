import { describe, expect, test } from "vitest";
import type { CoverageView } from "~/lib/criteria/criteria.server";
import { criterionView, linkedPolicyIds, type CriterionRows } from "~/lib/criteria/criterion-view.server";
import { criterionRow, frameworkRow } from "../../support/criteria-rows";

// The criterion page's data, from plain rows: the walk up and along the tree, the cross-walk grouped
// by framework, and only the policies the coverage links to.

const framework = frameworkRow();
const criterion = criterionRow;

// A class with an article holding three items; the middle item is the page's criterion.
const cls = criterion("c", { level: "class", position: 0, options: [] });
const article = criterion("a", { level: "article", parentId: "c", position: 1, depth: 1, options: [] });
const first = criterion("i1", { parentId: "a", position: 2, depth: 2 });
const middle = criterion("i2", { parentId: "a", position: 3, depth: 2 });
const sub = criterion("s1", { level: "sub_item", parentId: "i2", position: 4, depth: 3, options: [] });
const last = criterion("i3", { parentId: "a", position: 5, depth: 2 });

const coverage: CoverageView = {
  recent: 2,
  newestDay: "2025-06-01",
  policies: [{ id: "p2", documentNumber: "P-2", titleZh: "制度二", titleEn: "Policy two" }],
  recordTypes: ["policy"],
  lacksEvidence: false,
};

function rows(over: Partial<CriterionRows> = {}): CriterionRows {
  return {
    framework,
    criteria: [cls, article, first, middle, sub, last],
    criterion: middle,
    mappings: new Map([
      [
        "i2",
        [
          { frameworkCode: "ctpat-msc", key: "k1", code: "1.1", part: null, titleZh: "映射", titleEn: "Mapped", topicKey: "seals" },
          { frameworkCode: "wco-safe-aeo", key: "k2", code: "2", part: null, titleZh: "映射二", titleEn: "Mapped two", topicKey: "seals" },
        ],
      ],
    ]),
    topics: [],
    frameworks: [
      { code: "cn-2022-advanced", nameZh: "高级", nameEn: "Advanced" },
      { code: "ctpat-msc", nameZh: "C-TPAT", nameEn: "C-TPAT" },
      { code: "cn-2014-general", nameZh: "一般", nameEn: "General" },
      { code: "wco-safe-aeo", nameZh: "WCO", nameEn: "WCO" },
    ],
    coverage,
    policies: [
      { id: "p1", documentNumber: "P-1", titleZh: "制度一", titleEn: "Policy one", current: null },
      { id: "p2", documentNumber: "P-2", titleZh: "制度二", titleEn: "Policy two", current: { version: "v2", effectiveOn: "2025-01-01" } },
    ],
    ...over,
  };
}

describe("criterionView", () => {
  test("ancestors run from the top down; children, previous and next are the criterion's own", () => {
    const view = criterionView(rows());
    expect(view.ancestors.map((a) => a.key)).toEqual(["c", "a"]);
    expect(view.children.map((c) => c.key)).toEqual(["s1"]);
    expect(view.previous?.key).toBe("i1");
    expect(view.next?.key).toBe("i3");
  });

  test("previous and next skip headings and stop at the ends", () => {
    const view = criterionView(rows({ criterion: first }));
    expect(view.previous).toBeNull();
    expect(view.next?.key).toBe("i2");
    expect(criterionView(rows({ criterion: last })).next).toBeNull();
  });

  test("the cross-walk is grouped by the other frameworks, in their order, empty ones left out", () => {
    const view = criterionView(rows());
    expect(view.mappingGroups.map((g) => [g.code, g.criteria.map((m) => m.key)])).toEqual([
      ["ctpat-msc", ["k1"]],
      ["wco-safe-aeo", ["k2"]],
    ]);
  });

  test("evidence keeps only the linked policies, with their current version", () => {
    const view = criterionView(rows());
    expect(view.evidence?.policies).toEqual([
      { id: "p2", documentNumber: "P-2", titleZh: "制度二", titleEn: "Policy two", version: "v2", effectiveOn: "2025-01-01" },
    ]);
    expect(view.evidence?.recent).toBe(2);
  });

  test("a heading has no evidence, and no policies are linked", () => {
    expect(criterionView(rows({ criterion: article, coverage: null })).evidence).toBeNull();
    expect(linkedPolicyIds(null).size).toBe(0);
    expect([...linkedPolicyIds(coverage)]).toEqual(["p2"]);
  });

  test("the framework and criterion carry only what the page shows", () => {
    const view = criterionView(rows());
    expect(view.framework).toEqual({
      code: "cn-2022-advanced",
      version: "2022",
      nameZh: "高级认证",
      nameEn: "Advanced certification",
      scoringRule: "cn-2022-advanced",
      improvementDays: 30,
    });
    expect(Object.keys(view.criterion)).not.toContain("id");
  });
});
