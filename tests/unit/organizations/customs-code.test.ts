import { describe, expect, test } from "vitest";
import { checkCustomsCode } from "~/lib/organizations/customs-code";

describe("checkCustomsCode", () => {
  test.each(["5301960ABC", "2201940XYZ", "4403160001", "0000000000"])("%s is valid", (code) => {
    expect(checkCustomsCode(code)).toBeNull();
  });

  test.each([
    ["", { rule: "length", length: 0 }],
    ["530196", { rule: "length", length: 6 }],
    ["5301960ABCD", { rule: "length", length: 11 }],
    ["5301960abc", { rule: "charset", position: 8, character: "a" }],
    ["5301-60ABC", { rule: "charset", position: 5, character: "-" }],
    ["5301960AB ", { rule: "charset", position: 10, character: " " }],
    ["A301960ABC", { rule: "district", district: "A301" }],
    ["530X960ABC", { rule: "district", district: "530X" }],
  ])("%j breaks a rule", (code, problem) => {
    expect(checkCustomsCode(code)).toEqual(problem);
  });
});
