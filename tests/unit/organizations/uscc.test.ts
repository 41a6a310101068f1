import { describe, expect, test } from "vitest";
import { checkUscc, USCC_CHARSET, usccCheckCharacter } from "~/lib/organizations/uscc";

// Real, published codes of registered enterprises.
const valid = ["91350100M000100Y43", "91110000600037341L", "91310000717866186P"];

describe("checkUscc", () => {
  test.each(valid)("%s is valid", (code) => {
    expect(checkUscc(code)).toBeNull();
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
  });

  test.each([
    ["", { rule: "length", length: 0 }],
    ["9135010", { rule: "length", length: 7 }],
    ["91350100M000100Y4", { rule: "length", length: 17 }],
    ["91350100M000100Y433", { rule: "length", length: 19 }],
  ])("length: %j", (code, problem) => {
    expect(checkUscc(code)).toEqual(problem);
  });

  test.each([
    // I, O, S, V and Z are not in the character set, nor lower case or punctuation.
    ["91350100M000100YI3", { rule: "charset", position: 17, character: "I" }],
    ["O1350100M000100Y43", { rule: "charset", position: 1, character: "O" }],
    ["91350100S000100Y43", { rule: "charset", position: 9, character: "S" }],
    ["91350100m000100y43", { rule: "charset", position: 9, character: "m" }],
    ["913501-0M000100Y43", { rule: "charset", position: 7, character: "-" }],
    ["91350100M000100Y4Z", { rule: "charset", position: 18, character: "Z" }],
  ])("charset: %j", (code, problem) => {
    expect(checkUscc(code)).toEqual(problem);
  });

  test.each([
    ["01350100M000100Y43", { rule: "authority", character: "0" }],
    ["B1350100M000100Y43", { rule: "authority", character: "B" }],
  ])("registration authority: %j", (code, problem) => {
    expect(checkUscc(code)).toEqual(problem);
  });

  test.each([
    // Authority 9 (industry and commerce) issues categories 1, 2 and 3 only.
    ["94350100M000100Y43", { rule: "category", character: "4" }],
    // Authority Y (other) issues category 1 only.
    ["Y2350100M000100Y43", { rule: "category", character: "2" }],
  ])("entity category: %j", (code, problem) => {
    expect(checkUscc(code)).toEqual(problem);
  });

  test("administrative division: characters 3-8 must be digits", () => {
    expect(checkUscc("9135A100M000100Y43")).toEqual({ rule: "division", division: "35A100" });
  });

  test("check character: the expected and the given character are reported", () => {
    expect(checkUscc("91350100M000100Y44")).toEqual({ rule: "check", expected: "3", actual: "4" });
    expect(checkUscc("91110000600037341M")).toEqual({ rule: "check", expected: "L", actual: "M" });
  });

  test("any other check character than the right one is refused", () => {
    for (const code of valid) {
      for (const c of USCC_CHARSET) {
        if (c === code[17]) continue;
        expect(checkUscc(code.slice(0, 17) + c)).toEqual({ rule: "check", expected: code[17], actual: c });
      }
    }
  });

  test("swapping two different adjacent characters of the organisation code is caught", () => {
    for (const code of valid) {
      for (let i = 8; i < 16; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(checkUscc(swapped)?.rule).toBe("check");
      }
    }
  });

  test("the character set has 31 characters and no I, O, S, V, Z", () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
  });
});
