// Which organisations each CN-2022 business-type criterion concerns, and the CN-2014 roles.
//
// 附件3 (单项标准) of the 2022 standard: "针对不同类型和经营范围，企业应当符合相应的单项标准。" Its ten
// sections each belong to one business type; the items under a section are that type's criteria.
// The item numbers below were checked against the official text of 附件3 (docs/criteria.md):
// 一 item 1; 二 items 2–3; 三 item 4; 四 items 5–8; 五 item 9; 六 items 10–13; 七 items 14–19;
// 八 items 20–22; 九 items 23–29; 十 items 30–32. Kept apart from the framework file on purpose:
// the framework's content hash (db/catalog/load.ts) does not change, so loaded versions and the
// assessments made against them stay as they are.

export const cn2022BusinessTypeCodes = [
  "processing_trade_bonded",
  "health_quarantine",
  "animal_plant_quarantine",
  "food",
  "commodity_inspection",
  "customs_brokerage",
  "express",
  "logistics_transport",
  "cross_border_ecommerce_platform",
  "foreign_trade_services",
] as const;
export type Cn2022BusinessType = (typeof cn2022BusinessTypeCodes)[number];

export interface CatalogBusinessType {
  code: Cn2022BusinessType;
  /** The section of cn-2022-advanced that holds its criteria. */
  sectionKey: string;
  /** The section's items (criterion keys), as printed in 附件3. */
  itemKeys: readonly string[];
  nameZh: string;
  nameEn: string;
}

const items = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `b${from + i}`);

export const cn2022BusinessTypes: readonly CatalogBusinessType[] = [
  { code: "processing_trade_bonded", sectionKey: "s-1", itemKeys: items(1, 1), nameZh: "加工贸易以及保税进出口业务", nameEn: "Processing trade and bonded import and export" },
  { code: "health_quarantine", sectionKey: "s-2", itemKeys: items(2, 3), nameZh: "卫生检疫业务", nameEn: "Health quarantine" },
  { code: "animal_plant_quarantine", sectionKey: "s-3", itemKeys: items(4, 4), nameZh: "动植物检疫业务", nameEn: "Animal and plant quarantine" },
  { code: "food", sectionKey: "s-4", itemKeys: items(5, 8), nameZh: "进出口食品业务", nameEn: "Import and export food" },
  { code: "commodity_inspection", sectionKey: "s-5", itemKeys: items(9, 9), nameZh: "进出口商品检验业务", nameEn: "Import and export commodity inspection" },
  { code: "customs_brokerage", sectionKey: "s-6", itemKeys: items(10, 13), nameZh: "代理报关业务", nameEn: "Customs brokerage" },
  { code: "express", sectionKey: "s-7", itemKeys: items(14, 19), nameZh: "快件运营业务", nameEn: "Express delivery operation" },
  { code: "logistics_transport", sectionKey: "s-8", itemKeys: items(20, 22), nameZh: "物流运输业务", nameEn: "Logistics and transport" },
  { code: "cross_border_ecommerce_platform", sectionKey: "s-9", itemKeys: items(23, 29), nameZh: "跨境电子商务平台业务", nameEn: "Cross-border e-commerce platform" },
  { code: "foreign_trade_services", sectionKey: "s-10", itemKeys: items(30, 32), nameZh: "外贸综合服务业务", nameEn: "Comprehensive foreign trade services" },
];

const typeOfKey = new Map<string, Cn2022BusinessType>(
  cn2022BusinessTypes.flatMap((t) => [[t.sectionKey, t.code] as const, ...t.itemKeys.map((k) => [k, t.code] as const)]),
);

/** The business type a cn-2022-advanced criterion (section or item) belongs to; null for the general criteria. */
export function businessTypeOfCriterion(frameworkCode: string, criterionKey: string): Cn2022BusinessType | null {
  if (frameworkCode !== "cn-2022-advanced") return null;
  return typeOfKey.get(criterionKey) ?? null;
}

/**
 * The roles the 2014 general standard writes separate paragraphs for (items 3, 14 and 17, among
 * others): each paragraph of those items starts with the role's name and a full-width colon.
 */
export const cn2014RoleCodes = ["consignor_consignee", "customs_broker", "logistics"] as const;
export type Cn2014Role = (typeof cn2014RoleCodes)[number];

export interface CatalogRole {
  code: Cn2014Role;
  /** The words that open the role's paragraph in the standard, before "：". */
  labelsZh: readonly string[];
  nameZh: string;
  nameEn: string;
}

export const cn2014Roles: readonly CatalogRole[] = [
  { code: "consignor_consignee", labelsZh: ["进出口货物收发货人"], nameZh: "进出口货物收发货人", nameEn: "Consignee or consignor of import/export goods" },
  { code: "customs_broker", labelsZh: ["报关企业"], nameZh: "报关企业", nameEn: "Customs broker" },
  { code: "logistics", labelsZh: ["物流企业"], nameZh: "物流企业", nameEn: "Logistics enterprise" },
];
