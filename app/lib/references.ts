// The numbers a certifier cites and a user types into a search box: a prefix and a zero-padded
// running number per organisation (INS-000042, EMP-0001). One table, so a format is written once
// and the formatter and the search parser cannot drift apart. Changing a width changes every
// printed record and PDF, so the widths are as they have always been.

interface ReferenceFormat {
  /** Printed before the number, hyphen included. */
  readonly prefix: string;
  /** Digits the number is padded to with leading zeros (0: not padded). */
  readonly width: number;
  /** The reference carries the year between prefix and number (SA-2026-0003). */
  readonly yearly?: true;
}

export const referenceFormats = {
  inspection: { prefix: "INS-", width: 6 },
  assessment: { prefix: "SA-", width: 4, yearly: true },
  correctiveAction: { prefix: "CA-", width: 4 },
  dossier: { prefix: "DOS-", width: 0 },
  trainingSession: { prefix: "TR-", width: 4 },
  sealEvent: { prefix: "SL-", width: 6 },
  sealAudit: { prefix: "SAU-", width: 4 },
  accessItemEvent: { prefix: "AK-", width: 5 },
  partner: { prefix: "TP-", width: 5 },
  evaluation: { prefix: "EV-", width: 5 },
  visitor: { prefix: "VIS-", width: 5 },
  employee: { prefix: "EMP-", width: 4 },
  // The badge CSV export has always printed the holder's employee number with five digits, where
  // the personnel pages print four; kept so existing exports and the sheets built on them still match.
  badgeHolder: { prefix: "EMP-", width: 5 },
  prehireCheck: { prefix: "PHC-", width: 4 },
  backgroundCheck: { prefix: "BGC-", width: 4 },
  offboarding: { prefix: "OFB-", width: 4 },
  internalAudit: { prefix: "IA-", width: 4 },
  riskAssessment: { prefix: "RA-", width: 4 },
  cargoReconciliation: { prefix: "REC-", width: 5 },
  incident: { prefix: "INC-", width: 4 },
  customsContact: { prefix: "CC-", width: 4 },
  continuityPlan: { prefix: "BCP-", width: 4 },
  continuityTest: { prefix: "BCT-", width: 4 },
} as const satisfies Record<string, ReferenceFormat>;

export type ReferenceKind = keyof typeof referenceFormats;
/** The kinds whose reference carries a year; formatReference wants the date they are counted in. */
export type YearlyReferenceKind = { [K in ReferenceKind]: (typeof referenceFormats)[K] extends { yearly: true } ? K : never }[ReferenceKind];

/** "INS-000042" for ("inspection", 42). */
export function formatReference(kind: Exclude<ReferenceKind, YearlyReferenceKind>, number: number): string;
/** "SA-2026-0003" for ("assessment", 3, "2026-05-01"): the year is the date's first four characters. */
export function formatReference(kind: YearlyReferenceKind, number: number, date: string): string;
export function formatReference(kind: ReferenceKind, number: number, date?: string): string {
  const format: ReferenceFormat = referenceFormats[kind];
  const year = format.yearly ? `${(date ?? "").slice(0, 4)}-` : "";
  return `${format.prefix}${year}${String(number).padStart(format.width, "0")}`;
}

/**
 * The running number a search text stands for, or null: "EMP-0042", "emp42", "0042" and "42" all
 * give 42 for an employee. For the kinds without a year only.
 */
export function parseReference(kind: Exclude<ReferenceKind, YearlyReferenceKind>, text: string): number | null {
  const prefix = referenceFormats[kind].prefix.replace(/-$/, "");
  const match = new RegExp(`^(${prefix}-?)?0*(\\d{1,9})$`, "i").exec(text);
  return match ? Number(match[2]) : null;
}
