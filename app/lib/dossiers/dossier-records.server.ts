// Gathers the records and policies a dossier cites, from evidence_links and the registers, one
// batched query per record type (never one per record), always within the organisation.

import { and, eq, gte, inArray, lt, ne } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { accessItemEvents, accessItems } from "../../../db/schema/badges";
import { evidenceFiles, evidenceLinks } from "../../../db/schema/evidence";
import { checklistTemplates, inspectionPhotos, inspections } from "../../../db/schema/inspections";
import { sites } from "../../../db/schema/organizations";
import { contracts, partnerDocuments, partnerEvaluations, partners, supervisionChecks } from "../../../db/schema/partners";
import { backgroundChecks, conductAcknowledgements, employees, offboardings, prehireChecks } from "../../../db/schema/personnel";
import { policies, policyVersions } from "../../../db/schema/policies";
import { sealAudits, sealEventPhotos, sealEvents, sealModels, seals } from "../../../db/schema/seals";
import { trainingMaterials, trainingSessions } from "../../../db/schema/training";
import { visitorEntries } from "../../../db/schema/visitors";
import { accessItemEventReference } from "~/lib/badges/access-item-rules";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "~/lib/evidence/evidence-registry";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import { currentVersion } from "~/lib/policies/policies.server";
import { sealAuditReference, sealEventReference } from "~/lib/seals/seal-numbers";
import { sessionReference } from "~/lib/training/training-rules";
import { visitorReference } from "~/lib/visitors/visitor-rules";
import type { Bilingual, DossierFileRef, DossierPolicy, DossierRecord, DossierScope } from "./dossier-types";

type Part = Omit<DossierRecord, "recordType" | "recordId" | "occurredAt" | "files"> & { siteId: string | null };
/** What a record type's loader gives back: the parts of a record, by record id. */
type Loaded = Map<string, Part & { files: DossierFileRef[] }>;
type Loader = (db: Executor, orgId: string, ids: string[]) => Promise<Loaded>;

const both = (zh: string, en: string): Bilingual => ({ zh, en });
const label = <K extends string>(zhMap: Record<K, string>, enMap: Record<K, string>, key: K): Bilingual => both(zhMap[key], enMap[key]);
const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(" · ");

const fileColumns = {
  id: evidenceFiles.id,
  sha256: evidenceFiles.sha256,
  sizeBytes: evidenceFiles.sizeBytes,
  mediaType: evidenceFiles.mediaType,
  originalName: evidenceFiles.originalName,
};
type FileRow = { id: string; sha256: string; sizeBytes: number; mediaType: string; originalName: string };

function fileRef(file: FileRow, photo: boolean, caption?: Bilingual): DossierFileRef {
  return {
    fileId: file.id,
    sha256: file.sha256,
    sizeBytes: file.sizeBytes,
    mediaType: file.mediaType,
    originalName: file.originalName,
    photo,
    caption: caption ?? both(file.originalName, file.originalName),
  };
}

/** The stored files with these ids (documents: never photos), by id. */
async function documentsById(db: Executor, orgId: string, ids: (string | null)[]): Promise<Map<string, DossierFileRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select(fileColumns)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, orgId), inArray(evidenceFiles.id, wanted)));
  return new Map(rows.map((f) => [f.id, fileRef(f, false)]));
}

function pick(files: Map<string, DossierFileRef>, ...ids: (string | null)[]): DossierFileRef[] {
  return ids.flatMap((id) => (id && files.has(id) ? [files.get(id)!] : []));
}

const inspectionLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      siteId: inspections.siteId,
      containerNumber: inspections.containerNumber,
      result: inspections.result,
      titleZh: checklistTemplates.titleZh,
      titleEn: checklistTemplates.titleEn,
      definition: checklistTemplates.definition,
    })
    .from(inspections)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, inspections.templateId))
    .where(and(eq(inspections.organizationId, orgId), inArray(inspections.id, ids), eq(inspections.status, "submitted")));
  const photos = rows.length
    ? await db
        .select({ inspectionId: inspectionPhotos.inspectionId, itemKey: inspectionPhotos.itemKey, file: fileColumns })
        .from(inspectionPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, inspectionPhotos.fileId))
        .where(
          and(
            eq(inspectionPhotos.organizationId, orgId),
            inArray(
              inspectionPhotos.inspectionId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(inspectionPhotos.createdAt)
    : [];
  const out: Loaded = new Map();
  for (const r of rows) {
    const points = r.definition.sections.flatMap((s) => s.items);
    const files = photos
      .filter((p) => p.inspectionId === r.id)
      .map((p) => {
        const index = points.findIndex((i) => i.key === p.itemKey);
        const item = points[index];
        const caption = item
          ? both(`第 ${index + 1} 点 ${item.promptZh}`, `Point ${index + 1} ${item.promptEn}`)
          : both(p.itemKey, p.itemKey);
        return fileRef(p.file, true, caption);
      });
    out.set(r.id, {
      reference: r.number === null ? "" : inspectionReference(r.number),
      path: `/inspections/${r.id}`,
      siteId: r.siteId,
      site: null,
      summary: both(join(r.titleZh, r.containerNumber), join(r.titleEn, r.containerNumber)),
      result: r.result ? label(zhCN.inspections.result, en.inspections.result, r.result) : null,
      files,
    });
  }
  return out;
};

const sealEventLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: sealEvents.id,
      number: sealEvents.number,
      kind: sealEvents.kind,
      sealId: sealEvents.sealId,
      sealNumber: seals.number,
      siteId: sealEvents.siteId,
      target: sealEvents.target,
      stage: sealEvents.stage,
      passed: sealEvents.passed,
      reportKind: sealEvents.reportKind,
    })
    .from(sealEvents)
    .innerJoin(seals, eq(seals.id, sealEvents.sealId))
    .where(and(eq(sealEvents.organizationId, orgId), inArray(sealEvents.id, ids)));
  const photos = rows.length
    ? await db
        .select({ eventId: sealEventPhotos.eventId, file: fileColumns })
        .from(sealEventPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, sealEventPhotos.fileId))
        .where(
          and(
            eq(sealEventPhotos.organizationId, orgId),
            inArray(
              sealEventPhotos.eventId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(sealEventPhotos.createdAt)
    : [];
  const out: Loaded = new Map();
  for (const r of rows) {
    const kind = label(zhCN.seals.event, en.seals.event, r.kind);
    const summary = both(join(r.sealNumber, kind.zh, r.target), join(r.sealNumber, kind.en, r.target));
    let result: Bilingual | null = null;
    if (r.kind === "verified" && r.passed !== null)
      result = r.passed ? label(zhCN.seals.vvtt, en.seals.vvtt, "pass") : label(zhCN.seals.vvtt, en.seals.vvtt, "fail");
    if (r.kind === "reported" && r.reportKind) result = label(zhCN.seals.reportKind, en.seals.reportKind, r.reportKind);
    const files = photos
      .filter((p) => p.eventId === r.id)
      .map((p) => fileRef(p.file, true, both(`${r.sealNumber} ${kind.zh}`, `${r.sealNumber} ${kind.en}`)));
    out.set(r.id, {
      reference: `${r.sealNumber} (${sealEventReference(r.number)})`,
      path: `/seals/${r.sealId}`,
      siteId: r.siteId,
      site: null,
      summary,
      result,
      files,
    });
  }
  return out;
};

const sealAuditLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(sealAudits)
    .where(and(eq(sealAudits.organizationId, orgId), inArray(sealAudits.id, ids)));
  const out: Loaded = new Map();
  for (const r of rows) {
    const counted = r.countedNumbers.length;
    out.set(r.id, {
      reference: sealAuditReference(r.number),
      path: `/seals/audits/${r.id}`,
      siteId: r.siteId,
      site: null,
      summary: both(`盘点 ${counted} 个封志`, `${counted} seals counted`),
      result: r.balanced
        ? label(zhCN.seals.audits, en.seals.audits, "balanced")
        : both(
            zhCN.seals.audits.unbalanced
              .replace("{{missing}}", String(r.result.missing.length))
              .replace("{{unexpected}}", String(r.result.unexpected.length)),
            en.seals.audits.unbalanced
              .replace("{{missing}}", String(r.result.missing.length))
              .replace("{{unexpected}}", String(r.result.unexpected.length)),
          ),
      files: [],
    });
  }
  return out;
};

const sealModelLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(sealModels)
    .where(and(eq(sealModels.organizationId, orgId), inArray(sealModels.id, ids)));
  const files = await documentsById(
    db,
    orgId,
    rows.map((r) => r.certificateFileId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const name = `${r.manufacturer} ${r.modelName} (ISO 17712 ${r.isoClass})`;
    out.set(r.id, {
      reference: name,
      path: `/seals/models`,
      siteId: null,
      site: null,
      summary: both(name, name),
      result: null,
      files: pick(files, r.certificateFileId),
    });
  }
  return out;
};

const visitorLoader: Loader = async (db, orgId, ids) => {
  // Only name, company and host: the ID document (even masked) stays in the log.
  const rows = await db
    .select({
      id: visitorEntries.id,
      number: visitorEntries.number,
      siteId: visitorEntries.siteId,
      visitorName: visitorEntries.visitorName,
      company: visitorEntries.company,
      hostName: visitorEntries.hostName,
    })
    .from(visitorEntries)
    .where(and(eq(visitorEntries.organizationId, orgId), inArray(visitorEntries.id, ids)));
  const out: Loaded = new Map();
  for (const r of rows) {
    out.set(r.id, {
      reference: visitorReference(r.number),
      path: `/visitors/${r.id}`,
      siteId: r.siteId,
      site: null,
      summary: both(join(r.visitorName, r.company, `接待人 ${r.hostName}`), join(r.visitorName, r.company, `host ${r.hostName}`)),
      result: null,
      files: [],
    });
  }
  return out;
};

const accessEventLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: accessItemEvents.id,
      number: accessItemEvents.number,
      kind: accessItemEvents.kind,
      itemId: accessItems.id,
      itemKind: accessItems.kind,
      code: accessItems.code,
      siteId: accessItems.siteId,
    })
    .from(accessItemEvents)
    .innerJoin(accessItems, eq(accessItems.id, accessItemEvents.itemId))
    .where(and(eq(accessItemEvents.organizationId, orgId), inArray(accessItemEvents.id, ids)));
  const out: Loaded = new Map();
  for (const r of rows) {
    const item = label(zhCN.badges.kinds, en.badges.kinds, r.itemKind);
    const kind = label(zhCN.badges.events, en.badges.events, r.kind);
    out.set(r.id, {
      reference: accessItemEventReference(r.number),
      path: `/badges/${r.itemId}`,
      siteId: r.siteId,
      site: null,
      summary: both(join(item.zh, r.code, kind.zh), join(item.en, r.code, kind.en)),
      result: null,
      files: [],
    });
  }
  return out;
};

/** The employees with these ids (never their ID number or date of birth), by id. */
async function employeesById(db: Executor, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; number: number; name: string; position: string; siteId: string | null }>();
  const rows = await db
    .select({ id: employees.id, number: employees.number, name: employees.name, position: employees.position, siteId: employees.siteId })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), inArray(employees.id, [...new Set(ids)])));
  return new Map(rows.map((e) => [e.id, e]));
}

const employeeLoader: Loader = async (db, orgId, ids) => {
  const people = await employeesById(db, orgId, ids);
  const out: Loaded = new Map();
  for (const e of people.values()) {
    const text = join(employeeReference(e.number), e.name, e.position);
    out.set(e.id, {
      reference: employeeReference(e.number),
      path: `/personnel/${e.id}`,
      siteId: e.siteId,
      site: null,
      summary: both(text, text),
      result: null,
      files: [],
    });
  }
  return out;
};

const prehireLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(prehireChecks)
    .where(and(eq(prehireChecks.organizationId, orgId), inArray(prehireChecks.id, ids)));
  const people = await employeesById(
    db,
    orgId,
    rows.map((r) => r.employeeId),
  );
  const files = await documentsById(
    db,
    orgId,
    rows.map((r) => r.fileId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const e = people.get(r.employeeId);
    const who = e ? `${employeeReference(e.number)} ${e.name}` : "";
    out.set(r.id, {
      reference: prehireReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      site: null,
      summary: both(join(who, r.source), join(who, r.source)),
      result: label(zhCN.personnel.prehire.result, en.personnel.prehire.result, r.result),
      files: pick(files, r.fileId),
    });
  }
  return out;
};

const backgroundLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(backgroundChecks)
    .where(and(eq(backgroundChecks.organizationId, orgId), inArray(backgroundChecks.id, ids)));
  const people = await employeesById(
    db,
    orgId,
    rows.map((r) => r.employeeId),
  );
  const files = await documentsById(
    db,
    orgId,
    rows.map((r) => r.fileId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const e = people.get(r.employeeId);
    const who = e ? `${employeeReference(e.number)} ${e.name}` : "";
    const type = label(zhCN.personnel.background.type, en.personnel.background.type, r.type);
    out.set(r.id, {
      reference: backgroundReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      site: null,
      summary: both(join(who, type.zh), join(who, type.en)),
      result: label(zhCN.personnel.background.result, en.personnel.background.result, r.result),
      files: pick(files, r.fileId),
    });
  }
  return out;
};

const conductLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(conductAcknowledgements)
    .where(and(eq(conductAcknowledgements.organizationId, orgId), inArray(conductAcknowledgements.id, ids)));
  const people = await employeesById(
    db,
    orgId,
    rows.map((r) => r.employeeId),
  );
  const files = await documentsById(
    db,
    orgId,
    rows.map((r) => r.fileId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const e = people.get(r.employeeId);
    const reference = e ? employeeReference(e.number) : "";
    const text = join(reference, e?.name, r.codeVersion);
    out.set(r.id, {
      reference,
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      site: null,
      summary: both(text, text),
      result: null,
      files: pick(files, r.fileId),
    });
  }
  return out;
};

const offboardingLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(offboardings)
    .where(and(eq(offboardings.organizationId, orgId), inArray(offboardings.id, ids)));
  const people = await employeesById(
    db,
    orgId,
    rows.map((r) => r.employeeId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const e = people.get(r.employeeId);
    const who = e ? `${employeeReference(e.number)} ${e.name}` : "";
    out.set(r.id, {
      reference: offboardingReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      site: null,
      summary: both(join(who, `离职 ${r.leaveDate}`), join(who, `leaves ${r.leaveDate}`)),
      result: label(zhCN.personnel.offboarding.status, en.personnel.offboarding.status, r.status),
      files: [],
    });
  }
  return out;
};

const trainingLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organizationId, orgId), inArray(trainingSessions.id, ids)));
  const materials = rows.length
    ? await db
        .select({ sessionId: trainingMaterials.sessionId, file: fileColumns })
        .from(trainingMaterials)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, trainingMaterials.fileId))
        .where(
          and(
            eq(trainingMaterials.organizationId, orgId),
            inArray(
              trainingMaterials.sessionId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(trainingMaterials.createdAt)
    : [];
  const out: Loaded = new Map();
  for (const r of rows) {
    const category = label(zhCN.training.category, en.training.category, r.category);
    out.set(r.id, {
      reference: sessionReference(r.number),
      path: `/training/${r.id}`,
      siteId: r.siteId,
      site: null,
      summary: both(join(category.zh, r.topic, r.trainer), join(category.en, r.topic, r.trainer)),
      result: null,
      files: materials.filter((m) => m.sessionId === r.id).map((m) => fileRef(m.file, false)),
    });
  }
  return out;
};

function partnerName(p: { legalNameZh: string; legalNameEn: string }): Bilingual {
  return both(p.legalNameZh || p.legalNameEn, p.legalNameEn || p.legalNameZh);
}

const evaluationLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: partnerEvaluations.id,
      number: partnerEvaluations.number,
      decision: partnerEvaluations.decision,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    })
    .from(partnerEvaluations)
    .innerJoin(partners, eq(partners.id, partnerEvaluations.partnerId))
    .where(and(eq(partnerEvaluations.organizationId, orgId), inArray(partnerEvaluations.id, ids)));
  const uploads = rows.length
    ? await db
        .select({ evaluationId: partnerDocuments.evaluationId, file: fileColumns })
        .from(partnerDocuments)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, partnerDocuments.fileId))
        .where(
          and(
            eq(partnerDocuments.organizationId, orgId),
            inArray(
              partnerDocuments.evaluationId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(partnerDocuments.createdAt)
    : [];
  const out: Loaded = new Map();
  for (const r of rows) {
    const name = partnerName(r);
    const tp = partnerReference(r.partnerNumber);
    out.set(r.id, {
      reference: evaluationReference(r.number),
      path: `/evaluations/${r.id}`,
      siteId: null,
      site: null,
      summary: both(`${tp} ${name.zh}`, `${tp} ${name.en}`),
      result: r.decision ? label(zhCN.partners.decision, en.partners.decision, r.decision) : null,
      files: uploads.filter((u) => u.evaluationId === r.id).map((u) => fileRef(u.file, false)),
    });
  }
  return out;
};

const supervisionLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: supervisionChecks.id,
      partnerId: supervisionChecks.partnerId,
      kind: supervisionChecks.kind,
      result: supervisionChecks.result,
      fileId: supervisionChecks.fileId,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    })
    .from(supervisionChecks)
    .innerJoin(partners, eq(partners.id, supervisionChecks.partnerId))
    .where(and(eq(supervisionChecks.organizationId, orgId), inArray(supervisionChecks.id, ids)));
  const files = await documentsById(
    db,
    orgId,
    rows.map((r) => r.fileId),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const name = partnerName(r);
    const kind = label(zhCN.partners.supervisionKind, en.partners.supervisionKind, r.kind);
    out.set(r.id, {
      reference: partnerReference(r.partnerNumber),
      path: `/partners/${r.partnerId}`,
      siteId: null,
      site: null,
      summary: both(join(name.zh, kind.zh), join(name.en, kind.en)),
      result: label(zhCN.partners.supervisionResult, en.partners.supervisionResult, r.result),
      files: pick(files, r.fileId),
    });
  }
  return out;
};

const contractLoader: Loader = async (db, orgId, ids) => {
  const rows = await db
    .select({
      id: contracts.id,
      contractNumber: contracts.contractNumber,
      title: contracts.title,
      fileId: contracts.fileId,
      acknowledgementFileId: contracts.acknowledgementFileId,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    })
    .from(contracts)
    .innerJoin(partners, eq(partners.id, contracts.partnerId))
    .where(and(eq(contracts.organizationId, orgId), inArray(contracts.id, ids)));
  const files = await documentsById(
    db,
    orgId,
    rows.flatMap((r) => [r.fileId, r.acknowledgementFileId]),
  );
  const out: Loaded = new Map();
  for (const r of rows) {
    const name = partnerName(r);
    out.set(r.id, {
      reference: r.contractNumber,
      path: `/contracts/${r.id}`,
      siteId: null,
      site: null,
      summary: both(join(r.title, name.zh), join(r.title, name.en)),
      result: null,
      files: pick(files, r.fileId, r.acknowledgementFileId),
    });
  }
  return out;
};

const fileLoader: Loader = async (db, orgId, ids) => {
  const files = await documentsById(db, orgId, ids);
  const out: Loaded = new Map();
  for (const f of files.values()) {
    out.set(f.fileId, {
      reference: f.originalName,
      path: `/files/${f.fileId}`,
      siteId: null,
      site: null,
      summary: f.caption,
      result: null,
      files: [f],
    });
  }
  return out;
};

const loaders: Record<Exclude<EvidenceRecordTypeKey, "policy">, Loader> = {
  file: fileLoader,
  inspection: inspectionLoader,
  partner_evaluation: evaluationLoader,
  supervision_check: supervisionLoader,
  contract: contractLoader,
  seal_application: sealEventLoader,
  seal_verification: sealEventLoader,
  seal_report: sealEventLoader,
  seal_audit: sealAuditLoader,
  seal_model: sealModelLoader,
  visitor_entry: visitorLoader,
  access_item_event: accessEventLoader,
  employee: employeeLoader,
  prehire_check: prehireLoader,
  background_check: backgroundLoader,
  conduct_acknowledgement: conductLoader,
  offboarding: offboardingLoader,
  training_session: trainingLoader,
  drill: trainingLoader,
};

function isLoadable(type: string): type is keyof typeof loaders {
  return Object.hasOwn(loaders, type) && Object.hasOwn(evidenceRecordTypes, type);
}

export async function collectDossierRecords(db: Executor, orgId: string, scope: DossierScope): Promise<Map<string, DossierRecord[]>> {
  const result = new Map<string, DossierRecord[]>(scope.criterionIds.map((id) => [id, []]));
  if (!scope.criterionIds.length) return result;
  const links = await db
    .select({
      criterionId: evidenceLinks.criterionId,
      recordType: evidenceLinks.recordType,
      recordId: evidenceLinks.recordId,
      occurredAt: evidenceLinks.occurredAt,
    })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.organizationId, orgId),
        inArray(evidenceLinks.criterionId, [...scope.criterionIds]),
        ne(evidenceLinks.recordType, "policy"),
        gte(evidenceLinks.occurredAt, scope.from),
        lt(evidenceLinks.occurredAt, scope.to),
      ),
    );
  // A record type the registry no longer knows (a link left by an older version) is skipped, not fatal.
  const known = links.filter((l) => isLoadable(l.recordType));
  const byType = new Map<keyof typeof loaders, Set<string>>();
  for (const l of known) {
    const type = l.recordType as keyof typeof loaders;
    if (!byType.has(type)) byType.set(type, new Set());
    byType.get(type)!.add(l.recordId);
  }
  const loaded = new Map<string, Loaded>();
  for (const [type, ids] of byType) loaded.set(type, await loaders[type](db, orgId, [...ids]));

  const siteIds = [
    ...new Set([...loaded.values()].flatMap((m) => [...m.values()].map((p) => p.siteId)).filter((id): id is string => id !== null)),
  ];
  const siteRows = siteIds.length
    ? await db
        .select({ id: sites.id, nameZh: sites.nameZh, nameEn: sites.nameEn })
        .from(sites)
        .where(and(eq(sites.organizationId, orgId), inArray(sites.id, siteIds)))
    : [];
  const siteNames = new Map(siteRows.map((s) => [s.id, both(s.nameZh, s.nameEn)]));
  const allowed = scope.siteIds ? new Set(scope.siteIds) : null;

  for (const l of known) {
    const part = loaded.get(l.recordType as keyof typeof loaders)?.get(l.recordId);
    if (!part) continue; // the record is gone, or is not a finished record (a draft inspection)
    if (allowed && part.siteId !== null && !allowed.has(part.siteId)) continue;
    const { siteId, ...rest } = part;
    result.get(l.criterionId)!.push({
      ...rest,
      site: siteId ? (siteNames.get(siteId) ?? null) : null,
      recordType: l.recordType as EvidenceRecordTypeKey,
      recordId: l.recordId,
      occurredAt: l.occurredAt,
    });
  }
  for (const list of result.values())
    list.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.reference.localeCompare(b.reference));
  return result;
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
        inArray(evidenceLinks.criterionId, [...criterionIds]),
      ),
    );
  const policyIds = [...new Set(links.map((l) => l.policyId))];
  if (!policyIds.length) return result;
  const rows = await db
    .select()
    .from(policies)
    .where(and(eq(policies.organizationId, orgId), inArray(policies.id, policyIds)));
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
    .where(and(eq(policyVersions.organizationId, orgId), inArray(policyVersions.policyId, policyIds)));
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
