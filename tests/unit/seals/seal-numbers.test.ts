import { describe, expect, test } from "vitest";
import {
  expandSealRange,
  isSealNumber,
  normalizeSealNumber,
  parseCountedNumbers,
  sealAuditReference,
  sealEventReference,
} from "~/lib/seals/seal-numbers";

describe("seal number ranges", () => {
  test("keep the prefix and the leading zeros", () => {
    const range = expandSealRange("CN2026000098", "CN2026000102");
    expect(range).toEqual({ ok: true, numbers: ["CN2026000098", "CN2026000099", "CN2026000100", "CN2026000101", "CN2026000102"] });
  });

  test("a single seal when the last number is empty", () => {
    expect(expandSealRange(" cn-0001 ", "")).toEqual({ ok: true, numbers: ["CN-0001"] });
  });

  test("refuse what is not a range", () => {
    expect(expandSealRange("AB", "AB9")).toMatchObject({ ok: false, reason: "format", field: "from" });
    expect(expandSealRange("ABCD", "ABCE")).toMatchObject({ ok: false, reason: "noDigits", field: "from" });
    expect(expandSealRange("CN001", "CX002")).toMatchObject({ ok: false, reason: "prefix" });
    expect(expandSealRange("CN001", "CN0002")).toMatchObject({ ok: false, reason: "prefix" });
    expect(expandSealRange("CN010", "CN009")).toMatchObject({ ok: false, reason: "order" });
  });

  test("cap the size of one receipt", () => {
    expect(expandSealRange("S0001", "S1000")).toMatchObject({ ok: true });
    expect(expandSealRange("S0001", "S1001")).toMatchObject({ ok: false, reason: "tooMany" });
  });

  test("normalise and check single numbers", () => {
    expect(normalizeSealNumber(" ab 12 3 ")).toBe("AB123");
    expect(isSealNumber("CN-2026-1")).toBe(true);
    expect(isSealNumber("-CN1")).toBe(false);
    expect(isSealNumber("C1")).toBe(false);
  });
});

describe("counted numbers of an audit", () => {
  test("split on spaces, commas and new lines, expand ranges, count duplicates once", () => {
    const parsed = parseCountedNumbers("A001\nA002, a002；A005~A007  ");
    expect(parsed).toEqual({ numbers: ["A001", "A002", "A005", "A006", "A007"], invalid: [] });
  });

  test("name what is not a seal number", () => {
    expect(parseCountedNumbers("A001 ?? A009~A001").invalid).toEqual(["??", "A009~A001"]);
  });
});

test("references", () => {
  expect(sealEventReference(42)).toBe("SL-000042");
  expect(sealAuditReference(3)).toBe("SAU-0003");
});
