// The values a partner's fields take. Plain lists, apart from the zod schemas (partner-schema.ts),
// so that lists, filters and badges use them without loading the schema library.

export const partnerRoles = [
  "manufacturer_supplier",
  "carrier",
  "customs_broker",
  "freight_forwarder",
  "warehouse",
  "third_party_logistics",
  "other",
] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export const customsCredits = ["advanced", "general", "dishonest", "unknown"] as const;
export const aeoProgrammes = ["none", "cn_advanced", "ctpat", "eu_aeo", "other_mra"] as const;
export type AeoProgramme = (typeof aeoProgrammes)[number];
