// Partner evaluation questionnaires as data: one per partner role, versioned like the frameworks
// (db/catalog/load.ts loads them idempotently by code and version; an evaluation keeps the version
// it used). app/lib/partners/questionnaire-definition.ts holds the zod schema they pass and
// app/lib/partners/partner-scoring.ts turns answers into a score and a risk tier.

export interface QuestionnaireCriterionRef {
  framework: string;
  key: string;
}

/** The roles a partner can have; each role is evaluated with one questionnaire. */
export type PartnerRole =
  | "manufacturer_supplier"
  | "carrier"
  | "customs_broker"
  | "freight_forwarder"
  | "warehouse"
  | "third_party_logistics"
  | "other";

/** The three things the 2022 standard (55) asks the evaluation to cover. */
export type QuestionCategory = "compliance" | "security" | "qualification";

export interface QuestionOption {
  /** Stable within the question: "yes", "partly", "no", "na". */
  key: string;
  labelZh: string;
  labelEn: string;
  /** 0 (worst) to 100 (best); null = not applicable: the question then does not count. */
  score: number | null;
  /**
   * Choosing this option makes the partner high risk whatever its score (a smuggling record, a
   * dishonest-entity listing, a refusal to be audited). The reason is shown with the tier.
   */
  critical?: boolean;
}

export interface Question {
  /** Stable within the questionnaire, URL-safe: "smuggling-record". */
  key: string;
  category: QuestionCategory;
  textZh: string;
  textEn: string;
  /** Shown under the question: what counts as evidence, what the question means. */
  helpZh?: string;
  helpEn?: string;
  /** 1 (minor) to 5 (decisive). */
  weight: number;
  options: readonly QuestionOption[];
  /** A document the partner should upload with this answer (shown on the external form). */
  documentZh?: string;
  documentEn?: string;
  criteria: readonly QuestionCriterionRef[];
}

export type QuestionCriterionRef = QuestionnaireCriterionRef;

export interface CatalogQuestionnaire {
  /** Stable, URL-safe: "supplier", "carrier". */
  code: string;
  version: number;
  /** The roles this questionnaire evaluates (every role has exactly one questionnaire). */
  roles: readonly PartnerRole[];
  titleZh: string;
  titleEn: string;
  introZh: string;
  introEn: string;
  questions: readonly Question[];
}
