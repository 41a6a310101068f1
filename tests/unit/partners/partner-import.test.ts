// The partner list import without a database: reading CSV and XLSX files into rows (headings in
// either language, the file's row numbers) and checking each row with the partner form's schema.
// The export is read back here too, since its headings are the importer's.
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import type { Partner } from "../../../db/schema";
import { message } from "~/lib/i18n/messages";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import { partnerExportRows, partnersCsv, partnersXlsx } from "~/lib/partners/partner-export.server";
import { parsePartnerFile, type RawRow } from "~/lib/partners/partner-import-file.server";
import { MAX_IMPORT_ROWS } from "~/lib/partners/partner-import-limits";
import { checkPartnerRows } from "~/lib/partners/partner-import-rows.server";
import { MAX_IMPORT_COLUMNS, MAX_XLSX_UNPACKED_BYTES } from "~/lib/partners/partner-import-limits";
import { rowsBomb, rowXml, workbookParts, zipParts } from "../../support/xlsx-bomb";

/** A valid USCC: a fixed 12-character start, five digits of `n`, the GB 32100 check character. */
function uscc(n: number): string {
  const first17 = `91440300MA5G${String(n).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

/** The same code with a wrong check character, and the one it should have. */
function wrongCheck(n: number): { code: string; expected: string } {
  const code = uscc(n);
  const expected = code.slice(-1);
  const wrong = expected === "0" ? "1" : "0";
  return { code: code.slice(0, 17) + wrong, expected };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

async function parseCsv(text: string, name = "partners.csv") {
  const parsed = await parsePartnerFile(utf8(text), name);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.error}`);
  return parsed.rows;
}

async function parseError(bytes: Uint8Array, name = "partners.csv") {
  const parsed = await parsePartnerFile(bytes, name);
  if (parsed.ok) throw new Error("parsed, but an error was expected");
  return parsed.error;
}

async function xlsxOf(rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Partners");
  sheet.addRows(rows);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const row = (n: number, raw: RawRow["raw"]): RawRow => ({ row: n, raw });

const chinesePartner = (n: number, overrides: RawRow["raw"] = {}): RawRow["raw"] => ({
  legal_name_zh: `深圳测试物流有限公司 ${n}`,
  legal_name_en: `Shenzhen Test Logistics ${n}`,
  country: "CN",
  uscc: uscc(n),
  roles: "承运人",
  ...overrides,
});

describe("parsePartnerFile: CSV", () => {
  test("Chinese headings, a byte-order mark and CRLF line ends", async () => {
    const text = [
      "企业名称（中文）,国家或地区,统一社会信用代码,角色,海关信用等级,备注",
      `深圳测试物流有限公司,中国,${uscc(1)},承运人、仓储,高级认证,首批`,
      "",
    ].join("\r\n");
    const rows = await parseCsv(`\uFEFF${text}`);
    expect(rows).toEqual([
      {
        row: 2,
        raw: { legal_name_zh: "深圳测试物流有限公司", country: "中国", uscc: uscc(1), roles: "承运人、仓储", customs_credit: "高级认证", notes: "首批" },
      },
    ]);
  });

  test("English headings in any case and spacing, quoted fields with commas, quotes and line breaks", async () => {
    const text = [
      "Legal Name (English),COUNTRY,foreign registration,  Roles ,AEO_Programme,aeo certificate,AEO valid until,Annual volume (CNY)",
      '"Acme Freight, Inc.",US,EIN 12-3456789,"carrier, freight forwarder",C-TPAT,CT-1,2027-05-31,"1,200,000"',
      '"The ""Best"" Warehouse\nLLC",DE,HRB 1234,warehouse,none,,,',
    ].join("\n");
    const rows = await parseCsv(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      row: 2,
      raw: {
        legal_name_en: "Acme Freight, Inc.",
        country: "US",
        foreign_registration: "EIN 12-3456789",
        roles: "carrier, freight forwarder",
        aeo_programme: "C-TPAT",
        aeo_certificate: "CT-1",
        aeo_valid_until: "2027-05-31",
        annual_volume_cny: "1,200,000",
      },
    });
    // A line break inside quotes stays in its cell: the record is still the file's row 3.
    expect(rows[1]?.row).toBe(3);
    expect(rows[1]?.raw.legal_name_en).toBe('The "Best" Warehouse\nLLC');
  });

  test("the other spellings of a heading: 中文名称, full-width brackets, camelCase field names", async () => {
    const rows = await parseCsv("中文名称,legalNameEn,国家,roles,境外注册号\n甲,A,JP,other,JP-1\n");
    expect(rows[0]?.raw).toEqual({ legal_name_zh: "甲", legal_name_en: "A", country: "JP", roles: "other", foreign_registration: "JP-1" });
    const fullWidth = await parseCsv("企业名称（中文）,企业名称(英文),country,roles\n乙,B,CN,carrier\n");
    expect(Object.keys(fullWidth[0]?.raw ?? {})).toEqual(["legal_name_zh", "legal_name_en", "country", "roles"]);
  });

  test("blank lines and rows of empty cells are skipped, the row numbers stay the file's", async () => {
    const rows = await parseCsv("legal_name_en,country,roles\n\nA,US,carrier\n,,\n\nB,GB,warehouse\n\n");
    expect(rows.map((r) => [r.row, r.raw.legal_name_en])).toEqual([
      [3, "A"],
      [6, "B"],
    ]);
  });

  test("a semicolon-separated file (European Excel) with commas inside the roles cell", async () => {
    const rows = await parseCsv("legal_name_en;country;roles;foreign_registration\nA;FR;carrier, warehouse;FR-1\n");
    expect(rows[0]?.raw).toEqual({ legal_name_en: "A", country: "FR", roles: "carrier, warehouse", foreign_registration: "FR-1" });
  });

  test("a CSV saved by Chinese Excel in GB 18030 is read as such", async () => {
    // 企业名称（中文）,国家,角色 / 测试,中国,承运人 in GB 18030.
    const gb = Buffer.from(
      "c6f3d2b5c3fbb3c6a3a8d6d0cec4a3a92cb9fabcd22cbdc7c9ab0d0ab2e2cad42cd6d0b9fa2cb3d0d4cbc8cb0d0a",
      "hex",
    );
    const rows = await parsePartnerFile(new Uint8Array(gb), "gbk.csv");
    expect(rows).toEqual({ ok: true, rows: [{ row: 2, raw: { legal_name_zh: "测试", country: "中国", roles: "承运人" } }] });
  });

  test("unknown headings are named", async () => {
    const error = await parseError(utf8("legal_name_en,country,roles,Fax,联系人\nA,US,carrier,1,2\n"));
    expect(error).toBe(message("partners.import.unknownColumns", { columns: "Fax, 联系人" }));
  });

  test("missing required headings are named", async () => {
    expect(await parseError(utf8("uscc,notes\nX,Y\n"))).toBe(
      message("partners.import.missingColumns", { columns: "legal_name_zh / legal_name_en, country, roles" }),
    );
    expect(await parseError(utf8("英文名称,国家\nA,US\n"))).toBe(message("partners.import.missingColumns", { columns: "roles" }));
  });

  test("the same column twice is refused rather than one of them dropped", async () => {
    expect(await parseError(utf8("legal_name_en,Legal name (English),country,roles\nA,B,US,carrier\n"))).toBe(
      message("partners.import.duplicateColumns", { columns: "legal_name_en" }),
    );
  });

  test("a heading alone, or an empty file, has no rows", async () => {
    expect(await parseError(utf8("legal_name_en,country,roles\r\n"))).toBe(message("partners.import.noRows"));
    expect(await parseError(new Uint8Array())).toBe(message("partners.import.noRows"));
  });

  test(`more than ${MAX_IMPORT_ROWS} data rows are refused; exactly ${MAX_IMPORT_ROWS} are read`, async () => {
    const lines = (n: number) => ["legal_name_en,country,roles", ...Array.from({ length: n }, (_, i) => `P${i},US,carrier`)].join("\n");
    expect(await parseError(utf8(lines(MAX_IMPORT_ROWS + 1)))).toBe(message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }));
    const rows = await parseCsv(lines(MAX_IMPORT_ROWS));
    expect(rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(rows.at(-1)?.row).toBe(MAX_IMPORT_ROWS + 1);
  });

  test("an old .xls, a file named .xlsx that is no workbook, and binary junk are not readable", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await parseError(ole, "partners.xls")).toBe(message("partners.import.badFile"));
    expect(await parseError(utf8("legal_name_en,country,roles\nA,US,carrier\n"), "partners.xlsx")).toBe(message("partners.import.badFile"));
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await parseError(brokenZip, "partners.xlsx")).toBe(message("partners.import.badFile"));
    expect(await parseError(new Uint8Array([0x61, 0x00, 0x62, 0xff, 0xfe, 0x00]), "partners.csv")).toBe(message("partners.import.badFile"));
  });
});

describe("parsePartnerFile: XLSX", () => {
  test("the first worksheet; dates, numbers, rich text and formula results as text; blank rows skipped", async () => {
    const bytes = await xlsxOf(
      [
        ["企业名称（中文）", "Legal name (English)", "国家", "统一社会信用代码", "角色", "AEO 认证", "AEO 证书编号", "AEO 有效期至", "年业务量（人民币元）"],
        ["深圳甲公司", "Shenzhen A", "CN", uscc(7), "报关企业", "中国海关高级认证", "AEOCN4403000001", new Date(Date.UTC(2027, 2, 5)), 1500000],
        [],
        [{ richText: [{ text: "上海" }, { font: { bold: true }, text: "乙公司" }] }, "Shanghai B", "中国", uscc(8), "货运代理", "无", "", "", { formula: "1000*2", result: 2000 }],
      ],
      (sheet) => {
        sheet.getCell("H2").numFmt = "yyyy-mm-dd";
      },
    );
    const parsed = await parsePartnerFile(bytes, "名单.xlsx");
    expect(parsed).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          raw: {
            legal_name_zh: "深圳甲公司",
            legal_name_en: "Shenzhen A",
            country: "CN",
            uscc: uscc(7),
            roles: "报关企业",
            aeo_programme: "中国海关高级认证",
            aeo_certificate: "AEOCN4403000001",
            aeo_valid_until: "2027-03-05",
            annual_volume_cny: "1500000",
          },
        },
        {
          row: 4,
          raw: {
            legal_name_zh: "上海乙公司",
            legal_name_en: "Shanghai B",
            country: "中国",
            uscc: uscc(8),
            roles: "货运代理",
            aeo_programme: "无",
            aeo_certificate: "",
            aeo_valid_until: "",
            annual_volume_cny: "2000",
          },
        },
      ],
    });
  });

  test("recognised by its bytes whatever it is called, and its headings are checked like a CSV's", async () => {
    const bytes = await xlsxOf([["legal_name_en", "country", "Phone"], ["A", "US", "1"]]);
    expect(await parseError(bytes, "upload.bin")).toBe(message("partners.import.unknownColumns", { columns: "Phone" }));
  });

  test("its dates read back as valid dates and its row through the checks", async () => {
    const bytes = await xlsxOf([
      ["legal_name_en", "country", "foreign_registration", "roles", "aeo_programme", "aeo_certificate", "aeo_valid_until"],
      ["Acme", "United States", "EIN 1", "3PL", "C-TPAT", "CT-9", new Date(Date.UTC(2026, 11, 31))],
    ]);
    const parsed = await parsePartnerFile(bytes, "p.xlsx");
    if (!parsed.ok) throw new Error(parsed.error);
    const { valid, errors } = checkPartnerRows(parsed.rows, new Set());
    expect(errors).toEqual([]);
    expect(valid[0]?.values).toMatchObject({ countryCode: "US", roles: ["third_party_logistics"], aeoProgramme: "ctpat", aeoValidUntil: "2026-12-31" });
  });
});

describe("parsePartnerFile: XLSX limits", () => {
  /** What a zip's parts add up to unpacked, as its central directory says. */
  function unpackedSize(zip: Uint8Array): number {
    const bytes = Buffer.from(zip);
    const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let at = bytes.readUInt32LE(end + 16);
    let total = 0;
    for (let i = 0; i < bytes.readUInt16LE(end + 10); i += 1) {
      total += bytes.readUInt32LE(at + 24);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return total;
  }

  test(`a full list (${MAX_IMPORT_ROWS} partners, every column, long notes) unpacks to a fraction of the limit and is read whole`, async () => {
    // Excel saves such a list (its texts in the shared strings) as about 17 MB unpacked; here every
    // text is inline in the sheet, which is larger still.
    const heading = ["企业名称（中文）", "Legal name (English)", "国家或地区", "统一社会信用代码", "境外注册号", "角色", "海关信用等级", "AEO 认证", "AEO 项目名称", "AEO 证书编号", "AEO 有效期至", "年业务量（人民币元）", "备注"];
    const rows = function* () {
      yield rowXml(1, heading);
      for (let i = 0; i < MAX_IMPORT_ROWS; i += 1) {
        yield rowXml(i + 2, [
          `深圳测试物流有限公司第${i}分公司`,
          `Shenzhen Test Logistics Branch ${i} Co., Ltd.`,
          "中国",
          uscc(i % 90_000),
          "",
          "承运人;仓储;第三方物流",
          "高级认证企业",
          "中国海关高级认证",
          "",
          `AEOCN${String(i).padStart(10, "0")}`,
          `2027-${String((i % 12) + 1).padStart(2, "0")}-15`,
          String((i % 97) * 100_000),
          `年度评估 ${i}：承运线路覆盖华南、华东，客户投诉率低于千分之一。`.repeat(2),
        ]);
      }
    };
    const bytes = await zipParts(workbookParts({ rows }));
    expect(unpackedSize(bytes)).toBeLessThan(MAX_XLSX_UNPACKED_BYTES / 2);
    const parsed = await parsePartnerFile(bytes, "partners.xlsx");
    expect(parsed.ok && parsed.rows.length).toBe(MAX_IMPORT_ROWS);
  }, 60_000);

  test("a sheet of 100,000 rows is refused at the row limit, without reading the rest", async () => {
    const bytes = await rowsBomb(100_000);
    const started = performance.now();
    expect(await parseError(bytes, "partners.xlsx")).toBe(message("partners.import.tooManyRows", { max: MAX_IMPORT_ROWS }));
    // Reading all of it takes several times as long.
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

  test(`a value beyond column ${MAX_IMPORT_COLUMNS} is refused; up to it, it is a heading like any other`, async () => {
    const wide = (columns: number) => xlsxOf([[...["legal_name_en", "country", "roles"], ...Array.from({ length: columns - 4 }, () => ""), "Phone"], ["A", "US", "carrier"]]);
    expect(await parseError(await wide(MAX_IMPORT_COLUMNS + 1), "p.xlsx")).toBe(message("partners.import.tooManyColumns", { max: MAX_IMPORT_COLUMNS }));
    expect(await parseError(await wide(MAX_IMPORT_COLUMNS), "p.xlsx")).toBe(message("partners.import.unknownColumns", { columns: "Phone" }));
  });
});

describe("checkPartnerRows", () => {
  test("a valid Chinese partner becomes the form's values", () => {
    const { valid, errors } = checkPartnerRows(
      [row(2, chinesePartner(1, { roles: "生产商/供应商; 仓储 | carrier", customs_credit: "高级认证", annual_volume_cny: "1,200,000", uscc: ` ${uscc(1).toLowerCase()} ` }))],
      new Set(),
    );
    expect(errors).toEqual([]);
    expect(valid).toEqual([
      {
        row: 2,
        values: expect.objectContaining({
          legalNameZh: "深圳测试物流有限公司 1",
          countryCode: "CN",
          uscc: uscc(1),
          roles: ["manufacturer_supplier", "warehouse", "carrier"],
          customsCredit: "advanced",
          aeoProgramme: "none",
          annualVolumeCny: 1200000,
        }),
      },
    ]);
  });

  test("a wrong USCC check character names the expected one", () => {
    const { code, expected } = wrongCheck(3);
    const { valid, errors } = checkPartnerRows([row(5, chinesePartner(3, { uscc: code }))], new Set());
    expect(valid).toEqual([]);
    expect(errors).toEqual([{ row: 5, column: "uscc", message: message("errors.uscc.check", { expected, actual: code.slice(-1) }) }]);
  });

  test("a foreign partner needs its registration number, a Chinese one its USCC", () => {
    const { errors } = checkPartnerRows(
      [row(2, { legal_name_en: "Acme", country: "US", roles: "carrier" }), row(3, { legal_name_zh: "甲", country: "中国", roles: "承运人" })],
      new Set(),
    );
    expect(errors).toEqual([
      { row: 2, column: "foreign_registration", message: message("partners.registrationRequired") },
      { row: 3, column: "uscc", message: message("partners.usccRequired") },
    ]);
  });

  test("an unknown role, country or AEO programme is named; a missing name or role is the schema's error", () => {
    const { valid, errors } = checkPartnerRows(
      [
        row(2, chinesePartner(1, { roles: "承运人; 快递" })),
        row(3, chinesePartner(2, { country: "Atlantis" })),
        row(4, chinesePartner(3, { aeo_programme: "ISO 28000" })),
        row(5, chinesePartner(4, { legal_name_zh: "", legal_name_en: " ", roles: "" })),
      ],
      new Set(),
    );
    expect(valid).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: "roles", message: message("partners.import.unknownRole", { value: "快递" }) },
      { row: 3, column: "country", message: message("partners.import.unknownValue", { value: "Atlantis" }) },
      { row: 4, column: "aeo_programme", message: message("partners.import.unknownValue", { value: "ISO 28000" }) },
      { row: 5, column: "roles", message: message("partners.rolesRequired") },
      { row: 5, column: "legal_name_zh", message: message("partners.nameRequired") },
    ]);
  });

  test("an AEO status needs certificate and validity; dates as YYYY/M/D are accepted, impossible ones are not", () => {
    const { valid, errors } = checkPartnerRows(
      [
        row(2, chinesePartner(1, { aeo_programme: "EU AEO" })),
        row(3, chinesePartner(2, { aeo_programme: "eu_aeo", aeo_certificate: "DEAEOF1", aeo_valid_until: "2027/3/5" })),
        row(4, chinesePartner(3, { aeo_programme: "其他互认", aeo_certificate: "STP-1", aeo_valid_until: "2027-02-30" })),
      ],
      new Set(),
    );
    expect(valid.map((v) => [v.row, v.values.aeoProgramme, v.values.aeoValidUntil])).toEqual([[3, "eu_aeo", "2027-03-05"]]);
    expect(errors).toEqual([
      { row: 2, column: "aeo_certificate", message: message("partners.aeoRequired") },
      { row: 2, column: "aeo_valid_until", message: message("partners.aeoRequired") },
      { row: 4, column: "aeo_valid_until", message: message("errors.date") },
      { row: 4, column: "aeo_programme_name", message: message("partners.aeoProgrammeNameRequired") },
    ]);
  });

  test("a USCC repeated in the file is an error on the later rows, naming the first", () => {
    const { valid, errors } = checkPartnerRows(
      [row(2, chinesePartner(1)), row(3, chinesePartner(2)), row(4, chinesePartner(1, { legal_name_zh: "另一家" })), row(9, chinesePartner(1))],
      new Set(),
    );
    expect(valid.map((v) => v.row)).toEqual([2, 3]);
    expect(errors).toEqual([
      { row: 4, column: "uscc", message: message("partners.import.duplicateInFile", { row: 2 }) },
      { row: 9, column: "uscc", message: message("partners.import.duplicateInFile", { row: 2 }) },
    ]);
  });

  test("a USCC the organisation already has is refused", () => {
    const { valid, errors } = checkPartnerRows([row(2, chinesePartner(1)), row(3, chinesePartner(2))], new Set([uscc(2)]));
    expect(valid.map((v) => v.row)).toEqual([2]);
    expect(errors).toEqual([{ row: 3, column: "uscc", message: message("partners.usccTaken") }]);
  });

  test("10,000 rows, some invalid, are all checked", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      i % 100 === 99 ? row(i + 2, chinesePartner(i, { roles: "bogus" })) : row(i + 2, chinesePartner(i, { roles: "承运人;仓储" })),
    );
    const { valid, errors } = checkPartnerRows(rows, new Set([uscc(0)]));
    expect(valid).toHaveLength(9_899);
    expect(errors).toHaveLength(101);
    expect(errors[0]).toEqual({ row: 2, column: "uscc", message: message("partners.usccTaken") });
    expect(new Set(valid.map((v) => v.values.uscc)).size).toBe(9_899);
  });
});

describe("partner export", () => {
  const partner = (overrides: Partial<Partner>): Partner => ({
    id: "00000000-0000-4000-8000-000000000001",
    organizationId: "00000000-0000-4000-8000-000000000002",
    number: 42,
    legalNameZh: "深圳测试物流有限公司",
    legalNameEn: "Shenzhen Test Logistics",
    countryCode: "CN",
    uscc: uscc(1),
    foreignRegistrationNumber: null,
    roles: ["carrier", "warehouse"],
    customsCredit: "advanced",
    aeoProgramme: "cn_advanced",
    aeoProgrammeName: null,
    aeoCertificateNumber: "AEOCN4403000001",
    aeoValidUntil: "2027-03-05",
    aeoCertificateFileId: null,
    annualVolumeCny: 1200000,
    status: "approved",
    riskTier: "low",
    exempt: false,
    lastEvaluatedOn: "2026-01-10",
    nextEvaluationOn: "2028-01-10",
    nextSupervisionOn: null,
    notes: "",
    createdByUserId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  });
  const foreign = partner({ number: 7, countryCode: "US", uscc: null, foreignRegistrationNumber: "=1+2", legalNameZh: "", legalNameEn: "Acme", customsCredit: "unknown", riskTier: null, annualVolumeCny: null, nextEvaluationOn: null });

  test("a heading row in the reader's language, then one row per partner", () => {
    const [heading, first, second] = partnerExportRows([partner({}), foreign], "zh-CN");
    expect(heading?.slice(0, 5)).toEqual(["编号", "企业名称（中文）", "企业名称（英文）", "国家或地区", "统一社会信用代码"]);
    expect(first?.slice(0, 6)).toEqual(["TP-00042", "深圳测试物流有限公司", "Shenzhen Test Logistics", "中国", uscc(1), ""]);
    expect(first).toContain("2027-03-05");
    // The annual volume stays a number (to sum), and the notes come last, so an export imports again whole.
    expect(first?.at(-2)).toBe(1200000);
    expect(heading?.at(-1)).toBe("备注");
    expect(second?.slice(0, 4)).toEqual(["TP-00007", "", "Acme", "美国"]);
    expect(partnerExportRows([foreign], "en")[1]?.[3]).toBe("United States");
    expect(partnerExportRows([], "en")[0]?.[0]).toBe("Reference");
  });

  test("CSV: byte-order mark, CRLF, a formula-looking cell kept as text", () => {
    const csv = partnersCsv([partner({}), foreign], "en");
    expect(csv.startsWith("\uFEFFReference,")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(3);
    expect(csv).toContain("'=1+2");
  });

  test("XLSX: bold frozen heading, dates as text, and the file reads back through the importer's headings", async () => {
    const bytes = await partnersXlsx([partner({}), foreign], "zh-CN");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getCell("L2").value).toBe("2027-03-05");
    expect(sheet?.getColumn(2).width).toBeGreaterThan(10);
    const parsed = await parsePartnerFile(bytes, "partners.xlsx");
    expect(parsed.ok && parsed.rows.map((r) => [r.row, r.raw.uscc, r.raw.country])).toEqual([
      [2, uscc(1), "中国"],
      [3, "", "美国"],
    ]);
  });
});
