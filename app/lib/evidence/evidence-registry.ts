// The record types that count as evidence, and the criteria each feeds by default. Every later
// record type (inspections, seal events, partner evaluations...) adds its entry here; links it
// creates go to evidence_links with its record_type, and the criteria pages list it as a feeder.

export interface CriterionRef {
  framework: "cn-2014-general" | "cn-2022-advanced" | "wco-safe-aeo" | "ctpat-msc";
  key: string;
}

export interface EvidenceRecordType {
  /** Label key under evidence.types.* */
  labelKey: string;
  /** Criteria every record of this type supports without a manual link (none: linked by hand). */
  feeds: readonly CriterionRef[];
  /** Standing documents (policies) are listed apart from dated records in coverage. */
  standing: boolean;
}

export const evidenceRecordTypes = {
  policy: { labelKey: "evidence.types.policy", feeds: [], standing: true },
  file: { labelKey: "evidence.types.file", feeds: [], standing: false },
  // The criteria an inspection feeds come from its template's points (db/catalog/templates, and the
  // organisation's adapted copies), so the criteria pages ask the templates (criteriaFedByTemplates).
  inspection: { labelKey: "evidence.types.inspection", feeds: [], standing: false },
  partner_evaluation: {
    labelKey: "evidence.types.partner_evaluation",
    feeds: [
      { framework: "cn-2014-general", key: "24" },
      { framework: "cn-2022-advanced", key: "55" },
      { framework: "ctpat-msc", key: "3.1" },
      { framework: "wco-safe-aeo", key: "K" },
    ],
    standing: false,
  },
  supervision_check: {
    labelKey: "evidence.types.supervision_check",
    feeds: [
      { framework: "cn-2014-general", key: "24" },
      { framework: "cn-2022-advanced", key: "57" },
      { framework: "ctpat-msc", key: "3.7" },
      { framework: "wco-safe-aeo", key: "K" },
    ],
    standing: false,
  },
  contract: {
    labelKey: "evidence.types.contract",
    feeds: [
      { framework: "cn-2014-general", key: "24" },
      { framework: "cn-2022-advanced", key: "56" },
      { framework: "ctpat-msc", key: "3.1" },
      { framework: "wco-safe-aeo", key: "K" },
    ],
    standing: false,
  },
} as const satisfies Record<string, EvidenceRecordType>;

export type EvidenceRecordTypeKey = keyof typeof evidenceRecordTypes;

/** The record types that feed a criterion by default. */
export function recordTypesFeeding(ref: CriterionRef): EvidenceRecordTypeKey[] {
  return (Object.entries(evidenceRecordTypes) as [EvidenceRecordTypeKey, EvidenceRecordType][])
    .filter(([, type]) => type.feeds.some((f) => f.framework === ref.framework && f.key === ref.key))
    .map(([key]) => key);
}

/** Evidence older than this does not count as current in coverage. */
export const COVERAGE_MONTHS = 12;
