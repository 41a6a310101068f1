import { describe, expect, test } from "vitest";
import { checkContainerNumber, containerCheckDigit, normalizeContainerNumber } from "~/lib/inspections/container-number";

// An independent reference for the expectations: the ISO 6346 letter values written out as a table
// (A=10 upwards, 11, 22 and 33 skipped) and the weights 2^0..2^9 as literals.
const LETTER = {
  A: 10, B: 12, C: 13, D: 14, E: 15, F: 16, G: 17, H: 18, I: 19, J: 20, K: 21, L: 23, M: 24,
  N: 25, O: 26, P: 27, Q: 28, R: 29, S: 30, T: 31, U: 32, V: 34, W: 35, X: 36, Y: 37, Z: 38,
} as Record<string, number>;
const WEIGHT = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

function referenceSum(firstTen: string): number {
  return [...firstTen].reduce((sum, c, i) => sum + (i < 4 ? LETTER[c]! : Number(c)) * WEIGHT[i]!, 0);
}
const referenceDigit = (firstTen: string) => String((referenceSum(firstTen) % 11) % 10);

// CSQU3054383 is the standard's own example; TGHU6144960's weighted sum is 6665 = 605 × 11 + 10,
// so its check digit is 10, written 0. The others were computed with the table above.
const valid = ["CSQU3054383", "TGHU6144960", "MSCU1234566", "MAEU1234567", "HLXU1234561", "OOLU0000008", "MSKJ0000009", "GESZ0000009"];

describe("the reference implementation", () => {
  test("agrees with the standard's example and the hand-worked sum", () => {
    expect(referenceSum("CSQU305438")).toBe(6185);
    expect(referenceDigit("CSQU305438")).toBe("3");
    expect(referenceSum("TGHU614496")).toBe(6665);
    expect(referenceSum("TGHU614496") % 11).toBe(10);
  });
});

describe("containerCheckDigit", () => {
  test.each(valid)("%s", (number) => {
    expect(containerCheckDigit(number.slice(0, 10))).toBe(number[10]);
    expect(containerCheckDigit(number.slice(0, 10))).toBe(referenceDigit(number.slice(0, 10)));
  });

  test("a sum of 10 modulo 11 gives the digit 0", () => {
    for (const prefix of ["TGHU614496", "MSCU000006", "MAEU000004", "CMAU000014"]) {
      expect(referenceSum(prefix) % 11).toBe(10);
      expect(containerCheckDigit(prefix)).toBe("0");
    }
  });

  test("agrees with the reference for every owner letter and serial digit position", () => {
    for (const letter of Object.keys(LETTER)) {
      for (const serial of ["000000", "123456", "987654", "505050"]) {
        const prefix = `${letter}${letter}${letter}U${serial}`;
        expect(containerCheckDigit(prefix), prefix).toBe(referenceDigit(prefix));
      }
    }
  });

  test("throws on characters that have no value", () => {
    expect(() => containerCheckDigit("CSQ3305438")).toThrow();
    expect(() => containerCheckDigit("CSQUA05438")).toThrow();
    expect(() => containerCheckDigit("csqu305438")).toThrow();
  });

  // Bug: a missing or blank serial character is read as Number("") = 0 instead of throwing, so a
  // 9-character prefix or one with a space gets a digit. (checkContainerNumber checks the format
  // first, so the inspection form is not affected.)
  test("throws when a serial character is missing or blank", () => {
    expect(() => containerCheckDigit("CSQU30543")).toThrow();
    expect(() => containerCheckDigit("CSQU 05438")).toThrow();
  });
});

describe("normalizeContainerNumber", () => {
  test.each([
    ["csqu3054383", "CSQU3054383"],
    ["csqu 305438-3", "CSQU3054383"],
    ["  CSQU 305438 3 ", "CSQU3054383"],
    ["CSQU/305438/3", "CSQU3054383"],
    ["CSQU.305438.3", "CSQU3054383"],
  ])("%j → %s", (input, normalized) => {
    expect(normalizeContainerNumber(input)).toBe(normalized);
  });
});

describe("checkContainerNumber", () => {
  test.each(valid)("%s is valid", (number) => {
    expect(checkContainerNumber(number)).toEqual({ ok: true, value: number });
  });

  test.each(["csqu 305438-3", "Csqu3054383", "tghu 614496 0", "CSQU-305438-3"])("%j is accepted and normalised", (input) => {
    expect(checkContainerNumber(input)).toEqual({ ok: true, value: normalizeContainerNumber(input) });
  });

  test("a wrong check digit names the digit the first ten characters require", () => {
    expect(checkContainerNumber("CSQU3054384")).toEqual({ ok: false, reason: "check", expected: "3", actual: "4", prefix: "CSQU305438" });
    expect(checkContainerNumber("tghu6144961")).toEqual({ ok: false, reason: "check", expected: "0", actual: "1", prefix: "TGHU614496" });
  });

  test("every other check digit than the right one is refused", () => {
    for (const number of valid) {
      for (const digit of "0123456789") {
        if (digit === number[10]) continue;
        expect(checkContainerNumber(number.slice(0, 10) + digit)).toEqual({
          ok: false,
          reason: "check",
          expected: number[10],
          actual: digit,
          prefix: number.slice(0, 10),
        });
      }
    }
  });

  test("a misread serial digit is caught", () => {
    // CSQU3054383 with the 5 read as a 6.
    expect(checkContainerNumber("CSQU3064383")).toMatchObject({ ok: false, reason: "check", expected: referenceDigit("CSQU306438") });
  });

  test.each([
    [""],
    ["CSQU305438"], // no check digit
    ["CSQU30543"],
    ["CSQU30543833"], // 12 characters
    ["CS1U3054383"], // digit in the owner code
    ["CSQ03054383"],
    ["CSQU30A4383"], // letter in the serial
    ["CSQU305438X"],
    ["ÇSQU3054383"],
  ])("format: %j", (input) => {
    expect(checkContainerNumber(input)).toEqual({ ok: false, reason: "format" });
  });

  test.each([
    ["CSQX3054383", "X"],
    ["CSQA3054383", "A"],
    ["csqr3054383", "R"],
  ])("category: %j (the 4th letter must be U, J or Z)", (input, character) => {
    expect(checkContainerNumber(input)).toEqual({ ok: false, reason: "category", character });
  });

  test("the category is checked before the check digit", () => {
    // CSQX305438 with its own correct digit is still refused for its category.
    const prefix = "CSQX305438";
    expect(checkContainerNumber(prefix + referenceDigit(prefix))).toEqual({ ok: false, reason: "category", character: "X" });
  });
});
