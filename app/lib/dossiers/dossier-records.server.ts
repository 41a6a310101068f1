// What a dossier prints of a record (reference, page in the app, site, summary, result, files, and for
// an exception its details), loaded for a bounded list of ids of one record type in a few queries
// (never one per record; the ids travel as one array parameter), always within the organisation.
// The policies a dossier cites are read here too.
// The loading itself is dossier-record-source.server.ts; what each record type prints is in the
// dossier-lines-*.server.ts modules, by domain.

import { and, eq } from "drizzle-orm";
import { anyUuid } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import { evidenceFiles, evidenceLinks } from "../../../db/schema/evidence";
import { sites } from "../../../db/schema/organizations";
import { policies, policyVersions } from "../../../db/schema/policies";
import { currentVersion } from "~/lib/policies/policies.server";
import type { DossierRecordType } from "./dossier-facts.server";
import { accessLoaders } from "./dossier-lines-access.server";
import { auditLoaders } from "./dossier-lines-audits.server";
import { cargoLoaders } from "./dossier-lines-cargo.server";
import { incidentLoaders } from "./dossier-lines-incidents.server";
import { inspectionLoaders } from "./dossier-lines-inspections.server";
import { partnerLoaders } from "./dossier-lines-partners.server";
import { personnelLoaders } from "./dossier-lines-personnel.server";
import { riskLoaders } from "./dossier-lines-risk.server";
import { continuityLoaders } from "./dossier-lines-continuity.server";
import { sealLoaders } from "./dossier-lines-seals.server";
import { both, fileColumns, fileRef, source, type Detail, type Loaded, type Loader } from "./dossier-record-source.server";
import type { DossierPolicy } from "./dossier-types";

/** Every record type's loader: the evidence registry's types (but policies, listed apart). */
const loaders: Record<DossierRecordType, Loader> = {
  file: source({
    table: evidenceFiles,
    columns: fileColumns,
    line: (f) => {
      const file = fileRef(f, false);
      return { reference: file.originalName, path: `/files/${file.fileId}`, summary: file.caption, files: [file] };
    },
  }),
  ...inspectionLoaders,
  ...partnerLoaders,
  ...sealLoaders,
  ...accessLoaders,
  ...personnelLoaders,
  ...auditLoaders,
  ...riskLoaders,
  ...continuityLoaders,
  ...cargoLoaders,
  ...incidentLoaders,
};

/**
 * What the dossier prints of these records of one type (at most a few thousand ids: callers page),
 * by id, with their sites named. A record the type's loader does not give back (gone, or a draft
 * inspection) is absent.
 */
export async function loadRecords(
  db: Executor,
  orgId: string,
  type: DossierRecordType,
  ids: readonly string[],
  detail: Detail = null,
): Promise<Loaded> {
  if (!ids.length) return new Map();
  const loaded = await loaders[type](db, orgId, [...new Set(ids)], detail);
  const siteIds = [...new Set([...loaded.values()].map((p) => p.siteId).filter((id): id is string => id !== null))];
  const siteRows = siteIds.length
    ? await db
        .select({ id: sites.id, nameZh: sites.nameZh, nameEn: sites.nameEn })
        .from(sites)
        .where(and(eq(sites.organizationId, orgId), anyUuid(sites.id, siteIds)))
    : [];
  const siteNames = new Map(siteRows.map((s) => [s.id, both(s.nameZh, s.nameEn)]));
  for (const record of loaded.values()) record.site = record.siteId ? (siteNames.get(record.siteId) ?? null) : null;
  return loaded;
}

export async function collectDossierPolicies(
  db: Executor,
  orgId: string,
  criterionIds: readonly string[],
  asOfDate: string,
): Promise<Map<string, DossierPolicy[]>> {
  const result = new Map<string, DossierPolicy[]>(criterionIds.map((id) => [id, []]));
  if (!criterionIds.length) return result;
  const links = await db
    .select({ criterionId: evidenceLinks.criterionId, policyId: evidenceLinks.recordId })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.organizationId, orgId),
        eq(evidenceLinks.recordType, "policy"),
        anyUuid(evidenceLinks.criterionId, [...criterionIds]),
      ),
    );
  const policyIds = [...new Set(links.map((l) => l.policyId))];
  if (!policyIds.length) return result;
  const rows = await db
    .select()
    .from(policies)
    .where(and(eq(policies.organizationId, orgId), anyUuid(policies.id, policyIds)));
  const versions = await db
    .select({
      policyId: policyVersions.policyId,
      sequence: policyVersions.sequence,
      version: policyVersions.version,
      effectiveOn: policyVersions.effectiveOn,
      file: fileColumns,
    })
    .from(policyVersions)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, policyVersions.fileId))
    .where(and(eq(policyVersions.organizationId, orgId), anyUuid(policyVersions.policyId, policyIds)));
  const built = new Map<string, DossierPolicy>();
  for (const p of rows) {
    // In force on the date: the latest effective version (listPolicies' rule), before any is effective the latest uploaded.
    const current = currentVersion(
      versions.filter((v) => v.policyId === p.id),
      asOfDate,
    );
    built.set(p.id, {
      policyId: p.id,
      documentNumber: p.documentNumber,
      title: both(p.titleZh, p.titleEn),
      version: current?.sequence ?? null,
      effectiveFrom: current?.effectiveOn ?? null,
      path: `/policies/${p.id}`,
      file: current
        ? fileRef(current.file, false, both(`${p.documentNumber} ${current.version}`, `${p.documentNumber} ${current.version}`))
        : null,
    });
  }
  for (const l of links) {
    const policy = built.get(l.policyId);
    if (policy) result.get(l.criterionId)!.push(policy);
  }
  for (const list of result.values()) list.sort((a, b) => a.documentNumber.localeCompare(b.documentNumber));
  return result;
}
