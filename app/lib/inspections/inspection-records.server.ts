import type { Inspection } from "../../../db/schema";
import type { FieldErrors } from "../form.server";
import { releaseState, type ReleaseState } from "./inspection-rules";

// What the inspection modules share: the refusal they answer with and a record's release state.

export type Refusal = { ok: false; errors: FieldErrors };

/** From the gate and sign-off the inspection copied from its template version on submit. */
export function releaseOf(inspection: Inspection, openActions: number): ReleaseState {
  return releaseState({
    releaseGate: inspection.releaseGate,
    supervisorSignoff: inspection.signoffRequired ? "required" : "optional",
    signedOff: inspection.signedOffAt !== null,
    failedPoints: inspection.failedPoints,
    openActions,
    released: inspection.releasedAt !== null,
    overridden: inspection.releaseOverrideReason !== null,
  });
}
