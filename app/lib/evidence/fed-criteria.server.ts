// Which record types feed which criteria, gathered from every place that says so: the evidence
// registry (feeds and mayFeed), the built-in checklist templates' points (inspections), the training
// categories (training sessions) and the built-in contract clauses (contracts). Criteria are named
// by framework code and stable key. The coverage goal (docs/criteria.md) is tested from it.
import { expectedDocuments, type ExpectedDocument } from "../../../db/catalog/expected-documents";
import { catalogClauses, catalogTemplates } from "../../../db/catalog/index";
import { categoryCriteria, TEST_CRITERION } from "../training/training-rules";
import { evidenceRecordTypes, type CriterionRef } from "./evidence-registry";

/** "framework/stableKey" → the record types that feed it. */
export function recordTypesByCriterion(): Map<string, Set<string>> {
  const fed = new Map<string, Set<string>>();
  const add = (ref: CriterionRef, type: string) => {
    const key = `${ref.framework}/${ref.key}`;
    const types = fed.get(key) ?? new Set<string>();
    types.add(type);
    fed.set(key, types);
  };
  for (const [type, entry] of Object.entries(evidenceRecordTypes)) {
    const record = entry as { feeds: readonly CriterionRef[]; mayFeed?: readonly CriterionRef[] };
    for (const ref of [...record.feeds, ...(record.mayFeed ?? [])]) add(ref, type);
  }
  for (const template of catalogTemplates) {
    for (const section of template.definition.sections) for (const item of section.items) for (const ref of item.criteria ?? []) add(ref, "inspection");
  }
  for (const refs of Object.values(categoryCriteria)) for (const ref of refs) add(ref, "training_session");
  add(TEST_CRITERION, "training_session");
  for (const clause of catalogClauses) for (const ref of clause.criteria) add(ref, "contract");
  return fed;
}

/** The policy or document the standard expects for a criterion no record type feeds (by stable key), or null. */
export function expectedDocumentOf(frameworkCode: string, stableKey: string | null): ExpectedDocument | null {
  return stableKey === null ? null : (expectedDocuments[`${frameworkCode}/${stableKey}`] ?? null);
}
