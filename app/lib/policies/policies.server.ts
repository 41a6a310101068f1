import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { criteria, evidenceFiles, evidenceLinks, frameworks, policies, policyVersions, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { listCriteria, listFrameworks } from "../criteria/criteria.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import type { PickerFramework, PickerGroup, PolicyDetailsValues, PolicyValues, PolicyVersionValues } from "./policy-schema";
import { refused, type FieldErrors } from "../form.server";


/** Policies with their current version (the newest effective on or before today, else the newest). */
export async function listPolicies(db: Database, orgId: string, today: string) {
  const rows = await db
    .select({
      id: policies.id,
      documentNumber: policies.documentNumber,
      titleZh: policies.titleZh,
      titleEn: policies.titleEn,
      updatedAt: policies.updatedAt,
    })
    .from(policies)
    .where(eq(policies.organizationId, orgId))
    .orderBy(asc(policies.documentNumber));
  const ids = rows.map((r) => r.id);
  const versions = ids.length
    ? await db
        .select({
          policyId: policyVersions.policyId,
          id: policyVersions.id,
          version: policyVersions.version,
          effectiveOn: policyVersions.effectiveOn,
          sequence: policyVersions.sequence,
          approvedBy: policyVersions.approvedBy,
          fileId: policyVersions.fileId,
          fileName: evidenceFiles.originalName,
        })
        .from(policyVersions)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, policyVersions.fileId))
        .where(and(eq(policyVersions.organizationId, orgId), inArray(policyVersions.policyId, ids)))
        .orderBy(desc(policyVersions.sequence))
    : [];
  // A separate grouped count: a correlated subquery in a one-table select renders its columns
  // unqualified, and "id" would then mean evidence_links.id.
  const counts = ids.length
    ? await db
        .select({ recordId: evidenceLinks.recordId, n: count() })
        .from(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.organizationId, orgId),
            eq(evidenceLinks.recordType, "policy"),
            inArray(evidenceLinks.recordId, ids),
          ),
        )
        .groupBy(evidenceLinks.recordId)
    : [];
  const linkCounts = new Map(counts.map((c) => [c.recordId, c.n]));
  return rows.map((row) => {
    const own = versions.filter((v) => v.policyId === row.id);
    return { ...row, linkCount: linkCounts.get(row.id) ?? 0, current: currentVersion(own, today), versionCount: own.length };
  });
}

export function currentVersion<T extends { effectiveOn: string; sequence: number }>(
  versions: readonly T[],
  today: string,
): T | null {
  const effective = versions
    .filter((v) => v.effectiveOn <= today)
    .sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.sequence - a.sequence);
  return effective[0] ?? [...versions].sort((a, b) => b.sequence - a.sequence)[0] ?? null;
}

export async function getPolicy(db: Database, orgId: string, policyId: string) {
  const [policy] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.organizationId, orgId), eq(policies.id, policyId)));
  if (!policy) return null;
  const versions = await db
    .select({
      id: policyVersions.id,
      sequence: policyVersions.sequence,
      version: policyVersions.version,
      effectiveOn: policyVersions.effectiveOn,
      approvedBy: policyVersions.approvedBy,
      changeNote: policyVersions.changeNote,
      uploadedAt: policyVersions.uploadedAt,
      uploadedByName: users.name,
      file: {
        id: evidenceFiles.id,
        sha256: evidenceFiles.sha256,
        sizeBytes: evidenceFiles.sizeBytes,
        mediaType: evidenceFiles.mediaType,
        originalName: evidenceFiles.originalName,
      },
    })
    .from(policyVersions)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, policyVersions.fileId))
    .leftJoin(users, eq(users.id, policyVersions.uploadedByUserId))
    .where(and(eq(policyVersions.organizationId, orgId), eq(policyVersions.policyId, policyId)))
    .orderBy(desc(policyVersions.sequence));
  const links = await db
    .select({
      criterionId: criteria.id,
      key: criteria.key,
      code: criteria.code,
      titleZh: criteria.titleZh,
      titleEn: criteria.titleEn,
      frameworkCode: frameworks.code,
      frameworkVersion: frameworks.version,
      frameworkNameZh: frameworks.nameZh,
      frameworkNameEn: frameworks.nameEn,
    })
    .from(evidenceLinks)
    .innerJoin(criteria, eq(criteria.id, evidenceLinks.criterionId))
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(
      and(eq(evidenceLinks.organizationId, orgId), eq(evidenceLinks.recordType, "policy"), eq(evidenceLinks.recordId, policyId)),
    )
    .orderBy(asc(frameworks.code), asc(criteria.position));
  return { policy, versions, links };
}

/** Only assessable criteria of loaded frameworks may be linked. Returns the ids that are not. */
export async function unknownCriteria(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const found = await db
    .select({ id: criteria.id })
    .from(criteria)
    .where(and(inArray(criteria.id, [...ids]), sql`cardinality(${criteria.options}) > 0`));
  const ok = new Set(found.map((f) => f.id));
  return ids.filter((id) => !ok.has(id));
}

async function documentNumberTaken(db: Executor, orgId: string, documentNumber: string, exceptId?: string) {
  const rows = await db
    .select({ id: policies.id })
    .from(policies)
    .where(and(eq(policies.organizationId, orgId), sql`lower(${policies.documentNumber}) = lower(${documentNumber})`));
  return rows.some((r) => r.id !== exceptId);
}

export async function createPolicy(
  db: Database,
  actor: Actor,
  values: PolicyValues,
  file: CheckedUpload,
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  if (await documentNumberTaken(db, actor.organizationId, values.documentNumber)) {
    return refused({ documentNumber: message("policies.numberTaken") });
  }
  if ((await unknownCriteria(db, values.criteria)).length) return refused({ criteria: message("errors.choose") });
  const id = await db
    .transaction(async (tx) => {
      const stored = await storeFile(tx, actor, file);
      const [policy] = await tx
        .insert(policies)
        .values({
          organizationId: actor.organizationId,
          documentNumber: values.documentNumber,
          titleZh: values.titleZh,
          titleEn: values.titleEn,
          createdByUserId: actor.userId,
        })
        .returning();
      if (!policy) throw new Error("createPolicy: insert returned nothing");
      const [version] = await tx
        .insert(policyVersions)
        .values({
          organizationId: actor.organizationId,
          policyId: policy.id,
          sequence: 1,
          version: values.version,
          effectiveOn: values.effectiveOn,
          approvedBy: values.approvedBy,
          changeNote: values.changeNote ?? null,
          fileId: stored.id,
          uploadedByUserId: actor.userId,
        })
        .returning();
      await setEvidenceLinks(
        tx,
        { ...actor, recordType: "policy", recordId: policy.id, occurredAt: new Date(`${values.effectiveOn}T00:00:00Z`) },
        values.criteria,
      );
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "create",
        entityType: "policy",
        entityId: policy.id,
        after: { ...policy, version, criteria: values.criteria },
      });
      return policy.id;
    })
    // Two managers saving the same number at once: the unique index decides, the loser sees the field error.
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return null;
      throw error;
    });
  if (!id) return refused({ documentNumber: message("policies.numberTaken") });
  return { ok: true, id };
}

export async function addPolicyVersion(
  db: Database,
  actor: Actor,
  policyId: string,
  values: PolicyVersionValues,
  file: CheckedUpload,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const [policy] = await tx
      .select()
      .from(policies)
      .where(and(eq(policies.organizationId, actor.organizationId), eq(policies.id, policyId)))
      .for("update");
    if (!policy) return null;
    const versions = await tx
      .select({ sequence: policyVersions.sequence, version: policyVersions.version, effectiveOn: policyVersions.effectiveOn })
      .from(policyVersions)
      .where(and(eq(policyVersions.organizationId, actor.organizationId), eq(policyVersions.policyId, policyId)));
    if (versions.some((v) => v.version.toLowerCase() === values.version.toLowerCase())) {
      return { ok: false as const, errors: { version: message("policies.versionTaken", { version: values.version }) } };
    }
    const stored = await storeFile(tx, actor, file);
    const sequence = Math.max(0, ...versions.map((v) => v.sequence)) + 1;
    const [version] = await tx
      .insert(policyVersions)
      .values({
        organizationId: actor.organizationId,
        policyId,
        sequence,
        version: values.version,
        effectiveOn: values.effectiveOn,
        approvedBy: values.approvedBy,
        changeNote: values.changeNote ?? null,
        fileId: stored.id,
        uploadedByUserId: actor.userId,
      })
      .returning();
    await tx.update(policies).set({ updatedAt: new Date() }).where(eq(policies.id, policyId));
    // The links carry the newest version's effective date.
    const newest = [...versions, { sequence, version: values.version, effectiveOn: values.effectiveOn }].sort((a, b) =>
      b.effectiveOn.localeCompare(a.effectiveOn),
    )[0]!;
    await tx
      .update(evidenceLinks)
      .set({ occurredAt: new Date(`${newest.effectiveOn}T00:00:00Z`) })
      .where(
        and(
          eq(evidenceLinks.organizationId, actor.organizationId),
          eq(evidenceLinks.recordType, "policy"),
          eq(evidenceLinks.recordId, policyId),
        ),
      );
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "policy_version",
      entityId: version!.id,
      after: version,
    });
    return { ok: true as const };
  });
}

export async function updatePolicyDetails(
  db: Database,
  actor: Actor,
  policyId: string,
  values: PolicyDetailsValues,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  if (await documentNumberTaken(db, actor.organizationId, values.documentNumber, policyId)) {
    return refused({ documentNumber: message("policies.numberTaken") });
  }
  if ((await unknownCriteria(db, values.criteria)).length) return refused({ criteria: message("errors.choose") });
  const numberTaken = refused({ documentNumber: message("policies.numberTaken") });
  return db
    .transaction(async (tx) => {
      const where = and(eq(policies.organizationId, actor.organizationId), eq(policies.id, policyId));
      const [before] = await tx.select().from(policies).where(where).for("update");
      if (!before) return null;
      const beforeLinks = await tx
        .select({ criterionId: evidenceLinks.criterionId, occurredAt: evidenceLinks.occurredAt })
        .from(evidenceLinks)
        .where(
          and(
            eq(evidenceLinks.organizationId, actor.organizationId),
            eq(evidenceLinks.recordType, "policy"),
            eq(evidenceLinks.recordId, policyId),
          ),
        );
      const [after] = await tx
        .update(policies)
        .set({ documentNumber: values.documentNumber, titleZh: values.titleZh, titleEn: values.titleEn, updatedAt: new Date() })
        .where(where)
        .returning();
      const versions = await tx
        .select({ effectiveOn: policyVersions.effectiveOn })
        .from(policyVersions)
        .where(and(eq(policyVersions.organizationId, actor.organizationId), eq(policyVersions.policyId, policyId)))
        .orderBy(desc(policyVersions.effectiveOn))
        .limit(1);
      const occurredAt = versions[0] ? new Date(`${versions[0].effectiveOn}T00:00:00Z`) : new Date();
      await setEvidenceLinks(tx, { ...actor, recordType: "policy", recordId: policyId, occurredAt }, values.criteria);
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "update",
        entityType: "policy",
        entityId: policyId,
        before: { ...before, criteria: beforeLinks.map((l) => l.criterionId).sort() },
        after: { ...after, criteria: [...values.criteria].sort() },
      });
      return { ok: true as const };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) return numberTaken;
      throw error;
    });
}

/** Policies for pickers (assessment evidence): id, number and titles. */
export async function policyOptions(db: Database, orgId: string) {
  return db
    .select({ id: policies.id, documentNumber: policies.documentNumber, titleZh: policies.titleZh, titleEn: policies.titleEn })
    .from(policies)
    .where(eq(policies.organizationId, orgId))
    .orderBy(asc(policies.documentNumber));
}

/** The policy row of this organisation, or null (actions check it before reading the form). */
export async function findPolicy(db: Executor, orgId: string, policyId: string) {
  const [row] = await db
    .select()
    .from(policies)
    .where(and(eq(policies.organizationId, orgId), eq(policies.id, policyId)));
  return row ?? null;
}

/**
 * The criteria a policy may be linked to, for the picker: the assessable criteria (options
 * non-empty) of the current version of each framework, grouped by their class.
 */
export async function criteriaPicker(db: Database): Promise<PickerFramework[]> {
  const current = await listFrameworks(db);
  return Promise.all(
    current.map(async (framework) => {
      const rows = await listCriteria(db, framework.id);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const groups = new Map<string | null, PickerGroup>();
      for (const row of rows) {
        if (row.options.length === 0) continue;
        let heading: typeof row | undefined = row;
        while (heading && heading.level !== "class") heading = heading.parentId ? byId.get(heading.parentId) : undefined;
        const key = heading?.id ?? null;
        let group = groups.get(key);
        if (!group) {
          group = {
            heading: heading ? { code: heading.code, titleZh: heading.titleZh, titleEn: heading.titleEn } : null,
            criteria: [],
          };
          groups.set(key, group);
        }
        group.criteria.push({ id: row.id, code: row.code, titleZh: row.titleZh, titleEn: row.titleEn });
      }
      return { code: framework.code, nameZh: framework.nameZh, nameEn: framework.nameEn, groups: [...groups.values()] };
    }),
  );
}

/** PostgreSQL's unique_violation, whether the driver error arrives bare or wrapped by Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
