import { describe, expect, test } from "vitest";
import type { SealStatus } from "~/lib/seals/seal-lifecycle";
import { reconcileSeals, type RegisteredSeal } from "~/lib/seals/seal-reconciliation";

const seal = (number: string, status: SealStatus, custodian: string | null = null): RegisteredSeal => ({ number, status, custodian });

const log = [
  seal("S01", "in_stock"),
  seal("S02", "in_stock"),
  seal("S03", "issued", "王伟"),
  seal("S04", "applied"),
  seal("S05", "arrived"),
  seal("S06", "compromised"),
  seal("S07", "voided"),
];

describe("seal audit arithmetic", () => {
  test("counts every received seal in exactly one state", () => {
    const r = reconcileSeals(log, 7, ["S01", "S02", "S03"]);
    expect(r.counts).toEqual({ received: 7, inStock: 2, issued: 1, applied: 1, arrived: 1, compromised: 1, voided: 1 });
    expect(r.counted).toBe(3);
    expect(r).toMatchObject({ missing: [], unexpected: [], balanced: true });
  });

  test("names the seals expected on hand that were not counted, with who holds them", () => {
    const r = reconcileSeals(log, 7, ["S01"]);
    expect(r.missing).toEqual([
      { number: "S02", status: "in_stock", custodian: null },
      { number: "S03", status: "issued", custodian: "王伟" },
    ]);
    expect(r.balanced).toBe(false);
  });

  test("names counted seals that should not be on hand, and numbers the log does not know", () => {
    const r = reconcileSeals(log, 7, ["S01", "S02", "S03", "S04", "S07", "X99"]);
    expect(r.unexpected).toEqual([
      { number: "S04", status: "applied" },
      { number: "S07", status: "voided" },
      { number: "X99", status: null },
    ]);
    expect(r.balanced).toBe(false);
  });

  test("does not balance when the received count differs from the states", () => {
    const r = reconcileSeals(log, 8, ["S01", "S02", "S03"]);
    expect(r.missing).toEqual([]);
    expect(r.balanced).toBe(false);
  });

  test("an empty register and an empty count balance", () => {
    expect(reconcileSeals([], 0, [])).toMatchObject({ balanced: true, counted: 0 });
  });
});
