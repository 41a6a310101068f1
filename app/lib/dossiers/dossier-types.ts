// The data a dossier is made of, gathered from the registers (dossier-records.server.ts) and laid
// out by dossier-pdf.server.ts, whose input (DossierInput) closes this file. Plain values only: the
// PDF code never queries the database.

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
  /** What an exception shows in full: failed points and notes, corrective actions, a release override. */
  details?: Bilingual[];
}

/** Records of one type proving one criterion in one month of the period. */
export interface MonthCount {
  /** YYYY-MM in the organisation's time zone. */
  month: string;
  records: number;
  exceptions: number;
}

export interface SiteCount {
  /** null: records without a site (partners, contracts). */
  site: Bilingual | null;
  records: number;
  exceptions: number;
}

export interface OutcomeCount {
  outcome: Bilingual;
  count: number;
  exception: boolean;
}

/** What the period holds of one record type for one criterion, counted in the database. */
export interface TypeSummary {
  recordType: EvidenceRecordTypeKey;
  records: number;
  exceptions: number;
  /** Every month of the period, in order, zeros included. */
  months: MonthCount[];
  sites: SiteCount[];
  /** Empty when the record type has no outcome. */
  outcomes: OutcomeCount[];
}

/** Corrective actions raised from the records that prove a criterion (inspections, evaluations, supervision). */
export interface ActionStats {
  raised: number;
  closedInTime: number;
  closedLate: number;
  /** Open and not yet due on the day the dossier was generated. */
  open: number;
  overdue: number;
  cancelled: number;
}

/** A corrective action of a self-assessment item, as the dossier prints it. */
export interface DossierAction {
  reference: string;
  title: string;
  ownerName: string;
  dueOn: string;
  status: "open" | "in_progress" | "awaiting_verification" | "done" | "cancelled";
  closedOn: string | null;
  closedInTime: boolean | null;
}

/** A complete register of one record type for the period, attached to the PDF as an XLSX file. */
export interface DossierRegister {
  recordType: EvidenceRecordTypeKey;
  /** The attachment's name, e.g. "register-inspection.xlsx". */
  fileName: string;
  /** Where the worker wrote it (a temporary file, read once into the PDF). */
  path: string;
  sha256: string;
  sizeBytes: number;
  rows: number;
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

/** What a criterion's section shows of the period's records (dossier-sections.server.ts). */
export interface SectionEvidence {
  summaries: TypeSummary[];
  actions: ActionStats | null;
  exceptions: DossierRecord[];
  /** Exceptions beyond the listing cap, by type: in the register only. */
  exceptionsOmitted: { recordType: EvidenceRecordTypeKey; count: number }[];
  samples: DossierRecord[];
  /** Per type: ordinary records in the period and how many of them are shown. */
  sampled: { recordType: EvidenceRecordTypeKey; shown: number; ordinary: number }[];
}

// ---- what the PDF is made from ----

export interface DossierSection {
  criterionId: string;
  /** Headings as printed: "21.场所安全" / "21. Premises security". */
  heading: Bilingual;
  text: Bilingual;
  /** The class (top-level heading) the criterion belongs to, for bookmarks and the contents. */
  classHeading: Bilingual | null;
  assessment: {
    reference: string;
    assessedOn: string;
    result: Bilingual;
    explanation: string;
    /** Partly met or not met: its corrective actions are printed (or that it has none). */
    shortfall: boolean;
    actions: DossierAction[];
  } | null;
  policies: DossierPolicy[];
  evidence: SectionEvidence;
  /**
   * Set when the criterion does not apply to the organisation (a CN-2022 business-type criterion
   * outside its business types): the reason, printed in place of the self-assessment.
   */
  notApplicable?: Bilingual;
}

export interface DossierInput {
  /** The dossier's id, written into the document information so /verify can name an altered copy. */
  dossierId: string;
  reference: string;
  organization: { nameZh: string; nameEn: string; customsCode: string };
  framework: { nameZh: string; nameEn: string; version: string };
  period: { from: string; to: string };
  /** null: every site. */
  sites: Bilingual[] | null;
  generatedAt: Date;
  generatedAtText: string;
  generatedBy: string;
  /** The organisation's time zone: records' dates are printed in it. */
  timeZone: string;
  /** The months of the period (YYYY-MM), for the monthly summaries. */
  months: string[];
  sections: DossierSection[];
  /** The complete registers; attached to the first volume, named in every section that has records. */
  registers: DossierRegister[];
  signed: boolean;
  /**
   * The audit trail's checkpoint made for this dossier (audit-checkpoints.server.ts), printed on the
   * cover so that a certifier holding the dossier can compare a later verification with it; or the
   * event at which the trail failed verification, when no checkpoint could be made.
   */
  auditCheckpoint: DossierAuditCheckpoint | null;
}

export type DossierAuditCheckpoint =
  | {
      ok: true;
      seq: number;
      headHash: string;
      madeAtText: string;
      /** "certificate": base64 RSA-SHA256 with the organisation's certificate; "hmac": hex HMAC-SHA-256 with the installation key. */
      signatureKind: "certificate" | "hmac";
      signature: string;
    }
  | { ok: false; seq: number };


export interface VolumeNumber {
  number: number;
  count: number;
}
