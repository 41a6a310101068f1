import { formatReference, parseReference } from "../references";

// The arithmetic of a receiving or shipping reconciliation, shared by the form, the action, the
// pages and the export: what counts as a discrepancy between the documents and the count.

export const cargoDirections = ["receiving", "shipping"] as const;
export type CargoDirection = (typeof cargoDirections)[number];

/**
 * Weighing at the dock is not the shipper's scale: a weight within half a percent of the documents'
 * (and never less than 1 kg) is the same weight. Packages are counted, so any difference is one.
 */
export const WEIGHT_TOLERANCE = 0.005;
export const WEIGHT_TOLERANCE_MIN_KG = 1;

export interface CargoCounts {
  expectedPackages: number;
  countedPackages: number;
  expectedWeightKg?: number | null;
  countedWeightKg?: number | null;
}

export interface CargoDifferences {
  /** counted − expected. */
  packages: number;
  /** counted − expected, kg; null when no weight was given. */
  weightKg: number | null;
  weightOutsideTolerance: boolean;
  discrepancy: boolean;
}

export function cargoDifferences(c: CargoCounts): CargoDifferences {
  const packages = c.countedPackages - c.expectedPackages;
  const weighed = c.expectedWeightKg != null && c.countedWeightKg != null;
  const weightKg = weighed
    ? Math.round(
        ((c.countedWeightKg as number) - (c.expectedWeightKg as number)) * 10,
      ) / 10
    : null;
  const tolerance = weighed
    ? Math.max(
        (c.expectedWeightKg as number) * WEIGHT_TOLERANCE,
        WEIGHT_TOLERANCE_MIN_KG,
      )
    : 0;
  const weightOutsideTolerance =
    weightKg !== null && Math.abs(weightKg) > tolerance;
  return {
    packages,
    weightKg,
    weightOutsideTolerance,
    discrepancy: packages !== 0 || weightOutsideTolerance,
  };
}

/** "+3", "−2", "0": a difference as printed. */
export function signedDifference(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0";
}

export function cargoReference(number: number): string {
  return formatReference("cargoReconciliation", number);
}

export function parseCargoReference(text: string): number | null {
  return parseReference("cargoReconciliation", text);
}
