// Share links for certifiers: bad input writes nothing, a link opens its own dossier only, the
// downloaded copy is a valid PDF that differs from the original and names the recipient on every
// page, revoked and expired links answer 410 and the refusal is logged, an unknown token is a 404
// with nothing logged, links that open nothing are limited per address (then 429, nothing more
// logged), and only the compliance group may create or revoke.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { and, eq, sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("share"));

import { auditEvents, dossierShareAccesses, dossierShareCopies, dossierShares } from "../../db/schema";
import { createShare, watermarkVolume } from "~/lib/dossiers/dossier-shares.server";
import { MAX_SHARE_MISSES_PER_ADDRESS } from "~/lib/dossiers/dossier-share-misses.server";
import { removeSignatureFields } from "~/lib/signing/signing.server";
import { readDossierVolume, requestDossier } from "~/lib/dossiers/dossiers.server";
import { queues } from "~/lib/jobs/job-engine.server";
import { workQueue } from "../support/jobs";
import * as sharesRoute from "~/routes/_app.dossiers.$dossierId.shares";
import * as sharePage from "~/routes/share.$token";
import * as sharePdf from "~/routes/share.$token.$volume[.]pdf";
import { generateDossier } from "../support/dossier-factories";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, ORIGIN, type Fields } from "../support/requests";
import { query, testDb } from "../support/test-database";

const work = mkdtempSync(path.join(tmpdir(), "tradeguard-share-pdf-"));
const visitor = { "X-Tradeguard-Client-Address": "203.0.113.7", "User-Agent": "CustomsReviewer/1.0" };

let owner: SignedUp;
let other: SignedUp;
let security: Member;
let auditor: Member;
let dossierId: string;
let secondDossierId: string;
let otherDossierId: string;

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const readyDossier = (org: SignedUp) => generateDossier(org, { periodTo: "2026-12-31", criteria: ["41"] });

beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  security = await addMember(owner.cookie, "security");
  auditor = await addMember(owner.cookie, "auditor");
  dossierId = await readyDossier(owner);
  secondDossierId = await readyDossier(owner);
  otherDossierId = await readyDossier(other);
});

const sharesUrl = (id: string) => `/dossiers/${id}/shares`;

async function post(fields: Fields, cookie = owner.cookie, id = dossierId) {
  return callAction<{ errors: Record<string, string>; created: { url: string; recipientName: string } | null }>(
    sharesRoute,
    sharesUrl(id),
    fields,
    {
      cookie,
      params: { dossierId: id },
    },
  );
}

async function counts(orgId: string) {
  const [row] = await query<{ shares: number; copies: number; audits: number; accesses: number }>(sql`
    select (select count(*)::int from dossier_shares where organization_id = ${orgId}) as shares,
           (select count(*)::int from dossier_share_copies where organization_id = ${orgId}) as copies,
           (select count(*)::int from audit_events where organization_id = ${orgId}) as audits,
           (select count(*)::int from dossier_share_accesses where organization_id = ${orgId}) as accesses`);
  return row;
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop() ?? "";

function loaderArgs(url: string, params: Record<string, string>, headers: Record<string, string> = visitor): LoaderFunctionArgs {
  return { request: new Request(`${ORIGIN}${url}`, { headers }), params, context: {} };
}

type PageData = {
  state: string;
  organization: { nameZh: string };
  share: { recipientName: string; reference: string; copies: { volume: number; sha256: string }[] } | null;
  gone?: Record<"zh" | "en", { title: string; body: string }>;
};

function openPage(token: string, cookie?: string) {
  return callLoader<PageData>(sharePage, `/share/${encodeURIComponent(token)}`, { params: { token }, headers: visitor, cookie });
}

async function download(token: string, volume: string): Promise<Response> {
  return (await sharePdf.loader(loaderArgs(`/share/${encodeURIComponent(token)}/${volume}.pdf`, { token, volume }))) as Response;
}

async function accessesOf(shareId: string) {
  return testDb().select().from(dossierShareAccesses).where(eq(dossierShareAccesses.shareId, shareId)).orderBy(dossierShareAccesses.at);
}

function pagesText(file: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  return text.split("\f").filter((page, i, all) => i < all.length - 1 || page.trim() !== "");
}

describe("creating a share link", () => {
  test.each([
    [{ recipientName: "", days: "14" }, "recipientName", "shares.errors.recipientName"],
    [{ recipientName: "   ", days: "14" }, "recipientName", "shares.errors.recipientName"],
    [{ recipientName: "张三", days: "0" }, "days", 'shares.errors.days|{"min":1,"max":90}'],
    [{ recipientName: "张三", days: "91" }, "days", 'shares.errors.days|{"min":1,"max":90}'],
    [{ recipientName: "张三", days: "2.5" }, "days", 'shares.errors.days|{"min":1,"max":90}'],
    [{ recipientName: "张".repeat(81), days: "14" }, "recipientName", 'shares.errors.recipientNameLength|{"max":80}'],
  ])("%j is refused with its field's message and nothing is written", async (fields, field, expected) => {
    const before = await counts(owner.organizationId);
    const outcome = await post(fields);
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors[field]).toBe(expected);
    expect(await counts(owner.organizationId)).toEqual(before);
  });

  test("a security officer (no dossiers.share, no dossiers.read) gets 403 and nothing is written", async () => {
    const before = await counts(owner.organizationId);
    const outcome = await post({ recipientName: "张三", days: "14" }, security.cookie);
    expect(outcome.status).toBe(403);
    expect(outcome.data).toMatchObject({ reason: "forbidden", permission: "dossiers.share" });
    const page = await callLoader(sharesRoute, sharesUrl(dossierId), { cookie: security.cookie, params: { dossierId } });
    expect(page.status).toBe(403);
    expect(await counts(owner.organizationId)).toEqual(before);
  });

  test("the auditor may read the list but not create a link", async () => {
    const page = await callLoader<{ canShare: boolean }>(sharesRoute, sharesUrl(dossierId), {
      cookie: auditor.cookie,
      params: { dossierId },
    });
    expect(page.status).toBe(200);
    expect(page.data.canShare).toBe(false);
    const outcome = await post({ recipientName: "张三", days: "14" }, auditor.cookie);
    expect(outcome.status).toBe(403);
  });

  test("a dossier that is not ready cannot be shared", async () => {
    const actor = { organizationId: owner.organizationId, userId: owner.userId };
    const values = { framework: "cn-2022-advanced", periodFrom: "2026-01-01", periodTo: "2026-12-31", sites: [], criteria: ["41"] };
    const queued = await requestDossier(testDb(), actor, "Asia/Shanghai", values);
    if (!queued.ok) throw new Error("not queued");
    const before = await counts(owner.organizationId);
    const outcome = await post({ recipientName: "张三", days: "14" }, owner.cookie, queued.dossierId);
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.form).toBe("shares.errors.notReady");
    expect(await counts(owner.organizationId)).toEqual(before);
    await workQueue(queues.dossier);
  });

  test("another organisation's dossier is a 404", async () => {
    const before = await counts(other.organizationId);
    const outcome = await post({ recipientName: "张三", days: "14" }, owner.cookie, otherDossierId);
    expect(outcome.status).toBe(404);
    expect(await counts(other.organizationId)).toEqual(before);
  });
});

describe("a share link", () => {
  let token: string;
  let shareId: string;
  let copyFile: string;
  let copyBytes: Buffer;

  beforeAll(async () => {
    const outcome = await post({ recipientName: "张三", recipientOrganization: "上海海关", days: "14" });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(200);
    const created = outcome.data.created;
    expect(created?.url).toMatch(/^http:\/\/localhost:3000\/share\/[A-Za-z0-9_-]{43}$/);
    token = tokenOf(created!.url);
    const [share] = await testDb().select().from(dossierShares).where(eq(dossierShares.dossierId, dossierId));
    shareId = share!.id;
  });

  test("is stored as a hash only, with one copy per volume and an audit event", async () => {
    const rows = await testDb().select().from(dossierShares).where(eq(dossierShares.id, shareId));
    expect(rows[0]).toMatchObject({
      recipientName: "张三",
      recipientOrganization: "上海海关",
      createdByUserId: owner.userId,
      revokedAt: null,
    });
    expect(rows[0]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    const days = (rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(14, 3);
    const copies = await testDb().select().from(dossierShareCopies).where(eq(dossierShareCopies.shareId, shareId));
    expect(copies.map((c) => c.volume)).toEqual([1]);
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "dossier_share"), eq(auditEvents.entityId, shareId)));
    expect(events.map((e) => e.action)).toEqual(["create"]);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  test("opens a page with the dossier's facts and the recipient, logged as a view", async () => {
    const page = await openPage(token);
    expect(page.status).toBe(200);
    expect(page.data.state).toBe("active");
    expect(page.data.organization.nameZh).toBe(owner.legalNameZh);
    expect(page.data.share).toMatchObject({ recipientName: "张三", reference: "DOS-1" });
    const log = await accessesOf(shareId);
    expect(log.at(-1)).toMatchObject({
      action: "view",
      outcome: "allowed",
      ipAddress: "203.0.113.7",
      userAgent: "CustomsReviewer/1.0",
      volume: null,
    });
  });

  test("the page is neither cached, nor indexed, nor a referrer", async () => {
    const answer = (await sharePage.loader(loaderArgs(`/share/${token}`, { token }))) as { init: ResponseInit };
    const headers = new Headers(answer.init.headers);
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("X-Robots-Tag")).toContain("noindex");
    expect(new Headers(sharePage.headers({} as never) as HeadersInit).get("Referrer-Policy")).toBe("no-referrer");
  });

  test("downloads the watermarked copy, not the original, and logs it", async () => {
    const response = await download(token, "1");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("X-Robots-Tag")).toContain("noindex");
    copyBytes = Buffer.from(await response.arrayBuffer());
    const original = await readDossierVolume(testDb(), owner.organizationId, dossierId, 1);
    expect(copyBytes.equals(Buffer.from(original!.bytes))).toBe(false);
    const [copy] = await testDb().select().from(dossierShareCopies).where(eq(dossierShareCopies.shareId, shareId));
    expect(createHash("sha256").update(copyBytes).digest("hex")).toBe(copy!.sha256);
    expect(createHash("sha256").update(copyBytes).digest("hex")).not.toBe(original!.volume.sha256);
    copyFile = path.join(work, "copy.pdf");
    writeFileSync(copyFile, copyBytes);
    const log = await accessesOf(shareId);
    expect(log.at(-1)).toMatchObject({ action: "download", volume: 1, outcome: "allowed", ipAddress: "203.0.113.7" });
  });

  test("the copy passes qpdf --check and names the recipient on every page", () => {
    const check = spawnSync("qpdf", ["--check", copyFile], { encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const pages = pagesText(copyFile);
    const info = execFileSync("pdfinfo", [copyFile], { encoding: "utf8" });
    expect(pages.length).toBe(Number(/Pages:\s+(\d+)/.exec(info)?.[1]));
    expect(pages.length).toBeGreaterThan(1);
    // pdftotext puts a space after a full-width bracket: compare without spaces.
    for (const [i, page] of pages.map((p) => p.replace(/\s+/g, "")).entries()) {
      expect(page, `page ${i + 1}`).toContain("仅供张三（上海海关）查阅");
      expect(page, `page ${i + 1}`).toContain("Forreviewby张三(上海海关)only");
      expect(page, `page ${i + 1}`).toContain("有效期至");
    }
    // The original's own content is still there.
    expect(pages.join("\n")).toContain("DOS-1");
    const render = spawnSync("pdftoppm", ["-r", "30", "-f", "1", "-l", "1", "-png", copyFile, path.join(work, "page")], {
      encoding: "utf8",
    });
    expect(render.status).toBe(0);
    expect(render.stderr).not.toContain("Embedded font file may be invalid");
  });

  test("only the share's own volumes: anything else is a 404, and no other dossier's file comes out", async () => {
    for (const volume of ["2", "0", "99", "abc", "1a", "-1"]) {
      const response = await download(token, volume);
      expect(response.status, volume).toBe(404);
    }
    const otherVolumes = await Promise.all([
      readDossierVolume(testDb(), owner.organizationId, secondDossierId, 1),
      readDossierVolume(testDb(), other.organizationId, otherDossierId, 1),
    ]);
    const served = createHash("sha256").update(copyBytes).digest("hex");
    for (const v of otherVolumes) expect(v!.volume.sha256).not.toBe(served);
    // Another organisation's link opens that organisation's dossier, and this one's stays this one's.
    const otherShare = await createShare(testDb(), { organizationId: other.organizationId, userId: other.userId }, otherDossierId, {
      recipientName: "李四",
      recipientOrganization: "",
      days: 3,
    });
    if (!otherShare?.ok) throw new Error("other share not created");
    const mine = await openPage(token, other.cookie);
    expect(mine.data.organization.nameZh).toBe(owner.legalNameZh);
    const theirs = await openPage(otherShare.token, owner.cookie);
    expect(theirs.data.organization.nameZh).toBe(other.legalNameZh);
    expect(theirs.data.share?.recipientName).toBe("李四");
    const [theirCopy] = await testDb().select().from(dossierShareCopies).where(eq(dossierShareCopies.shareId, otherShare.shareId));
    expect(theirCopy!.sha256).not.toBe(served);
    // Revoking another organisation's share through this dossier's page finds nothing.
    const revoke = await post({ intent: "revoke", shareId: otherShare.shareId });
    expect(revoke.status).toBe(404);
    const [still] = await testDb().select().from(dossierShares).where(eq(dossierShares.id, otherShare.shareId));
    expect(still!.revokedAt).toBeNull();
  });

  test("the list shows the share with its access count, and the access log", async () => {
    const page = await callLoader<{
      shares: { id: string; state: string; accessCount: number; recipientName: string }[];
      accesses: { recipientName: string; action: string; outcome: string; ipAddress: string }[];
    }>(sharesRoute, sharesUrl(dossierId), { cookie: owner.cookie, params: { dossierId } });
    expect(page.status).toBe(200);
    const listed = page.data.shares.find((s) => s.id === shareId);
    expect(listed).toMatchObject({ state: "active", recipientName: "张三" });
    expect(listed!.accessCount).toBe((await accessesOf(shareId)).length);
    expect(page.data.accesses.some((a) => a.action === "download" && a.outcome === "allowed" && a.ipAddress === "203.0.113.7")).toBe(true);
    // Nothing of the link itself: only the hash is kept.
    expect(JSON.stringify(page.data)).not.toContain(token);
  });

  test("after revocation: 410 for page and file, both refusals logged as revoked", async () => {
    const revoked = await post({ intent: "revoke", shareId });
    expect(revoked.status).toBe(302);
    const [row] = await testDb().select().from(dossierShares).where(eq(dossierShares.id, shareId));
    expect(row!.revokedAt).not.toBeNull();
    expect(row!.revokedByUserId).toBe(owner.userId);
    const page = await openPage(token);
    expect(page.status).toBe(410);
    expect(page.data).toMatchObject({ state: "revoked", share: null });
    // Both languages' words come with the data: the page itself only has its reader's language.
    expect(page.data.gone).toMatchObject({ zh: { title: "此分享链接已被撤销" }, en: { title: "This share link was revoked" } });
    expect(page.data.gone?.en.body).toContain("Ask ");
    const file = await download(token, "1");
    expect(file.status).toBe(410);
    expect(file.headers.get("Content-Type")).toContain("text/plain");
    expect(await file.text()).toContain("revoked");
    const log = await accessesOf(shareId);
    expect(log.slice(-2).map((a) => [a.action, a.volume, a.outcome])).toEqual([
      ["view", null, "revoked"],
      ["download", 1, "revoked"],
    ]);
    const events = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "dossier_share"), eq(auditEvents.entityId, shareId)));
    expect(events.map((e) => e.action).sort()).toEqual(["create", "update"]);
    // Revoking twice changes nothing more.
    expect((await post({ intent: "revoke", shareId })).status).toBe(302);
    expect(await testDb().select().from(auditEvents).where(eq(auditEvents.entityId, shareId))).toHaveLength(2);
  });
});

describe("an expired link", () => {
  test("answers 410 for page and file, and the refusals are logged as expired", async () => {
    const fifteenDaysAgo = new Date(Date.now() - 15 * 86_400_000);
    const created = await createShare(
      testDb(),
      { organizationId: owner.organizationId, userId: owner.userId },
      secondDossierId,
      { recipientName: "王五", recipientOrganization: "", days: 14 },
      fifteenDaysAgo,
    );
    if (!created?.ok) throw new Error("share not created");
    const page = await openPage(created.token);
    expect(page.status).toBe(410);
    expect(page.data.state).toBe("expired");
    const file = await download(created.token, "1");
    expect(file.status).toBe(410);
    expect(await file.text()).toContain("expired");
    const log = await accessesOf(created.shareId);
    expect(log.map((a) => [a.action, a.outcome])).toEqual([
      ["view", "expired"],
      ["download", "expired"],
    ]);
    const list = await callLoader<{ shares: { id: string; state: string }[] }>(sharesRoute, sharesUrl(secondDossierId), {
      cookie: owner.cookie,
      params: { dossierId: secondDossierId },
    });
    expect(list.data.shares.find((s) => s.id === created.shareId)?.state).toBe("expired");
  });
});

describe("an unknown token", () => {
  test.each(["A".repeat(43), "not-a-token", "", "'; drop table dossier_shares; --", "%00"])(
    "%j is a 404 and nothing is logged",
    async (token) => {
      const [before] = await query<{ n: number }>(sql`select count(*)::int as n from dossier_share_accesses`);
      const page = await openPage(token);
      expect(page.status).toBe(404);
      expect(page.data).toEqual({ reason: "not_found" });
      expect((await download(token, "1")).status).toBe(404);
      const [after] = await query<{ n: number }>(sql`select count(*)::int as n from dossier_share_accesses`);
      expect(after).toEqual(before);
    },
  );
});

describe("a signed original", () => {
  test("loses its signature fields and widgets in the copy, which stays a valid PDF", async () => {
    const original = await readDossierVolume(testDb(), owner.organizationId, dossierId, 1);
    const doc = await PDFDocument.load(original!.bytes);
    pdflibAddPlaceholder({
      pdfDoc: doc,
      reason: "AEO dossier",
      contactInfo: "x@example.com",
      name: "Signer",
      location: "Shanghai",
      signatureLength: 4096,
    });
    const placeheld = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(placeheld).toString("latin1")).toContain("/ByteRange");
    const reloaded = await PDFDocument.load(placeheld);
    removeSignatureFields(reloaded);
    const cleaned = Buffer.from(await reloaded.save({ useObjectStreams: false })).toString("latin1");
    expect(cleaned).not.toContain("/ByteRange");
    expect(cleaned).not.toMatch(/\/FT\s*\/Sig/);
    const copy = await watermarkVolume(placeheld, {
      recipientName: "张三",
      recipientOrganization: "",
      expiresAt: new Date("2026-12-31T00:00:00Z"),
      timeZone: "Asia/Shanghai",
      shareReference: "abcd1234",
    });
    expect(Buffer.from(copy).toString("latin1")).not.toContain("/ByteRange");
    const file = path.join(work, "signed-copy.pdf");
    writeFileSync(file, copy);
    const check = spawnSync("qpdf", ["--check", file], { encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(pagesText(file)[0]).toContain("有效期至 2026-12-31 08:00 (Asia/Shanghai)");
  });
});

describe("links that open nothing, from one address", () => {
  test(`are answered for ${MAX_SHARE_MISSES_PER_ADDRESS} in the window, then 429 with nothing more logged; a working link still opens`, async () => {
    const prober = { "X-Tradeguard-Client-Address": "198.51.100.23", "User-Agent": "probe" };
    const created = await createShare(
      testDb(),
      { organizationId: owner.organizationId, userId: owner.userId },
      secondDossierId,
      { recipientName: "赵六", recipientOrganization: "", days: 14 },
      new Date(Date.now() - 15 * 86_400_000),
    );
    if (!created?.ok) throw new Error("share not created");
    const live = await createShare(
      testDb(),
      { organizationId: owner.organizationId, userId: owner.userId },
      secondDossierId,
      { recipientName: "钱七", recipientOrganization: "", days: 14 },
    );
    if (!live?.ok) throw new Error("share not created");
    const misses = (token: string) => callLoader(sharePage, `/share/${token}`, { params: { token }, headers: prober });
    // Half dead (expired: each refusal logged), half unknown (nothing to log).
    for (let i = 0; i < MAX_SHARE_MISSES_PER_ADDRESS; i++) {
      const outcome = await misses(i % 2 ? created.token : `unknown-${i}`);
      expect(outcome.status).toBe(i % 2 ? 410 : 404);
    }
    const logged = (await accessesOf(created.shareId)).length;
    expect(logged).toBe(MAX_SHARE_MISSES_PER_ADDRESS / 2);
    const page = await misses(created.token);
    expect(page.status).toBe(429);
    expect(page.data).toMatchObject({ reason: "too_many" });
    const file = (await sharePdf.loader(loaderArgs(`/share/${created.token}/1.pdf`, { token: created.token, volume: "1" }, prober))) as Response;
    expect(file.status).toBe(429);
    expect(Number(file.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await file.text()).toContain("Too many attempts");
    expect(await misses("unknown-after")).toMatchObject({ status: 429 });
    expect((await accessesOf(created.shareId)).length).toBe(logged);
    // Another address is not held back, and a link that opens is never refused.
    expect((await openPage(created.token)).status).toBe(410);
    expect((await misses(live.token)).status).toBe(200);
  });

  test("sent all at once, exactly the limit is answered", async () => {
    const prober = { "X-Tradeguard-Client-Address": "198.51.100.99", "User-Agent": "probe" };
    const outcomes = await Promise.all(
      Array.from({ length: MAX_SHARE_MISSES_PER_ADDRESS + 10 }, (_, i) =>
        callLoader(sharePage, `/share/burst-${i}`, { params: { token: `burst-${i}` }, headers: prober }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 404)).toHaveLength(MAX_SHARE_MISSES_PER_ADDRESS);
    expect(outcomes.filter((o) => o.status === 429)).toHaveLength(10);
  });
});
