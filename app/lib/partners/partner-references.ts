// How partners and their evaluations are referred to in lists, actions, exports and the audit trail.

import { formatReference } from "../references";

export function partnerReference(number: number): string {
  return formatReference("partner", number);
}

export function evaluationReference(number: number): string {
  return formatReference("evaluation", number);
}
