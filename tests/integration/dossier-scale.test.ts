// A dossier over a period with more than 70,000 records of one type (past the 65,534 bind
// parameters one statement may carry): it generates, its pages stay few, and its register holds
// every record. The records are seeded by bulk SQL (scripts/bench/scale-data.ts), without photos.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, expect, test } from "vitest";
import { dossiers, users } from "../../db/schema";
import { readDossierVolume, requestDossier } from "~/lib/dossiers/dossiers.server";
import { queues } from "~/lib/jobs/job-engine.server";
import { seedScaleOrganization } from "../../scripts/bench/scale-data";
import { workQueue } from "../support/jobs";
import { query, testDb } from "../support/test-database";

const work = mkdtempSync(path.join(tmpdir(), "tradeguard-dossier-scale-"));
process.env.FILES_DIR = work;
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("70,001 visitor entries in the period: the dossier generates, a few pages long, with all of them in its register", async () => {
  const scale = await seedScaleOrganization(testDb(), { sites: 2, days: 90, inspections: 0, failureEvery: 50, photoInspections: 0, sealEvents: 0, visitors: 70_001, employees: 0, partners: 0 });
  const [owner] = await testDb().select({ id: users.id }).from(users).where(eq(users.email, scale.ownerEmail));
  const requested = await requestDossier(testDb(), { organizationId: scale.organizationId, userId: owner!.id }, "Asia/Shanghai", {
    framework: "cn-2022-advanced",
    periodFrom: scale.periodFrom,
    periodTo: scale.periodTo,
    sites: [],
    criteria: ["41"],
  });
  if (!requested.ok) throw new Error(JSON.stringify(requested.errors));
  await workQueue(queues.dossier);
  const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, requested.dossierId));
  expect(row!.error).toBeNull();
  expect(row!.status).toBe("ready");
  expect(row!.recordCount).toBe(70_001);

  const volume = await readDossierVolume(testDb(), scale.organizationId, requested.dossierId, 1);
  expect(volume!.volume.pageCount).toBeLessThan(120);
  const pdf = path.join(work, "dossier.pdf");
  writeFileSync(pdf, volume!.bytes);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(text).toContain("70,001");
  execFileSync("pdfdetach", ["-saveall", "-o", work, pdf]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path.join(work, "register-visitor-entry.xlsx")) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount - 1).toBe(70_001);
  // Every visitor entry of the period, each once.
  const references = new Set<string>();
  sheet.eachRow((r, n) => void (n > 1 && references.add(r.getCell(2).text)));
  expect(references.size).toBe(70_001);
  const [seeded] = await query<{ n: number }>(sql`select count(*)::int as n from visitor_entries where organization_id = ${scale.organizationId}`);
  expect(seeded!.n).toBe(70_001);
}, 300_000); // Seeding 70,001 visits takes 20–100 s on this shared two-core machine, depending on its load.
