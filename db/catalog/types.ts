// The shape of the certification-framework catalogue. The data files in ./frameworks are the
// only source of frameworks and criteria: db/catalog/load.ts writes them to the database,
// idempotently by framework code and version, so a new revision of a standard is a data change.

/** Every result any framework allows; each criterion lists the subset it offers. */
export const resultValues = ["meets", "partly_meets", "fails", "not_applicable", "conforms"] as const;
export type ResultValue = (typeof resultValues)[number];

/**
 * How a framework turns results into an outcome (implemented in app/lib/assessments/scoring.ts):
 * - cn-2014-points: 100 + sum of item scores (0 / -1 / -2), bonus +2 capped; pass = no -2 and >= 95.
 * - cn-2022-advanced: no 不达标; at most 3 基本达标 items in the general and 3 in the business-type part.
 * - qualitative: met / partly met / not met / not applicable, counted, no pass mark.
 */
export const scoringRules = ["cn-2014-points", "cn-2022-advanced", "qualitative"] as const;
export type ScoringRule = (typeof scoringRules)[number];

/** Place in the standard's tree. CTPAT categories and 2022 business-type sections are classes. */
export const criterionLevels = ["class", "article", "item", "sub_item"] as const;
export type CriterionLevel = (typeof criterionLevels)[number];

/**
 * Where the text comes from. Anything but "official" is shown with a visible note, so a
 * reconstruction is never presented as the standard's wording.
 * - official: the standard's own text (or, for CTPAT/WCO, a faithful paraphrase of it)
 * - reconstructed: filled from a parallel text (e.g. the 2014 advanced standard) because the original was not found
 * - inferred: number, title or options deduced from the document structure
 */
export const provenances = ["official", "reconstructed", "inferred"] as const;
export type Provenance = (typeof provenances)[number];

export interface CatalogCriterion {
  /** Stable key within the framework, URL-safe, used in /criteria/:framework/:criterion. */
  key: string;
  /** The code as printed in the standard: "21", "（43）", "(十)", "A", "5.3", "一". */
  code: string;
  level: CriterionLevel;
  titleZh: string;
  titleEn: string;
  /** Full criterion text. May be empty for a pure heading (class, article). */
  textZh: string;
  textEn: string;
  /** Results the assessor may choose. Empty for headings that are not assessed directly. */
  options: readonly ResultValue[];
  /** cn-2022-advanced: which half of the pass rule counts it. */
  part?: "general" | "business_type";
  /** CTPAT: Must or Should. */
  requirement?: "must" | "should";
  provenance: Provenance;
  /** Shown beside the text when provenance is not official: what is reconstructed and from what. */
  noteZh?: string;
  noteEn?: string;
  children?: readonly CatalogCriterion[];
}

export interface CatalogFramework {
  code: string;
  /** Bumped for any change of wording, options or structure. Assessments keep the version they used. */
  version: string;
  nameZh: string;
  nameEn: string;
  /** The issuing instrument, e.g. 海关总署公告2014年第82号. */
  sourceZh: string;
  sourceEn: string;
  scoringRule: ScoringRule;
  /** The framework's own rule on improving what fell short (规范改进), with its source. */
  improvement: ImprovementRule;
  /**
   * For a version that numbers its criteria differently from the stable keys: each of its criterion
   * keys → the stable key of the criterion it continues (null: new in this version). Records,
   * templates, clauses and questionnaires name criteria by stable key, so they feed the renumbered
   * criteria without a code change. Absent: this version's keys are the stable keys (the first
   * catalogued version of each framework). docs/standards-versions.md says how to add a version.
   */
  stableKeys?: Readonly<Record<string, string | null>>;
  criteria: readonly CatalogCriterion[];
}

/**
 * What a framework says about improving criteria that fell short, taken from its own text:
 * - window: the text gives an improvement period: its longest length, the date it runs from, the
 *   criteria it excludes (their failure blocks certification) and the paragraph that says so.
 * - not_stated: the official text has no such provision; the note says so, and nothing is invented
 *   (no deadline, no excluded criteria; every shortfall may still get a corrective action).
 * The loader derives each criterion's `improvable` from it and keeps it in step on every run (it is
 * not part of the standard's content hash: a corrected rule needs no new version of the standard).
 */
export type ImprovementRule =
  | {
      kind: "window";
      maxDays: number;
      /** customs_notified: counted from the date customs notifies (the assessment date until one is entered). */
      countedFrom: "customs_notified";
      /** Criterion keys that may not be improved. */
      notImprovable: readonly string[];
      sourceZh: string;
      sourceEn: string;
    }
  | { kind: "not_stated"; noteZh: string; noteEn: string };

/** A cross-walk topic: the criteria of different frameworks that deal with the same thing. */
export interface CatalogTopic {
  key: string;
  titleZh: string;
  titleEn: string;
  /** What records prove this topic (docs/criteria.md, "Cross-walk"). */
  evidenceZh: string;
  evidenceEn: string;
  /** Criteria by framework code and criterion key. */
  members: readonly { framework: string; key: string }[];
}
