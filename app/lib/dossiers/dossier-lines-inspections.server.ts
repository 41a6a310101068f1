// What a dossier prints of an inspection: its template and container, the photos captioned with
// their checklist points, and for an exception the failed points, the actions raised and a release
// with actions still open.
import { and, eq } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema/actions";
import { checklistTemplates, inspectionAnswers, inspectionPhotos, inspections } from "../../../db/schema/inspections";
import { actionReference, actionStatusLabels } from "~/lib/assessments/result-labels";
import { anyUuid } from "~/lib/db.server";
import type { Executor } from "~/lib/db-types.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, fileRef, join, label, source, type Loader } from "./dossier-record-source.server";
import type { Bilingual } from "./dossier-types";

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

export const inspectionLoaders = { inspection: inspectionSource } satisfies Partial<Record<DossierRecordType, Loader>>;
