// npm run bench:partner-import: times the partner list import on a 10,000-row CSV (9,900 valid
// partners, 100 rows with errors of several kinds) in a fresh in-memory PGlite database, or in
// DATABASE_URL when set. Prints each phase in ms and rows/s, and the peak resident memory; exits
// non-zero when the counts or the audit chain are not what the file should give.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Before any app module reads env(), which caches on the first call.
const scratch = mkdtempSync(path.join(tmpdir(), "tradeguard-bench-"));
process.env.SEED_DEMO = "0";
process.env.DATA_DIR = scratch;
process.env.FILES_DIR = path.join(scratch, "files");
process.env.LOG_LEVEL ??= "silent";

const { createDatabase } = await import("../../db/client");
const { migrateDatabase } = await import("../../db/migrate");
const { signUp } = await import("../../app/lib/auth/accounts.server");
const { verifyOrganizationChain } = await import("../../app/lib/audit/audit.server");
const { usccCheckCharacter } = await import("../../app/lib/organizations/uscc");
const { parsePartnerFile } = await import("../../app/lib/partners/partner-import-file.server");
const { checkPartnerRows } = await import("../../app/lib/partners/partner-import-rows.server");
const { confirmImport, createImportPreview, getImportPreview } = await import("../../app/lib/partners/partner-import.server");

const TOTAL_ROWS = 10_000;
const INVALID_ROWS = 100;
const EXPECTED_VALID = TOTAL_ROWS - INVALID_ROWS;

function uscc(n: number): string {
  const first17 = `91440300MA5G${String(n).padStart(5, "0")}`;
  return first17 + usccCheckCharacter(first17);
}

const HEADING = "企业名称（中文）,Legal name (English),国家或地区,统一社会信用代码,境外注册号,角色,海关信用等级,AEO 认证,AEO 证书编号,AEO 有效期至,年业务量（人民币元）,备注";
const ROLES = ["承运人", "仓储;第三方物流", "生产商/供应商", "报关企业", "freight forwarder, carrier", "其他"];
const FOREIGN = ["US", "DE", "Japan", "新加坡", "GB"];

function validLine(i: number): string {
  if (i % 5 === 4) {
    const country = FOREIGN[i % FOREIGN.length];
    const aeo = i % 3 === 0 ? `C-TPAT,CT-${i},2027-06-30` : ",,";
    return `,"Overseas Partner ${i}, Ltd.",${country},,REG-${i},"${ROLES[i % ROLES.length]}",,${aeo},${(i % 97) * 10000},`;
  }
  const aeo = i % 7 === 0 ? `中国海关高级认证,AEOCN${String(i).padStart(10, "0")},2028/3/15` : ",,";
  return `深圳基准测试物流有限公司${i},Benchmark Logistics ${i},CN,${uscc(i)},,"${ROLES[i % ROLES.length]}",一般信用,${aeo},"${((i % 50) + 1) * 100000}",批量导入`;
}

/** Eight kinds of mistakes, one after the other. */
function invalidLine(k: number, i: number): string {
  const code = uscc(i);
  switch (k % 8) {
    case 0: return `错误校验码公司${i},,CN,${code.slice(0, 17)}${code.endsWith("0") ? "1" : "0"},,承运人,,,,,,`;
    case 1: return `无角色公司${i},,CN,${code},,,,,,,,`;
    case 2: return `未知角色公司${i},,CN,${code},,快递员,,,,,,`;
    case 3: return `,Foreign Without Number ${i},US,,,carrier,,,,,,`;
    case 4: return `重复代码公司${i},,CN,${uscc(0)},,承运人,,,,,,`;
    case 5: return `坏日期公司${i},,CN,${code},,仓储,,EU AEO,DE-${i},2027-02-30,,`;
    case 6: return `,Nowhere Trading ${i},Atlantis,,REG-${i},carrier,,,,,,`;
    default: return `缺证书公司${i},,CN,${code},,承运人,,C-TPAT,,,,`;
  }
}

function benchmarkCsv(): Uint8Array {
  const lines = [HEADING];
  let invalid = 0;
  for (let i = 0; i < TOTAL_ROWS; i += 1) {
    // One invalid row in every hundred, spread through the file.
    if (i % 100 === 50) lines.push(invalidLine(invalid++, 50_000 + i));
    else lines.push(validLine(i));
  }
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);
const rssMb = () => (process.memoryUsage().rss / 1024 / 1024).toFixed(0);

async function timed<T>(label: string, rows: number, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  const rate = Math.round(rows / (ms / 1000));
  process.stdout.write(`${label.padEnd(28)} ${ms.toFixed(0).padStart(7)} ms  ${String(rate).padStart(9)} rows/s  RSS ${rssMb()} MB, peak ${peakMb()} MB\n`);
  return result;
}

function fail(reason: string): never {
  throw new Error(reason);
}

const handle = await createDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: "memory://" });
try {
  await migrateDatabase(handle);
  const db = handle.db;
  const suffix = `${Date.now()}-${Math.random().toString(16).slice(2, 8)}`;
  const account = await signUp(db, {
    organizationNameZh: `基准测试贸易有限公司 ${suffix}`,
    organizationNameEn: `Benchmark Trading Co. ${suffix}`,
    name: "Benchmark Owner",
    email: `bench-${suffix}@example.test`,
    password: "benchmark password",
    locale: "zh-CN",
  });
  if (!account.ok) fail(`sign-up failed: ${account.error}`);
  const actor = { organizationId: account.organizationId, userId: account.userId };

  const bytes = benchmarkCsv();
  process.stdout.write(`database ${handle.kind}; file ${(bytes.byteLength / 1024 / 1024).toFixed(2)} MB, ${TOTAL_ROWS} rows; before: RSS ${rssMb()} MB, peak ${peakMb()} MB\n`);

  const parsed = await timed("parse", TOTAL_ROWS, () => parsePartnerFile(bytes, "benchmark.csv"));
  if (!parsed.ok) fail(`parse failed: ${parsed.error}`);
  if (parsed.rows.length !== TOTAL_ROWS) fail(`parsed ${parsed.rows.length} rows, not ${TOTAL_ROWS}`);

  const checked = await timed("check", TOTAL_ROWS, () => checkPartnerRows(parsed.rows, new Set()));
  const errorRows = new Set(checked.errors.map((e) => e.row)).size;
  if (checked.valid.length !== EXPECTED_VALID || errorRows !== INVALID_ROWS) fail(`checked ${checked.valid.length} valid and ${errorRows} invalid rows`);

  const preview = await timed("preview (parse+check+store)", TOTAL_ROWS, () => createImportPreview(db, actor, { bytes, name: "benchmark.csv" }));
  if (!preview.ok) fail(`preview failed: ${JSON.stringify(preview.errors)}`);
  const stored = await getImportPreview(db, actor.organizationId, preview.id);
  if (stored?.validRows.length !== EXPECTED_VALID) fail(`preview stored ${stored?.validRows.length} valid rows`);

  const confirmed = await timed("confirm (onlyValid)", EXPECTED_VALID, () => confirmImport(db, actor, preview.id, { onlyValid: true }));
  if (!confirmed.ok) fail(`confirm refused: ${JSON.stringify(confirmed.errors)}`);
  if (confirmed.imported !== EXPECTED_VALID) fail(`imported ${confirmed.imported}, not ${EXPECTED_VALID}`);

  const chain = await timed("verify audit chain", EXPECTED_VALID + 3, () => verifyOrganizationChain(db, actor.organizationId));
  if (!chain.ok) fail(`audit chain broken: ${JSON.stringify(chain.problem)}`);
  process.stdout.write(`imported ${confirmed.imported} partners, ${chain.events} audit events verified\n`);
} catch (error) {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await handle.close();
  rmSync(scratch, { recursive: true, force: true });
}
