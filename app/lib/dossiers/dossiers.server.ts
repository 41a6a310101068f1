// Evidence dossiers: requested from /dossiers/new, generated in the background one at a time (the
// work is CPU-bound and the machine has few cores), stored in the file store under their SHA-256,
// listed at /dossiers. Progress is written to the row, so the page can show it.

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  assessmentResults,
  assessments,
  criteria,
  dossierManifestEntries,
  dossiers,
  dossierVolumes,
  frameworks,
  organizations,
  sites,
  users,
  type Dossier,
} from "../../../db/schema";
import { assessmentReference, resultLabel } from "~/lib/assessments/result-labels";
import type { ScoringRule } from "~/lib/assessments/scoring";
import { recordAudit } from "~/lib/audit/audit.server";
import { criterionHeading, displayCode } from "~/lib/criteria/criterion-code";
import { isAssessable } from "~/lib/criteria/criteria.server";
import type { Database, Executor } from "~/lib/db.server";
import { readGeneratedBytes, storeGeneratedBytes, storeGeneratedParts } from "~/lib/evidence/file-store.server";
import { documentTimeInZone, endOfDayInZone, startOfDayInZone, todayInZone } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { logger } from "~/lib/logger.server";
import { nextRunningNumber } from "~/lib/organizations/running-number.server";
import { joinParts, partsSha256, savePdfParts } from "~/lib/pdf/pdf-parts.server";
import { hasActiveCertificate, signForOrganization, SigningError } from "~/lib/signing/signing.server";
import {
  planVolumes,
  renderDossier,
  type DossierInput,
  type DossierSection,
  type RenderedDossier,
  type VolumeNumber,
} from "./dossier-pdf.server";
import { collectDossierPolicies, collectDossierRecords } from "./dossier-records.server";
import { dossierReference, type DossierRequest } from "./dossier-schema";
import type { DossierScope } from "./dossier-types";

export interface Actor {
  organizationId: string;
  userId: string;
}

export type RequestResult = { ok: true; dossierId: string } | { ok: false; errors: Record<string, string> };

/** The framework, criteria and sites a request names, checked against the catalogue and the organisation. */
type ScopeError = { ok: false; errors: Record<string, string> };
const scopeError = (field: string, text: string): ScopeError => ({ ok: false, errors: { [field]: text } });

async function resolveScope(db: Executor, orgId: string, timeZone: string, values: DossierRequest) {
  const [framework] = await db
    .select()
    .from(frameworks)
    .where(eq(frameworks.code, values.framework))
    .orderBy(desc(frameworks.version))
    .limit(1);
  if (!framework) return scopeError("framework", message("dossiers.errors.framework"));
  const all = await db.select().from(criteria).where(eq(criteria.frameworkId, framework.id)).orderBy(asc(criteria.position));
  const assessable = all.filter(isAssessable);
  const wanted = values.criteria.length > 0 ? new Set(values.criteria) : null;
  if (wanted) {
    const unknown = [...wanted].filter((k) => !assessable.some((c) => c.key === k));
    if (unknown.length > 0) return scopeError("criteria", message("dossiers.errors.criteria", { keys: unknown.join(", ") }));
  }
  const chosen = wanted ? assessable.filter((c) => wanted.has(c.key)) : assessable;
  const orgSites = await db.select().from(sites).where(eq(sites.organizationId, orgId)).orderBy(asc(sites.createdAt));
  const unknownSite = values.sites.find((id) => !orgSites.some((s) => s.id === id));
  if (unknownSite) return scopeError("sites", message("dossiers.errors.site"));
  const scope: DossierScope = {
    frameworkId: framework.id,
    criterionIds: chosen.map((c) => c.id),
    from: startOfDayInZone(values.periodFrom, timeZone),
    to: endOfDayInZone(values.periodTo, timeZone),
    siteIds: values.sites.length > 0 ? values.sites : null,
  };
  return { ok: true as const, framework, all, chosen, orgSites, scope };
}

/** What each criterion would contain, before anything is generated. */
export async function previewDossier(db: Database, orgId: string, timeZone: string, values: DossierRequest) {
  const resolved = await resolveScope(db, orgId, timeZone, values);
  if (!resolved.ok) return resolved;
  const [records, policies] = await Promise.all([
    collectDossierRecords(db, orgId, resolved.scope),
    collectDossierPolicies(db, orgId, resolved.scope.criterionIds, values.periodTo),
  ]);
  const rows = resolved.chosen.map((c) => {
    const list = records.get(c.id) ?? [];
    const byType = new Map<string, number>();
    for (const r of list) byType.set(r.recordType, (byType.get(r.recordType) ?? 0) + 1);
    const files = list.reduce((n, r) => n + r.files.length, 0);
    const photos = list.reduce((n, r) => n + r.files.filter((f) => f.photo).length, 0);
    return {
      key: c.key,
      code: displayCode(c),
      titleZh: c.titleZh,
      titleEn: c.titleEn,
      records: list.length,
      byType: [...byType].map(([type, count]) => ({ type, count })),
      policies: (policies.get(c.id) ?? []).length,
      files,
      photos,
      gap: list.length === 0,
    };
  });
  return { ok: true as const, rows, framework: resolved.framework };
}

/** Queues a dossier; the runner picks it up. The printed time is fixed now. */
export async function requestDossier(
  db: Database,
  actor: Actor,
  timeZone: string,
  values: DossierRequest,
  now = new Date(),
): Promise<RequestResult> {
  const resolved = await resolveScope(db, actor.organizationId, timeZone, values);
  if (!resolved.ok) return resolved;
  const id = await db.transaction(async (tx) => {
    const number = await nextRunningNumber(tx, actor.organizationId, dossiers);
    const [row] = await tx
      .insert(dossiers)
      .values({
        organizationId: actor.organizationId,
        number,
        frameworkId: resolved.framework.id,
        periodFrom: values.periodFrom,
        periodTo: values.periodTo,
        siteIds: values.sites,
        criterionKeys: values.criteria,
        generatedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
        requestedByUserId: actor.userId,
      })
      .returning();
    if (!row) throw new Error("requestDossier: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "dossier",
      entityId: row.id,
      after: row,
    });
    return row.id;
  });
  return { ok: true, dossierId: id };
}

/** The PDF input for a dossier row, read from the registers as they are now. */
export async function buildDossierInput(db: Database, dossier: Dossier): Promise<DossierInput> {
  const orgId = dossier.organizationId;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const [requester] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, dossier.requestedByUserId));
  if (!org) throw new Error("buildDossierInput: organisation missing");
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.id, dossier.frameworkId));
  if (!framework) throw new Error("buildDossierInput: framework missing");
  const timeZone = org.timeZone;
  const resolved = await resolveScope(db, orgId, timeZone, {
    framework: framework.code,
    periodFrom: dossier.periodFrom,
    periodTo: dossier.periodTo,
    sites: dossier.siteIds,
    criteria: dossier.criterionKeys,
  });
  if (!resolved.ok) throw new Error(`buildDossierInput: scope no longer valid (${JSON.stringify(resolved.errors)})`);
  const [records, policies] = await Promise.all([
    collectDossierRecords(db, orgId, resolved.scope),
    collectDossierPolicies(db, orgId, resolved.scope.criterionIds, dossier.periodTo),
  ]);
  // The latest final self-assessment of this framework version on or before the period's end.
  const [latest] = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.organizationId, orgId),
        eq(assessments.frameworkId, framework.id),
        eq(assessments.status, "final"),
        sql`${assessments.assessedOn} <= ${dossier.periodTo}`,
      ),
    )
    .orderBy(desc(assessments.assessedOn), desc(assessments.number))
    .limit(1);
  const results = latest
    ? await db
        .select()
        .from(assessmentResults)
        .where(and(eq(assessmentResults.organizationId, orgId), eq(assessmentResults.assessmentId, latest.id)))
    : [];
  const resultByCriterion = new Map(results.map((r) => [r.criterionId, r]));
  const byId = new Map(resolved.all.map((c) => [c.id, c]));
  const heading = (c: { code: string; part: string | null; level: string; titleZh: string; titleEn: string }) => {
    const code = displayCode(c);
    return { zh: criterionHeading(code.zh, c.titleZh, "zh"), en: criterionHeading(code.en, c.titleEn, "en") };
  };
  const sections: DossierSection[] = resolved.chosen.map((c) => {
    let top = c;
    while (top.parentId && byId.get(top.parentId)) top = byId.get(top.parentId) as typeof c;
    const result = resultByCriterion.get(c.id);
    return {
      criterionId: c.id,
      heading: heading(c),
      text: { zh: c.textZh, en: c.textEn },
      classHeading: top.id !== c.id && top.level === "class" ? heading(top) : null,
      assessment:
        latest && result
          ? {
              reference: assessmentReference(latest.assessedOn, latest.number),
              assessedOn: latest.assessedOn,
              result: resultLabel(framework.scoringRule as ScoringRule, result.result),
              explanation: result.explanation,
            }
          : null,
      policies: policies.get(c.id) ?? [],
      records: records.get(c.id) ?? [],
    };
  });
  const siteNames =
    dossier.siteIds.length > 0
      ? resolved.orgSites.filter((s) => dossier.siteIds.includes(s.id)).map((s) => ({ zh: s.nameZh, en: s.nameEn }))
      : null;
  return {
    dossierId: dossier.id,
    reference: dossierReference(dossier.number),
    organization: { nameZh: org.legalNameZh, nameEn: org.legalNameEn, customsCode: org.customsCode ?? "" },
    framework: { nameZh: framework.nameZh, nameEn: framework.nameEn, version: framework.version },
    period: { from: dossier.periodFrom, to: dossier.periodTo },
    sites: siteNames,
    generatedAt: dossier.generatedAt,
    generatedAtText: documentTimeInZone(dossier.generatedAt, timeZone),
    generatedBy: requester ? `${requester.name} <${requester.email}>` : "—",
    formatDate: (d) => todayInZone(timeZone, d),
    sections,
    // The cover says whether to look for a signature: the one signForOrganization will add.
    signed: await hasActiveCertificate(db, orgId),
  };
}

export interface GeneratedVolume {
  /** The whole dossier's input (its sections are every volume's). */
  input: DossierInput;
  volume: VolumeNumber;
  rendered: RenderedDossier;
  /** The PDF before signing, in parts (savePdfParts): the same data, parameters and time give the same bytes. */
  parts: Uint8Array[];
}

export interface GenerateOptions {
  onProgress?: (fraction: number) => Promise<void>;
  /** Photo bytes per volume (default VOLUME_PHOTO_BYTES); tests split small dossiers with it. */
  volumePhotoBytes?: number;
}

/**
 * Renders the dossier volume by volume and hands each to `onVolume` before the next is rendered, so
 * only one volume's bytes are in memory at a time. No database writes.
 */
export async function generateDossierVolumes(
  db: Database,
  dossier: Dossier,
  onVolume: (generated: GeneratedVolume) => Promise<void>,
  options: GenerateOptions = {},
): Promise<{ input: DossierInput; count: number }> {
  const input = await buildDossierInput(db, dossier);
  const plan = planVolumes(input.sections, options.volumePhotoBytes);
  for (const [i, sections] of plan.entries()) {
    const volume = { number: i + 1, count: plan.length };
    // Evidence files and generated documents share the content-addressed store: read by hash, verified.
    const rendered = await renderDossier(
      { ...input, sections },
      (file) => readGeneratedBytes(file.sha256),
      async (fraction) => {
        await options.onProgress?.((i + fraction) / plan.length);
      },
      volume,
    );
    const parts = await savePdfParts(rendered.doc);
    await onVolume({ input, volume, rendered, parts });
  }
  return { input, count: plan.length };
}

/** Generates one queued dossier: progress on the row, each volume in the store, volume and manifest rows in one transaction. */
export async function runDossier(db: Database, dossierId: string, options: Pick<GenerateOptions, "volumePhotoBytes"> = {}): Promise<void> {
  const [claimed] = await db
    .update(dossiers)
    .set({ status: "generating", progress: 0, startedAt: new Date(), error: null })
    .where(and(eq(dossiers.id, dossierId), eq(dossiers.status, "queued")))
    .returning();
  if (!claimed) return;
  try {
    let last = 0;
    const orgId = claimed.organizationId;
    const volumeRows: (typeof dossierVolumes.$inferInsert)[] = [];
    const manifestRows: (typeof dossierManifestEntries.$inferInsert)[] = [];
    const records = new Set<string>();
    let signedVolumes = 0;
    const { count } = await generateDossierVolumes(
      db,
      claimed,
      async ({ input, volume, rendered, parts }) => {
        const unsignedSha256 = partsSha256(parts);
        // Signing is the last step (pdf-lib rewrites the whole file, so it needs it in one piece). A
        // certificate that cannot sign fails the dossier: an unsigned file would contradict its cover.
        let stored: { sha256: string; sizeBytes: number };
        if (input.signed) {
          const signed = await signForOrganization(db, orgId, joinParts(parts));
          if (!signed.signed) throw new SigningError(message("signing.errors.changedDuringGeneration"));
          signedVolumes += 1;
          stored = await storeGeneratedBytes(signed.bytes);
        } else {
          if (await hasActiveCertificate(db, orgId)) throw new SigningError(message("signing.errors.changedDuringGeneration"));
          stored = await storeGeneratedParts(parts);
        }
        volumeRows.push({
          organizationId: orgId,
          dossierId,
          volume: volume.number,
          sha256: stored.sha256,
          unsignedSha256,
          sizeBytes: stored.sizeBytes,
          pageCount: rendered.pageCount,
        });
        for (const record of rendered.recordKeys) records.add(record);
        for (const m of rendered.manifest) {
          manifestRows.push({
            organizationId: orgId,
            dossierId,
            volume: volume.number,
            position: m.position,
            fileId: m.file.fileId,
            sha256: m.file.sha256,
            sizeBytes: m.file.sizeBytes,
            mediaType: m.file.mediaType,
            originalName: m.file.originalName,
            recordType: m.recordType,
            recordId: m.recordId,
            reference: m.reference,
            embedded: m.embedded,
          });
        }
      },
      {
        ...options,
        onProgress: async (fraction) => {
          const progress = Math.min(95, Math.round(fraction * 100));
          if (progress - last >= 5) {
            last = progress;
            await db.update(dossiers).set({ progress }).where(eq(dossiers.id, dossierId));
          }
        },
      },
    );
    await db.transaction(async (tx) => {
      await tx.delete(dossierVolumes).where(eq(dossierVolumes.dossierId, dossierId));
      await tx.delete(dossierManifestEntries).where(eq(dossierManifestEntries.dossierId, dossierId));
      await tx.insert(dossierVolumes).values(volumeRows);
      // Inserted in slices: a large dossier lists thousands of files, past a statement's parameter limit.
      for (let i = 0; i < manifestRows.length; i += 1000) await tx.insert(dossierManifestEntries).values(manifestRows.slice(i, i + 1000));
      await tx
        .update(dossiers)
        .set({
          status: "ready",
          progress: 100,
          completedAt: new Date(),
          signed: signedVolumes === count,
          fileCount: new Set(manifestRows.map((m) => `${m.recordType}:${m.recordId}:${m.sha256}`)).size,
          recordCount: records.size,
        })
        .where(eq(dossiers.id, dossierId));
    });
  } catch (error) {
    logger.error({ err: error, dossierId }, "dossier generation failed");
    await db
      .update(dossiers)
      .set({ status: "failed", error: error instanceof Error ? error.message.slice(0, 500) : String(error) })
      .where(eq(dossiers.id, dossierId));
  }
}

// One generation at a time per process, in request order.
let queue: Promise<void> = Promise.resolve();

/** At start-up: a dossier left "generating" by a stopped process is queued again. */
export async function requeueInterruptedDossiers(db: Database): Promise<void> {
  await db.update(dossiers).set({ status: "queued", progress: 0 }).where(eq(dossiers.status, "generating"));
}

/** Schedules the generation of every queued dossier, one after another. A claimed row is never taken twice. */
export function startDossierRunner(db: Database): Promise<void> {
  queue = queue.then(async () => {
    for (;;) {
      const [next] = await db
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(eq(dossiers.status, "queued"))
        .orderBy(asc(dossiers.createdAt))
        .limit(1);
      if (!next) return;
      await runDossier(db, next.id);
    }
  });
  return queue;
}

export async function listDossiers(db: Database, orgId: string) {
  return db
    .select({
      dossier: dossiers,
      framework: { code: frameworks.code, nameZh: frameworks.nameZh, nameEn: frameworks.nameEn, version: frameworks.version },
      requestedBy: users.name,
    })
    .from(dossiers)
    .innerJoin(frameworks, eq(frameworks.id, dossiers.frameworkId))
    .innerJoin(users, eq(users.id, dossiers.requestedByUserId))
    .where(eq(dossiers.organizationId, orgId))
    .orderBy(desc(dossiers.number));
}

export async function getDossier(db: Executor, orgId: string, dossierId: string) {
  const [row] = await db
    .select({
      dossier: dossiers,
      framework: { code: frameworks.code, nameZh: frameworks.nameZh, nameEn: frameworks.nameEn, version: frameworks.version },
      requestedBy: users.name,
    })
    .from(dossiers)
    .innerJoin(frameworks, eq(frameworks.id, dossiers.frameworkId))
    .innerJoin(users, eq(users.id, dossiers.requestedByUserId))
    .where(and(eq(dossiers.organizationId, orgId), eq(dossiers.id, dossierId)));
  if (!row) return null;
  const volumes = await db
    .select()
    .from(dossierVolumes)
    .where(and(eq(dossierVolumes.organizationId, orgId), eq(dossierVolumes.dossierId, dossierId)))
    .orderBy(asc(dossierVolumes.volume));
  const siteRows = row.dossier.siteIds.length
    ? await db
        .select()
        .from(sites)
        .where(and(eq(sites.organizationId, orgId), inArray(sites.id, row.dossier.siteIds)))
    : [];
  return { ...row, volumes, sites: siteRows };
}

export async function readDossierVolume(db: Database, orgId: string, dossierId: string, volume: number) {
  const [row] = await db
    .select({ volume: dossierVolumes, number: dossiers.number })
    .from(dossierVolumes)
    .innerJoin(dossiers, eq(dossiers.id, dossierVolumes.dossierId))
    .where(and(eq(dossierVolumes.organizationId, orgId), eq(dossierVolumes.dossierId, dossierId), eq(dossierVolumes.volume, volume)));
  if (!row) return null;
  return { bytes: await readGeneratedBytes(row.volume.sha256), reference: dossierReference(row.number), volume: row.volume };
}
