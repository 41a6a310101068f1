import type { Criterion, Framework } from "../../db/schema";

// Plain criterion and framework rows for the view functions' unit tests: every column filled, each
// test overriding what it is about.

export function frameworkRow(over: Partial<Framework> = {}): Framework {
  return {
    id: "f1",
    code: "cn-2022-advanced",
    version: "2022",
    nameZh: "高级认证",
    nameEn: "Advanced certification",
    sourceZh: "海关总署",
    sourceEn: "GACC",
    scoringRule: "cn-2022-advanced",
    improvementDays: 30,
    ...over,
  } as Framework;
}

export function criterionRow(id: string, over: Partial<Criterion> = {}): Criterion {
  return {
    id,
    frameworkId: "f1",
    parentId: null,
    key: id,
    stableKey: id,
    code: id.toUpperCase(),
    level: "item",
    position: 0,
    depth: 0,
    titleZh: `标题${id}`,
    titleEn: `Title ${id}`,
    textZh: "",
    textEn: "",
    options: ["meets", "fails"],
    improvable: true,
    part: "general",
    requirement: null,
    provenance: "official",
    noteZh: null,
    noteEn: null,
    ...over,
  };
}
