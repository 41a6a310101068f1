// Why one module (659 lines): reading a file (CSV or XLSX), checking each row and writing the import
// are one pipeline with one row type; the next split (reading / checking / writing) is listed for
// Step 10 in the issue note.
import { createHash } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import Papa from "papaparse";
import { partnerImports, partners, type ImportRowError, type Partner, type PartnerImport } from "../../../db/schema";
import { recordAuditBatch, type AuditInput } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { refused, type FieldErrors } from "../form.server";
import { locales } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import { countryCodes, countryName } from "./countries";
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from "./partner-import-limits";
import { PartnerSchema, type PartnerValues } from "./partner-schema";
import { aeoProgrammes, customsCredits, partnerRoles } from "./partner-values";
import { columnsOf } from "./partners.server";
import { readFirstSheetRows, XlsxLimitError } from "./xlsx-reader.server";

// Partner lists from a spreadsheet: the file is read and every row checked with the partner form's
// own schema into a stored preview; nothing is registered until a person confirms that preview, and
// then all of it goes in one transaction, numbered and audited like partners registered one by one.

export { MAX_IMPORT_ROWS } from "./partner-import-limits";
const INSERT_CHUNK = 500;

type PartnerField = keyof PartnerValues;

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
function normalizeLabel(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-*]+/g, "");
}

function buildLookup<T extends string | null>(entries: Iterable<[string, T]>, what: string): Map<string, T> {
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

const headingLookup = buildLookup<ImportColumnKey | null>(
  [
    ...importColumns.flatMap((c) => [c.key, c.field, c.en, c.zh, ...c.aliases].map((label): [string, ImportColumnKey] => [label, c.key])),
    ...exportOnlyColumns.flatMap((c) => [c.key, c.en, c.zh].map((label): [string, null] => [label, null])),
  ],
  "heading",
);

const columnOfField = new Map<string, ImportColumnKey>(importColumns.map((c) => [c.field, c.key]));

// ---------------------------------------------------------------------------------------------
// Reading the file

export type RawRow = { row: number; raw: Partial<Record<ImportColumnKey, string>> };
export type ParsedPartnerFile = { ok: true; rows: RawRow[] } | { ok: false; error: string };

type Table = { row: number; cells: string[] }[];

export async function parsePartnerFile(bytes: Uint8Array, fileName: string): Promise<ParsedPartnerFile> {
  const kind = fileKind(bytes, fileName);
  if (!kind) return { ok: false, error: message("partners.import.badFile") };
  if (kind === "xlsx") {
    const read = await readXlsx(bytes);
    return "error" in read ? { ok: false, error: read.error } : rowsOfTable(read.table);
  }
  const table = readCsv(bytes);
  if (!table) return { ok: false, error: message("partners.import.badFile") };
  return rowsOfTable(table);
}

function fileKind(bytes: Uint8Array, fileName: string): "xlsx" | "csv" | null {
  const starts = (...head: number[]) => head.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  // An old binary .xls (OLE container) or anything else named like a workbook is not readable here.
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return null;
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) return null;
  return "csv";
}

function readCsv(bytes: Uint8Array): Table | null {
  const text = decodeText(bytes);
  if (text === null || text.includes("\u0000")) return null;
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: headerDelimiter(text) });
  // Row numbers are records as a spreadsheet shows them (a quoted line break stays in its cell),
  // which is why blank lines are kept by the parser and skipped afterwards.
  return parsed.data.map((cells, index) => ({ row: index + 1, cells }));
}

/** UTF-8 (a BOM is dropped); failing that GB 18030, which Excel on Chinese Windows saves CSV as. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

// The delimiter is decided by the heading line alone: papaparse's guess looks at data rows too,
// where "carrier; warehouse" in a roles cell can outvote the commas.
function headerDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const first = end === -1 ? text : text.slice(0, end);
  const count = (d: string) => first.split(d).length - 1;
  const candidates = [",", ";", "\t"];
  return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ",");
}

/**
 * The first worksheet's rows, read as they are unpacked (xlsx-reader.server.ts) and refused as soon
 * as a limit is passed: the unpacked size, the columns, or more rows with a value than a file may
 * import (the heading and MAX_IMPORT_ROWS); reading stops there.
 */
async function readXlsx(bytes: Uint8Array): Promise<{ table: Table } | { error: string }> {
  const table: Table = [];
  try {
    for await (const { row, values } of readFirstSheetRows(bytes, { maxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES, maxColumns: MAX_IMPORT_COLUMNS })) {
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
      if (isBlank(cells)) continue;
      table.push({ row, cells });
      if (table.length > MAX_IMPORT_ROWS + 1) return { error: message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }) };
    }
  } catch (error) {
    if (error instanceof XlsxLimitError && error.limit === "unpacked")
      return { error: message("partners.import.tooLarge", { max: Math.round(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024) }) };
    if (error instanceof XlsxLimitError) return { error: message("partners.import.tooManyColumns", { max: MAX_IMPORT_COLUMNS }) };
    // XlsxFormatError, or whatever a malformed part makes exceljs or the XML parser throw.
    return { error: message("partners.import.badFile") };
  }
  return { table };
}

/** An exceljs cell value as the text a person sees (a formula's result, a date as YYYY-MM-DD). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // exceljs gives a date cell as the UTC instant of its wall-clock date.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join("");
    if ("result" in cell || "formula" in cell || "sharedFormula" in cell) return cellText(cell.result);
    if ("text" in cell) return cellText(cell.text);
  }
  return "";
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

function rowsOfTable(table: Table): ParsedPartnerFile {
  const content = table.filter((line) => !isBlank(line.cells));
  const [heading, ...data] = content;
  if (!heading || data.length === 0) return { ok: false, error: message("partners.import.noRows") };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, error: message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }) };
  const columns = columnsOfHeading(heading.cells);
  if (!columns.ok) return columns;
  const rows = data.map(({ row, cells }) => {
    const raw: RawRow["raw"] = {};
    columns.keys.forEach((key, index) => {
      if (key) raw[key] = cells[index] ?? "";
    });
    return { row, raw };
  });
  return { ok: true, rows };
}

/** The column key of each heading cell (null: a blank or export-only heading, ignored). */
function columnsOfHeading(cells: readonly string[]): { ok: true; keys: (ImportColumnKey | null)[] } | { ok: false; error: string } {
  const unknown: string[] = [];
  const seen = new Set<ImportColumnKey>();
  const repeated = new Set<string>();
  const keys = cells.map((cell) => {
    const label = cell.trim();
    if (!label) return null;
    const key = headingLookup.get(normalizeLabel(label));
    if (key === undefined) unknown.push(label);
    if (!key) return null;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
    return key;
  });
  if (unknown.length) return { ok: false, error: message("partners.import.unknownColumns", { columns: unknown.join(", ") }) };
  if (repeated.size) return { ok: false, error: message("partners.import.duplicateColumns", { columns: [...repeated].join(", ") }) };
  const missing = missingColumns(seen);
  if (missing.length) return { ok: false, error: message("partners.import.missingColumns", { columns: missing.join(", ") }) };
  return { ok: true, keys };
}

// Country and roles are needed by every partner, and a name in at least one language. Whether a
// USCC or a foreign number is needed depends on the row, so those columns may be absent.
function missingColumns(present: ReadonlySet<ImportColumnKey>): string[] {
  const missing: string[] = [];
  if (!present.has("legal_name_zh") && !present.has("legal_name_en")) missing.push("legal_name_zh / legal_name_en");
  if (!present.has("country")) missing.push("country");
  if (!present.has("roles")) missing.push("roles");
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Checking the rows

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

// ---------------------------------------------------------------------------------------------
// Preview and confirmation

async function organizationUsccs(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ uscc: partners.uscc })
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), isNotNull(partners.uscc)));
  return new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])));
}

/** Reads and checks a file into a stored preview. No partner is written. */
export async function createImportPreview(
  db: Database,
  actor: Actor,
  file: { bytes: Uint8Array; name: string },
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const parsed = await parsePartnerFile(file.bytes, file.name);
  if (!parsed.ok) return refused({ file: parsed.error });
  const checked = checkPartnerRows(parsed.rows, await organizationUsccs(db, actor.organizationId));
  const [row] = await db
    .insert(partnerImports)
    .values({
      organizationId: actor.organizationId,
      fileName: file.name.slice(0, 255),
      fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
      totalRows: parsed.rows.length,
      validRows: checked.valid,
      errors: checked.errors,
      createdByUserId: actor.userId,
    })
    .returning({ id: partnerImports.id });
  if (!row) throw new Error("createImportPreview: insert returned nothing");
  return { ok: true, id: row.id };
}

export async function getImportPreview(db: Executor, orgId: string, importId: string): Promise<PartnerImport | null> {
  if (!isUuid(importId)) return null;
  const [row] = await db
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.organizationId, orgId), eq(partnerImports.id, importId)));
  return row ?? null;
}

export type ConfirmImportResult = { ok: true; imported: number } | { ok: false; errors: FieldErrors };

/**
 * Registers the preview's valid rows, all or nothing: numbered TP-… in file order, one audit event
 * per partner and one for the import. Refused while the preview has errors unless `onlyValid`, and
 * when a partner with one of its USCCs was registered since the preview was made.
 */
export async function confirmImport(
  db: Database,
  actor: Actor,
  importId: string,
  options: { onlyValid: boolean },
): Promise<ConfirmImportResult> {
  if (!isUuid(importId)) return refused({ form: message("partners.import.notFound") });
  return db.transaction(async (tx) => {
    const preview = await lockPreview(tx, actor.organizationId, importId);
    if (!preview) return refused({ form: message("partners.import.notFound") });
    const refusal = confirmRefusal(preview, options);
    if (refusal) return refusal;
    // Taken first: it locks the organisation row, so no partner can be registered between the
    // USCC check below and the inserts.
    const firstNumber = await nextRunningNumber(tx, actor.organizationId, partners);
    const conflicts = conflictingRows(preview.validRows, await organizationUsccs(tx, actor.organizationId));
    if (conflicts.length) return refused({ form: message("partners.import.conflicts", { rows: rowList(conflicts) }) });
    const created = await insertPartners(tx, actor, preview.validRows, firstNumber);
    await recordAuditBatch(tx, actor.organizationId, [
      ...created.map((p) => partnerEvent(actor, p)),
      importEvent(actor, preview, created.length),
    ]);
    await tx
      .update(partnerImports)
      .set({ status: "imported", importedCount: created.length, importedAt: new Date() })
      .where(eq(partnerImports.id, preview.id));
    return { ok: true as const, imported: created.length };
  });
}

async function lockPreview(tx: Executor, orgId: string, importId: string): Promise<PartnerImport | null> {
  const [row] = await tx
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.organizationId, orgId), eq(partnerImports.id, importId)))
    .for("update");
  return row ?? null;
}

function confirmRefusal(preview: PartnerImport, options: { onlyValid: boolean }) {
  if (preview.status === "imported") return refused({ form: message("partners.import.alreadyImported") });
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size;
  if (rowsWithErrors > 0 && !options.onlyValid) return refused({ form: message("partners.import.hasErrors", { count: rowsWithErrors }) });
  if (preview.validRows.length === 0) return refused({ form: message("partners.import.noValidRows") });
  return null;
}

function conflictingRows(validRows: PartnerImport["validRows"], taken: ReadonlySet<string>): number[] {
  return validRows.flatMap(({ row, values }) => (typeof values.uscc === "string" && taken.has(values.uscc) ? [row] : []));
}

/** "3, 7, 12" — the first twenty, then an ellipsis: enough to find them, short enough to read. */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 20).join(", ");
  return rows.length > 20 ? `${shown}, …` : shown;
}

async function insertPartners(tx: Executor, actor: Actor, validRows: PartnerImport["validRows"], firstNumber: number): Promise<Partner[]> {
  const values = validRows.map(({ values: v }, index) => ({
    organizationId: actor.organizationId,
    number: firstNumber + index,
    // Stored by checkPartnerRows from PartnerSchema's output, as JSON.
    ...columnsOf(v as PartnerValues),
    createdByUserId: actor.userId,
  }));
  const created: Partner[] = [];
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    created.push(
      ...(await tx
        .insert(partners)
        .values(values.slice(i, i + INSERT_CHUNK))
        .returning()),
    );
  }
  // RETURNING of a multi-row insert is in insertion order in practice, not by guarantee.
  return created.sort((a, b) => a.number - b.number);
}

function partnerEvent(actor: Actor, partner: Partner): Omit<AuditInput, "organizationId"> {
  return { actorUserId: actor.userId, action: "create", entityType: "partner", entityId: partner.id, after: partner };
}

function importEvent(actor: Actor, preview: PartnerImport, count: number): Omit<AuditInput, "organizationId"> {
  return {
    actorUserId: actor.userId,
    action: "create",
    entityType: "partner_import",
    entityId: preview.id,
    after: { fileName: preview.fileName, fileSha256: preview.fileSha256, totalRows: preview.totalRows, importedCount: count },
  };
}
