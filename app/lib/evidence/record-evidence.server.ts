import type { Executor } from "../db-types.server";
import { resolveCriterionRefs } from "../inspections/templates.server";
import { setEvidenceLinks } from "./evidence.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "./evidence-registry";

// Linking a register's record as evidence of the criteria its record type feeds (evidence-registry),
// inside the caller's transaction: the one way the registers do it.

/** Noon (UTC) of a calendar day: the instant of a record that has a day and no time. */
export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** Links the record to its type's criteria; answers the resolved references (`framework/key` to id). */
export async function linkRecordEvidence(
  tx: Executor,
  actor: { organizationId: string; userId: string },
  record: { recordType: EvidenceRecordTypeKey; recordId: string; occurredAt: Date },
): Promise<Map<string, string>> {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[record.recordType].feeds);
  await setEvidenceLinks(tx, { organizationId: actor.organizationId, userId: actor.userId, ...record }, [...new Set(resolved.values())]);
  return resolved;
}
