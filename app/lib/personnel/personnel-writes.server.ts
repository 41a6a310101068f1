import type { Executor } from "../db-types.server";
import type { EvidenceRecordTypeKey } from "../evidence/evidence-registry";
import { linkRecordEvidence, noon } from "../evidence/record-evidence.server";
import type { Actor } from "../auth/actor";

// What the personnel modules share: linking a record as evidence on the day it happened.

export { noon };

export async function linkEvidence(tx: Executor, actor: Actor, recordType: EvidenceRecordTypeKey, recordId: string, occurredOn: string) {
  await linkRecordEvidence(tx, actor, { recordType, recordId, occurredAt: noon(occurredOn) });
}
