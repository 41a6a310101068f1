import { describe, expect, test } from "vitest";
import type { Criterion } from "../../../db/schema";
import { frameworkCriteriaFilter, frameworkCriteriaView, type FrameworkCriteriaRows } from "~/lib/criteria/framework-criteria-view.server";
import { criterionRow, frameworkRow } from "../../support/criteria-rows";

// The framework page's data, from plain rows: the filter read from the address, gaps counted, the
// search and gaps switch narrowing the tree, and options stated once where a class shares them.

const framework = frameworkRow({
  code: "cn-2014-general",
  version: "2014",
  nameZh: "一般认证",
  nameEn: "General certification",
  scoringRule: "cn-2014-points",
  improvementDays: null,
});

const criterion = (id: string, over: Partial<Criterion> = {}) => criterionRow(id, { depth: 1, improvable: false, part: null, ...over });

// Two classes: the first's items share their options, the second's do not.
const classA = criterion("ca", { level: "class", position: 0, depth: 0, options: [] });
const a1 = criterion("a1", { parentId: "ca", position: 1, titleEn: "Seal control" });
const a2 = criterion("a2", { parentId: "ca", position: 2 });
const classB = criterion("cb", { level: "class", position: 3, depth: 0, options: [] });
const b1 = criterion("b1", { parentId: "cb", position: 4, options: ["meets", "fails", "not_applicable"] });
const b2 = criterion("b2", { parentId: "cb", position: 5 });

function rows(over: Partial<FrameworkCriteriaRows> = {}): FrameworkCriteriaRows {
  return {
    framework,
    criteria: [classA, a1, a2, classB, b1, b2],
    mappings: new Map([["a1", [{ frameworkCode: "ctpat-msc", key: "k", code: "1", part: null, titleZh: "映射", titleEn: "Mapped", topicKey: "seals" }]]]),
    // a1 has a record; the rest lack evidence.
    coverage: new Map([["a1", { recent: 1, newest: new Date("2025-06-01T02:00:00Z"), policies: [], recordTypes: ["seal"], recentByType: { seal: 1 } }]]),
    fedByTemplates: new Set(),
    ...over,
  };
}

const all = { q: "", gapsOnly: false };

describe("frameworkCriteriaFilter", () => {
  test("reads the search words (trimmed, at most 100 characters) and the gaps switch", () => {
    expect(frameworkCriteriaFilter(new URL(`http://x/criteria/f?q=%20${"a".repeat(120)}&gaps=1`))).toEqual({ q: "a".repeat(100), gapsOnly: true });
    expect(frameworkCriteriaFilter(new URL("http://x/criteria/f?gaps=yes"))).toEqual({ q: "", gapsOnly: false });
  });
});

describe("frameworkCriteriaView", () => {
  test("counts the assessable criteria, those shown and those without evidence", () => {
    const view = frameworkCriteriaView(rows(), all, "Asia/Shanghai");
    expect(view.totals).toEqual({ assessable: 4, notApplicable: 0, shown: 4, gaps: 3 });
    expect(view.nodes.map((n) => n.key)).toEqual(["ca", "a1", "a2", "cb", "b1", "b2"]);
  });

  test("the gaps switch keeps the criteria without evidence and their headings", () => {
    const view = frameworkCriteriaView(rows(), { q: "", gapsOnly: true }, "Asia/Shanghai");
    expect(view.nodes.map((n) => n.key)).toEqual(["ca", "a2", "cb", "b1", "b2"]);
    expect(view.totals.shown).toBe(3);
    expect(view.filter).toEqual({ q: "", gapsOnly: true });
  });

  test("a search keeps the matching criteria and their headings", () => {
    const view = frameworkCriteriaView(rows(), { q: "seal", gapsOnly: false }, "Asia/Shanghai");
    expect(view.nodes.map((n) => n.key)).toEqual(["ca", "a1"]);
  });

  test("options shared by a class are stated on its heading, not on its rows", () => {
    const view = frameworkCriteriaView(rows(), all, "Asia/Shanghai");
    const byKey = new Map(view.nodes.map((n) => [n.key, n]));
    expect(view.framework.options).toBeNull();
    expect(byKey.get("ca")?.headingOptions).toEqual(["meets", "fails"]);
    expect(byKey.get("a1")?.options).toEqual([]);
    expect(byKey.get("cb")?.headingOptions).toEqual([]);
    expect(byKey.get("b1")?.options).toEqual(["meets", "fails", "not_applicable"]);
  });

  test("options shared by the whole framework are stated once, on the framework", () => {
    const view = frameworkCriteriaView(rows({ criteria: [classA, a1, a2] }), all, "Asia/Shanghai");
    expect(view.framework.options).toEqual(["meets", "fails"]);
    expect(view.nodes.find((n) => n.key === "ca")?.headingOptions).toEqual([]);
  });

  test("each row carries its cross-walk and coverage; without an improvement period nothing is marked final", () => {
    const view = frameworkCriteriaView(rows(), all, "Asia/Shanghai");
    const a1View = view.nodes.find((n) => n.key === "a1");
    expect(a1View?.mappings).toEqual([{ frameworkCode: "ctpat-msc", key: "k", code: "1", part: null, titleZh: "映射", titleEn: "Mapped" }]);
    expect(a1View?.coverage).toMatchObject({ recent: 1, newestDay: "2025-06-01", lacksEvidence: false });
    expect(view.nodes.find((n) => n.key === "ca")?.coverage).toBeNull();
    expect(view.nodes.some((n) => n.notImprovable)).toBe(false);
    const withPeriod = frameworkCriteriaView(rows({ framework: { ...framework, improvementDays: 30 } }), all, "Asia/Shanghai");
    expect(withPeriod.nodes.find((n) => n.key === "a1")?.notImprovable).toBe(true);
  });
});
