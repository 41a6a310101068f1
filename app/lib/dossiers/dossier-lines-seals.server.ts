// What a dossier prints of the seal records: an event (applied, verified, reported) with its photos,
// an audit's count and balance, a model with its ISO 17712 certificate.
import { eq, getTableColumns } from "drizzle-orm";
import { sealAudits, sealEventPhotos, sealEvents, sealModels, seals } from "../../../db/schema/seals";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { sealAuditReference, sealEventReference } from "~/lib/seals/seal-numbers";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, fileRef, join, label, source, type Loader } from "./dossier-record-source.server";
import type { Bilingual } from "./dossier-types";

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

export const sealLoaders = {
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
} satisfies Partial<Record<DossierRecordType, Loader>>;
