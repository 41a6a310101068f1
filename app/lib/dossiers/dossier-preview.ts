// What a dossier will hold, per criterion, before it is built: pure, safe in the browser.

import type { EvidenceRecordTypeKey } from "~/lib/evidence/evidence-registry";
import type { DossierPolicy, DossierRecord } from "./dossier-types";

export interface DossierCriterionPreview {
  criterionId: string;
  byType: Partial<Record<EvidenceRecordTypeKey, number>>;
  records: number;
  policies: number;
  files: number;
  photos: number;
  /** No record in the period. */
  gap: boolean;
}

export function dossierPreview(
  records: ReadonlyMap<string, readonly DossierRecord[]>,
  policies: ReadonlyMap<string, readonly DossierPolicy[]>,
): DossierCriterionPreview[] {
  const ids = [...new Set([...records.keys(), ...policies.keys()])];
  return ids.map((criterionId) => {
    const list = records.get(criterionId) ?? [];
    const byType: Partial<Record<EvidenceRecordTypeKey, number>> = {};
    let files = 0;
    let photos = 0;
    for (const r of list) {
      byType[r.recordType] = (byType[r.recordType] ?? 0) + 1;
      files += r.files.length;
      photos += r.files.filter((f) => f.photo).length;
    }
    const linked = policies.get(criterionId) ?? [];
    files += linked.filter((p) => p.file).length;
    return { criterionId, byType, records: list.length, policies: linked.length, files, photos, gap: list.length === 0 };
  });
}
