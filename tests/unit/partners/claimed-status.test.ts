import { describe, expect, test } from "vitest";
import { statusFlags } from "~/lib/partners/claimed-status";

// What the partner claims against what the register records: each disagreement is a flag.

const answer = (credit?: string, aeo?: string) => ({
  ...(credit ? { "customs-credit-status": { option: credit } } : {}),
  ...(aeo ? { "aeo-status": { option: aeo } } : {}),
});

describe("statusFlags", () => {
  test("a claimed credit status other than the register's is flagged with both", () => {
    expect(statusFlags({ customsCredit: "general", aeoProgramme: "none" }, answer("advanced"))).toEqual([
      { kind: "credit", claimed: "advanced", recorded: "general" },
    ]);
    expect(statusFlags({ customsCredit: "unknown", aeoProgramme: "none" }, answer("dishonest"))).toEqual([
      { kind: "credit", claimed: "dishonest", recorded: "unknown" },
    ]);
  });

  test("matching answers, an unregistered partner and no answer raise nothing", () => {
    expect(statusFlags({ customsCredit: "general", aeoProgramme: "none" }, answer("registered", "no"))).toEqual([]);
    expect(statusFlags({ customsCredit: "unknown", aeoProgramme: "none" }, answer("na"))).toEqual([]);
    expect(statusFlags({ customsCredit: "advanced", aeoProgramme: "cn_advanced" }, answer("advanced", "certified"))).toEqual([]);
    expect(statusFlags({ customsCredit: "general", aeoProgramme: "none" }, {})).toEqual([]);
  });

  test("an AEO certificate claimed but not recorded, and a register that contradicts itself", () => {
    expect(statusFlags({ customsCredit: "general", aeoProgramme: "none" }, answer(undefined, "certified"))).toEqual([{ kind: "aeo" }]);
    expect(statusFlags({ customsCredit: "general", aeoProgramme: "cn_advanced" }, {})).toEqual([{ kind: "record", recorded: "general" }]);
  });
});
