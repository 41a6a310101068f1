// The columns a partner list file may have, and the headings and spellings each accepts: shared by
// the importer (which reads them), the export (which writes them, so an exported list reads back)
// and the import page (which lists them).
import type { PartnerValues } from "./partner-schema";

export type PartnerField = keyof PartnerValues;

interface ImportColumn {
  /** The canonical heading, also the `column` of a row error. */
  key: string;
  field: PartnerField;
  en: string;
  zh: string;
  /** Further accepted headings; the key, `en` and `zh` are always accepted. */
  aliases: readonly string[];
}

export const importColumns = [
  {
    key: "legal_name_zh",
    field: "legalNameZh",
    en: "Legal name (Chinese)",
    zh: "企业名称（中文）",
    aliases: ["中文名称", "中文名", "Chinese name", "name_zh"],
  },
  {
    key: "legal_name_en",
    field: "legalNameEn",
    en: "Legal name (English)",
    zh: "企业名称（英文）",
    aliases: ["英文名称", "英文名", "English name", "name_en"],
  },
  {
    key: "country",
    field: "countryCode",
    en: "Country or region",
    zh: "国家或地区",
    aliases: ["Country", "country_code", "国家", "国家/地区", "国别"],
  },
  { key: "uscc", field: "uscc", en: "USCC", zh: "统一社会信用代码", aliases: ["Unified social credit code", "信用代码"] },
  {
    key: "foreign_registration",
    field: "foreignRegistrationNumber",
    en: "Foreign registration number",
    zh: "境外注册号",
    aliases: ["foreign_registration_number", "Registration number", "注册号"],
  },
  { key: "roles", field: "roles", en: "Roles", zh: "角色", aliases: ["role", "合作角色", "Partner type", "合作类型"] },
  {
    key: "customs_credit",
    field: "customsCredit",
    en: "Customs credit",
    zh: "海关信用等级",
    aliases: ["Customs credit status", "海关信用", "信用等级"],
  },
  { key: "aeo_programme", field: "aeoProgramme", en: "AEO programme", zh: "AEO 认证", aliases: ["aeo_program", "AEO", "AEO认证类型"] },
  {
    key: "aeo_programme_name",
    field: "aeoProgrammeName",
    en: "AEO programme name",
    zh: "互认项目名称",
    aliases: ["aeo_program_name", "AEO 项目名称"],
  },
  {
    key: "aeo_certificate",
    field: "aeoCertificateNumber",
    en: "AEO certificate number",
    zh: "AEO 证书编号",
    aliases: ["aeo_certificate_number", "AEO certificate", "证书编号"],
  },
  {
    key: "aeo_valid_until",
    field: "aeoValidUntil",
    en: "AEO valid until",
    zh: "AEO 有效期至",
    aliases: ["Valid until", "有效期至", "AEO 有效期"],
  },
  {
    key: "annual_volume_cny",
    field: "annualVolumeCny",
    en: "Annual volume (CNY)",
    zh: "年业务量（人民币元）",
    aliases: ["Annual volume", "年业务量", "年交易额"],
  },
  { key: "notes", field: "notes", en: "Notes", zh: "备注", aliases: ["note", "Remarks", "说明"] },
] as const satisfies readonly ImportColumn[];

export type ImportColumnKey = (typeof importColumns)[number]["key"];

/**
 * Headings the export writes that say something the registry computes (reference, decision,
 * tier, next evaluation). An exported list is accepted as an import file and these are ignored.
 */
export const exportOnlyColumns = [
  { key: "reference", en: "Reference", zh: "编号" },
  { key: "status", en: "Status", zh: "状态" },
  { key: "risk_tier", en: "Risk tier", zh: "风险等级" },
  { key: "next_evaluation", en: "Next evaluation", zh: "下次评估" },
] as const;

// Headings and values compare without case, spaces, underscores, hyphens or a "*" required marker,
// and with full-width forms (（）：) folded, so 企业名称（中文）, "Legal Name (Chinese)" and legal_name_zh
// as people actually type them all match.
export function normalizeLabel(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*]+/g, "");
}

export function buildLookup<T extends string | null>(entries: Iterable<[string, T]>, what: string): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const [label, value] of entries) {
    const normalized = normalizeLabel(label);
    const existing = lookup.get(normalized);
    if (existing !== undefined && existing !== value)
      throw new Error(`partner import: ${what} "${label}" means both ${existing} and ${value}`);
    lookup.set(normalized, value);
  }
  return lookup;
}

export const headingLookup = buildLookup<ImportColumnKey | null>(
  [
    ...importColumns.flatMap((c) => [c.key, c.field, c.en, c.zh, ...c.aliases].map((label): [string, ImportColumnKey] => [label, c.key])),
    ...exportOnlyColumns.flatMap((c) => [c.key, c.en, c.zh].map((label): [string, null] => [label, null])),
  ],
  "heading",
);

/** The column a partner field is read from, for the row errors of the schema's issues. */
export const columnOfField = new Map<string, ImportColumnKey>(importColumns.map((c) => [c.field, c.key]));
