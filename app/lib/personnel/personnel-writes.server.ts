import type { Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes, type EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../auth/actor";

// What the personnel modules share: linking a record as evidence on the day it happened.

export const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export async function linkEvidence(tx: Executor, actor: Actor, recordType: EvidenceRecordTypeKey, recordId: string, occurredOn: string) {
  const resolved = await resolveCriterionRefs(tx, evidenceRecordTypes[recordType].feeds);
  await setEvidenceLinks(tx, { ...actor, recordType, recordId, occurredAt: noon(occurredOn) }, [...new Set(resolved.values())]);
}
