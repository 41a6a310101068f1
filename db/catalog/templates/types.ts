// The shape of a checklist template as data. The built-in templates in this folder are loaded by
// db/catalog/load.ts, idempotently by code and version, like the frameworks; an organisation's own
// templates (copies adapted at /templates) are stored in the same table with the same definition.
// app/lib/inspections/template-definition.ts holds the zod schema that validates a definition on
// write (tests/unit/inspections/builtin-templates.test.ts runs every built-in through it).

/** A criterion of a framework, by framework code and criterion key (as in db/catalog/frameworks). */
export interface TemplateCriterionRef {
  framework: string;
  key: string;
}

/**
 * What the template is for. container and conveyance inspections (and the driver check before
 * cargo is released) gate the release for loading: see releaseGate.
 */
export type TemplateKind = "container" | "conveyance" | "driver" | "premises" | "lighting" | "cctv" | "building" | "it_security" | "loading" | "storage";

/**
 * The header fields an inspection can ask for. Site, date and time, and the inspector are always
 * part of an inspection and are not listed. Each key has its input and its validation in
 * app/lib/inspections/header-fields.ts.
 */
export type HeaderFieldKey =
  | "area"
  | "containerNumber"
  | "reefer"
  | "truckPlate"
  | "trailerNumber"
  | "sealNumbers"
  | "shipmentRef"
  | "driverName"
  | "driverIdType"
  | "driverIdNumber"
  | "driverEmployer"
  | "arrivalTime"
  | "departureTime"
  | "sealAtDeparture"
  | "reviewFrom"
  | "reviewTo"
  | "camerasReviewed"
  | "systemsReviewed";

/**
 * How a point is answered:
 * - pass_fail_na: 合格 / 不合格 / 不适用 (a failure is "fail")
 * - yes_no: 是 / 否 (a failure is the answer named by failOn, "no" by default)
 * - number: a reading (a failure is below failBelow or above failAbove)
 * - text: a written answer, never a failure
 * - photo: one or more photos are the answer, never a failure
 */
export type AnswerType = "pass_fail_na" | "yes_no" | "number" | "text" | "photo";

export interface TemplateItem {
  /** Stable within the template (answers and photos are keyed by it), URL-safe: "front-wall". */
  key: string;
  /** The point's number as printed on the checklist: "1", "T3". */
  number: string;
  promptZh: string;
  promptEn: string;
  /** What to look for, shown under the prompt. */
  guidanceZh?: string;
  guidanceEn?: string;
  answer: AnswerType;
  /** Must be answered before the inspection can be submitted. */
  required: boolean;
  /** A failed answer needs at least one photo of the point. */
  failRequiresPhoto: boolean;
  /** A failed answer needs a note saying what was found. */
  failRequiresNote: boolean;
  /** yes_no: which answer is a failure (default "no"). */
  failOn?: "yes" | "no";
  /** number: unit shown beside the input ("lx", "天"). */
  unit?: string;
  failBelow?: number;
  failAbove?: number;
  /** Shown only when the header says so (reefer: the 8th point of a refrigerated container). */
  onlyWhen?: "reefer";
  /** The criteria an answered point is evidence for, in every framework it serves. */
  criteria: readonly TemplateCriterionRef[];
}

export interface TemplateSection {
  key: string;
  titleZh: string;
  titleEn: string;
  items: readonly TemplateItem[];
}

export interface TemplateDefinition {
  kind: TemplateKind;
  /** An inspection with a failed point cannot be marked released for loading until its actions close. */
  releaseGate: boolean;
  supervisorSignoff: "none" | "optional" | "required";
  /** Days after the inspection's date that a corrective action for a failed point is due. */
  actionDueDays: number;
  header: readonly { field: HeaderFieldKey; required: boolean }[];
  sections: readonly TemplateSection[];
}

export interface CatalogTemplate {
  /** Stable, URL-safe: /inspections/new?template=container-7-point. */
  code: string;
  /** Bumped for any change; an inspection keeps the version it used. */
  version: number;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** Where the point list comes from (docs/criteria.md section, standard, MSC criterion). */
  sourceZh: string;
  sourceEn: string;
  definition: TemplateDefinition;
}
