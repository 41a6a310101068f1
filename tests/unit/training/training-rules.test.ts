// The training requirement per framework (CN-2014 item 2: ≥1 customs training a year for the legal
// representative and the senior customs manager; CN-2022 (59): ≥2 for those two, the customs head and
// the senior trade-security manager), and the criteria each category evidences, checked against the
// loaded catalogue. Pure: no database.
import { describe, expect, test } from "vitest";
import { catalogFrameworks } from "../../../db/catalog/index";
import type { CatalogCriterion } from "../../../db/catalog/types";
import { todayInZone } from "~/lib/i18n/format";
import {
  categoryCriteria,
  criteriaFedByTraining,
  employedInYear,
  keyRoles,
  requirementStatus,
  sessionCriteria,
  sessionRecordType,
  trainingCategories,
  trainingRequirements,
  type AttendedSession,
  type KeyRole,
  type RequirementPerson,
} from "~/lib/training/training-rules";
import { evidenceRecordTypes } from "~/lib/evidence/evidence-registry";

function walk(nodes: readonly CatalogCriterion[]): CatalogCriterion[] {
  return nodes.flatMap((node) => [node, ...walk(node.children ?? [])]);
}
const catalogue = new Map(catalogFrameworks.flatMap((f) => walk(f.criteria).map((node) => [`${f.code}/${node.key}`, node] as const)));

const manager = (keyRole: KeyRole | null, hireDate = "2015-03-01", leaveDate: string | null = null): RequirementPerson => ({
  keyRoles: keyRole ? [keyRole] : [],
  hireDate,
  leaveDate,
});
const customs = (heldOn: string): AttendedSession => ({ category: "customs_law", heldOn });

describe("the criteria each category feeds", () => {
  test("every criterion named exists in the catalogue and is assessable", () => {
    for (const category of trainingCategories) {
      for (const ref of sessionCriteria(category, true)) {
        const node = catalogue.get(`${ref.framework}/${ref.key}`);
        expect(node, `${category}: ${ref.framework} ${ref.key} is not in the catalogue`).toBeDefined();
        expect(node?.options.length ?? 0, `${category}: ${ref.framework} ${ref.key} is a heading`).toBeGreaterThan(0);
      }
    }
    for (const rule of Object.values(trainingRequirements))
      expect(catalogue.get(`${rule.criterion.framework}/${rule.criterion.key}`)).toBeDefined();
  });

  test("customs-law training evidences CN-2014 item 2 and CN-2022 (58) and (59); a drill feeds crisis management as its own type", () => {
    const keys = (c: (typeof trainingCategories)[number]) => categoryCriteria[c].map((r) => `${r.framework}/${r.key}`);
    expect(keys("customs_law")).toEqual(
      expect.arrayContaining(["cn-2014-general/2", "cn-2022-advanced/58", "cn-2022-advanced/59", "wco-safe-aeo/E"]),
    );
    expect(keys("information_security")).toEqual(
      expect.arrayContaining(["cn-2022-advanced/62", "cn-2014-general/8", "ctpat-msc/12.7-12.8-12.9-12.10"]),
    );
    expect(keys("driver_security")).toEqual(expect.arrayContaining(["cn-2022-advanced/53", "ctpat-msc/12.2"]));
    expect(keys("crisis_drill")).toEqual(evidenceRecordTypes.drill.feeds.map((r) => `${r.framework}/${r.key}`));
    expect(keys("other")).toEqual([]);
    expect(sessionRecordType("crisis_drill")).toBe("drill");
    expect(sessionRecordType("customs_law")).toBe("training_session");
  });

  test("a tested session also evidences CTPAT 12.4, an untested one does not", () => {
    expect(sessionCriteria("cargo_security", true)).toContainEqual({ framework: "ctpat-msc", key: "12.4" });
    expect(sessionCriteria("cargo_security", false)).not.toContainEqual({ framework: "ctpat-msc", key: "12.4" });
  });

  test("the criteria pages list training for the non-drill criteria only", () => {
    expect(criteriaFedByTraining.has("cn-2022-advanced/59")).toBe(true);
    expect(criteriaFedByTraining.has("ctpat-msc/12.4")).toBe(true);
    expect(criteriaFedByTraining.has("cn-2022-advanced/61")).toBe(false);
  });
});

describe("CN-2014 general: at least one customs training a year", () => {
  const today = "2026-06-30";
  test("0 sessions is pending during the year, 1 meets it", () => {
    const none = requirementStatus("cn-2014-general", 2026, today, manager("legal_representative"), []);
    expect(none).toMatchObject({ applies: true, required: 1, state: "pending", missing: 1 });
    const one = requirementStatus("cn-2014-general", 2026, today, manager("legal_representative"), [customs("2026-03-10")]);
    expect(one).toMatchObject({ state: "met", missing: 0 });
    expect(one.counted).toHaveLength(1);
  });

  test("applies to the legal representative and the senior customs manager only", () => {
    const applying = keyRoles.filter((role) => requirementStatus("cn-2014-general", 2026, today, manager(role), []).applies);
    expect(applying).toEqual(["legal_representative", "senior_customs_manager"]);
    expect(requirementStatus("cn-2014-general", 2026, today, manager(null), []).applies).toBe(false);
  });

  test("a person holding two of the roles it names owes one session, not one per role", () => {
    const both: RequirementPerson = { keyRoles: ["legal_representative", "senior_customs_manager"], hireDate: "2015-03-01", leaveDate: null };
    expect(requirementStatus("cn-2014-general", 2026, today, both, [])).toMatchObject({ applies: true, required: 1, missing: 1 });
    expect(requirementStatus("cn-2014-general", 2026, today, both, [customs("2026-03-10")])).toMatchObject({ state: "met", missing: 0 });
    // A role the rule does not name beside one it names: it still applies.
    const owner: RequirementPerson = { keyRoles: ["legal_representative", "principal_person"], hireDate: "2015-03-01", leaveDate: null };
    expect(requirementStatus("cn-2014-general", 2026, today, owner, []).applies).toBe(true);
    expect(requirementStatus("cn-2014-general", 2026, today, { ...owner, keyRoles: ["principal_person", "finance_head"] }, []).applies).toBe(false);
  });

  test("a year that ended short is missed, not pending", () => {
    expect(requirementStatus("cn-2014-general", 2025, today, manager("senior_customs_manager"), []).state).toBe("missed");
  });
});

describe("CN-2022 advanced: at least two customs-law trainings a year", () => {
  const today = "2026-11-15";
  test("0, 1 and 2 sessions", () => {
    const person = manager("customs_head");
    expect(requirementStatus("cn-2022-advanced", 2026, today, person, []).missing).toBe(2);
    const one = requirementStatus("cn-2022-advanced", 2026, today, person, [customs("2026-02-01")]);
    expect(one).toMatchObject({ state: "pending", missing: 1 });
    const two = requirementStatus("cn-2022-advanced", 2026, today, person, [customs("2026-09-01"), customs("2026-02-01")]);
    expect(two).toMatchObject({ state: "met", missing: 0 });
    expect(two.counted.map((s) => s.heldOn)).toEqual(["2026-02-01", "2026-09-01"]);
  });

  test("applies to the four key roles (59) names, not to the principal person or the finance head", () => {
    const named = ["legal_representative", "senior_customs_manager", "customs_head", "trade_security_manager"];
    for (const role of keyRoles) expect(requirementStatus("cn-2022-advanced", 2026, today, manager(role), []).applies, role).toBe(named.includes(role));
  });

  test("one session meets 2014's requirement but not 2022's", () => {
    const attended = [customs("2026-04-01")];
    expect(requirementStatus("cn-2014-general", 2026, today, manager("legal_representative"), attended).state).toBe("met");
    expect(requirementStatus("cn-2022-advanced", 2026, today, manager("legal_representative"), attended).state).toBe("pending");
  });

  test("training of a category that is not customs law does not count", () => {
    const attended: AttendedSession[] = [
      { category: "cargo_security", heldOn: "2026-03-01" },
      { category: "information_security", heldOn: "2026-04-01" },
      { category: "crisis_drill", heldOn: "2026-05-01" },
      customs("2026-06-01"),
    ];
    const status = requirementStatus("cn-2022-advanced", 2026, today, manager("trade_security_manager"), attended);
    expect(status.counted.map((s) => s.category)).toEqual(["customs_law"]);
    expect(status.state).toBe("pending");
  });

  test("a session later than today has not happened and does not count", () => {
    const status = requirementStatus("cn-2022-advanced", 2026, today, manager("customs_head"), [
      customs("2026-03-01"),
      customs("2026-12-10"),
    ]);
    expect(status.counted.map((s) => s.heldOn)).toEqual(["2026-03-01"]);
    expect(status.state).toBe("pending");
    // Once that day has come, it counts.
    expect(
      requirementStatus("cn-2022-advanced", 2026, "2026-12-10", manager("customs_head"), [customs("2026-03-01"), customs("2026-12-10")])
        .state,
    ).toBe("met");
  });

  test("sessions of other years count in their own year", () => {
    const attended = [customs("2025-12-31"), customs("2026-01-01"), customs("2027-01-01")];
    const status = requirementStatus("cn-2022-advanced", 2026, "2027-02-01", manager("customs_head"), attended);
    expect(status.counted.map((s) => s.heldOn)).toEqual(["2026-01-01"]);
    expect(status.state).toBe("missed");
  });

  test("the year turns at midnight in Asia/Shanghai, not at UTC midnight", () => {
    // 31 December 2026, 16:30 UTC is already 1 January 2027 in Shanghai: 2026 is over.
    const now = new Date("2026-12-31T16:30:00Z");
    const today = todayInZone("Asia/Shanghai", now);
    expect(today).toBe("2027-01-01");
    const attended = [customs("2026-05-01"), customs("2027-01-01")];
    expect(requirementStatus("cn-2022-advanced", 2026, today, manager("customs_head"), attended)).toMatchObject({
      state: "missed",
      missing: 1,
    });
    // The session held on the Shanghai new year's day counts for 2027, and has happened.
    expect(requirementStatus("cn-2022-advanced", 2027, today, manager("customs_head"), attended).counted.map((s) => s.heldOn)).toEqual([
      "2027-01-01",
    ]);
    // In UTC it would still be 2026, with the year not yet over.
    const utcToday = todayInZone("UTC", now);
    expect(requirementStatus("cn-2022-advanced", 2026, utcToday, manager("customs_head"), attended).state).toBe("pending");
  });

  test("a person who joined mid-year: sessions before joining do not count; the requirement still holds in full", () => {
    const person = manager("senior_customs_manager", "2026-07-01");
    const status = requirementStatus("cn-2022-advanced", 2026, today, person, [customs("2026-03-01"), customs("2026-09-01")]);
    expect(status.counted.map((s) => s.heldOn)).toEqual(["2026-09-01"]);
    expect(status).toMatchObject({ joinedInYear: true, missing: 1, state: "pending" });
    expect(employedInYear(person, 2025)).toBe(false);
    expect(employedInYear(person, 2026)).toBe(true);
  });

  test("a person who left short of the count has missed it, even before the year ends", () => {
    const person = manager("legal_representative", "2010-01-01", "2026-05-31");
    const status = requirementStatus("cn-2022-advanced", 2026, today, person, [customs("2026-02-01"), customs("2026-06-10")]);
    expect(status.counted).toHaveLength(1);
    expect(status).toMatchObject({ leftInYear: true, state: "missed" });
    expect(employedInYear(person, 2027)).toBe(false);
  });
});
