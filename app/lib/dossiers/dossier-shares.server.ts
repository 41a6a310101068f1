// Share links for certifiers (/dossiers/:id/shares, /share/:token): a read-only link to one dossier,
// without an account. The token is only ever stored as its SHA-256. The certifier gets watermarked
// copies, never the original volumes: every page names the recipient and the link's expiry, so a
// copy that travels further says whose it was. Every use of a link, allowed or refused, is logged.

import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { PDFFont, PDFPage } from "pdf-lib";
import { alias } from "drizzle-orm/pg-core";
import {
  dossiers,
  dossierShareAccesses,
  dossierShareCopies,
  dossierShares,
  dossierVolumes,
  frameworks,
  organizations,
  users,
  type DossierShare,
} from "../../../db/schema";
import { recordAudit } from "~/lib/audit/audit.server";
import { hashToken, newToken } from "~/lib/auth/tokens.server";
import type { Database } from "~/lib/db-types.server";
import { readGeneratedBytes, storeGeneratedBytes } from "~/lib/evidence/file-store.server";
import { refused } from "~/lib/form.server";
import { documentTimeInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { dossierReference } from "./dossier-schema";
import { ACCESS_LOG_LIMIT, shareState, type DossierShareValues, type ShareState } from "./dossier-share-schema";
import type { Actor } from "../auth/actor";

const DAY_MS = 86_400_000;

/** What the watermark names. */
export interface WatermarkFacts {
  recipientName: string;
  recipientOrganization: string;
  expiresAt: Date;
  timeZone: string;
  /** The first characters of the share's id, so a copy found elsewhere names its link. */
  shareReference: string;
}

export function watermarkLines(facts: WatermarkFacts): { zh: string; en: string; diagonal: string } {
  const until = documentTimeInZone(facts.expiresAt, facts.timeZone);
  const zhWho = facts.recipientOrganization ? `${facts.recipientName}（${facts.recipientOrganization}）` : facts.recipientName;
  const enWho = facts.recipientOrganization ? `${facts.recipientName} (${facts.recipientOrganization})` : facts.recipientName;
  return {
    zh: `仅供 ${zhWho} 查阅 · 有效期至 ${until} · 分享编号 ${facts.shareReference}`,
    en: `For review by ${enWho} only · valid until ${until} · share ${facts.shareReference}`,
    diagonal: `仅供 ${facts.recipientName} 查阅 · For review by ${facts.recipientName}`,
  };
}

/** Draws `text` at the largest size up to `max` that fits `width`. */
function fitSize(font: PDFFont, text: string, width: number, max: number): number {
  const at = font.widthOfTextAtSize(text, max);
  return at <= width ? max : Math.max(4, (max * width) / at);
}

/** What watermarking needs of pdf-lib and the fonts, loaded with the first share (not with the server). */
async function pdfTools() {
  const [{ degrees, PDFDocument, rgb }, { embedNotoSans, replaceMissingGlyphs }, { removeSignatureFields, signForOrganization }] =
    await Promise.all([import("pdf-lib"), import("~/lib/pdf/fonts.server"), import("~/lib/signing/signing.server")]);
  return { degrees, PDFDocument, rgb, embedNotoSans, replaceMissingGlyphs, removeSignatureFields, signForOrganization };
}
type PdfTools = Awaited<ReturnType<typeof pdfTools>>;

function drawWatermark(
  { degrees, rgb, replaceMissingGlyphs }: PdfTools,
  page: PDFPage,
  fonts: { regular: PDFFont; bold: PDFFont },
  lines: ReturnType<typeof watermarkLines>,
) {
  const { width, height } = page.getSize();
  const color = rgb(0.7, 0.1, 0.1);
  const margin = 24;
  // A header strip above the running header (which sits 38 pt below the top edge).
  for (const [text, y] of [
    [replaceMissingGlyphs(lines.zh, fonts.regular), height - 14],
    [replaceMissingGlyphs(lines.en, fonts.regular), height - 24],
  ] as const) {
    const size = fitSize(fonts.regular, text, width - 2 * margin, 7.5);
    page.drawText(text, { x: (width - fonts.regular.widthOfTextAtSize(text, size)) / 2, y, size, font: fonts.regular, color });
  }
  // And across the page, faint enough to read the content through it.
  const diagonal = replaceMissingGlyphs(lines.diagonal, fonts.bold);
  const angle = Math.atan2(height, width);
  const length = Math.hypot(width, height) * 0.8;
  const size = fitSize(fonts.bold, diagonal, length, 40);
  const textWidth = fonts.bold.widthOfTextAtSize(diagonal, size);
  // Centre the rotated run on the page centre: start half its length back along the diagonal.
  const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3;
  const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3;
  page.drawText(diagonal, { x, y, size, font: fonts.bold, color, opacity: 0.13, rotate: degrees((angle * 180) / Math.PI) });
}

/** The original volume's bytes with its signature fields removed and the watermark on every page (unsigned). */
export async function watermarkVolume(original: Uint8Array, facts: WatermarkFacts): Promise<Uint8Array> {
  const tools = await pdfTools();
  const doc = await tools.PDFDocument.load(original, { updateMetadata: false });
  tools.removeSignatureFields(doc);
  const fonts = await tools.embedNotoSans(doc);
  const lines = watermarkLines(facts);
  for (const page of doc.getPages()) drawWatermark(tools, page, fonts, lines);
  const subject = doc.getSubject();
  doc.setSubject(`${subject ? `${subject} · ` : ""}${lines.en}`);
  doc.setModificationDate(new Date());
  // No object streams: the signer needs the placeholder in the clear (docs/pdf.md, "Signing").
  return doc.save({ useObjectStreams: false });
}

export type CreateShareResult =
  { ok: true; shareId: string; token: string; expiresAt: Date } | { ok: false; errors: Record<string, string> };

/**
 * Creates a share link for a ready dossier: the watermarked (and, with a certificate, signed) copy
 * of every volume goes into the file store first; the share row, its copies and the audit event are
 * then written in one transaction. Null when the dossier is not the organisation's.
 */
export async function createShare(
  db: Database,
  actor: Actor,
  dossierId: string,
  values: DossierShareValues,
  now = new Date(),
): Promise<CreateShareResult | null> {
  const [row] = await db
    .select({ dossier: dossiers, timeZone: organizations.timeZone })
    .from(dossiers)
    .innerJoin(organizations, eq(organizations.id, dossiers.organizationId))
    .where(and(eq(dossiers.organizationId, actor.organizationId), eq(dossiers.id, dossierId)));
  if (!row) return null;
  if (row.dossier.status !== "ready") return refused({ form: message("shares.errors.notReady") });
  const volumes = await db
    .select()
    .from(dossierVolumes)
    .where(and(eq(dossierVolumes.organizationId, actor.organizationId), eq(dossierVolumes.dossierId, dossierId)))
    .orderBy(asc(dossierVolumes.volume));
  if (volumes.length === 0) return refused({ form: message("shares.errors.notReady") });

  const shareId = randomUUID();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + values.days * DAY_MS);
  const facts: WatermarkFacts = {
    recipientName: values.recipientName,
    recipientOrganization: values.recipientOrganization,
    expiresAt,
    timeZone: row.timeZone,
    shareReference: shareId.slice(0, 8),
  };
  const copies: { volume: number; sha256: string; sizeBytes: number }[] = [];
  for (const volume of volumes) {
    const watermarked = await watermarkVolume(await readGeneratedBytes(volume.sha256), facts);
    const { bytes } = await (await pdfTools()).signForOrganization(db, actor.organizationId, watermarked);
    const stored = await storeGeneratedBytes(bytes);
    copies.push({ volume: volume.volume, ...stored });
  }

  await db.transaction(async (tx) => {
    const [share] = await tx
      .insert(dossierShares)
      .values({
        id: shareId,
        organizationId: actor.organizationId,
        dossierId,
        tokenHash: hashToken(token),
        recipientName: values.recipientName,
        recipientOrganization: values.recipientOrganization,
        expiresAt,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!share) throw new Error("createShare: insert returned nothing");
    const copyRows = await tx
      .insert(dossierShareCopies)
      .values(copies.map((c) => ({ organizationId: actor.organizationId, shareId, ...c })))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "dossier_share",
      entityId: shareId,
      after: { ...share, copies: copyRows.map((c) => ({ volume: c.volume, sha256: c.sha256, sizeBytes: c.sizeBytes })) },
    });
  });
  return { ok: true, shareId, token, expiresAt };
}

/** Revokes a link of the dossier. Null when the share is not the dossier's (or not the organisation's). */
export async function revokeShare(db: Database, actor: Actor, dossierId: string, shareId: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(dossierShares)
      .where(
        and(eq(dossierShares.organizationId, actor.organizationId), eq(dossierShares.dossierId, dossierId), eq(dossierShares.id, shareId)),
      )
      .for("update");
    if (!before) return null;
    if (before.revokedAt) return { ok: true as const, changed: false };
    const [after] = await tx
      .update(dossierShares)
      .set({ revokedAt: now, revokedByUserId: actor.userId })
      .where(and(eq(dossierShares.organizationId, actor.organizationId), eq(dossierShares.id, shareId)))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "dossier_share",
      entityId: shareId,
      before,
      after,
    });
    return { ok: true as const, changed: true };
  });
}

/** The dossier's share links (newest first) with their copies and access counts, and the latest accesses. */
export async function listShares(db: Database, orgId: string, dossierId: string, now = new Date()) {
  const creator = alias(users, "creator");
  const revoker = alias(users, "revoker");
  const rows = await db
    .select({ share: dossierShares, createdBy: creator.name, revokedBy: revoker.name })
    .from(dossierShares)
    .innerJoin(creator, eq(creator.id, dossierShares.createdByUserId))
    .leftJoin(revoker, eq(revoker.id, dossierShares.revokedByUserId))
    .where(and(eq(dossierShares.organizationId, orgId), eq(dossierShares.dossierId, dossierId)))
    .orderBy(desc(dossierShares.createdAt), desc(dossierShares.id));
  const ids = rows.map((r) => r.share.id);
  if (ids.length === 0) return { shares: [], accesses: [] };
  const [counts, copies, accesses] = await Promise.all([
    db
      .select({
        shareId: dossierShareAccesses.shareId,
        total: count(),
        refused: sql<number>`count(*) filter (where ${dossierShareAccesses.outcome} <> 'allowed')`.mapWith(Number),
      })
      .from(dossierShareAccesses)
      .where(and(eq(dossierShareAccesses.organizationId, orgId), inArray(dossierShareAccesses.shareId, ids)))
      .groupBy(dossierShareAccesses.shareId),
    db
      .select()
      .from(dossierShareCopies)
      .where(and(eq(dossierShareCopies.organizationId, orgId), inArray(dossierShareCopies.shareId, ids)))
      .orderBy(asc(dossierShareCopies.volume)),
    db
      .select()
      .from(dossierShareAccesses)
      .where(and(eq(dossierShareAccesses.organizationId, orgId), inArray(dossierShareAccesses.shareId, ids)))
      .orderBy(desc(dossierShareAccesses.at), desc(dossierShareAccesses.id))
      .limit(ACCESS_LOG_LIMIT),
  ]);
  return {
    shares: rows.map((r) => {
      const c = counts.find((x) => x.shareId === r.share.id);
      return {
        share: r.share,
        state: shareState(r.share, now),
        createdBy: r.createdBy,
        revokedBy: r.revokedBy,
        accessCount: c?.total ?? 0,
        refusedCount: c?.refused ?? 0,
        copies: copies.filter((x) => x.shareId === r.share.id),
      };
    }),
    accesses,
  };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface ResolvedShare {
  share: DossierShare;
  state: ShareState;
  organization: { id: string; nameZh: string; nameEn: string; timeZone: string };
  dossier: { id: string; reference: string; periodFrom: string; periodTo: string };
  framework: { code: string; nameZh: string; nameEn: string; version: string };
  copies: { volume: number; sha256: string; sizeBytes: number }[];
}

/**
 * The share a token opens, whatever its state (the caller refuses expired and revoked ones and logs
 * the refusal), or null when no share has that token. The token is the only key: nothing else in
 * the address can point at another dossier.
 */
export async function resolveShare(db: Database, token: string, now = new Date()): Promise<ResolvedShare | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ share: dossierShares, dossier: dossiers, organization: organizations, framework: frameworks })
    .from(dossierShares)
    .innerJoin(dossiers, and(eq(dossiers.id, dossierShares.dossierId), eq(dossiers.organizationId, dossierShares.organizationId)))
    .innerJoin(organizations, eq(organizations.id, dossierShares.organizationId))
    .innerJoin(frameworks, eq(frameworks.id, dossiers.frameworkId))
    .where(eq(dossierShares.tokenHash, hashToken(token)));
  if (!row) return null;
  const copies = await db
    .select({ volume: dossierShareCopies.volume, sha256: dossierShareCopies.sha256, sizeBytes: dossierShareCopies.sizeBytes })
    .from(dossierShareCopies)
    .where(and(eq(dossierShareCopies.organizationId, row.share.organizationId), eq(dossierShareCopies.shareId, row.share.id)))
    .orderBy(asc(dossierShareCopies.volume));
  return {
    share: row.share,
    state: shareState(row.share, now),
    organization: {
      id: row.organization.id,
      nameZh: row.organization.legalNameZh,
      nameEn: row.organization.legalNameEn,
      timeZone: row.organization.timeZone,
    },
    dossier: {
      id: row.dossier.id,
      reference: dossierReference(row.dossier.number),
      periodFrom: row.dossier.periodFrom,
      periodTo: row.dossier.periodTo,
    },
    framework: { code: row.framework.code, nameZh: row.framework.nameZh, nameEn: row.framework.nameEn, version: row.framework.version },
    copies,
  };
}

/** The watermarked copy of one volume of the share, verified against its hash; null when the share has no such volume. */
export async function readShareCopy(resolved: ResolvedShare, volume: number) {
  const copy = resolved.copies.find((c) => c.volume === volume);
  if (!copy) return null;
  return { bytes: await readGeneratedBytes(copy.sha256), copy };
}

export interface AccessRequest {
  ipAddress: string | null;
  userAgent: string | null;
}

/** Records one use of a link, allowed or refused. */
export async function logAccess(
  db: Database,
  share: Pick<DossierShare, "id" | "organizationId">,
  request: AccessRequest,
  entry: { action: "view" | "download"; volume: number | null; outcome: "allowed" | "expired" | "revoked" },
  now = new Date(),
): Promise<void> {
  await db.insert(dossierShareAccesses).values({
    organizationId: share.organizationId,
    shareId: share.id,
    at: now,
    ipAddress: (request.ipAddress ?? "").slice(0, 100),
    userAgent: (request.userAgent ?? "").slice(0, 500),
    action: entry.action,
    volume: entry.volume,
    outcome: entry.outcome,
  });
}
