// Importing a partner list: a stored preview first (nothing registered), then a confirmation that
// registers the valid rows in one transaction, numbered and audited, or refuses and writes nothing.
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { auditEvents, partnerImports, partners } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { message } from "~/lib/i18n/messages";
import { usccCheckCharacter } from "~/lib/organizations/uscc";
import { confirmImport, createImportPreview, getImportPreview } from "~/lib/partners/partner-import.server";
import { PartnerSchema } from "~/lib/partners/partner-schema";
import { createPartner } from "~/lib/partners/partners.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { MAX_XLSX_UNPACKED_BYTES } from "~/lib/partners/partner-import-limits";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { countRows, testDb } from "../support/test-database";
import { claimingSize, rowXml, sharedStringsBomb, workbookParts, zipParts } from "../support/xlsx-bomb";

type Actor = { organizationId: string; userId: string };
const actorOf = (org: SignedUp): Actor => ({ organizationId: org.organizationId, userId: org.userId });

// Each file of codes unique to this test run, so organisations never share one by accident.
let nextCode = Math.floor(Math.random() * 50_000);
function freshUscc(): string {
  nextCode += 1;
  const first17 = `91440300MA5G${String(nextCode).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

function csvFile(lines: string[], name = "partners.csv") {
  return { bytes: new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`), name };
}

const HEADING = "企业名称（中文）,Legal name (English),国家或地区,统一社会信用代码,境外注册号,角色,AEO 认证,AEO 证书编号,AEO 有效期至";

/** Five valid partners (rows 2, 3, 5, 6, 8) and three invalid ones (rows 4, 7, 9). */
function mixedFile() {
  const codes = [freshUscc(), freshUscc(), freshUscc()];
  const file = csvFile([
    HEADING,
    `深圳甲物流有限公司,Shenzhen A Logistics,CN,${codes[0]},,承运人;仓储,,,`,
    `,"Acme Freight, Inc.",US,,EIN 12-3456789,freight forwarder,C-TPAT,CT-001,2027-05-31`,
    `无角色公司,,CN,${freshUscc()},,,,,`,
    `上海乙报关有限公司,,中国,${codes[1]},,报关企业,中国海关高级认证,AEOCN2200000001,2028/1/15`,
    `,Hamburg Lager GmbH,DE,,HRB 99,warehouse,EU AEO,DEAEOF0001,2026-12-31`,
    `重复公司,,CN,${codes[0]},,承运人,,,`,
    `广州丙制造有限公司,,CN,${codes[2]},,生产商/供应商,,,`,
    `,No Number Ltd,GB,,,carrier,,,`,
  ]);
  return { file, codes, validRows: [2, 3, 5, 6, 8], invalidRows: [4, 7, 9] };
}

async function previewOk(actor: Actor, file: { bytes: Uint8Array; name: string }): Promise<string> {
  const preview = await createImportPreview(testDb(), actor, file);
  if (!preview.ok) throw new Error(`no preview: ${JSON.stringify(preview.errors)}`);
  return preview.id;
}

const partnersOf = (orgId: string) => countRows("partners", sql`organization_id = ${orgId}`);
const auditOf = (orgId: string) => countRows("audit_events", sql`organization_id = ${orgId}`);

async function snapshot(orgId: string) {
  const [importRow] = await testDb().select({ n: sql<number>`count(*)::int` }).from(partnerImports).where(and(eq(partnerImports.organizationId, orgId), eq(partnerImports.status, "imported")));
  return { partners: await partnersOf(orgId), audit: await auditOf(orgId), imported: Number(importRow?.n ?? 0) };
}

describe("a file with valid and invalid rows", () => {
  let org: SignedUp;
  let importId: string;
  let mixed: ReturnType<typeof mixedFile>;

  beforeAll(async () => {
    org = await signUpOrganization();
    mixed = mixedFile();
    importId = await previewOk(actorOf(org), mixed.file);
  });

  test("the preview keeps the valid rows and each error; no partner is written", async () => {
    const preview = await getImportPreview(testDb(), org.organizationId, importId);
    expect(preview).toMatchObject({ status: "preview", fileName: "partners.csv", totalRows: 8, importedCount: null, createdByUserId: org.userId });
    expect(preview?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview?.validRows.map((r) => r.row)).toEqual(mixed.validRows);
    expect(preview?.validRows[3]?.values).toMatchObject({ countryCode: "DE", foreignRegistrationNumber: "HRB 99", aeoProgramme: "eu_aeo", aeoValidUntil: "2026-12-31" });
    expect(preview?.errors).toEqual([
      { row: 4, column: "roles", message: message("partners.rolesRequired") },
      { row: 7, column: "uscc", message: message("partners.import.duplicateInFile", { row: 2 }) },
      { row: 9, column: "foreign_registration", message: message("partners.registrationRequired") },
    ]);
    expect(await partnersOf(org.organizationId)).toBe(0);
  });

  test("confirming all of it is refused while rows have errors, and writes nothing", async () => {
    const before = await snapshot(org.organizationId);
    const result = await confirmImport(testDb(), actorOf(org), importId, { onlyValid: false });
    expect(result).toEqual({ ok: false, errors: { form: message("partners.import.hasErrors", { count: 3 }) } });
    expect(await snapshot(org.organizationId)).toEqual(before);
  });

  test("another organisation can neither read nor confirm the preview", async () => {
    const other = await signUpOrganization();
    const before = { mine: await snapshot(org.organizationId), theirs: await snapshot(other.organizationId) };
    expect(await getImportPreview(testDb(), other.organizationId, importId)).toBeNull();
    const result = await confirmImport(testDb(), actorOf(other), importId, { onlyValid: true });
    expect(result).toEqual({ ok: false, errors: { form: message("partners.import.notFound") } });
    expect({ mine: await snapshot(org.organizationId), theirs: await snapshot(other.organizationId) }).toEqual(before);
    expect((await getImportPreview(testDb(), org.organizationId, importId))?.status).toBe("preview");
  });

  test("confirming the valid rows registers exactly those, numbered in file order, each audited", async () => {
    const auditBefore = await auditOf(org.organizationId);
    const result = await confirmImport(testDb(), actorOf(org), importId, { onlyValid: true });
    expect(result).toEqual({ ok: true, imported: 5 });

    const rows = await testDb().select().from(partners).where(eq(partners.organizationId, org.organizationId)).orderBy(asc(partners.number));
    expect(rows.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((p) => p.legalNameZh || p.legalNameEn)).toEqual(["深圳甲物流有限公司", "Acme Freight, Inc.", "上海乙报关有限公司", "Hamburg Lager GmbH", "广州丙制造有限公司"]);
    expect(rows[0]).toMatchObject({ uscc: mixed.codes[0], roles: ["carrier", "warehouse"], status: "pending", createdByUserId: org.userId });
    expect(rows[2]).toMatchObject({ aeoProgramme: "cn_advanced", aeoCertificateNumber: "AEOCN2200000001", aeoValidUntil: "2028-01-15" });
    expect(rows[1]).toMatchObject({ countryCode: "US", uscc: null, foreignRegistrationNumber: "EIN 12-3456789", customsCredit: "unknown" });

    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organizationId))
      .orderBy(asc(auditEvents.seq));
    const added = events.slice(auditBefore);
    expect(added).toHaveLength(6);
    expect(added.slice(0, 5).map((e) => [e.entityType, e.action, e.entityId, e.actorUserId])).toEqual(rows.map((p) => ["partner", "create", p.id, org.userId]));
    expect(added[5]).toMatchObject({ entityType: "partner_import", action: "create", entityId: importId });
    const preview = await getImportPreview(testDb(), org.organizationId, importId);
    expect(added[5]?.after).toEqual({ fileName: "partners.csv", fileSha256: preview?.fileSha256, totalRows: 8, importedCount: 5 });
    expect(preview).toMatchObject({ status: "imported", importedCount: 5 });
    expect(preview?.importedAt).toBeInstanceOf(Date);

    expect(await verifyOrganizationChain(testDb(), org.organizationId)).toEqual({ ok: true, events: events.length });
  });

  test("a second confirmation is refused and writes nothing", async () => {
    const before = await snapshot(org.organizationId);
    expect(await confirmImport(testDb(), actorOf(org), importId, { onlyValid: true })).toEqual({
      ok: false,
      errors: { form: message("partners.import.alreadyImported") },
    });
    expect(await snapshot(org.organizationId)).toEqual(before);
  });

  test("a later file continues the numbering and sees the imported USCCs as taken", async () => {
    const file = csvFile([HEADING, `新公司,,CN,${freshUscc()},,其他,,,`, `旧公司,,CN,${mixed.codes[1]},,其他,,,`]);
    const id = await previewOk(actorOf(org), file);
    const preview = await getImportPreview(testDb(), org.organizationId, id);
    expect(preview?.errors).toEqual([{ row: 3, column: "uscc", message: message("partners.usccTaken") }]);
    expect(await confirmImport(testDb(), actorOf(org), id, { onlyValid: true })).toEqual({ ok: true, imported: 1 });
    const [latest] = await testDb().select().from(partners).where(and(eq(partners.organizationId, org.organizationId), eq(partners.legalNameZh, "新公司")));
    expect(latest?.number).toBe(6);
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);
  });
});

describe("between preview and confirmation", () => {
  test("a partner registered meanwhile with one of the file's USCCs makes the confirmation refuse, naming the row", async () => {
    const org = await signUpOrganization();
    const codes = [freshUscc(), freshUscc(), freshUscc()];
    const file = csvFile([HEADING, ...codes.map((code, i) => `公司${i},,CN,${code},,承运人,,,`)]);
    const importId = await previewOk(actorOf(org), file);
    expect((await getImportPreview(testDb(), org.organizationId, importId))?.errors).toEqual([]);

    const values = PartnerSchema.parse({ legalNameZh: "手工登记公司", countryCode: "CN", uscc: codes[1], roles: ["carrier"] });
    const created = await createPartner(testDb(), actorOf(org), values);
    expect(created.ok).toBe(true);

    const before = await snapshot(org.organizationId);
    const result = await confirmImport(testDb(), actorOf(org), importId, { onlyValid: false });
    expect(result).toEqual({ ok: false, errors: { form: message("partners.import.conflicts", { rows: "3" }) } });
    expect(await snapshot(org.organizationId)).toEqual(before);
    expect(before.partners).toBe(1);
    expect((await getImportPreview(testDb(), org.organizationId, importId))?.status).toBe("preview");
    expect((await verifyOrganizationChain(testDb(), org.organizationId)).ok).toBe(true);
  });

  test("an unreadable file is refused on the file field and stores no preview", async () => {
    const org = await signUpOrganization();
    const result = await createImportPreview(testDb(), actorOf(org), { bytes: new TextEncoder().encode("uscc\nX\n"), name: "p.csv" });
    expect(result).toEqual({ ok: false, errors: { file: message("partners.import.missingColumns", { columns: "legal_name_zh / legal_name_en, country, roles" }) } });
    expect(await countRows("partner_imports", sql`organization_id = ${org.organizationId}`)).toBe(0);
    expect(await getImportPreview(testDb(), org.organizationId, "not-a-uuid")).toBeNull();
  });
});

describe("an XLSX zip bomb", () => {
  /** Runs `work`, sampling the process's resident memory every 20 ms: how long it took and how far memory rose. */
  async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; rssRiseMb: number }> {
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    try {
      const result = await work();
      peak = Math.max(peak, process.memoryUsage().rss);
      return { result, ms: performance.now() - started, rssRiseMb: (peak - before) / 1024 / 1024 };
    } finally {
      clearInterval(sampler);
    }
  }

  const tooLarge = message("partners.import.tooLarge", { max: MAX_XLSX_UNPACKED_BYTES / 1024 / 1024 });
  // 220 KB that inflate to 150 MB of shared strings (npm run bench:xlsx-bomb measures 300 MB ones).
  let bomb: Uint8Array;
  beforeAll(async () => {
    bomb = await sharedStringsBomb(150);
  });

  test("a shared-strings part of 150 MB, its headers claiming 1 KB, is refused soon and in bounded memory; nothing is written", async () => {
    const org = await signUpOrganization();
    expect(bomb.byteLength).toBeLessThan(512 * 1024);
    // Only counting what inflates stops this one.
    const lying = claimingSize(bomb, "xl/sharedStrings.xml", 1024);
    const { result, ms, rssRiseMb } = await measured(() => createImportPreview(testDb(), actorOf(org), { bytes: lying, name: "partners.xlsx" }));
    expect(result).toEqual({ ok: false, errors: { file: tooLarge } });
    // Before, a 300 MB one took 22 s and 780 MB, and was read as one partner (npm run bench:xlsx-bomb).
    // Generous bounds: inflating and parsing the 64 MB the reader allows takes about 2 s here.
    expect(ms).toBeLessThan(15_000);
    expect(rssRiseMb).toBeLessThan(300);
    expect(await countRows("partner_imports", sql`organization_id = ${org.organizationId}`)).toBe(0);
    expect(await partnersOf(org.organizationId)).toBe(0);
  });

  test("the same bomb saying its size is refused before any of it is inflated", async () => {
    const org = await signUpOrganization();
    const { result, ms } = await measured(() => createImportPreview(testDb(), actorOf(org), { bytes: bomb, name: "partners.xlsx" }));
    expect(result).toEqual({ ok: false, errors: { file: tooLarge } });
    expect(ms).toBeLessThan(3_000);
    expect(await countRows("partner_imports", sql`organization_id = ${org.organizationId}`)).toBe(0);
  });

  test("the refusal reads in both languages", () => {
    expect(createI18n("zh-CN").t("partners.import.tooLarge", { max: 64 })).toBe("该工作簿解压后过大（超过 64 MB）：请拆分，或另存为 CSV（UTF-8）。");
    expect(createI18n("en").t("partners.import.tooLarge", { max: 64 })).toBe("The workbook is too large once unpacked (more than 64 MB): split it, or save it as CSV (UTF-8).");
  });

  test("a normal workbook, its parts in Excel's order, still imports", async () => {
    const org = await signUpOrganization();
    const code = freshUscc();
    const bytes = await zipParts(
      workbookParts({
        rows: [
          rowXml(1, ["企业名称（中文）", "国家或地区", "统一社会信用代码", "角色"]),
          rowXml(2, ["深圳丁物流有限公司", "CN", code, "承运人"]),
          rowXml(3, ["Acme Freight", "US", "", "carrier"]),
        ].join(""),
      }),
    );
    const id = await previewOk(actorOf(org), { bytes, name: "partners.xlsx" });
    const preview = await getImportPreview(testDb(), org.organizationId, id);
    expect(preview?.validRows.map((r) => r.row)).toEqual([2]);
    expect(preview?.errors.map((e) => e.row)).toEqual([3]);
    const done = await confirmImport(testDb(), actorOf(org), id, { onlyValid: true });
    expect(done).toEqual({ ok: true, imported: 1 });
    expect(await partnersOf(org.organizationId)).toBe(1);
  });
});
