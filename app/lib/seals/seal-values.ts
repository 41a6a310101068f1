// The values the seal forms take, as plain lists apart from the zod schemas (seal-schema.ts), so
// that pages which only show them do not load the schema library.

export const sealTypes = ["bolt", "cable", "barrier", "other"] as const;
export const isoClasses = ["H", "S", "I"] as const;
export const reportKinds = ["discrepancy", "broken", "number_mismatch"] as const;
export const verificationStages = ["departure", "arrival"] as const;
export const vvttChecks = ["view", "verify", "tug", "twist"] as const;
/** The fewest characters a written reason takes (voiding a seal, reporting or resolving a problem). */
export const MIN_REASON = 10;

/** What the applier states about the container or trailer being sealed (CN-2022 (44), CTPAT 6.2): loaded needs an H-class seal. */
export const loadStates = ["loaded", "empty"] as const;
export type LoadState = (typeof loadStates)[number];
