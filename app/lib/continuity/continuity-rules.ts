import { formatReference } from "../references";

// Business continuity plans and their tests: the lists the forms choose from, the references and
// the dates that make a plan due. Pure: the pages, the attention model and the dossier share them.

/** The disruptions a plan can cover (a data list: the form's checkboxes, the CSV and the dossier name them). */
export const continuityDisruptions = [
  "port_closure",
  "it_outage",
  "natural_disaster",
  "pandemic",
  "security_breach",
  "supplier_failure",
  "power_failure",
  "labour_shortage",
] as const;
export type ContinuityDisruption = (typeof continuityDisruptions)[number];

export const continuityTestKinds = ["tabletop", "walkthrough", "simulation", "full_exercise"] as const;
export type ContinuityTestKind = (typeof continuityTestKinds)[number];

export const continuityTestResults = ["passed", "passed_with_findings", "failed"] as const;
export type ContinuityTestResult = (typeof continuityTestResults)[number];

export const continuityPlanStatuses = ["draft", "approved"] as const;

/** A recovery time objective longer than a month is not one. */
export const MAX_RECOVERY_HOURS = 720;

/** A plan shows as due for review or for its test from this many days before the date. */
export const CONTINUITY_DUE_DAYS = 30;

export const continuityPlanReference = (number: number) => formatReference("continuityPlan", number);
export const continuityTestReference = (number: number) => formatReference("continuityTest", number);

/** The same day a year later (yyyy-mm-dd): the latest a review or the next test may be set. */
export function aYearAfter(day: string): string {
  return `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
}
