// The complete register of each record type for a dossier's period: every record that proves one
// of its criteria, one row each, as an XLSX file the PDF carries as an attachment. Nothing is left
// out and nothing bloats the pages. Records are read a page at a time (keyset on the time and id,
// through the evidence_links index by type and time) and written with exceljs's streaming writer, so
// memory holds one page however long the period is.

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { anyUuid, instant, selectRows } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { xlsxCell } from "~/lib/spreadsheet-cells.server";
import { loadRecords } from "./dossier-records.server";
import { dossierRecordTypes, factsFrom, outcomeLabel, type DossierRecordType, type FactsContext } from "./dossier-facts.server";
import type { Bilingual, DossierRegister, DossierScope } from "./dossier-types";
import { typeLabel } from "./dossier-labels.server";

/** Records read, loaded and written per round trip. */
export const REGISTER_PAGE = 1000;

interface PageRow extends Record<string, unknown> {
  record_id: string;
  occurred_at: Date;
  cursor: string;
  site_id: string | null;
  exception: boolean;
  outcome: string | null;
  criteria: string[];
}

/**
 * The records of a type that prove the dossier's criteria in its period (sites as the dossier
 * chose), oldest first, `REGISTER_PAGE` at a time.
 */
export async function* linkedRecordPages(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope): AsyncGenerator<PageRow[]> {
  const sites = scope.siteIds ? sql.param([...scope.siteIds]) : sql.param(null);
  let after: { cursor: string; id: string } | null = null;
  for (;;) {
    // The cursor is the stored time as text: a Date would drop PostgreSQL's microseconds and repeat rows.
    const keyset = after ? sql`and (l.occurred_at, l.record_id) > (${after.cursor}::timestamptz, ${after.id}::uuid)` : sql``;
    const rows: PageRow[] = await selectRows<PageRow>(
      db,
      sql`select l.record_id, l.occurred_at, l.occurred_at::text as cursor, f.site_id, f.exception, f.outcome,
          array_agg(l.criterion_id order by l.criterion_id) as criteria
        ${factsFrom(type, c)}
        where l.organization_id = ${c.orgId} and l.record_type = ${type}
          and ${anyUuid(sql`l.criterion_id`, scope.criterionIds)}
          and l.occurred_at >= ${instant(scope.from)} and l.occurred_at < ${instant(scope.to)} ${keyset}
          and (${sites}::uuid[] is null or f.site_id is null or f.site_id = any(${sites}::uuid[]))
        group by l.occurred_at, l.record_id, f.site_id, f.exception, f.outcome
        order by l.occurred_at, l.record_id
        limit ${REGISTER_PAGE}`,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < REGISTER_PAGE) return;
    const last = rows[rows.length - 1] as PageRow;
    after = { cursor: last.cursor, id: last.record_id };
  }
}

export interface RegisterOptions {
  directory: string;
  /** Written into the workbook and its zip entries, so the same dossier gives the same bytes. */
  generatedAt: Date;
  /** Criterion id → the code printed for it, e.g. "(43)". */
  criterionCodes: ReadonlyMap<string, string>;
  /** Base of the links to each record's page; empty: the path alone. */
  appUrl: string;
  onPage?: () => Promise<void>;
}

const headings: Bilingual[] = [
  { zh: "日期时间", en: "Date and time" },
  { zh: "编号", en: "Reference" },
  { zh: "场所", en: "Site" },
  { zh: "摘要", en: "Summary" },
  { zh: "摘要（英文）", en: "Summary (English)" },
  { zh: "结果", en: "Result" },
  { zh: "结果（英文）", en: "Result (English)" },
  { zh: "例外", en: "Exception" },
  { zh: "文件数", en: "Files" },
  { zh: "对应条款", en: "Criteria" },
  { zh: "应用内页面", en: "Page in Tradeguard" },
];

/**
 * Dates every entry of a zip file (its local header and its central-directory record) at `at`:
 * exceljs's writer dates them when they are written, so the same register would differ from one
 * generation to the next. The entries' contents are untouched.
 */
export async function stampZipEntries(file: string, at: Date): Promise<void> {
  const zip = await readFile(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file}: not a zip file`);
  const entries = zip.readUInt16LE(eocd + 10);
  let at32 = zip.readUInt32LE(eocd + 16);
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at32) !== 0x02014b50) throw new Error(`${file}: unexpected central directory`);
    zip.writeUInt16LE(time, at32 + 12);
    zip.writeUInt16LE(date, at32 + 14);
    const local = zip.readUInt32LE(at32 + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: unexpected local header`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at32 += 46 + zip.readUInt16LE(at32 + 28) + zip.readUInt16LE(at32 + 30) + zip.readUInt16LE(at32 + 32);
  }
  await writeFile(file, zip);
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Writes the register of one record type; null when the period has none of it. */
export async function writeRegister(db: Executor, type: DossierRecordType, c: FactsContext, scope: DossierScope, options: RegisterOptions): Promise<DossierRegister | null> {
  const fileName = `register-${type.replace(/_/g, "-")}.xlsx`;
  const file = path.join(options.directory, fileName);
  const label = typeLabel(type);
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | null = null;
  let sheet: ExcelJS.Worksheet | null = null;
  let rows = 0;
  for await (const page of linkedRecordPages(db, type, c, scope)) {
    if (!workbook || !sheet) {
      workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
      workbook.creator = "Tradeguard";
      workbook.lastModifiedBy = "Tradeguard";
      workbook.created = options.generatedAt;
      workbook.modified = options.generatedAt;
      sheet = workbook.addWorksheet(label.en.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
      sheet.columns = [18, 14, 18, 44, 44, 14, 14, 8, 7, 14, 50].map((width) => ({ width }));
      const header = sheet.addRow(headings.map((h) => `${h.zh} ${h.en}`));
      header.font = { bold: true };
      header.commit();
    }
    const loaded = await loadRecords(db, c.orgId, type, page.map((r) => r.record_id));
    for (const r of page) {
      const record = loaded.get(r.record_id);
      if (!record) continue;
      const outcome = record.result ?? (r.outcome ? outcomeLabel(type, r.outcome) : null);
      sheet
        .addRow([
          localDateTimeInZone(r.occurred_at, c.timeZone).replace("T", " "),
          record.reference,
          record.site ? record.site.zh : "",
          record.summary.zh,
          record.summary.en,
          outcome?.zh ?? "",
          outcome?.en ?? "",
          r.exception ? "是 Yes" : "",
          record.files.length,
          r.criteria.map((id) => options.criterionCodes.get(id) ?? "").filter(Boolean).join(" "),
          `${options.appUrl}${record.path}`,
        ].map(xlsxCell))
        .commit();
      rows += 1;
    }
    await options.onPage?.();
  }
  if (!workbook || !sheet) return null;
  sheet.commit();
  await workbook.commit();
  await stampZipEntries(file, options.generatedAt);
  return { recordType: type, fileName, path: file, sha256: await sha256Of(file), sizeBytes: (await stat(file)).size, rows };
}

/** The registers of every record type with records in the period, in the registry's order. */
export async function writeRegisters(db: Executor, c: FactsContext, scope: DossierScope, options: RegisterOptions): Promise<DossierRegister[]> {
  const out: DossierRegister[] = [];
  for (const type of dossierRecordTypes) {
    const register = await writeRegister(db, type, c, scope, options);
    if (register) out.push(register);
  }
  return out;
}
