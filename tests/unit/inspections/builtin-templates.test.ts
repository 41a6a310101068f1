// The built-in checklist templates as data (db/catalog/templates): well-formed, bilingual, every point
// linked to assessable criteria that exist in the loaded catalogue, and the two standard inspection
// lists (container 7/8-point, tractor/trailer 17-point) in the order of docs/criteria.md,
// "Inspection point lists".
// Pure: it reads db/catalog directly, no database.
import { describe, expect, test } from "vitest";
import { catalogFrameworks } from "../../../db/catalog/index";
import type { CatalogCriterion } from "../../../db/catalog/types";
import { catalogTemplates, supersededTemplates } from "../../../db/catalog/templates";
import type { CatalogTemplate, TemplateItem } from "../../../db/catalog/templates/types";
import { TemplateDefinitionSchema } from "../../../app/lib/inspections/template-definition";

const URL_SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function walk(nodes: readonly CatalogCriterion[]): CatalogCriterion[] {
  return nodes.flatMap((node) => [node, ...walk(node.children ?? [])]);
}

/** "framework:key" → the criterion, for every node of every loaded framework. */
const criteria = new Map<string, CatalogCriterion>(
  catalogFrameworks.flatMap((f) => walk(f.criteria).map((node) => [`${f.code}:${node.key}`, node] as const)),
);

const itemsOf = (t: CatalogTemplate): TemplateItem[] => t.definition.sections.flatMap((s) => s.items);
const visible = (t: CatalogTemplate, reefer: boolean) => itemsOf(t).filter((i) => i.onlyWhen !== "reefer" || reefer);
const byCode = (code: string): CatalogTemplate => {
  const t = catalogTemplates.find((c) => c.code === code);
  if (!t) throw new Error(`template ${code} is missing`);
  return t;
};

test("the nine built-in templates, in picker order, with unique codes", () => {
  expect(catalogTemplates.map((t) => t.code)).toEqual([
    "container-7-point",
    "conveyance-17-point",
    "driver-identity-check",
    "premises-patrol",
    "lighting-check",
    "cctv-footage-review",
    "building-inspection",
    "it-access-review",
    "backup-restore-test",
    "export-loading-supervision",
    "secure-storage-check",
  ]);
  expect(new Set(catalogTemplates.map((t) => t.code)).size, "template codes are unique").toBe(catalogTemplates.length);
});

describe.each([...catalogTemplates, ...supersededTemplates].map((t) => [`${t.code}@${t.version}`, t] as const))("%s", (name, template) => {
  const code = template.code;
  const items = itemsOf(template);
  const headerFields = template.definition.header.map((h) => h.field);

  test("code, version and bilingual texts", () => {
    expect(code, `${name}: code is URL-safe`).toMatch(URL_SAFE);
    expect(Number.isInteger(template.version) && template.version > 0, `${code}: version is a positive integer`).toBe(true);
    for (const field of ["titleZh", "titleEn", "descriptionZh", "descriptionEn", "sourceZh", "sourceEn"] as const) {
      expect(template[field].trim(), `${code}: ${field} is empty`).not.toBe("");
    }
    for (const section of template.definition.sections) {
      expect(section.titleZh.trim(), `${code}/${section.key}: titleZh is empty`).not.toBe("");
      expect(section.titleEn.trim(), `${code}/${section.key}: titleEn is empty`).not.toBe("");
    }
    for (const item of items) {
      expect(item.promptZh.trim(), `${code}/${item.key}: promptZh is empty`).not.toBe("");
      expect(item.promptEn.trim(), `${code}/${item.key}: promptEn is empty`).not.toBe("");
      expect(item.number.trim(), `${code}/${item.key}: number is empty`).not.toBe("");
      expect(Boolean(item.guidanceZh) === Boolean(item.guidanceEn), `${code}/${item.key}: guidance in one language only`).toBe(true);
    }
  });

  test("header fields, section keys and item keys are unique; keys are URL-safe", () => {
    expect(new Set(headerFields).size, `${code}: duplicate header field in ${headerFields.join(", ")}`).toBe(headerFields.length);
    const sectionKeys = template.definition.sections.map((s) => s.key);
    expect(new Set(sectionKeys).size, `${code}: duplicate section key in ${sectionKeys.join(", ")}`).toBe(sectionKeys.length);
    for (const key of sectionKeys) expect(key, `${code}: section key ${key} is not URL-safe`).toMatch(URL_SAFE);
    const seen = new Set<string>();
    for (const item of items) {
      expect(item.key, `${code}/${item.key}: item key is not URL-safe`).toMatch(URL_SAFE);
      expect(seen.has(item.key), `${code}/${item.key}: item key used twice in the template`).toBe(false);
      seen.add(item.key);
    }
    expect(template.definition.sections.every((s) => s.items.length > 0), `${code}: a section has no items`).toBe(true);
  });

  test("every answered point links to existing, assessable criteria", () => {
    for (const item of items) {
      if (item.answer !== "text" && item.answer !== "photo") {
        expect(item.criteria.length, `${code}/${item.key}: a ${item.answer} item needs at least one criterion`).toBeGreaterThan(0);
      }
      const refs = item.criteria.map((c) => `${c.framework}:${c.key}`);
      expect(new Set(refs).size, `${code}/${item.key}: duplicate criterion in ${refs.join(", ")}`).toBe(refs.length);
      for (const ref of refs) {
        const node = criteria.get(ref);
        expect(node, `${code}/${item.key}: criterion ${ref} is not in the catalogue`).toBeDefined();
        expect(node?.options.length ?? 0, `${code}/${item.key}: criterion ${ref} is a heading (no options)`).toBeGreaterThan(0);
      }
    }
  });

  test("answer settings are consistent", () => {
    for (const item of items) {
      const where = `${code}/${item.key}`;
      if (item.answer === "number") {
        expect(item.failBelow !== undefined || item.failAbove !== undefined, `${where}: a number item needs failBelow or failAbove`).toBe(true);
      } else {
        expect(item.failBelow, `${where}: failBelow on a ${item.answer} item`).toBeUndefined();
        expect(item.failAbove, `${where}: failAbove on a ${item.answer} item`).toBeUndefined();
        expect(item.unit, `${where}: unit on a ${item.answer} item`).toBeUndefined();
      }
      if (item.answer !== "yes_no") expect(item.failOn, `${where}: failOn on a ${item.answer} item`).toBeUndefined();
      if (item.answer === "text" || item.answer === "photo") {
        expect(item.failRequiresNote || item.failRequiresPhoto, `${where}: a ${item.answer} item never fails`).toBe(false);
      }
      if (item.onlyWhen === "reefer") {
        expect(headerFields, `${where}: onlyWhen "reefer" needs the reefer header field`).toContain("reefer");
      }
    }
  });

  test("passes the definition schema used on write", () => {
    const result = TemplateDefinitionSchema.safeParse(template.definition);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), `${code}: schema issues`).toEqual([]);
  });
});

describe("container 7-point (8-point reefer)", () => {
  const container = byCode("container-7-point");
  const sevenPoints = ["front-wall", "left-side", "right-side", "floor", "ceiling-roof", "doors", "undercarriage"];

  test("7 points in the docs/criteria.md order, 8 with the reefer fan housing, then the agricultural point A1", () => {
    expect(container.version).toBe(2);
    expect(visible(container, false).map((i) => i.key), "container-7-point: points without reefer").toEqual([...sevenPoints, "pest-contamination"]);
    expect(visible(container, true).map((i) => i.key), "container-7-point: points with reefer").toEqual([
      ...sevenPoints,
      "fan-housing",
      "pest-contamination",
    ]);
    expect(visible(container, true).map((i) => i.number), "container-7-point: numbering").toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "A1"]);
  });

  test("gates release; every point needs a photo and a note on failure", () => {
    expect(container.definition.releaseGate).toBe(true);
    for (const item of itemsOf(container)) {
      expect([item.answer, item.required, item.failRequiresPhoto, item.failRequiresNote], `container-7-point/${item.key}`).toEqual([
        "pass_fail_na",
        true,
        true,
        true,
      ]);
    }
    const doors = itemsOf(container).find((i) => i.key === "doors");
    expect(doors?.criteria, "container-7-point/doors: door locks serve CTPAT 5.4").toContainEqual({ framework: "ctpat-msc", key: "5.4" });
  });
});

describe("tractor/trailer 17-point", () => {
  const conveyance = byCode("conveyance-17-point");

  test("7 tractor points, 10 trailer points, then the agricultural point A1", () => {
    const [tractor, trailer, agricultural, ...rest] = conveyance.definition.sections;
    expect(conveyance.version).toBe(2);
    expect(rest, "conveyance-17-point: three sections").toEqual([]);
    expect(agricultural?.items.map((i) => [i.key, i.number])).toEqual([["pest-contamination", "A1"]]);
    expect(tractor?.key, "conveyance-17-point: first section").toBe("tractor");
    expect(trailer?.key, "conveyance-17-point: second section").toBe("trailer");
    expect(tractor?.items.map((i) => i.number), "conveyance-17-point/tractor numbering").toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7"]);
    expect(trailer?.items.map((i) => i.number), "conveyance-17-point/trailer numbering").toEqual(
      Array.from({ length: 10 }, (_, i) => `R${i + 1}`),
    );
    expect(trailer?.items.map((i) => i.key), "conveyance-17-point/trailer order").toEqual([
      "trailer-fifth-wheel",
      "trailer-exterior-front-sides",
      "trailer-rear-bumper-doors",
      "trailer-front-wall",
      "trailer-left-side",
      "trailer-right-side",
      "trailer-floor",
      "trailer-ceiling-roof",
      "trailer-doors",
      "trailer-undercarriage",
    ]);
    expect(visible(conveyance, true), "conveyance-17-point: no reefer-only point").toHaveLength(18);
  });
});

describe("the agricultural point and the template versions", () => {
  test("both vehicle inspections ask for pest contamination, feeding CTPAT 5.3 and 8.1", () => {
    for (const code of ["container-7-point", "conveyance-17-point"]) {
      const pest = itemsOf(byCode(code)).find((i) => i.key === "pest-contamination");
      expect(pest, `${code}: pest-contamination point`).toBeDefined();
      expect(pest?.required).toBe(true);
      expect(pest?.criteria).toEqual(
        expect.arrayContaining([
          { framework: "ctpat-msc", key: "5.3" },
          { framework: "ctpat-msc", key: "8.1" },
        ]),
      );
    }
  });

  test("version 1 of each is kept as recorded: the same points, no agricultural point", () => {
    const v1 = (code: string) => supersededTemplates.find((t) => t.code === code && t.version === 1);
    const container = v1("container-7-point");
    const conveyance = v1("conveyance-17-point");
    expect(container && visible(container, false).map((i) => i.key)).toEqual([
      "front-wall",
      "left-side",
      "right-side",
      "floor",
      "ceiling-roof",
      "doors",
      "undercarriage",
    ]);
    expect(conveyance && visible(conveyance, true)).toHaveLength(17);
    for (const t of [container, conveyance]) expect(t && itemsOf(t).some((i) => i.key === "pest-contamination")).toBe(false);
    // Every superseded version is older than the current version of its code.
    for (const old of supersededTemplates) expect(old.version).toBeLessThan(byCode(old.code).version);
  });
});

describe("IT security checks (CN-2022 (9), CTPAT 4.x)", () => {
  const feeds = (code: string) => new Set(itemsOf(byCode(code)).flatMap((i) => i.criteria.map((c) => `${c.framework}:${c.key}`)));

  test("the access review feeds CN-2022 (9) and CTPAT 4.5 and 4.7–4.9; a failed point raises an action within two weeks", () => {
    const review = byCode("it-access-review");
    expect(review.definition.kind).toBe("it_security");
    expect(review.definition.releaseGate).toBe(false);
    expect(review.definition.header).toContainEqual({ field: "systemsReviewed", required: true });
    expect([...feeds("it-access-review")]).toEqual(
      expect.arrayContaining(["cn-2022-advanced:9", "cn-2014-general:8", "ctpat-msc:4.7-4.8-4.9", "ctpat-msc:4.5", "wco-safe-aeo:F"]),
    );
    expect(review.definition.actionDueDays).toBe(14);
  });

  test("the backup and restore test feeds CN-2022 (9) and CTPAT 4.12 and 4.2–4.3; a slow restore fails", () => {
    const backup = byCode("backup-restore-test");
    expect([...feeds("backup-restore-test")]).toEqual(
      expect.arrayContaining(["cn-2022-advanced:9", "ctpat-msc:4.12", "ctpat-msc:4.2-4.3", "wco-safe-aeo:F"]),
    );
    const hours = itemsOf(backup).find((i) => i.key === "restore-hours");
    expect([hours?.answer, hours?.failAbove]).toEqual(["number", 24]);
  });
});
