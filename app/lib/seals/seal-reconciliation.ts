import type { SealStatus } from "./seal-lifecycle";

// The arithmetic of a seal audit (CTPAT 6.6): every seal received at the site is in exactly one
// state, and the seals still expected on hand (in the store or in someone's custody) are compared
// with the numbers physically counted.

export interface RegisteredSeal {
  number: string;
  status: SealStatus;
  custodian: string | null;
}

export interface Reconciliation {
  counts: { received: number; inStock: number; issued: number; applied: number; arrived: number; compromised: number; voided: number };
  counted: number;
  /** Expected on hand (in stock or in custody) but not counted. */
  missing: { number: string; status: SealStatus; custodian: string | null }[];
  /** Counted but not expected on hand: already used, voided, or unknown to the log (status null). */
  unexpected: { number: string; status: SealStatus | null }[];
  /** received = in stock + issued + applied + arrived + compromised + voided, and nothing missing or unexpected. */
  balanced: boolean;
}

export function reconcileSeals(registered: readonly RegisteredSeal[], received: number, countedNumbers: readonly string[]): Reconciliation {
  const counts = { received, inStock: 0, issued: 0, applied: 0, arrived: 0, compromised: 0, voided: 0 };
  const byNumber = new Map<string, RegisteredSeal>();
  for (const seal of registered) {
    byNumber.set(seal.number, seal);
    if (seal.status === "in_stock") counts.inStock += 1;
    else if (seal.status === "issued") counts.issued += 1;
    else if (seal.status === "applied") counts.applied += 1;
    else if (seal.status === "arrived") counts.arrived += 1;
    else if (seal.status === "compromised") counts.compromised += 1;
    else counts.voided += 1;
  }
  const counted = new Set(countedNumbers);
  const missing = registered
    .filter((s) => (s.status === "in_stock" || s.status === "issued") && !counted.has(s.number))
    .map((s) => ({ number: s.number, status: s.status, custodian: s.custodian }))
    .sort((a, b) => a.number.localeCompare(b.number));
  const unexpected = [...counted]
    .filter((n) => {
      const seal = byNumber.get(n);
      return !seal || (seal.status !== "in_stock" && seal.status !== "issued");
    })
    .map((n) => ({ number: n, status: byNumber.get(n)?.status ?? null }))
    .sort((a, b) => a.number.localeCompare(b.number));
  const accounted = counts.inStock + counts.issued + counts.applied + counts.arrived + counts.compromised + counts.voided;
  return { counts, counted: counted.size, missing, unexpected, balanced: accounted === received && !missing.length && !unexpected.length };
}
