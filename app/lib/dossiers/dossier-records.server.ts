// What a dossier prints of a record (reference, page in the app, site, summary, result, files, and for
// an exception its details), loaded for a bounded list of ids of one record type in a few queries
// (never one per record; the ids travel as one array parameter), always within the organisation.
// The policies a dossier cites are read here too.

import { and, eq } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema/actions";
import { actionReference, actionStatusLabels } from "~/lib/assessments/result-labels";
import { anyUuid } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { accessItemEvents, accessItems } from "../../../db/schema/badges";
import { evidenceFiles, evidenceLinks } from "../../../db/schema/evidence";
import { checklistTemplates, inspectionAnswers, inspectionPhotos, inspections } from "../../../db/schema/inspections";
import { sites } from "../../../db/schema/organizations";
import { contracts, partnerDocuments, partnerEvaluations, partners, supervisionChecks } from "../../../db/schema/partners";
import { backgroundChecks, conductAcknowledgements, employees, offboardings, prehireChecks } from "../../../db/schema/personnel";
import { policies, policyVersions } from "../../../db/schema/policies";
import { sealAudits, sealEventPhotos, sealEvents, sealModels, seals } from "../../../db/schema/seals";
import { trainingMaterials, trainingSessions } from "../../../db/schema/training";
import { visitorEntries } from "../../../db/schema/visitors";
import { accessItemEventReference } from "~/lib/badges/access-item-rules";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import { currentVersion } from "~/lib/policies/policies.server";
import { sealAuditReference, sealEventReference } from "~/lib/seals/seal-numbers";
import { sessionReference } from "~/lib/training/training-rules";
import { visitorReference } from "~/lib/visitors/visitor-rules";
import type { DossierRecordType } from "./dossier-facts.server";
import type { Bilingual, DossierFileRef, DossierPolicy, DossierRecord } from "./dossier-types";

/** A record as the dossier prints it, without what the evidence link says (type, id, time). */
export type LoadedRecord = Omit<DossierRecord, "recordType" | "recordId" | "occurredAt"> & { siteId: string | null };
type Loaded = Map<string, LoadedRecord>;
/** With `detail`: also what an exception shows (failed points, actions, notes), times in its zone. */
type Detail = { timeZone: string } | null;
type Loader = (db: Executor, orgId: string, ids: string[], detail: Detail) => Promise<Loaded>;

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
    .where(and(eq(evidenceFiles.organizationId, orgId), anyUuid(evidenceFiles.id, wanted)));
  return new Map(rows.map((f) => [f.id, fileRef(f, false)]));
}

function pick(files: Map<string, DossierFileRef>, ...ids: (string | null)[]): DossierFileRef[] {
  return ids.flatMap((id) => (id && files.has(id) ? [files.get(id)!] : []));
}

function actionLine(a: { number: number; status: keyof typeof actionStatusLabels; dueOn: string; closedAt: Date | null }, timeZone: string): Bilingual {
  const status = actionStatusLabels[a.status];
  const closed = a.closedAt ? localDateTimeInZone(a.closedAt, timeZone).slice(0, 10) : null;
  const late = closed !== null && closed > a.dueOn;
  const zhEnd = closed ? `${closed} 关闭${late ? "（逾期）" : "（按期）"}` : `期限 ${a.dueOn}`;
  const enEnd = closed ? `closed ${closed}${late ? " (late)" : " (in time)"}` : `due ${a.dueOn}`;
  // The title repeats the failed point printed above it: the number, the state and the dates say the rest.
  return both(`整改 ${actionReference(a.number)} · ${status.zh} · ${zhEnd}`, `Action ${actionReference(a.number)} · ${status.en} · ${enEnd}`);
}

/** The corrective actions raised from these records, as lines by source id. */
async function actionLines(db: Executor, orgId: string, sourceType: "inspection" | "partner_evaluation" | "supervision_check", ids: string[], timeZone: string) {
  const rows = ids.length
    ? await db
        .select({
          sourceId: correctiveActions.sourceId,
          number: correctiveActions.number,
          status: correctiveActions.status,
          dueOn: correctiveActions.dueOn,
          closedAt: correctiveActions.closedAt,
        })
        .from(correctiveActions)
        .where(and(eq(correctiveActions.organizationId, orgId), eq(correctiveActions.sourceType, sourceType), anyUuid(correctiveActions.sourceId, ids)))
        .orderBy(correctiveActions.number)
    : [];
  const out = new Map<string, Bilingual[]>();
  for (const r of rows) out.set(r.sourceId, [...(out.get(r.sourceId) ?? []), actionLine(r, timeZone)]);
  return out;
}

const inspectionLoader: Loader = async (db, orgId, ids, detail) => {
  const rows = await db
    .select({
      id: inspections.id,
      number: inspections.number,
      siteId: inspections.siteId,
      templateId: inspections.templateId,
      containerNumber: inspections.containerNumber,
      result: inspections.result,
      releaseOverrideReason: inspections.releaseOverrideReason,
      releasedAt: inspections.releasedAt,
    })
    .from(inspections)
    .where(and(eq(inspections.organizationId, orgId), anyUuid(inspections.id, ids), eq(inspections.status, "submitted")));
  // The templates once each (a definition is a few kilobytes; a register reads thousands of inspections).
  const templateIds = [...new Set(rows.map((r) => r.templateId))];
  const templates = templateIds.length
    ? await db
        .select({ id: checklistTemplates.id, titleZh: checklistTemplates.titleZh, titleEn: checklistTemplates.titleEn, definition: checklistTemplates.definition })
        .from(checklistTemplates)
        .where(anyUuid(checklistTemplates.id, templateIds))
    : [];
  const templateById = new Map(templates.map((t) => [t.id, { ...t, points: t.definition.sections.flatMap((s) => s.items) }]));
  const photos = rows.length
    ? await db
        .select({ inspectionId: inspectionPhotos.inspectionId, itemKey: inspectionPhotos.itemKey, file: fileColumns })
        .from(inspectionPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, inspectionPhotos.fileId))
        .where(
          and(
            eq(inspectionPhotos.organizationId, orgId),
            anyUuid(
              inspectionPhotos.inspectionId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(inspectionPhotos.createdAt, inspectionPhotos.id)
    : [];
  const photosOf = new Map<string, typeof photos>();
  for (const p of photos) photosOf.set(p.inspectionId, [...(photosOf.get(p.inspectionId) ?? []), p]);
  const failed = detail ? rows.filter((r) => r.result === "fail").map((r) => r.id) : [];
  const answers = failed.length
    ? await db
        .select({ inspectionId: inspectionAnswers.inspectionId, itemKey: inspectionAnswers.itemKey, note: inspectionAnswers.note })
        .from(inspectionAnswers)
        .where(and(eq(inspectionAnswers.organizationId, orgId), eq(inspectionAnswers.failed, true), anyUuid(inspectionAnswers.inspectionId, failed)))
    : [];
  const actions = detail ? await actionLines(db, orgId, "inspection", failed, detail.timeZone) : new Map<string, Bilingual[]>();
  const out: Loaded = new Map();
  for (const r of rows) {
    const template = templateById.get(r.templateId);
    const points = template?.points ?? [];
    const pointLabel = (key: string) => {
      const index = points.findIndex((i) => i.key === key);
      const item = points[index];
      return item ? both(`第 ${item.number} 点 ${item.promptZh}`, `Point ${item.number} ${item.promptEn}`) : both(key, key);
    };
    const files = (photosOf.get(r.id) ?? []).map((p) => fileRef(p.file, true, pointLabel(p.itemKey)));
    const details: Bilingual[] = [];
    for (const a of answers.filter((x) => x.inspectionId === r.id)) {
      const point = pointLabel(a.itemKey);
      details.push(both(`不合格：${point.zh}${a.note ? `（${a.note}）` : ""}`, `Failed: ${point.en}${a.note ? ` (${a.note})` : ""}`));
    }
    details.push(...(actions.get(r.id) ?? []));
    if (detail && r.releaseOverrideReason) {
      const at = r.releasedAt ? localDateTimeInZone(r.releasedAt, detail.timeZone).replace("T", " ") : "";
      details.push(both(`整改未完成即放行（${at}），理由：${r.releaseOverrideReason}`, `Released with open actions (${at}), reason: ${r.releaseOverrideReason}`));
    }
    out.set(r.id, {
      reference: r.number === null ? "" : inspectionReference(r.number),
      path: `/inspections/${r.id}`,
      siteId: r.siteId,
      site: null,
      summary: both(join(template?.titleZh, r.containerNumber), join(template?.titleEn, r.containerNumber)),
      result: r.result ? label(zhCN.inspections.result, en.inspections.result, r.result) : null,
      files,
      ...(detail ? { details } : {}),
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
    .where(and(eq(sealEvents.organizationId, orgId), anyUuid(sealEvents.id, ids)));
  const photos = rows.length
    ? await db
        .select({ eventId: sealEventPhotos.eventId, file: fileColumns })
        .from(sealEventPhotos)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, sealEventPhotos.fileId))
        .where(
          and(
            eq(sealEventPhotos.organizationId, orgId),
            anyUuid(
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
    .where(and(eq(sealAudits.organizationId, orgId), anyUuid(sealAudits.id, ids)));
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
    .where(and(eq(sealModels.organizationId, orgId), anyUuid(sealModels.id, ids)));
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
    .where(and(eq(visitorEntries.organizationId, orgId), anyUuid(visitorEntries.id, ids)));
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
    .where(and(eq(accessItemEvents.organizationId, orgId), anyUuid(accessItemEvents.id, ids)));
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
    .where(and(eq(employees.organizationId, orgId), anyUuid(employees.id, [...new Set(ids)])));
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
    .where(and(eq(prehireChecks.organizationId, orgId), anyUuid(prehireChecks.id, ids)));
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
    .where(and(eq(backgroundChecks.organizationId, orgId), anyUuid(backgroundChecks.id, ids)));
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
    .where(and(eq(conductAcknowledgements.organizationId, orgId), anyUuid(conductAcknowledgements.id, ids)));
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
    .where(and(eq(offboardings.organizationId, orgId), anyUuid(offboardings.id, ids)));
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
    .where(and(eq(trainingSessions.organizationId, orgId), anyUuid(trainingSessions.id, ids)));
  const materials = rows.length
    ? await db
        .select({ sessionId: trainingMaterials.sessionId, file: fileColumns })
        .from(trainingMaterials)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, trainingMaterials.fileId))
        .where(
          and(
            eq(trainingMaterials.organizationId, orgId),
            anyUuid(
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
    .where(and(eq(partnerEvaluations.organizationId, orgId), anyUuid(partnerEvaluations.id, ids)));
  const uploads = rows.length
    ? await db
        .select({ evaluationId: partnerDocuments.evaluationId, file: fileColumns })
        .from(partnerDocuments)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, partnerDocuments.fileId))
        .where(
          and(
            eq(partnerDocuments.organizationId, orgId),
            anyUuid(
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
    .where(and(eq(supervisionChecks.organizationId, orgId), anyUuid(supervisionChecks.id, ids)));
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
    .where(and(eq(contracts.organizationId, orgId), anyUuid(contracts.id, ids)));
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

const loaders: Record<DossierRecordType, Loader> = {
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
