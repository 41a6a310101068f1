// What a dossier prints of a record (reference, page in the app, site, summary, result, files, and for
// an exception its details), loaded for a bounded list of ids of one record type in a few queries
// (never one per record; the ids travel as one array parameter), always within the organisation.
// The policies a dossier cites are read here too.
// Why one module (649 lines): the table of per-type descriptors is the one place a record type's
// dossier line is defined; the generic loader could move out (Step 10, in the issue note).

import { and, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable, SelectedFields } from "drizzle-orm/pg-core";
import type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
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

/** The employees with these ids (never their ID number or date of birth), by id. */
async function employeesById(db: Executor, orgId: string, ids: string[]) {
  if (!ids.length) return new Map<string, Person>();
  const rows = await db
    .select({ id: employees.id, number: employees.number, name: employees.name, position: employees.position, siteId: employees.siteId })
    .from(employees)
    .where(and(eq(employees.organizationId, orgId), anyUuid(employees.id, [...new Set(ids)])));
  return new Map(rows.map((e) => [e.id, e]));
}
type Person = { id: string; number: number; name: string; position: string; siteId: string | null };

/** An employee as a record of theirs names them: reference and name ("" when gone). */
const who = (e: Person | undefined) => (e ? `${employeeReference(e.number)} ${e.name}` : "");

function partnerName(p: { legalNameZh: string; legalNameEn: string }): Bilingual {
  return both(p.legalNameZh || p.legalNameEn, p.legalNameEn || p.legalNameZh);
}

// ---- one loader, described per record type ----

/** A table of one record type: its rows belong to an organisation and are found by id. */
type RecordTable = PgTable & { id: AnyPgColumn; organizationId: AnyPgColumn };
/** A table of files attached to records (photos, materials, uploads), one row per file. */
type AttachedTable = PgTable & { organizationId: AnyPgColumn; fileId: AnyPgColumn };
type AttachedFile = { key: string | null; file: FileRow };

/** What the dossier prints of one row; what is left out: no site filled in yet, no result, no files. */
interface Line {
  reference: string;
  path: string;
  siteId?: string | null;
  summary: Bilingual;
  result?: Bilingual | null;
  files?: DossierFileRef[];
  details?: Bilingual[];
}

/** What a row's line is made from besides the row itself. */
interface Found<Extra> {
  /** The stored documents the row names (`documents`), in the order it names them. */
  documents: DossierFileRef[];
  /** The row's attached files (`attached`), in their order. */
  attached: AttachedFile[];
  /** The employee the row is about (`employee`). */
  employee: Person | undefined;
  /** What `context` read for the whole batch. */
  extra: Extra;
  detail: Detail;
}

interface RecordSource<Columns extends SelectedFields, Extra> {
  table: RecordTable;
  /** The columns read (`getTableColumns(table)`: the whole row). */
  columns: Columns;
  /** Another table the row is read with (the seal of an event, the partner of an evaluation). */
  join?: { table: PgTable; on: SQL };
  /** A further condition on the rows (an inspection counts once submitted). */
  where?: SQL;
  /** The ids of the stored documents a row names (certificate, scan, signed copy). */
  documents?: (row: SelectResultFields<Columns>) => (string | null)[];
  /** The table of files attached to a row, the column naming the row, the order of the files. */
  attached?: { table: AttachedTable; parent: AnyPgColumn; key?: AnyPgColumn; orderBy: AnyPgColumn[] };
  /** The employee a row is about. */
  employee?: (row: SelectResultFields<Columns>) => string;
  /** What the lines of the batch need beyond their rows (an inspection: templates, failed points, actions). */
  context?: (db: Executor, orgId: string, rows: SelectResultFields<Columns>[], detail: Detail) => Promise<Extra>;
  line: (row: SelectResultFields<Columns>, found: Found<Extra>) => Line;
}

/**
 * The loader of one record type: its rows of these ids within the organisation, then in one query
 * each what the type names (documents, attached files, employees, its context), then a line a row.
 */
function source<Columns extends SelectedFields, Extra = undefined>(type: RecordSource<Columns, Extra>): Loader {
  type Row = SelectResultFields<Columns>;
  return async (db, orgId, ids, detail) => {
    const query = db.select(type.columns).from(type.table).$dynamic();
    // A dynamic query joins in place (the builder returns itself).
    if (type.join) query.innerJoin(type.join.table, type.join.on);
    const rows = (await query.where(
      and(eq(type.table.organizationId, orgId), anyUuid(type.table.id, ids), ...(type.where ? [type.where] : [])),
    )) as Row[];
    const rowId = (row: Row) => (row as { id: string }).id;
    const people = type.employee ? await employeesById(db, orgId, rows.map(type.employee)) : new Map<string, Person>();
    const documents = type.documents ? await documentsById(db, orgId, rows.flatMap(type.documents)) : new Map<string, DossierFileRef>();
    const attached = new Map<string, AttachedFile[]>();
    if (type.attached && rows.length) {
      const { table, parent, key, orderBy } = type.attached;
      const files = (await db
        .select({ parentId: parent, ...(key ? { key } : {}), file: fileColumns })
        .from(table)
        .innerJoin(evidenceFiles, eq(evidenceFiles.id, table.fileId))
        .where(and(eq(table.organizationId, orgId), anyUuid(parent, rows.map(rowId))))
        .orderBy(...orderBy)) as { parentId: string; key?: string; file: FileRow }[];
      for (const f of files) attached.set(f.parentId, [...(attached.get(f.parentId) ?? []), { key: f.key ?? null, file: f.file }]);
    }
    const extra = (type.context ? await type.context(db, orgId, rows, detail) : undefined) as Extra;
    const out: Loaded = new Map();
    for (const row of rows) {
      const id = rowId(row);
      const { reference, path, siteId = null, summary, result = null, files = [], details } = type.line(row, {
        documents: type.documents ? pick(documents, ...type.documents(row)) : [],
        attached: attached.get(id) ?? [],
        employee: type.employee ? people.get(type.employee(row)) : undefined,
        extra,
        detail,
      });
      out.set(id, { reference, path, siteId, site: null, summary, result, files, ...(details ? { details } : {}) });
    }
    return out;
  };
}

const inspectionSource = source({
  table: inspections,
  columns: {
    id: inspections.id,
    number: inspections.number,
    siteId: inspections.siteId,
    templateId: inspections.templateId,
    containerNumber: inspections.containerNumber,
    result: inspections.result,
    releaseOverrideReason: inspections.releaseOverrideReason,
    releasedAt: inspections.releasedAt,
  },
  where: eq(inspections.status, "submitted"),
  attached: { table: inspectionPhotos, parent: inspectionPhotos.inspectionId, key: inspectionPhotos.itemKey, orderBy: [inspectionPhotos.createdAt, inspectionPhotos.id] },
  context: async (db, orgId, rows, detail) => {
    // The templates once each (a definition is a few kilobytes; a register reads thousands of inspections).
    const templateIds = [...new Set(rows.map((r) => r.templateId))];
    const templates = templateIds.length
      ? await db
          .select({ id: checklistTemplates.id, titleZh: checklistTemplates.titleZh, titleEn: checklistTemplates.titleEn, definition: checklistTemplates.definition })
          .from(checklistTemplates)
          .where(anyUuid(checklistTemplates.id, templateIds))
      : [];
    const templateById = new Map(templates.map((t) => [t.id, { ...t, points: t.definition.sections.flatMap((s) => s.items) }]));
    const failed = detail ? rows.filter((r) => r.result === "fail").map((r) => r.id) : [];
    const answers = failed.length
      ? await db
          .select({ inspectionId: inspectionAnswers.inspectionId, itemKey: inspectionAnswers.itemKey, note: inspectionAnswers.note })
          .from(inspectionAnswers)
          .where(and(eq(inspectionAnswers.organizationId, orgId), eq(inspectionAnswers.failed, true), anyUuid(inspectionAnswers.inspectionId, failed)))
      : [];
    const actions = detail ? await actionLines(db, orgId, "inspection", failed, detail.timeZone) : new Map<string, Bilingual[]>();
    return { templateById, answers, actions };
  },
  line: (r, { attached, extra: { templateById, answers, actions }, detail }) => {
    const template = templateById.get(r.templateId);
    const points = template?.points ?? [];
    const pointLabel = (key: string) => {
      const index = points.findIndex((i) => i.key === key);
      const item = points[index];
      return item ? both(`第 ${item.number} 点 ${item.promptZh}`, `Point ${item.number} ${item.promptEn}`) : both(key, key);
    };
    const files = attached.map((p) => fileRef(p.file, true, pointLabel(p.key ?? "")));
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
    return {
      reference: r.number === null ? "" : inspectionReference(r.number),
      path: `/inspections/${r.id}`,
      siteId: r.siteId,
      summary: both(join(template?.titleZh, r.containerNumber), join(template?.titleEn, r.containerNumber)),
      result: r.result ? label(zhCN.inspections.result, en.inspections.result, r.result) : null,
      files,
      details: detail ? details : undefined,
    };
  },
});

const sealEventSource = source({
  table: sealEvents,
  columns: {
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
  },
  join: { table: seals, on: eq(seals.id, sealEvents.sealId) },
  attached: { table: sealEventPhotos, parent: sealEventPhotos.eventId, orderBy: [sealEventPhotos.createdAt] },
  line: (r, { attached }) => {
    const kind = label(zhCN.seals.event, en.seals.event, r.kind);
    let result: Bilingual | null = null;
    if (r.kind === "verified" && r.passed !== null)
      result = r.passed ? label(zhCN.seals.vvtt, en.seals.vvtt, "pass") : label(zhCN.seals.vvtt, en.seals.vvtt, "fail");
    if (r.kind === "reported" && r.reportKind) result = label(zhCN.seals.reportKind, en.seals.reportKind, r.reportKind);
    return {
      reference: `${r.sealNumber} (${sealEventReference(r.number)})`,
      path: `/seals/${r.sealId}`,
      siteId: r.siteId,
      summary: both(join(r.sealNumber, kind.zh, r.target), join(r.sealNumber, kind.en, r.target)),
      result,
      files: attached.map((p) => fileRef(p.file, true, both(`${r.sealNumber} ${kind.zh}`, `${r.sealNumber} ${kind.en}`))),
    };
  },
});

const trainingSource = source({
  table: trainingSessions,
  columns: getTableColumns(trainingSessions),
  attached: { table: trainingMaterials, parent: trainingMaterials.sessionId, orderBy: [trainingMaterials.createdAt] },
  line: (r, { attached }) => {
    const category = label(zhCN.training.category, en.training.category, r.category);
    return {
      reference: sessionReference(r.number),
      path: `/training/${r.id}`,
      siteId: r.siteId,
      summary: both(join(category.zh, r.topic, r.trainer), join(category.en, r.topic, r.trainer)),
      files: attached.map((m) => fileRef(m.file, false)),
    };
  },
});

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
  inspection: inspectionSource,
  partner_evaluation: source({
    table: partnerEvaluations,
    columns: {
      id: partnerEvaluations.id,
      number: partnerEvaluations.number,
      decision: partnerEvaluations.decision,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, partnerEvaluations.partnerId) },
    attached: { table: partnerDocuments, parent: partnerDocuments.evaluationId, orderBy: [partnerDocuments.createdAt] },
    line: (r, { attached }) => {
      const name = partnerName(r);
      const tp = partnerReference(r.partnerNumber);
      return {
        reference: evaluationReference(r.number),
        path: `/evaluations/${r.id}`,
        summary: both(`${tp} ${name.zh}`, `${tp} ${name.en}`),
        result: r.decision ? label(zhCN.partners.decision, en.partners.decision, r.decision) : null,
        files: attached.map((u) => fileRef(u.file, false)),
      };
    },
  }),
  supervision_check: source({
    table: supervisionChecks,
    columns: {
      id: supervisionChecks.id,
      partnerId: supervisionChecks.partnerId,
      kind: supervisionChecks.kind,
      result: supervisionChecks.result,
      fileId: supervisionChecks.fileId,
      partnerNumber: partners.number,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, supervisionChecks.partnerId) },
    documents: (r) => [r.fileId],
    line: (r, { documents }) => {
      const name = partnerName(r);
      const kind = label(zhCN.partners.supervisionKind, en.partners.supervisionKind, r.kind);
      return {
        reference: partnerReference(r.partnerNumber),
        path: `/partners/${r.partnerId}`,
        summary: both(join(name.zh, kind.zh), join(name.en, kind.en)),
        result: label(zhCN.partners.supervisionResult, en.partners.supervisionResult, r.result),
        files: documents,
      };
    },
  }),
  contract: source({
    table: contracts,
    columns: {
      id: contracts.id,
      contractNumber: contracts.contractNumber,
      title: contracts.title,
      fileId: contracts.fileId,
      acknowledgementFileId: contracts.acknowledgementFileId,
      legalNameZh: partners.legalNameZh,
      legalNameEn: partners.legalNameEn,
    },
    join: { table: partners, on: eq(partners.id, contracts.partnerId) },
    documents: (r) => [r.fileId, r.acknowledgementFileId],
    line: (r, { documents }) => {
      const name = partnerName(r);
      return { reference: r.contractNumber, path: `/contracts/${r.id}`, summary: both(join(r.title, name.zh), join(r.title, name.en)), files: documents };
    },
  }),
  seal_application: sealEventSource,
  seal_verification: sealEventSource,
  seal_report: sealEventSource,
  seal_audit: source({
    table: sealAudits,
    columns: getTableColumns(sealAudits),
    line: (r) => {
      const counted = r.countedNumbers.length;
      return {
        reference: sealAuditReference(r.number),
        path: `/seals/audits/${r.id}`,
        siteId: r.siteId,
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
      };
    },
  }),
  seal_model: source({
    table: sealModels,
    columns: getTableColumns(sealModels),
    documents: (r) => [r.certificateFileId],
    line: (r, { documents }) => {
      const name = `${r.manufacturer} ${r.modelName} (ISO 17712 ${r.isoClass})`;
      return { reference: name, path: `/seals/models`, summary: both(name, name), files: documents };
    },
  }),
  visitor_entry: source({
    table: visitorEntries,
    // Only name, company and host: the ID document (even masked) stays in the log.
    columns: {
      id: visitorEntries.id,
      number: visitorEntries.number,
      siteId: visitorEntries.siteId,
      visitorName: visitorEntries.visitorName,
      company: visitorEntries.company,
      hostName: visitorEntries.hostName,
    },
    line: (r) => ({
      reference: visitorReference(r.number),
      path: `/visitors/${r.id}`,
      siteId: r.siteId,
      summary: both(join(r.visitorName, r.company, `接待人 ${r.hostName}`), join(r.visitorName, r.company, `host ${r.hostName}`)),
    }),
  }),
  access_item_event: source({
    table: accessItemEvents,
    columns: {
      id: accessItemEvents.id,
      number: accessItemEvents.number,
      kind: accessItemEvents.kind,
      itemId: accessItems.id,
      itemKind: accessItems.kind,
      code: accessItems.code,
      siteId: accessItems.siteId,
    },
    join: { table: accessItems, on: eq(accessItems.id, accessItemEvents.itemId) },
    line: (r) => {
      const item = label(zhCN.badges.kinds, en.badges.kinds, r.itemKind);
      const kind = label(zhCN.badges.events, en.badges.events, r.kind);
      return {
        reference: accessItemEventReference(r.number),
        path: `/badges/${r.itemId}`,
        siteId: r.siteId,
        summary: both(join(item.zh, r.code, kind.zh), join(item.en, r.code, kind.en)),
      };
    },
  }),
  employee: source({
    table: employees,
    // Never the ID number or date of birth.
    columns: { id: employees.id, number: employees.number, name: employees.name, position: employees.position, siteId: employees.siteId },
    line: (e) => {
      const text = join(employeeReference(e.number), e.name, e.position);
      return { reference: employeeReference(e.number), path: `/personnel/${e.id}`, siteId: e.siteId, summary: both(text, text) };
    },
  }),
  prehire_check: source({
    table: prehireChecks,
    columns: getTableColumns(prehireChecks),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => ({
      reference: prehireReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      summary: both(join(who(e), r.source), join(who(e), r.source)),
      result: label(zhCN.personnel.prehire.result, en.personnel.prehire.result, r.result),
      files: documents,
    }),
  }),
  background_check: source({
    table: backgroundChecks,
    columns: getTableColumns(backgroundChecks),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => {
      const type = label(zhCN.personnel.background.type, en.personnel.background.type, r.type);
      return {
        reference: backgroundReference(r.number),
        path: `/personnel/${r.employeeId}`,
        siteId: e?.siteId ?? null,
        summary: both(join(who(e), type.zh), join(who(e), type.en)),
        result: label(zhCN.personnel.background.result, en.personnel.background.result, r.result),
        files: documents,
      };
    },
  }),
  conduct_acknowledgement: source({
    table: conductAcknowledgements,
    columns: getTableColumns(conductAcknowledgements),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => {
      const reference = e ? employeeReference(e.number) : "";
      const text = join(reference, e?.name, r.codeVersion);
      return { reference, path: `/personnel/${r.employeeId}`, siteId: e?.siteId ?? null, summary: both(text, text), files: documents };
    },
  }),
  offboarding: source({
    table: offboardings,
    columns: getTableColumns(offboardings),
    employee: (r) => r.employeeId,
    line: (r, { employee: e }) => ({
      reference: offboardingReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      summary: both(join(who(e), `离职 ${r.leaveDate}`), join(who(e), `leaves ${r.leaveDate}`)),
      result: label(zhCN.personnel.offboarding.status, en.personnel.offboarding.status, r.status),
    }),
  }),
  training_session: trainingSource,
  drill: trainingSource,
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
