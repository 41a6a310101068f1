// Evidence dossiers end to end: the builder refuses bad input and writes nothing, a queued dossier
// is generated in the background with the records of the period, the PDF is valid, bilingual, in
// the standard's order, its photos are the original JPEG bytes (pdfimages) listed in the manifest,
// the same data and time give the same bytes, and another organisation never sees it.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("dossier"));

import { auditCheckpoints, auditEvents, dossierManifestEntries, dossiers, dossierVolumes } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { runDossierJob } from "~/lib/dossiers/dossier-job.server";
import { readDossierVolume, requestDossier, retryDossier } from "~/lib/dossiers/dossiers.server";
import { jobEngine, queues } from "~/lib/jobs/job-engine.server";
import { todayInZone } from "~/lib/i18n/format";
import * as newRoute from "~/routes/_app.dossiers.new";
import * as detailRoute from "~/routes/_app.dossiers.$dossierId._index";
import * as pdfRoute from "~/routes/dossiers.$dossierId[.]pdf";
import { submitContainerInspection } from "../support/inspection-factories";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, callLoader } from "../support/requests";
import { workQueue } from "../support/jobs";
import { query, testDb } from "../support/test-database";
import { signIn } from "../support/visitors-factories";

let owner: SignedUp;
let other: SignedUp;
let dossierId: string;
const work = mkdtempSync(path.join(tmpdir(), "tradeguard-dossier-pdf-"));
const today = todayInZone("Asia/Shanghai");

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  const site = await createSite(owner.cookie);
  await submitContainerInspection({ organizationId: owner.organizationId, userId: owner.userId }, site.id, { failPoints: ["doors"] });
  await signIn(owner.cookie, site.id);
});

const request = { framework: "cn-2022-advanced", periodFrom: "2026-01-01", periodTo: today };

describe("the dossier builder", () => {
  test("a period that ends before it starts is refused and nothing is queued", async () => {
    const outcome = await callAction(newRoute, "/dossiers/new", { ...request, periodFrom: today, periodTo: "2020-01-01" }, { cookie: owner.cookie });
    expect(outcome.status).toBe(400);
    expect((outcome.data as { errors: Record<string, string> }).errors.periodTo).toBe("dossiers.errors.periodOrder");
    const rows = await testDb().select().from(dossiers).where(eq(dossiers.organizationId, owner.organizationId));
    expect(rows).toHaveLength(0);
  });

  test("another organisation's site is refused", async () => {
    const foreign = await createSite(other.cookie);
    const outcome = await callAction(newRoute, "/dossiers/new", { ...request, sites: foreign.id }, { cookie: owner.cookie });
    expect(outcome.status).toBe(400);
  });

  test("the preview counts each criterion's records and marks the gaps", async () => {
    const query = new URLSearchParams({ ...request, preview: "1" });
    const outcome = await callLoader<{ preview: { key: string; records: number; gap: boolean }[] }>(newRoute, `/dossiers/new?${query}`, { cookie: owner.cookie });
    const preview = outcome.data.preview;
    expect(preview.find((r) => r.key === "41")).toMatchObject({ gap: false });
    expect(preview.find((r) => r.key === "43")?.records).toBeGreaterThan(0);
    expect(preview.some((r) => r.gap)).toBe(true);
  });

  test("generating queues the dossier; a worker makes the PDF and lists its files", async () => {
    const outcome = await callAction(newRoute, "/dossiers/new", request, { cookie: owner.cookie });
    expect(outcome.status).toBe(302);
    dossierId = outcome.location!.split("/").pop()!;
    const [queued] = await testDb().select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(queued!.status).toBe("queued");
    expect(await workQueue(queues.dossier)).toBe(1);
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row).toMatchObject({ status: "ready", progress: 100, number: 1 });
    expect(row!.fileCount).toBeGreaterThan(0);
    const detail = await callLoader<{ status: string; volumes: { sha256: string }[] }>(detailRoute, `/dossiers/${dossierId}`, { cookie: owner.cookie, params: { dossierId } });
    expect(detail.data.status).toBe("ready");
    expect(detail.data.volumes).toHaveLength(1);
  });
});

describe("the dossier PDF", () => {
  let pdfFile: string;
  let bytes: Buffer;

  beforeAll(async () => {
    const { loader } = pdfRoute;
    const response = (await loader({
      request: new Request(`http://localhost:3000/dossiers/${dossierId}.pdf?volume=1`, { headers: { Cookie: owner.cookie } }),
      params: { dossierId },
      context: {},
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    bytes = Buffer.from(await response.arrayBuffer());
    pdfFile = path.join(work, "dossier.pdf");
    writeFileSync(pdfFile, bytes);
  });

  test("is stored under its SHA-256 and passes qpdf --check", async () => {
    const [volume] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(volume!.sha256);
    const check = spawnSync("qpdf", ["--check", pdfFile], { encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  test("holds the cover facts and the Chinese criterion titles in the standard's order", () => {
    const text = execFileSync("pdftotext", ["-layout", pdfFile, "-"], { encoding: "utf8" });
    expect(text).toContain("DOS-1");
    expect(text).toContain(owner.legalNameZh);
    expect(text).toContain("第 1 页 / 共");
    const first = text.indexOf("（41）");
    const later = text.indexOf("（43）");
    expect(first).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(first);
    expect(text).toContain("本期间内无记录证据");
    expect(text).toContain("附录 文件清单");
  });

  test("prints the audit trail's checkpoint made for it on the cover: event, head hash and seal, in both languages", async () => {
    const [checkpoint] = await testDb().select().from(auditCheckpoints).where(eq(auditCheckpoints.dossierId, dossierId));
    expect(checkpoint).toMatchObject({ organizationId: owner.organizationId, reason: "dossier", signature: null });
    // The head when the dossier was generated: the request's own event is in it.
    const [request] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.entityType, "dossier"), eq(auditEvents.entityId, dossierId)));
    expect(checkpoint!.seq).toBeGreaterThanOrEqual(request!.seq);
    const [head] = await testDb().select().from(auditEvents).where(and(eq(auditEvents.organizationId, owner.organizationId), eq(auditEvents.seq, checkpoint!.seq)));
    expect(checkpoint!.headHash).toBe(head!.hash);
    const cover = execFileSync("pdftotext", ["-raw", "-f", "1", "-l", "1", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    expect(cover).toContain("审计链检查点Audittrailcheckpoint");
    expect(cover).toContain(`事件Event#${checkpoint!.seq}`);
    expect(cover).toContain(`链头哈希Headhash:${checkpoint!.headHash}`);
    expect(cover).toContain(`签名（安装密钥，HMAC-SHA-256）Signature(installationkey,HMAC-SHA-256):${checkpoint!.mac}`);
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toMatchObject({ ok: true });
  });

  test("renders glyphs with a valid embedded font", () => {
    const render = spawnSync("pdftoppm", ["-r", "40", "-f", "1", "-l", "3", "-png", pdfFile, path.join(work, "page")], { encoding: "utf8" });
    expect(render.status).toBe(0);
    expect(render.stderr).not.toContain("Embedded font file may be invalid");
    const fonts = execFileSync("pdffonts", [pdfFile], { encoding: "utf8" });
    expect(fonts).toMatch(/AAAAAA\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  test("the embedded JPEGs are the original bytes the manifest lists, each embedded once", async () => {
    const manifest = await testDb()
      .select()
      .from(dossierManifestEntries)
      .where(and(eq(dossierManifestEntries.dossierId, dossierId), eq(dossierManifestEntries.embedded, true)));
    expect(manifest.length).toBeGreaterThan(0);
    const out = path.join(work, "img");
    execFileSync("pdfimages", ["-all", pdfFile, out]);
    const extracted = readdirSync(work)
      .filter((f) => f.startsWith("img") && f.endsWith(".jpg"))
      .map((f) => createHash("sha256").update(readFileSync(path.join(work, f))).digest("hex"));
    const listed = new Set(manifest.map((m) => m.sha256));
    for (const hash of listed) expect(extracted).toContain(hash);
    const list = execFileSync("pdfimages", ["-list", pdfFile], { encoding: "utf8" });
    const objects = new Set(list.split("\n").slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/)[10]));
    expect(objects.size).toBe(listed.size);
  });

  test("the same data, parameters and time give the same bytes", async () => {
    const [before] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(before!.unsignedSha256);
    // Generated again from the same row (as a retry would): the registers and the PDF come out the same.
    await testDb().update(dossiers).set({ status: "failed" }).where(eq(dossiers.id, dossierId));
    expect(await retryDossier(testDb(), { organizationId: owner.organizationId, userId: owner.userId }, dossierId)).toBe(true);
    expect(await workQueue(queues.dossier)).toBe(1);
    const [after] = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
    expect(after!.unsignedSha256).toBe(before!.unsignedSha256);
    // The retry printed the checkpoint of the first generation, though the retry itself was audited.
    expect(await testDb().select().from(auditCheckpoints).where(eq(auditCheckpoints.dossierId, dossierId))).toHaveLength(1);
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, dossierId));
    expect(row!.status).toBe("ready");
  });

  test("carries the complete register of each record type: pdfdetach names them, their SHA-256 is the appendix's, their rows are the period's records", async () => {
    const listed = execFileSync("pdfdetach", ["-list", pdfFile], { encoding: "utf8" });
    expect(listed).toContain("register-inspection.xlsx");
    expect(listed).toContain("register-visitor-entry.xlsx");
    const dir = mkdtempSync(path.join(work, "registers-"));
    execFileSync("pdfdetach", ["-saveall", "-o", dir, pdfFile]);
    const text = execFileSync("pdftotext", ["-raw", pdfFile, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, dossierId));
    let total = 0;
    for (const file of readdirSync(dir)) {
      const content = readFileSync(path.join(dir, file));
      // The appendix prints each attachment's SHA-256 (wrapped over lines: compared without spaces).
      expect(text).toContain(createHash("sha256").update(content).digest("hex"));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const type = file.replace(/^register-|\.xlsx$/g, "").replace(/-/g, "_");
      const [expected] = await query<{ n: number }>(
        sql`select count(distinct record_id)::int as n from evidence_links l join criteria c on c.id = l.criterion_id
            where l.organization_id = ${owner.organizationId} and l.record_type = ${type} and c.framework_id = ${row!.frameworkId}
              and l.occurred_at >= ${"2025-12-31T16:00:00Z"}::timestamptz`,
      );
      expect(sheet.rowCount - 1, file).toBe(expected!.n);
      expect(sheet.getRow(2).getCell(2).text).toMatch(/^(INS|VIS)-/);
      total += sheet.rowCount - 1;
    }
    expect(row!.recordCount).toBe(total);
  });

  test("another organisation gets 404 for the page and the file", async () => {
    const page = await callLoader(detailRoute, `/dossiers/${dossierId}`, { cookie: other.cookie, params: { dossierId } });
    expect(page.status).toBe(404);
    const file = await callLoader(pdfRoute, `/dossiers/${dossierId}.pdf`, { cookie: other.cookie, params: { dossierId } });
    expect(file.status).toBe(404);
  });
});

describe("a dossier over its volumes' photo budget", () => {
  test("is split between criteria into volumes, each a whole PDF with its own cover, contents and manifest", async () => {
    const actor = { organizationId: owner.organizationId, userId: owner.userId };
    const requested = await requestDossier(testDb(), actor, "Asia/Shanghai", { ...request, sites: [], criteria: [] });
    if (!requested.ok) throw new Error("not requested");
    // A budget of one byte: every criterion with photos starts a volume.
    const [job] = await (await jobEngine()).fetch<{ dossierId: string }>(queues.dossier);
    await runDossierJob(testDb(), job!, 2, { volumePhotoBytes: 1 });
    const [row] = await testDb().select().from(dossiers).where(eq(dossiers.id, requested.dossierId));
    expect(row!.status).toBe("ready");
    const volumes = await testDb().select().from(dossierVolumes).where(eq(dossierVolumes.dossierId, requested.dossierId)).orderBy(dossierVolumes.volume);
    expect(volumes.length).toBeGreaterThan(1);
    const manifest = await testDb().select().from(dossierManifestEntries).where(eq(dossierManifestEntries.dossierId, requested.dossierId));
    for (const v of volumes) {
      const file = await readDossierVolume(testDb(), owner.organizationId, requested.dossierId, v.volume);
      const pdf = path.join(work, `volume-${v.volume}.pdf`);
      writeFileSync(pdf, file!.bytes);
      expect(spawnSync("qpdf", ["--check", pdf]).status).toBe(0);
      const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
      expect(text).toContain(`第 ${v.volume} 卷 / 共 ${volumes.length} 卷 · Volume ${v.volume} of ${volumes.length}`);
      expect(text).toContain("附录 文件清单");
      // The photos this volume embeds are the ones its manifest marks embedded, byte for byte.
      const dir = mkdtempSync(path.join(work, `img-${v.volume}-`));
      execFileSync("pdfimages", ["-all", pdf, path.join(dir, "i")]);
      const extracted = new Set(readdirSync(dir).map((f) => createHash("sha256").update(readFileSync(path.join(dir, f))).digest("hex")));
      const embedded = new Set(manifest.filter((m) => m.volume === v.volume && m.embedded).map((m) => m.sha256));
      expect([...embedded].every((sha) => extracted.has(sha))).toBe(true);
    }
    // Every criterion is in exactly one volume: the first volume's contents do not list the last volume's criteria.
    const first = execFileSync("pdftotext", ["-layout", path.join(work, "volume-1.pdf"), "-"], { encoding: "utf8" });
    const last = execFileSync("pdftotext", ["-layout", path.join(work, `volume-${volumes.length}.pdf`), "-"], { encoding: "utf8" });
    const headingOf = (text: string) => text.split("\n").find((l) => /^\s*（\d+）\S/.test(l))?.trim();
    expect(headingOf(last)).toBeDefined();
    expect(first).not.toContain(headingOf(last)!);
  });
});
