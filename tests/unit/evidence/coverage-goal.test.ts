// The coverage goal, counted from the data that wires records to criteria (recordTypesByCriterion:
// the evidence registry, the checklist templates, the training categories, the contract clauses):
// every trade-security sub-item of CN-2022 ((31)–(62)) and item of CN-2014 (21–28) is fed by a record
// type, and at least 55 of CTPAT's 62 criteria are; each criterion no record feeds says on its page
// which policy or document the standard expects (db/catalog/expected-documents.ts). Pure: no database.
import { describe, expect, test } from "vitest";
import { catalogClauses, catalogFrameworks, catalogQuestionnaires, catalogTemplates } from "../../../db/catalog/index";
import { supersededTemplates } from "../../../db/catalog/templates";
import { expectedDocuments } from "../../../db/catalog/expected-documents";
import type { CatalogCriterion } from "../../../db/catalog/types";
import { recordTypesByCriterion } from "~/lib/evidence/fed-criteria.server";
import { evidenceRecordTypes } from "~/lib/evidence/evidence-registry";
import { categoryCriteria } from "~/lib/training/training-rules";

function assessable(code: string): CatalogCriterion[] {
  const walk = (nodes: readonly CatalogCriterion[]): CatalogCriterion[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
  const framework = catalogFrameworks.find((f) => f.code === code);
  if (!framework) throw new Error(code);
  return walk(framework.criteria).filter((c) => c.options.length > 0);
}

const fed = recordTypesByCriterion();
const unfed = (code: string, keys: readonly string[]) => keys.filter((key) => !fed.has(`${code}/${key}`));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe("every criterion ref names an assessable criterion of the catalogue", () => {
  const known = new Set(catalogFrameworks.flatMap((f) => assessable(f.code).map((c) => `${f.code}/${c.key}`)));
  const wrong = (refs: readonly { framework: string; key: string }[]) => refs.map((r) => `${r.framework}/${r.key}`).filter((r) => !known.has(r));

  test("the evidence registry", () => {
    for (const [type, entry] of Object.entries(evidenceRecordTypes)) {
      const record = entry as { feeds: readonly { framework: string; key: string }[]; mayFeed?: readonly { framework: string; key: string }[] };
      expect(wrong([...record.feeds, ...(record.mayFeed ?? [])]), type).toEqual([]);
    }
  });
  test("the checklist templates, every loaded version", () => {
    for (const template of [...supersededTemplates, ...catalogTemplates]) {
      const refs = template.definition.sections.flatMap((s) => s.items.flatMap((i) => i.criteria ?? []));
      expect(wrong(refs), `${template.code}@${template.version}`).toEqual([]);
    }
  });
  test("the training categories, the clauses and the questionnaires", () => {
    expect(wrong(Object.values(categoryCriteria).flat())).toEqual([]);
    for (const clause of catalogClauses) expect(wrong(clause.criteria), clause.code).toEqual([]);
    for (const questionnaire of catalogQuestionnaires) {
      expect(wrong(questionnaire.questions.flatMap((q) => q.criteria)), questionnaire.code).toEqual([]);
    }
  });
});

describe("the coverage goal", () => {
  test("CN-2022: every trade-security sub-item (31)–(62) is fed by a record type", () => {
    expect(unfed("cn-2022-advanced", range(31, 62))).toEqual([]);
  });
  test("CN-2014: every trade-security item 21–28 is fed by a record type", () => {
    expect(unfed("cn-2014-general", range(21, 28))).toEqual([]);
  });
  test("CTPAT: at least 55 of its 62 criteria are fed by a record type", () => {
    const all = assessable("ctpat-msc").map((c) => c.key);
    expect(all).toHaveLength(62);
    expect(all.length - unfed("ctpat-msc", all).length).toBeGreaterThanOrEqual(55);
  });
  test("each criterion of these no record type feeds says which policy or document the standard expects", () => {
    const rest = [
      ...unfed("cn-2022-advanced", range(31, 62)).map((k) => `cn-2022-advanced/${k}`),
      ...unfed("cn-2014-general", range(21, 28)).map((k) => `cn-2014-general/${k}`),
      ...unfed("ctpat-msc", assessable("ctpat-msc").map((c) => c.key)).map((k) => `ctpat-msc/${k}`),
    ];
    expect(rest.filter((ref) => !expectedDocuments[ref])).toEqual([]);
    for (const ref of rest) {
      expect(expectedDocuments[ref]!.textZh.length, ref).toBeGreaterThan(10);
      expect(expectedDocuments[ref]!.textEn.length, ref).toBeGreaterThan(20);
    }
  });
});
