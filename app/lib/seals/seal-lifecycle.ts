// The life of one seal as a state machine, shared by the server (which refuses an impossible step
// inside the transaction that locks the seal) and the pages (which offer only the possible steps).
//
//   in_stock --issue--> issued --return--> in_stock
//   in_stock|issued --apply--> applied --verify (departure, passed)--> applied
//   applied --verify (arrival, passed)--> arrived  (checked at destination and cut off)
//   applied --verify (failed) | report--> compromised
//   in_stock|issued --void--> voided  (damaged or lost before use)
// An applied seal is never voided: it is on a container, and its record is the shipment's evidence.

export const sealStatuses = ["in_stock", "issued", "applied", "arrived", "compromised", "voided"] as const;
export type SealStatus = (typeof sealStatuses)[number];

export const sealSteps = ["issue", "return", "apply", "verify_departure", "verify_arrival", "verify_failed", "report", "void"] as const;
export type SealStep = (typeof sealSteps)[number];

export type SealRefusal =
  "alreadyIssued" | "notIssued" | "alreadyApplied" | "notApplied" | "appliedNoVoid" | "arrived" | "compromised" | "voided";

const transitions: Record<SealStatus, Partial<Record<SealStep, SealStatus>>> = {
  in_stock: { issue: "issued", apply: "applied", void: "voided" },
  issued: { return: "in_stock", apply: "applied", void: "voided" },
  applied: { verify_departure: "applied", verify_arrival: "arrived", verify_failed: "compromised", report: "compromised" },
  arrived: {},
  compromised: {},
  voided: {},
};

export type StepOutcome = { ok: true; next: SealStatus } | { ok: false; reason: SealRefusal };

/** What a step does to a seal in `status`: its new status, or why the step is impossible. */
export function sealStep(status: SealStatus, step: SealStep): StepOutcome {
  const next = transitions[status][step];
  if (next) return { ok: true, next };
  return { ok: false, reason: refusalFor(status, step) };
}

function refusalFor(status: SealStatus, step: SealStep): SealRefusal {
  if (status === "voided") return "voided";
  if (status === "compromised") return "compromised";
  if (status === "arrived") return "arrived";
  if (status === "applied") return step === "void" ? "appliedNoVoid" : "alreadyApplied";
  if (status === "issued" && step === "issue") return "alreadyIssued";
  if (status === "in_stock" && step === "return") return "notIssued";
  // Verifying or reporting a seal that was never applied: it is in the store or in someone's pocket.
  return "notApplied";
}

/** The steps a page may offer for a seal in `status`. */
export function possibleSteps(status: SealStatus): SealStep[] {
  return sealSteps.filter((step) => transitions[status][step] !== undefined);
}

/** A seal that still belongs to the inventory (expected in the store or in someone's custody). */
export function isUnused(status: SealStatus): boolean {
  return status === "in_stock" || status === "issued";
}
