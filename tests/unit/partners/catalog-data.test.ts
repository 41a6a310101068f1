// The partner reference data: the evaluation questionnaires (one per partner role) and the contract
// security clause library. Pure: it reads db/catalog directly, no database. Failure messages name the
// questionnaire, question or clause so a data fix is easy to find.
import { describe, expect, test } from "vitest";
import { catalogFrameworks } from "../../../db/catalog/index";
import { catalogClauses } from "../../../db/catalog/clauses/library";
import { catalogQuestionnaires } from "../../../db/catalog/questionnaires";
import type { PartnerRole, QuestionCategory, QuestionnaireCriterionRef } from "../../../db/catalog/questionnaires/types";
import type { CatalogCriterion } from "../../../db/catalog/types";

const partnerRoles: readonly PartnerRole[] = [
  "manufacturer_supplier",
  "carrier",
  "customs_broker",
  "freight_forwarder",
  "warehouse",
  "third_party_logistics",
  "other",
];
const categories: readonly QuestionCategory[] = ["compliance", "security", "qualification"];
const urlSafe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** framework code → criterion key → number of result options. */
const optionCounts = new Map<string, Map<string, number>>();
for (const framework of catalogFrameworks) {
  const keys = new Map<string, number>();
  const walk = (nodes: readonly CatalogCriterion[]) => {
    for (const node of nodes) {
      keys.set(node.key, node.options.length);
      walk(node.children ?? []);
    }
  };
  walk(framework.criteria);
  optionCounts.set(framework.code, keys);
}

function expectAssessable(ref: QuestionnaireCriterionRef, where: string) {
  const options = optionCounts.get(ref.framework)?.get(ref.key);
  expect(options, `${where}: ${ref.framework} "${ref.key}" is not in the catalogue`).toBeDefined();
  expect(options, `${where}: ${ref.framework} "${ref.key}" is a heading with no result options`).toBeGreaterThan(0);
}

const refersTo = (refs: readonly QuestionnaireCriterionRef[], framework: string, key: string) =>
  refs.some((r) => r.framework === framework && r.key === key);

function expectText(value: string | undefined, where: string) {
  expect(typeof value === "string" && value.trim().length > 0, `${where} is empty`).toBe(true);
}

const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe("partner questionnaires", () => {
  test("codes are unique and URL-safe, versions are positive integers", () => {
    const codes = catalogQuestionnaires.map((q) => q.code);
    expect(duplicates(codes), "duplicate questionnaire codes").toEqual([]);
    for (const q of catalogQuestionnaires) {
      expect(q.code, `questionnaire code "${q.code}"`).toMatch(urlSafe);
      expect(Number.isInteger(q.version) && q.version > 0, `questionnaire ${q.code}: version ${q.version}`).toBe(true);
    }
  });

  test("the five questionnaires are general, supplier, carrier, customs-broker and logistics", () => {
    expect(catalogQuestionnaires.map((q) => q.code)).toEqual(["general", "supplier", "carrier", "customs-broker", "logistics"]);
  });

  test("every partner role is covered by exactly one questionnaire, and no unknown role appears", () => {
    for (const role of partnerRoles) {
      const covering = catalogQuestionnaires.filter((q) => q.roles.includes(role)).map((q) => q.code);
      expect(covering, `role ${role}`).toHaveLength(1);
    }
    for (const q of catalogQuestionnaires) {
      for (const role of q.roles) expect(partnerRoles, `questionnaire ${q.code}: role ${role}`).toContain(role);
      expect(duplicates(q.roles), `questionnaire ${q.code}: duplicate roles`).toEqual([]);
    }
  });

  test("each has 12 to 18 questions covering all three categories", () => {
    for (const q of catalogQuestionnaires) {
      expect(q.questions.length, `questionnaire ${q.code}: question count`).toBeGreaterThanOrEqual(12);
      expect(q.questions.length, `questionnaire ${q.code}: question count`).toBeLessThanOrEqual(18);
      for (const category of categories) {
        expect(q.questions.some((question) => question.category === category), `questionnaire ${q.code}: no ${category} question`).toBe(true);
      }
      for (const question of q.questions) {
        expect(categories, `questionnaire ${q.code}, question ${question.key}: category`).toContain(question.category);
      }
    }
  });

  test("question keys are unique and URL-safe; option keys are unique within their question", () => {
    for (const q of catalogQuestionnaires) {
      expect(duplicates(q.questions.map((question) => question.key)), `questionnaire ${q.code}: duplicate question keys`).toEqual([]);
      for (const question of q.questions) {
        const where = `questionnaire ${q.code}, question ${question.key}`;
        expect(question.key, `${where}: key`).toMatch(urlSafe);
        expect(duplicates(question.options.map((o) => o.key)), `${where}: duplicate option keys`).toEqual([]);
        for (const option of question.options) expect(option.key, `${where}: option key`).toMatch(urlSafe);
      }
    }
  });

  test("scores are null or integers 0–100, with a best answer (100) and a poor one (below 50) on every question", () => {
    for (const q of catalogQuestionnaires) {
      for (const question of q.questions) {
        const where = `questionnaire ${q.code}, question ${question.key}`;
        expect(question.options.length, `${where}: option count`).toBeGreaterThanOrEqual(2);
        for (const option of question.options) {
          const ok = option.score === null || (Number.isInteger(option.score) && option.score >= 0 && option.score <= 100);
          expect(ok, `${where}, option ${option.key}: score ${option.score}`).toBe(true);
        }
        const scores = question.options.map((o) => o.score).filter((s): s is number => s !== null);
        expect(scores, `${where}: no option scores 100`).toContain(100);
        expect(scores.some((s) => s < 50), `${where}: no option scores below 50`).toBe(true);
      }
    }
  });

  test("weights are integers from 1 to 5", () => {
    for (const q of catalogQuestionnaires) {
      for (const question of q.questions) {
        const ok = Number.isInteger(question.weight) && question.weight >= 1 && question.weight <= 5;
        expect(ok, `questionnaire ${q.code}, question ${question.key}: weight ${question.weight}`).toBe(true);
      }
    }
  });

  test("at most 4 critical options per questionnaire, and a critical option never scores above 0", () => {
    for (const q of catalogQuestionnaires) {
      const critical = q.questions.flatMap((question) =>
        question.options.filter((o) => o.critical).map((o) => ({ question: question.key, option: o })),
      );
      expect(critical.length, `questionnaire ${q.code}: critical options ${critical.map((c) => `${c.question}/${c.option.key}`).join(", ")}`).toBeLessThanOrEqual(4);
      for (const { question, option } of critical) {
        expect(option.score, `questionnaire ${q.code}, question ${question}, option ${option.key}: critical with score`).toBe(0);
      }
    }
  });

  test("every question references cn-2022-advanced (55), the comprehensive evaluation", () => {
    for (const q of catalogQuestionnaires) {
      for (const question of q.questions) {
        expect(refersTo(question.criteria, "cn-2022-advanced", "55"), `questionnaire ${q.code}, question ${question.key}`).toBe(true);
      }
    }
  });

  test("every criterion a question references exists and is assessable", () => {
    for (const q of catalogQuestionnaires) {
      for (const question of q.questions) {
        const where = `questionnaire ${q.code}, question ${question.key}`;
        const refKeys = question.criteria.map((r) => `${r.framework}:${r.key}`);
        expect(duplicates(refKeys), `${where}: duplicate criterion refs`).toEqual([]);
        for (const ref of question.criteria) expectAssessable(ref, where);
      }
    }
  });

  test("every text is non-empty in both languages", () => {
    for (const q of catalogQuestionnaires) {
      for (const field of ["titleZh", "titleEn", "introZh", "introEn"] as const) expectText(q[field], `questionnaire ${q.code}: ${field}`);
      for (const question of q.questions) {
        const where = `questionnaire ${q.code}, question ${question.key}`;
        expectText(question.textZh, `${where}: textZh`);
        expectText(question.textEn, `${where}: textEn`);
        // Help and document are optional, but when given they come in both languages.
        expect(question.helpZh === undefined, `${where}: help given in one language only`).toBe(question.helpEn === undefined);
        if (question.helpZh !== undefined) {
          expectText(question.helpZh, `${where}: helpZh`);
          expectText(question.helpEn, `${where}: helpEn`);
        }
        expect(question.documentZh === undefined, `${where}: document given in one language only`).toBe(question.documentEn === undefined);
        if (question.documentZh !== undefined) {
          expectText(question.documentZh, `${where}: documentZh`);
          expectText(question.documentEn, `${where}: documentEn`);
        }
        for (const option of question.options) {
          expectText(option.labelZh, `${where}, option ${option.key}: labelZh`);
          expectText(option.labelEn, `${where}, option ${option.key}: labelEn`);
        }
      }
    }
  });
});

describe("contract security clause library", () => {
  const expectedCodes = [
    "high-security-seals",
    "container-inspection",
    "driver-identity",
    "personnel-background-checks",
    "incident-reporting",
    "customs-compliance",
    "aeo-status-notice",
    "right-to-audit",
    "subcontracting-notice",
  ];
  const requiredByDefault = [
    "customs-compliance",
    "high-security-seals",
    "container-inspection",
    "incident-reporting",
    "aeo-status-notice",
    "right-to-audit",
  ];

  test("the nine clauses, with unique URL-safe codes and positive integer versions", () => {
    const codes = catalogClauses.map((c) => c.code);
    expect(duplicates(codes), "duplicate clause codes").toEqual([]);
    expect([...codes].sort()).toEqual([...expectedCodes].sort());
    for (const clause of catalogClauses) {
      expect(clause.code, `clause code "${clause.code}"`).toMatch(urlSafe);
      expect(Number.isInteger(clause.version) && clause.version > 0, `clause ${clause.code}: version ${clause.version}`).toBe(true);
    }
  });

  test("texts are non-empty in both languages", () => {
    for (const clause of catalogClauses) {
      for (const field of ["titleZh", "titleEn", "textZh", "textEn"] as const) expectText(clause[field], `clause ${clause.code}: ${field}`);
    }
  });

  test("every clause references cn-2022-advanced (56), and every reference is an assessable criterion", () => {
    for (const clause of catalogClauses) {
      expect(refersTo(clause.criteria, "cn-2022-advanced", "56"), `clause ${clause.code}`).toBe(true);
      for (const ref of clause.criteria) expectAssessable(ref, `clause ${clause.code}`);
    }
  });

  test("exactly the six baseline clauses are required by default", () => {
    const required = catalogClauses.filter((c) => c.requiredByDefault).map((c) => c.code);
    expect([...required].sort()).toEqual([...requiredByDefault].sort());
  });

  test("roles are known partner roles; the seal, inspection and driver clauses name theirs", () => {
    for (const clause of catalogClauses) {
      for (const role of clause.roles) expect(partnerRoles, `clause ${clause.code}: role ${role}`).toContain(role);
      const named = ["high-security-seals", "container-inspection", "driver-identity"].includes(clause.code);
      if (named) expect(clause.roles.length, `clause ${clause.code}: roles`).toBeGreaterThan(0);
      else expect(clause.roles, `clause ${clause.code}: roles (all partners)`).toEqual([]);
    }
  });
});
