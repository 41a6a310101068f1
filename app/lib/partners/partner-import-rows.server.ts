// Checking a partner list's rows: each cell's value is matched to the values the form offers (in
// either language, or as people write them), then the row goes through the partner form's own
// schema, and its USCC is checked against the file's earlier rows and the organisation's partners.
import type { ImportRowError } from "../../../db/schema";
import { locales } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { message } from "../i18n/messages";
import { countryCodes, countryName } from "./countries";
import { buildLookup, columnOfField, importColumns, normalizeLabel, type ImportColumnKey, type PartnerField } from "./partner-import-columns";
import type { RawRow } from "./partner-import-file.server";
import { PartnerSchema, type PartnerValues } from "./partner-schema";
import { aeoProgrammes, customsCredits, partnerRoles } from "./partner-values";

const ROLE_NAMES: Record<(typeof partnerRoles)[number], readonly string[]> = {
  manufacturer_supplier: [
    "生产商/供应商",
    "生产商",
    "供应商",
    "manufacturer or supplier",
    "manufacturer/supplier",
    "manufacturer",
    "supplier",
  ],
  carrier: ["承运人", "承运商", "carrier"],
  customs_broker: ["报关企业", "报关行", "customs broker"],
  freight_forwarder: ["货运代理", "货代", "freight forwarder", "forwarder"],
  warehouse: ["仓储", "仓储企业", "warehouse"],
  third_party_logistics: ["第三方物流", "3PL", "third-party logistics"],
  other: ["其他", "other"],
};

const CREDIT_NAMES: Record<(typeof customsCredits)[number], readonly string[]> = {
  advanced: ["高级认证", "高级认证企业", "advanced", "advanced certified"],
  general: ["一般", "一般信用", "一般信用企业", "general"],
  dishonest: ["失信", "失信企业", "dishonest"],
  unknown: ["未知", "unknown"],
};

const AEO_NAMES: Record<(typeof aeoProgrammes)[number], readonly string[]> = {
  none: ["none", "无", "no"],
  cn_advanced: ["中国海关高级认证", "海关高级认证", "China Customs advanced certification", "AEO CN"],
  ctpat: ["C-TPAT", "CTPAT"],
  eu_aeo: ["EU AEO", "欧盟 AEO", "AEO EU"],
  other_mra: ["其他互认", "其他互认 AEO", "other MRA", "other mutual recognition"],
};

/** Accepted spellings of each value: its key, the names above, and its label in each locale. */
function valueLookup<T extends string>(names: Record<T, readonly string[]>, labelKey: (value: T) => string, what: string): Map<string, T> {
  const values = Object.keys(names) as T[];
  const lookup = buildLookup(
    values.flatMap((value) => [value, ...names[value]].map((name): [string, T] => [name, value])),
    what,
  );
  // The page's labels too, so an exported file reads back; one that clashes with a name above is
  // left out rather than allowed to change what that name means.
  for (const t of locales.map((locale) => createI18n(locale).t)) {
    for (const value of values) {
      const key = labelKey(value);
      const label = String(t(key as never));
      // i18next answers a key it does not know with the key itself.
      if (label && label !== key && !lookup.has(normalizeLabel(label))) lookup.set(normalizeLabel(label), value);
    }
  }
  return lookup;
}

interface Lookups {
  roles: Map<string, (typeof partnerRoles)[number]>;
  credits: Map<string, (typeof customsCredits)[number]>;
  aeo: Map<string, (typeof aeoProgrammes)[number]>;
  countries: Map<string, string>;
}

let lookups: Lookups | undefined;

// Built on first use: the locale labels and country names cost a few milliseconds, once.
function valueLookups(): Lookups {
  lookups ??= {
    roles: valueLookup(ROLE_NAMES, (v) => `partners.role.${v}`, "role"),
    credits: valueLookup(CREDIT_NAMES, (v) => `partners.credit.${v}`, "customs credit"),
    aeo: valueLookup(AEO_NAMES, (v) => `partners.aeo.${v}`, "AEO programme"),
    countries: countryLookup(),
  };
  return lookups;
}

function countryLookup(): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const code of countryCodes) {
    for (const label of [code, countryName(code, "en"), countryName(code, "zh-CN")]) lookup.set(normalizeLabel(label), code);
  }
  // Names people write that the display names spell differently; set last so they win.
  const aliases: Record<string, string> = {
    中华人民共和国: "CN",
    中国大陆: "CN",
    PRC: "CN",
    香港: "HK",
    "Hong Kong": "HK",
    澳门: "MO",
    Macau: "MO",
    Macao: "MO",
    USA: "US",
    UK: "GB",
    英国: "GB",
  };
  for (const [label, code] of Object.entries(aliases)) lookup.set(normalizeLabel(label), code);
  return lookup;
}

const ROLE_SEPARATORS = /[;,、|；，]/;

/** Messages quote the cell, but never more of it than fits in a sentence. */
function quoted(value: string): string {
  const trimmed = value.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed;
}

/** "2026/3/5" and "2026-03-05" alike become 2026-03-05; anything else is left for the schema to refuse. */
function normalizeDate(value: string | undefined): string | undefined {
  const match = value?.trim().match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/);
  if (!match) return value;
  return `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`;
}

function normalizeUscc(value: string | undefined): string | undefined {
  const code = value?.toUpperCase().replace(/\s+/g, "");
  return code ? code : undefined;
}

type SchemaInput = Partial<Record<PartnerField, string | string[]>>;

/** A file row in the form's input shape, and the cells that name no known value. */
function schemaInput(row: number, raw: RawRow["raw"]): { input: SchemaInput; problems: ImportRowError[] } {
  const { roles, credits, aeo, countries } = valueLookups();
  const problems: ImportRowError[] = [];
  const choose = <T extends string>(column: ImportColumnKey, lookup: Map<string, T>): T | string | undefined => {
    const cell = raw[column]?.trim();
    if (!cell) return undefined;
    const value = lookup.get(normalizeLabel(cell));
    if (value === undefined) problems.push({ row, column, message: message("partners.import.unknownValue", { value: quoted(cell) }) });
    return value ?? cell;
  };
  const input: SchemaInput = {};
  for (const column of importColumns) input[column.field] = raw[column.key];
  input.countryCode = choose("country", countries);
  input.customsCredit = choose("customs_credit", credits);
  input.aeoProgramme = choose("aeo_programme", aeo);
  input.aeoValidUntil = normalizeDate(raw.aeo_valid_until);
  const names = (raw.roles ?? "")
    .split(ROLE_SEPARATORS)
    .map((name) => name.trim())
    .filter(Boolean);
  const unknownRoles = names.filter((name) => !roles.has(normalizeLabel(name)));
  if (unknownRoles.length)
    problems.push({ row, column: "roles", message: message("partners.import.unknownRole", { value: quoted(unknownRoles.join(", ")) }) });
  input.roles = [...new Set(names.flatMap((name) => roles.get(normalizeLabel(name)) ?? []))];
  return { input, problems };
}

export interface CheckedRows {
  valid: { row: number; values: PartnerValues }[];
  errors: ImportRowError[];
}

/**
 * Every row through the partner form's schema, then the USCC against the file's earlier rows and
 * the organisation's partners. One error per cell; a row with any error is not valid.
 */
export function checkPartnerRows(rows: readonly RawRow[], existingUsccs: ReadonlySet<string>): CheckedRows {
  const valid: CheckedRows["valid"] = [];
  const errors: ImportRowError[] = [];
  const firstRowOfUscc = new Map<string, number>();
  for (const { row, raw } of rows) {
    const { input, problems } = schemaInput(row, raw);
    const parsed = PartnerSchema.safeParse(input);
    const rowErrors = parsed.success ? problems : [...problems, ...issueErrors(row, parsed.error.issues, problems)];
    const uscc = parsed.success ? parsed.data.uscc : input.countryCode === "CN" ? normalizeUscc(raw.uscc) : undefined;
    const usccError = uscc ? usccConflict(row, uscc, existingUsccs, firstRowOfUscc) : null;
    if (usccError && !rowErrors.some((e) => e.column === "uscc")) rowErrors.push(usccError);
    if (parsed.success && rowErrors.length === 0) valid.push({ row, values: parsed.data });
    errors.push(...rowErrors);
  }
  return { valid, errors };
}

/** The schema's issues as row errors, the first per column, skipping cells already reported. */
function issueErrors(
  row: number,
  issues: readonly { path: PropertyKey[]; message: string }[],
  reported: readonly ImportRowError[],
): ImportRowError[] {
  const columns = new Set(reported.map((e) => e.column));
  const out: ImportRowError[] = [];
  for (const issue of issues) {
    const field = issue.path[0];
    const column = (typeof field === "string" && columnOfField.get(field)) || "row";
    if (columns.has(column)) continue;
    columns.add(column);
    out.push({ row, column, message: issue.message });
  }
  return out;
}

function usccConflict(row: number, uscc: string, existing: ReadonlySet<string>, firstRowOf: Map<string, number>): ImportRowError | null {
  if (existing.has(uscc)) return { row, column: "uscc", message: message("partners.usccTaken") };
  const first = firstRowOf.get(uscc);
  if (first !== undefined) return { row, column: "uscc", message: message("partners.import.duplicateInFile", { row: first }) };
  firstRowOf.set(uscc, row);
  return null;
}
