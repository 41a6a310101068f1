// The data a dossier is made of, gathered from the registers (dossier-records.server.ts) and laid
// out by dossier-pdf.server.ts. Plain values only: the PDF code never queries the database.

import type { EvidenceRecordTypeKey } from "~/lib/evidence/evidence-registry";

export interface Bilingual {
  zh: string;
  en: string;
}

/** A stored file a record holds: listed in the manifest; photos may be sampled into the PDF. */
export interface DossierFileRef {
  fileId: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  /**
   * A photo taken for the record at the gate or dock (inspection point, seal step): may be
   * embedded. Documents, certificates and personnel scans are only listed, never embedded.
   */
  photo: boolean;
  /** What the file shows, e.g. "第 3 点 右侧 / Point 3 Right side". */
  caption: Bilingual;
}

/** One record that proves a criterion, as a row of the section's table. */
export interface DossierRecord {
  recordType: EvidenceRecordTypeKey;
  recordId: string;
  occurredAt: Date;
  /** The number that finds it in the app: "INS-12", "VIS-3", "TR-7", or a seal number. */
  reference: string;
  /** The page in the app, e.g. "/inspections/<id>". */
  path: string;
  site: Bilingual | null;
  summary: Bilingual;
  /** Pass / fail / approved …; null when the record type has no outcome. */
  result: Bilingual | null;
  files: DossierFileRef[];
}

/** A policy linked to a criterion, in its version current at the end of the period. */
export interface DossierPolicy {
  policyId: string;
  documentNumber: string;
  title: Bilingual;
  version: number | null;
  effectiveFrom: string | null;
  path: string;
  file: DossierFileRef | null;
}

export interface DossierScope {
  frameworkId: string;
  /** Criteria to cover (ids of assessable criteria). */
  criterionIds: readonly string[];
  /** Inclusive start, exclusive end, as instants (the organisation's local midnights). */
  from: Date;
  to: Date;
  /** null = every site; records without a site (partners, policies) are always included. */
  siteIds: readonly string[] | null;
}
