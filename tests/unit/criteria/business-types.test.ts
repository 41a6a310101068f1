// The business types of the 2022 standard as catalogue data: each of the ten sections of 附件3
// belongs to one type, every business-type item to exactly one, and the codes the forms accept are
// the catalogue's. The 2014 roles' paragraphs are found in the items that write one per role.
import { describe, expect, test } from "vitest";
import { cn2014RoleCodes, cn2022BusinessTypeCodes, cn2022BusinessTypes, businessTypeOfCriterion } from "../../../db/catalog/business-types";
import { cn2014General } from "../../../db/catalog/frameworks/cn-2014-general";
import { cn2022Advanced } from "../../../db/catalog/frameworks/cn-2022-advanced";
import type { CatalogCriterion } from "../../../db/catalog/types";
import { cn2014RoleValues, cn2022BusinessTypeValues } from "~/lib/criteria/business-type-values";
import { outsideBusinessTypes, roleParagraph, roleParagraphs } from "~/lib/criteria/business-types.server";

function find(nodes: readonly CatalogCriterion[], key: string): CatalogCriterion | undefined {
  for (const n of nodes) {
    if (n.key === key) return n;
    const hit = find(n.children ?? [], key);
    if (hit) return hit;
  }
  return undefined;
}

describe("CN-2022 business types", () => {
  test("the forms accept exactly the catalogue's codes", () => {
    expect([...cn2022BusinessTypeValues]).toEqual([...cn2022BusinessTypeCodes]);
    expect([...cn2014RoleValues]).toEqual([...cn2014RoleCodes]);
    expect(cn2022BusinessTypes.map((t) => t.code)).toEqual([...cn2022BusinessTypeCodes]);
  });

  test("each type is one section of 附件3 with its items, and every business-type item has one type", () => {
    const sections: readonly CatalogCriterion[] = (cn2022Advanced.criteria as readonly CatalogCriterion[]).filter((c) => c.part === "business_type");
    expect(sections.map((s) => s.key)).toEqual(cn2022BusinessTypes.map((t) => t.sectionKey));
    for (const type of cn2022BusinessTypes) {
      const section = sections.find((s) => s.key === type.sectionKey)!;
      expect(section.titleZh).toBe(type.nameZh);
      expect((section.children ?? []).map((c) => c.key)).toEqual(type.itemKeys);
    }
    const items = sections.flatMap((s) => s.children ?? []);
    expect(items).toHaveLength(32);
    for (const item of items) expect(businessTypeOfCriterion("cn-2022-advanced", item.key)).not.toBeNull();
    expect(businessTypeOfCriterion("cn-2022-advanced", "b5")).toBe("food");
    expect(businessTypeOfCriterion("cn-2022-advanced", "43")).toBeNull();
    expect(businessTypeOfCriterion("cn-2014-general", "b5")).toBeNull();
  });

  test("a criterion is outside only when the types are recorded and do not include its own", () => {
    expect(outsideBusinessTypes("cn-2022-advanced", { stableKey: "b5" }, null)).toBe(false);
    expect(outsideBusinessTypes("cn-2022-advanced", { stableKey: "b5" }, ["processing_trade_bonded"])).toBe(true);
    expect(outsideBusinessTypes("cn-2022-advanced", { stableKey: "b5" }, ["food"])).toBe(false);
    expect(outsideBusinessTypes("cn-2022-advanced", { stableKey: "43" }, ["food"])).toBe(false);
    expect(outsideBusinessTypes("ctpat-msc", { stableKey: "b5" }, ["food"])).toBe(false);
    // A criterion a revision added, with no stable key, is not placed in a business type.
    expect(outsideBusinessTypes("cn-2022-advanced", { stableKey: null }, ["food"])).toBe(false);
  });
});

describe("CN-2014 role paragraphs", () => {
  test("item 3 has one paragraph per role; item 17's paragraphs follow the same labels", () => {
    const item3 = find(cn2014General.criteria, "3")!;
    expect(roleParagraph(item3.textZh, "customs_broker")).toMatch(/^报关企业：代理申报前/);
    expect(roleParagraph(item3.textZh, "consignor_consignee")).toMatch(/^进出口货物收发货人：/);
    expect(roleParagraph(item3.textZh, "logistics")).toMatch(/^物流企业：/);
    expect(roleParagraph(item3.textZh, null)).toBeNull();
    expect(roleParagraphs(item3.textZh, item3.textEn, "customs_broker")?.en).toMatch(/^Customs brokers: before declaring as agent/);
    const item17 = find(cn2014General.criteria, "17")!;
    expect(roleParagraph(item17.textZh, "customs_broker")).toMatch(/报关企业：/);
  });
});
