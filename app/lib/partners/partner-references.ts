// How partners and their evaluations are referred to in lists, actions, exports and the audit trail.

export function partnerReference(number: number): string {
  return `TP-${String(number).padStart(5, "0")}`;
}

export function evaluationReference(number: number): string {
  return `EV-${String(number).padStart(5, "0")}`;
}
