// The codes of the CN-2022 business types (附件3) and the CN-2014 roles, for forms and pages.
// The data (names in both languages, which criteria each type holds) is db/catalog/business-types.ts,
// which a page may not import; tests/unit/criteria/business-types.test.ts keeps the two lists equal.

export const cn2022BusinessTypeValues = [
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
export type Cn2022BusinessTypeValue = (typeof cn2022BusinessTypeValues)[number];

export const cn2014RoleValues = ["consignor_consignee", "customs_broker", "logistics"] as const;
export type Cn2014RoleValue = (typeof cn2014RoleValues)[number];

/** A business type or role with its names, as the loader hands it to a page. */
export interface NamedCode {
  code: string;
  nameZh: string;
  nameEn: string;
}
