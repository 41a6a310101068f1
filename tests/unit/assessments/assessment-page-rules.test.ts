import { describe, expect, test } from "vitest";
import { assessmentEditable, openCriteria } from "~/lib/assessments/assessment-page-rules";

describe("assessmentEditable", () => {
  test("a draft is editable by a member who manages assessments; a final one by no one", () => {
    expect(assessmentEditable(true, "draft")).toBe(true);
    expect(assessmentEditable(false, "draft")).toBe(false);
    expect(assessmentEditable(true, "final")).toBe(false);
    expect(assessmentEditable(false, "final")).toBe(false);
  });
});

describe("openCriteria", () => {
  // 一 (class) › 1 (article) › 1.1, 1.2 (items); 二 (class) › 2.1 (item).
  const scoring = [
    { key: "c1", parentKey: null },
    { key: "a1", parentKey: "c1" },
    { key: "i11", parentKey: "a1" },
    { key: "i12", parentKey: "a1" },
    { key: "c2", parentKey: null },
    { key: "i21", parentKey: "c2" },
  ];
  const heading = (key: string) => ({ key, options: [] as string[] });
  const item = (key: string) => ({ key, options: ["meets", "fails"] });
  const criteria = [heading("c1"), heading("a1"), item("i11"), item("i12"), heading("c2"), item("i21")];

  test("nothing saved: everything is open", () => {
    expect(openCriteria(criteria, scoring, {}).map((c) => c.key)).toEqual(["c1", "a1", "i11", "i12", "c2", "i21"]);
  });

  test("saved items drop out, with headings that have nothing open below them", () => {
    expect(openCriteria(criteria, scoring, { i11: "meets", i21: "fails" }).map((c) => c.key)).toEqual(["c1", "a1", "i12"]);
  });

  test("everything saved: nothing is open; a cleared result (null) counts as open", () => {
    expect(openCriteria(criteria, scoring, { i11: "meets", i12: "meets", i21: "meets" })).toEqual([]);
    expect(openCriteria(criteria, scoring, { i11: "meets", i12: null, i21: "meets" }).map((c) => c.key)).toEqual(["c1", "a1", "i12"]);
  });
});
