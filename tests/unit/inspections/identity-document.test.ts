import { describe, expect, test } from "vitest";
import { checkResidentId, maskIdNumber, residentIdCheckCharacter } from "~/lib/inspections/identity-document";

// Reference for the expectations, written from the ISO 7064 MOD 11-2 definition rather than from
// GB 11643's tables: weight of position i (from the left, 18 positions) is 2^(17-i) mod 11, and
// the check character c satisfies (sum + c) mod 11 = 1, with 10 written X.
function referenceCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? "X" : String(c);
}
const withCheck = (first17: string) => first17 + referenceCheck(first17);

// 11010519491231002X is the example printed in GB 11643 itself.
const valid = [
  "11010519491231002X",
  "440304199001011233",
  "11010120000229123X", // 29 February of a leap year
  "310115198506153215",
  "440106198812010012",
  "110105198001010040",
];

describe("the reference implementation", () => {
  test("gives the standard's example", () => {
    expect(referenceCheck("11010519491231002")).toBe("X");
  });
});

describe("residentIdCheckCharacter", () => {
  test.each(valid)("%s", (id) => {
    expect(residentIdCheckCharacter(id.slice(0, 17))).toBe(id[17]);
  });

  test("agrees with the reference over many numbers, every check character included", () => {
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const first17 = `4403041990010${String(1000 + n * 7).slice(-4)}`;
      const expected = referenceCheck(first17);
      seen.add(expected);
      expect(residentIdCheckCharacter(first17), first17).toBe(expected);
    }
    expect([...seen].sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "X"]);
  });
});

describe("checkResidentId", () => {
  test.each(valid)("%s is valid", (id) => {
    expect(checkResidentId(id)).toEqual({ ok: true, value: id });
  });

  test.each([
    ["11010519491231002x", "11010519491231002X"],
    [" 110105 19491231 002X ", "11010519491231002X"],
    ["11010120000229123x", "11010120000229123X"],
  ])("%j is accepted as %s", (input, value) => {
    expect(checkResidentId(input)).toEqual({ ok: true, value });
  });

  test("a wrong check character names the expected one", () => {
    expect(checkResidentId("110105194912310021")).toEqual({ ok: false, reason: "check", expected: "X", actual: "1" });
    expect(checkResidentId("44030419900101123X")).toEqual({ ok: false, reason: "check", expected: "3", actual: "X" });
  });

  test("every other check character than the right one is refused", () => {
    for (const id of valid) {
      for (const c of "0123456789X") {
        if (c === id[17]) continue;
        expect(checkResidentId(id.slice(0, 17) + c)).toEqual({ ok: false, reason: "check", expected: id[17], actual: c });
      }
    }
  });

  test("a mistyped digit is caught", () => {
    // 11010519491231002X with the sequence number 002 typed as 003.
    expect(checkResidentId("11010519491231003X")).toMatchObject({ ok: false, reason: "check" });
  });

  test.each([
    ["", 0],
    ["110105491231002", 15], // the old 15-digit numbers
    ["11010519491231002", 17],
    ["11010519491231002X1", 19],
  ])("length: %j", (input, length) => {
    expect(checkResidentId(input)).toEqual({ ok: false, reason: "length", length });
  });

  test.each(["1101051949123100XX", "11010519491231002Y", "X1010519491231002X", "11010519491231-02X", "１１010519491231002X"])(
    "format: %j",
    (input) => {
      expect(checkResidentId(input)).toEqual({ ok: false, reason: "format" });
    },
  );

  test.each([
    ["19491331", "1949-13-31"], // month 13
    ["19490230", "1949-02-30"], // 30 February
    ["19000229", "1900-02-29"], // 1900 was not a leap year
    ["20010229", "2001-02-29"],
    ["19490431", "1949-04-31"],
    ["19490001", "1949-00-01"],
    ["19491200", "1949-12-00"],
    ["17991231", "1799-12-31"], // before 1800
  ])("birth date %s is refused (even with a correct check character)", (digits, birthDate) => {
    expect(checkResidentId(withCheck(`110105${digits}002`))).toEqual({ ok: false, reason: "birthDate", birthDate });
  });

  test.each(["18000101", "18991231", "20000229", "20240229"])("birth date %s is accepted", (digits) => {
    const id = withCheck(`110105${digits}002`);
    expect(checkResidentId(id)).toEqual({ ok: true, value: id });
  });
});

describe("maskIdNumber", () => {
  test.each([
    // 18 characters: the first 4 (region) and the last 4 stay; the birth date is hidden.
    ["11010519491231002X", "1101**********002X", "0519491231"],
    ["440304199001011233", "4403**********1233", "0419900101"],
    // 15 (old resident ID): still the long form.
    ["110105491231002", "1101*******1002", "0549123"],
    // 9 to 14 (a passport): the first and the last 4.
    ["E12345678", "E****5678", "1234"],
    // 8 and shorter: at least half hidden, the end kept.
    ["AB123456", "****3456", "AB12"],
    ["987654", "***654", "98"],
    ["H1234", "***34", "H12"],
    ["1234", "**34", "12"],
    ["12", "*2", "1"],
    ["7", "*", "7"],
  ])("%s → %s", (input, masked, hidden) => {
    const result = maskIdNumber(input);
    expect(result).toBe(masked);
    expect(result).toHaveLength(input.length);
    expect(result).not.toContain(hidden);
    expect(result).toContain("*");
  });

  test("the middle of an 18-character number never shows, whatever its digits", () => {
    for (const id of valid) {
      const masked = maskIdNumber(id);
      expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
      expect(masked.slice(-4)).toBe(id.slice(-4));
      expect(masked.slice(4, -4)).toBe("*".repeat(10));
      // The birth date (characters 7-14) is what must not be kept.
      expect(masked).not.toContain(id.slice(6, 14));
    }
  });

  test("spaces are removed before masking", () => {
    expect(maskIdNumber(" 110105 19491231 002X ")).toBe("1101**********002X");
    expect(maskIdNumber("E1234 5678")).toBe("E****5678");
  });

  test("masking a masked value changes nothing", () => {
    for (const input of [...valid, "E12345678", "AB123456", "987654", "1234", "12", "7"]) {
      const once = maskIdNumber(input);
      expect(maskIdNumber(once)).toBe(once);
    }
  });

  test("nothing is nothing", () => {
    expect(maskIdNumber("")).toBe("");
    expect(maskIdNumber("   ")).toBe("");
  });
});

describe("checkResidentId and the date", () => {
  test("a birth date after today is refused", () => {
    const id = "110105209901010020";
    expect(checkResidentId(id, "2026-12-02")).toEqual({ ok: false, reason: "birthDate", birthDate: "2099-01-01" });
  });
});
