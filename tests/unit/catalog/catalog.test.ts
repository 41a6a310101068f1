// The certification catalogue as data: the structure each standard prints (counts, numbering, result
// options per class), the provenance rule (anything not official carries a note) and the cross-walk.
// Pure: it reads db/catalog directly, no database.
import { describe, expect, test } from "vitest";
import { catalogCrosswalk, catalogFrameworks } from "../../../db/catalog";
import { cn2014General } from "../../../db/catalog/frameworks/cn-2014-general";
import { cn2022Advanced } from "../../../db/catalog/frameworks/cn-2022-advanced";
import { ctpatMsc } from "../../../db/catalog/frameworks/ctpat-msc";
import { wcoSafeAeo } from "../../../db/catalog/frameworks/wco-safe-aeo";
import { isImprovable } from "../../../db/catalog/improvement";
import { resultValues, type CatalogCriterion, type CatalogFramework } from "../../../db/catalog/types";

interface Visited {
  node: CatalogCriterion;
  parent: CatalogCriterion | null;
  /** The top-level node (class) above it, or itself. */
  top: CatalogCriterion;
}

function walk(nodes: readonly CatalogCriterion[], parent: CatalogCriterion | null = null, top: CatalogCriterion | null = null): Visited[] {
  return nodes.flatMap((node) => [{ node, parent, top: top ?? node }, ...walk(node.children ?? [], node, top ?? node)]);
}

const all = (f: CatalogFramework) => walk(f.criteria).map((v) => v.node);
const ofLevel = (f: CatalogFramework, level: CatalogCriterion["level"]) => all(f).filter((n) => n.level === level);
const assessable = (f: CatalogFramework) => all(f).filter((n) => n.options.length > 0);

describe("China 2014 general certification", () => {
  const nodes = all(cn2014General);
  const items = ofLevel(cn2014General, "item");

  test("5 classes, 18 articles, 29 items in document order", () => {
    expect(ofLevel(cn2014General, "class")).toHaveLength(5);
    expect(cn2014General.criteria).toHaveLength(5);
    expect(ofLevel(cn2014General, "article")).toHaveLength(18);
    expect(items.map((i) => i.code)).toEqual(Array.from({ length: 29 }, (_, i) => String(i + 1)));
  });

  test("item 29 (the additional standard) has 5 bonus options", () => {
    const item29 = items.find((i) => i.key === "29");
    expect(item29?.options).toEqual([]);
    expect(item29?.children).toHaveLength(5);
    for (const option of item29?.children ?? []) expect(option.options).toEqual(["conforms", "not_applicable"]);
  });

  test("finance and compliance items offer no partly met; internal control and trade security do", () => {
    for (const { node, top } of walk(cn2014General.criteria)) {
      if (!node.options.length || node.level === "sub_item") continue;
      if (top.titleZh === "财务状况标准" || top.titleZh === "守法规范标准") {
        expect(node.options, `item ${node.code}`).not.toContain("partly_meets");
        expect(node.options, `item ${node.code}`).toContain("fails");
      } else {
        expect(node.options, `item ${node.code}`).toEqual(["meets", "partly_meets", "fails", "not_applicable"]);
      }
    }
  });

  test("items 9, 10, 11, 12, 14, 19 and 20 are the only scored items that may not be improved (说明五, cited)", () => {
    const scored = items.filter((i) => Number(i.code) <= 28);
    expect(scored).toHaveLength(28);
    const rule = cn2014General.improvement;
    expect(rule.kind).toBe("window");
    if (rule.kind !== "window") return;
    expect(scored.filter((i) => !isImprovable(rule, i.key)).map((i) => i.code)).toEqual(["9", "10", "11", "12", "14", "19", "20"]);
    expect(rule.sourceZh).toContain("规范改进期限由海关确定，最长不超过90日");
  });

  test("has an improvement period of at most 90 days counted from customs' notice, and the points rule", () => {
    expect(cn2014General.improvement).toMatchObject({ kind: "window", maxDays: 90, countedFrom: "customs_notified" });
    expect(cn2014General.scoringRule).toBe("cn-2014-points");
    expect(nodes.length).toBe(5 + 18 + 29 + 5);
  });
});

describe("China 2022 advanced certification", () => {
  test("states that the official text sets no improvement period and excludes no criterion", () => {
    const rule = cn2022Advanced.improvement;
    expect(rule.kind).toBe("not_stated");
    if (rule.kind !== "not_stated") return;
    expect(rule.noteZh).toContain("没有规定规范改进的期限");
    expect(all(cn2022Advanced).every((c) => isImprovable(rule, c.key))).toBe(true);
  });

  const nodes = walk(cn2022Advanced.criteria);
  const general = nodes.filter((v) => v.node.part === "general");
  const business = nodes.filter((v) => v.node.part === "business_type");

  test("every node says which half of the pass rule counts it", () => {
    expect(nodes.every((v) => v.node.part === "general" || v.node.part === "business_type")).toBe(true);
    for (const v of nodes) expect(v.node.part, v.node.key).toBe(v.top.part);
  });

  test("general criteria: 4 classes, 16 items, 62 sub-items numbered (1) to (62) in order", () => {
    expect(general.filter((v) => v.node.level === "class")).toHaveLength(4);
    const items = general.filter((v) => v.node.level === "item");
    expect(items.map((v) => v.node.code)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    const subItems = general.filter((v) => v.node.level === "sub_item");
    expect(subItems.map((v) => v.node.code)).toEqual(Array.from({ length: 62 }, (_, i) => `（${i + 1}）`));
    for (const v of subItems) expect(v.parent?.level).toBe("item");
  });

  test("business-type criteria: 10 sections, 32 items numbered 1 to 32", () => {
    expect(business.filter((v) => v.node.level === "class")).toHaveLength(10);
    const items = business.filter((v) => v.node.level === "item");
    expect(items.map((v) => v.node.code)).toEqual(Array.from({ length: 32 }, (_, i) => String(i + 1)));
    for (const v of items) expect(v.node.options).toEqual(["meets", "partly_meets", "fails", "not_applicable"]);
  });

  test("result options per class follow the table headers of 附件2", () => {
    const byClass = new Map<string, Set<string>>();
    for (const v of general) {
      if (!v.node.options.length) continue;
      const set = byClass.get(v.top.titleZh) ?? new Set<string>();
      set.add(v.node.options.join());
      byClass.set(v.top.titleZh, set);
    }
    expect([...(byClass.get("内部控制标准") ?? [])]).toEqual(["meets,partly_meets,fails,not_applicable"]);
    expect([...(byClass.get("财务状况标准") ?? [])]).toEqual(["meets,partly_meets,fails"]);
    expect([...(byClass.get("守法规范标准") ?? [])]).toEqual(["meets,fails"]);
    expect([...(byClass.get("贸易安全标准") ?? [])]).toEqual(["meets,partly_meets,fails,not_applicable"]);
  });

  test("only sub-items and business-type items are assessed (items are derived from their sub-items)", () => {
    const levels = new Set(assessable(cn2022Advanced).map((n) => `${n.part}/${n.level}`));
    expect([...levels].sort()).toEqual(["business_type/item", "general/sub_item"]);
    expect(assessable(cn2022Advanced)).toHaveLength(62 + 32);
  });
});

describe("CTPAT and WCO SAFE", () => {
  test("CTPAT: 12 categories, every criterion Must or Should", () => {
    expect(ofLevel(ctpatMsc, "class")).toHaveLength(12);
    expect(ctpatMsc.criteria.every((c) => c.level === "class")).toBe(true);
    const items = ofLevel(ctpatMsc, "item");
    expect(items.length).toBeGreaterThan(40);
    for (const item of items) expect(["must", "should"], item.key).toContain(item.requirement);
    for (const category of ofLevel(ctpatMsc, "class")) expect(category.requirement).toBeUndefined();
  });

  test("WCO SAFE: the 13 AEO requirement headings A to M", () => {
    expect(wcoSafeAeo.criteria.map((c) => c.code)).toEqual("ABCDEFGHIJKLM".split(""));
    expect(all(wcoSafeAeo)).toHaveLength(13);
  });

  test("neither has an improvement period; both are qualitative", () => {
    for (const f of [ctpatMsc, wcoSafeAeo]) {
      expect(f.improvement.kind).toBe("not_stated");
      expect(f.scoringRule).toBe("qualitative");
    }
  });
});

describe.each(catalogFrameworks.map((f) => [f.code, f] as const))("%s: well-formed", (_code, framework) => {
  const nodes = all(framework);

  test("every node has a title in both languages", () => {
    const missing = nodes.filter((n) => !n.titleZh.trim() || !n.titleEn.trim()).map((n) => n.key);
    expect(missing).toEqual([]);
  });

  test("every assessable node has its text in both languages", () => {
    const missing = nodes.filter((n) => n.options.length > 0 && (!n.textZh.trim() || !n.textEn.trim())).map((n) => n.key);
    expect(missing).toEqual([]);
  });

  test("keys are unique and URL-safe", () => {
    const keys = nodes.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(encodeURIComponent(key), key).toBe(key);
  });

  test("options are known results, without repeats, and only headings have none", () => {
    for (const n of nodes) {
      expect(new Set(n.options).size, n.key).toBe(n.options.length);
      for (const option of n.options) expect(resultValues, n.key).toContain(option);
      if (n.options.length === 0) expect(n.children?.length ?? 0, `${n.key} has no options and no children`).toBeGreaterThan(0);
    }
  });

  test("every node not of official provenance explains itself in both languages", () => {
    const unexplained = nodes.filter((n) => n.provenance !== "official" && (!n.noteZh?.trim() || !n.noteEn?.trim())).map((n) => n.key);
    expect(unexplained).toEqual([]);
  });

  test("levels nest downwards", () => {
    const order = ["class", "article", "item", "sub_item"];
    for (const { node, parent } of walk(framework.criteria)) {
      if (parent) expect(order.indexOf(node.level), node.key).toBeGreaterThan(order.indexOf(parent.level));
    }
  });
});

describe("cross-walk", () => {
  const byFramework = new Map(catalogFrameworks.map((f) => [f.code, new Set(all(f).map((n) => n.key))]));

  test("every member points at an existing criterion", () => {
    const dangling = catalogCrosswalk.flatMap((topic) =>
      topic.members.filter((m) => !byFramework.get(m.framework)?.has(m.key)).map((m) => `${topic.key}: ${m.framework}/${m.key}`),
    );
    expect(dangling).toEqual([]);
  });

  test("topic keys are unique; each topic has titles and expected evidence in both languages", () => {
    const keys = catalogCrosswalk.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const topic of catalogCrosswalk) {
      for (const text of [topic.titleZh, topic.titleEn, topic.evidenceZh, topic.evidenceEn]) expect(text.trim(), topic.key).not.toBe("");
    }
  });

  test("cn-2022 (43), the seven-point inspection, maps to CTPAT 5.3, WCO G and 2014 item 26", () => {
    const topics = catalogCrosswalk.filter((t) => t.members.some((m) => m.framework === "cn-2022-advanced" && m.key === "43"));
    const members = topics.flatMap((t) => t.members.map((m) => `${m.framework}/${m.key}`));
    expect(members).toEqual(expect.arrayContaining(["ctpat-msc/5.3", "wco-safe-aeo/G", "cn-2014-general/26"]));
  });
});
