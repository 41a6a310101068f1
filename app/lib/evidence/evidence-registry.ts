// The record types that count as evidence, and the criteria each feeds by default. Every later
// record type (inspections, seal events, partner evaluations...) adds its entry here; links it
// creates go to evidence_links with its record_type, and the criteria pages list it as a feeder.

export interface CriterionRef {
  framework: string;
  key: string;
}

export interface EvidenceRecordType {
  /** Label key under evidence.types.* */
  labelKey: string;
  /** Criteria every record of this type supports without a manual link (none: linked by hand). */
  feeds: readonly CriterionRef[];
  /** Criteria a record of this type supports when it qualifies (the writer decides, e.g. a partner holding AEO status). */
  mayFeed?: readonly CriterionRef[];
  /** Standing documents (policies) are listed apart from dated records in coverage. */
  standing: boolean;
}

export const evidenceRecordTypes = {
  policy: { labelKey: "evidence.types.policy", feeds: [], standing: true },
  file: { labelKey: "evidence.types.file", feeds: [], standing: false },
  // The criteria an inspection feeds come from its template's points (db/catalog/templates, and the
  // organisation's adapted copies), so the criteria pages ask the templates (criteriaFedByTemplates).
  // A container or conveyance inspection on a checklist that covers both security and agricultural
  // (pest) points is the written inspection procedure of CTPAT 5.2 at work; one that records the
  // controlled area it was done in shows 5.6 (inspectionRecordRefs in inspection-submission.server.ts).
  inspection: {
    labelKey: "evidence.types.inspection",
    feeds: [],
    mayFeed: [
      { framework: "ctpat-msc", key: "5.2" },
      { framework: "ctpat-msc", key: "5.6" },
    ],
    standing: false,
  },
  partner_evaluation: {
    labelKey: "evidence.types.partner_evaluation",
    // An evaluation of a partner that holds AEO or CTPAT status checked that status (CTPAT 3.4).
    mayFeed: [{ framework: "ctpat-msc", key: "3.4" }],
    feeds: [
      { framework: "cn-2014-general", key: "24" },
      { framework: "cn-2022-advanced", key: "55" },
      { framework: "ctpat-msc", key: "3.1" },
      // The due diligence itself (questionnaire, documents, site visit) is CTPAT 3.5, and an assessed
      // partner system is CN-2022 (54), the business-partner management system at work.
      { framework: "ctpat-msc", key: "3.5" },
      { framework: "cn-2022-advanced", key: "54" },
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
      // Checking that weaknesses found at the partner were corrected (3.6), and the partner system at work (54).
      { framework: "ctpat-msc", key: "3.6" },
      { framework: "cn-2022-advanced", key: "54" },
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
  // Seals (step 5): applying, verifying and auditing seals, and the ISO 17712 certificate of a model.
  // CN-2014 (general): item 26 (container security) is the pre-loading container inspection and has no
  // seal clause; seals keep the goods intact in transport, which is item 25 (cargo security).
  seal_application: {
    labelKey: "evidence.types.seal_application",
    feeds: [
      { framework: "cn-2014-general", key: "25" },
      { framework: "cn-2022-advanced", key: "44" },
      { framework: "ctpat-msc", key: "6.2" },
      { framework: "wco-safe-aeo", key: "G" },
    ],
    standing: false,
  },
  seal_verification: {
    labelKey: "evidence.types.seal_verification",
    feeds: [
      { framework: "cn-2014-general", key: "25" },
      { framework: "cn-2022-advanced", key: "44" },
      { framework: "ctpat-msc", key: "6.7" },
      // A seal verified on arrival or departure shows the conveyance kept intact (CN-2022 (50)).
      { framework: "cn-2022-advanced", key: "50" },
      { framework: "wco-safe-aeo", key: "G" },
    ],
    standing: false,
  },
  seal_report: {
    labelKey: "evidence.types.seal_report",
    feeds: [
      // A broken or mismatched seal is a cargo anomaly reported (CN-2014 item 25 (2)).
      { framework: "cn-2014-general", key: "25" },
      { framework: "cn-2022-advanced", key: "44" },
      { framework: "cn-2022-advanced", key: "48" },
      { framework: "ctpat-msc", key: "6.1" },
      { framework: "wco-safe-aeo", key: "G" },
    ],
    standing: false,
  },
  seal_audit: {
    labelKey: "evidence.types.seal_audit",
    feeds: [
      { framework: "cn-2022-advanced", key: "44" },
      { framework: "ctpat-msc", key: "6.6" },
      { framework: "wco-safe-aeo", key: "G" },
    ],
    standing: false,
  },
  seal_model: {
    labelKey: "evidence.types.seal_model",
    feeds: [
      { framework: "cn-2022-advanced", key: "44" },
      { framework: "ctpat-msc", key: "6.5" },
    ],
    standing: true,
  },
  // Access control: the visitor log and the badge and key register.
  visitor_entry: {
    labelKey: "evidence.types.visitor_entry",
    feeds: [
      { framework: "cn-2014-general", key: "22" },
      { framework: "cn-2022-advanced", key: "41" },
      // The premises security system of (31) at work at the gate.
      { framework: "cn-2022-advanced", key: "31" },
      { framework: "ctpat-msc", key: "10.2" },
      { framework: "wco-safe-aeo", key: "I" },
    ],
    standing: false,
  },
  access_item_event: {
    labelKey: "evidence.types.access_item_event",
    feeds: [
      { framework: "cn-2014-general", key: "21" },
      { framework: "cn-2014-general", key: "22" },
      { framework: "cn-2022-advanced", key: "33" },
      { framework: "cn-2022-advanced", key: "40" },
      { framework: "cn-2022-advanced", key: "31" },
      { framework: "ctpat-msc", key: "10.1" },
      { framework: "wco-safe-aeo", key: "I" },
    ],
    standing: false,
  },
  // Personnel security.
  employee: {
    labelKey: "evidence.types.employee",
    feeds: [
      { framework: "cn-2014-general", key: "23" },
      { framework: "cn-2022-advanced", key: "38" },
      { framework: "wco-safe-aeo", key: "J" },
    ],
    standing: false,
  },
  prehire_check: {
    labelKey: "evidence.types.prehire_check",
    feeds: [
      { framework: "cn-2014-general", key: "23" },
      { framework: "cn-2022-advanced", key: "38" },
      { framework: "ctpat-msc", key: "11.1" },
      { framework: "wco-safe-aeo", key: "J" },
    ],
    standing: false,
  },
  background_check: {
    labelKey: "evidence.types.background_check",
    feeds: [
      { framework: "cn-2014-general", key: "23" },
      { framework: "cn-2022-advanced", key: "39" },
      { framework: "ctpat-msc", key: "11.1" },
      { framework: "ctpat-msc", key: "11.2" },
      { framework: "wco-safe-aeo", key: "J" },
    ],
    standing: false,
  },
  conduct_acknowledgement: {
    labelKey: "evidence.types.conduct_acknowledgement",
    feeds: [
      { framework: "ctpat-msc", key: "11.5" },
      { framework: "wco-safe-aeo", key: "J" },
    ],
    standing: false,
  },
  offboarding: {
    labelKey: "evidence.types.offboarding",
    feeds: [
      { framework: "cn-2014-general", key: "23" },
      { framework: "cn-2022-advanced", key: "40" },
      { framework: "ctpat-msc", key: "10.1" },
      { framework: "wco-safe-aeo", key: "J" },
    ],
    standing: false,
  },
  // Training: the criteria a session feeds depend on its category (categoryCriteria in
  // app/lib/training/training-rules.ts; the criteria pages ask criteriaFedByTraining), like an
  // inspection's come from its template; drills (sessions of category crisis_drill) feed crisis management.
  training_session: { labelKey: "evidence.types.training_session", feeds: [], standing: false },
  drill: {
    labelKey: "evidence.types.drill",
    feeds: [
      { framework: "cn-2014-general", key: "28" },
      { framework: "cn-2022-advanced", key: "61" },
      // Crisis management and business continuity, where CTPAT asks for the plan to be exercised;
      // 12.7-12.10 are specialised training topics, not drills.
      { framework: "ctpat-msc", key: "2.4" },
      { framework: "wco-safe-aeo", key: "L" },
    ],
    standing: false,
  },
  // The annual internal audit (step 12): CN-2022 (10)/(11), the general standard's internal audit
  // (5) and WCO SAFE M (measurement, analyses and improvement).
  internal_audit: {
    labelKey: "evidence.types.internal_audit",
    feeds: [
      // CTPAT 1.3, the programme's written review (audit) component, and 10.10, management auditing
      // that guards follow their written instructions.
      { framework: "ctpat-msc", key: "1.3" },
      { framework: "ctpat-msc", key: "10.10" },
      { framework: "cn-2014-general", key: "5" },
      { framework: "cn-2022-advanced", key: "10" },
      { framework: "cn-2022-advanced", key: "11" },
      { framework: "wco-safe-aeo", key: "M" },
    ],
    standing: false,
  },
  // The supply-chain risk assessment (step 12), once approved: CTPAT 2.1 and its yearly review 2.3.
  risk_assessment: {
    labelKey: "evidence.types.risk_assessment",
    feeds: [
      { framework: "ctpat-msc", key: "2.1" },
      { framework: "ctpat-msc", key: "2.3" },
      // An assessment per route maps the cargo's movement and its points at rest (2.2).
      { framework: "ctpat-msc", key: "2.2" },
    ],
    standing: false,
  },
  // Cargo: a receiving or shipping reconciliation, documents against the count (export loading
  // supervision and secure storage are inspection templates, so they feed through their points).
  cargo_reconciliation: {
    labelKey: "evidence.types.cargo_reconciliation",
    feeds: [
      { framework: "cn-2014-general", key: "25" },
      { framework: "cn-2022-advanced", key: "47" },
      // The goods-security system of (42) at work; accurate weight, piece count and B/L data (CTPAT 7.8);
      // the seal number checked against the shipping documents (7.29-7.30).
      { framework: "cn-2022-advanced", key: "42" },
      { framework: "ctpat-msc", key: "7.8" },
      { framework: "ctpat-msc", key: "7.29-7.30" },
      { framework: "ctpat-msc", key: "7.27-7.28" },
      { framework: "wco-safe-aeo", key: "G" },
    ],
    standing: false,
  },
  // Incidents and anomalies: every framework asks that they are reported, investigated and corrected,
  // and CN-2022 (1) that customs hears of suspicious goods at once.
  incident: {
    labelKey: "evidence.types.incident",
    feeds: [
      { framework: "cn-2014-general", key: "25" },
      { framework: "cn-2022-advanced", key: "1" },
      { framework: "cn-2022-advanced", key: "48" },
      { framework: "ctpat-msc", key: "7.23" },
      { framework: "ctpat-msc", key: "7.37" },
      // Partners and authorities alerted to a credible threat (5.29); reported concerns investigated (7.25).
      { framework: "ctpat-msc", key: "5.29" },
      { framework: "ctpat-msc", key: "7.25" },
      { framework: "wco-safe-aeo", key: "G" },
      { framework: "wco-safe-aeo", key: "L" },
    ],
    standing: false,
  },
  // The customs-contact log: the liaison mechanism (CN-2022 (1)), reporting to customs and carrying out
  // what customs asks (CN-2022 (12)), cooperating with customs (CN-2014 item 19), and WCO SAFE's
  // consultation and communication. CTPAT has no criterion for contacts with Chinese customs.
  customs_contact: {
    labelKey: "evidence.types.customs_contact",
    feeds: [
      { framework: "cn-2014-general", key: "19" },
      { framework: "cn-2022-advanced", key: "1" },
      { framework: "cn-2022-advanced", key: "12" },
      { framework: "wco-safe-aeo", key: "D" },
    ],
    standing: false,
  },
  // Business continuity (Step 12): the catalogue's crisis-management texts ask for two things, a plan
  // and proof that it is tested.
  // - The plan, once approved, is a standing document: CTPAT 2.4 (written crisis-management,
  //   business-continuity, security-recovery and business-resumption procedures), WCO SAFE L (plans in
  //   advance and establishes emergency procedures) and CN-2014 item 28 (a written system and
  //   procedures for disasters and security emergencies, 28(1) the response mechanism). CN-2022 has no
  //   sub-item for the plan itself; its crisis management is (61), training and drills.
  // - A test feeds the same CTPAT 2.4 and WCO L (which asks that contingency plans are periodically
  //   tested), CN-2022 (61) (simulated crisis-handling drills) and CN-2014 28 (the mechanism exercised),
  //   as an emergency drill of the training register does.
  continuity_plan: {
    labelKey: "evidence.types.continuity_plan",
    feeds: [
      { framework: "cn-2014-general", key: "28" },
      { framework: "ctpat-msc", key: "2.4" },
      { framework: "wco-safe-aeo", key: "L" },
    ],
    standing: true,
  },
  continuity_test: {
    labelKey: "evidence.types.continuity_test",
    feeds: [
      { framework: "cn-2014-general", key: "28" },
      { framework: "cn-2022-advanced", key: "61" },
      { framework: "ctpat-msc", key: "2.4" },
      { framework: "wco-safe-aeo", key: "L" },
    ],
    standing: false,
  },
} as const satisfies Record<string, EvidenceRecordType>;

export type EvidenceRecordTypeKey = keyof typeof evidenceRecordTypes;

/** The record types that feed a criterion by default. */
export function recordTypesFeeding(ref: CriterionRef): EvidenceRecordTypeKey[] {
  return (Object.entries(evidenceRecordTypes) as [EvidenceRecordTypeKey, EvidenceRecordType][])
    .filter(([, type]) => [...type.feeds, ...(type.mayFeed ?? [])].some((f) => f.framework === ref.framework && f.key === ref.key))
    .map(([key]) => key);
}

/** Evidence older than this does not count as current in coverage. */
export const COVERAGE_MONTHS = 12;
