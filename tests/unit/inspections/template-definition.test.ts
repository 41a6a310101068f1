import { describe, expect, test } from "vitest";
import { catalogTemplates } from "../../../db/catalog/templates";
import {
  allItems,
  headerRequirement,
  headerFieldKeys,
  TemplateDefinitionSchema,
  visibleItems,
  type TemplateDefinition,
} from "~/lib/inspections/template-definition";

type Input = Record<string, unknown>;

function item(key: string, overrides: Input = {}): Input {
  return {
    key,
    number: "1",
    promptZh: "检查点",
    promptEn: "Point",
    answer: "pass_fail_na",
    required: true,
    failRequiresPhoto: false,
    failRequiresNote: true,
    criteria: [{ framework: "ctpat-msc", key: "5.3" }],
    ...overrides,
  };
}

function definition(overrides: Input = {}, items: Input[] = [item("front-wall"), item("doors")]): Input {
  return {
    kind: "container",
    releaseGate: true,
    supervisorSignoff: "optional",
    actionDueDays: 1,
    header: [
      { field: "containerNumber", required: true },
      { field: "reefer", required: false },
    ],
    sections: [{ key: "container", titleZh: "集装箱", titleEn: "Container", items }],
    ...overrides,
  };
}

/** The issues as "path: message" lines, for exact comparison. */
function issues(input: unknown): string[] {
  const parsed = TemplateDefinitionSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const container = catalogTemplates.find((t) => t.code === "container-7-point")!.definition;

describe("TemplateDefinitionSchema", () => {
  test("a well-formed definition passes", () => {
    expect(issues(definition())).toEqual([]);
  });

  test("optional texts are trimmed, and dropped when blank", () => {
    const parsed = TemplateDefinitionSchema.parse(definition({}, [item("front-wall", { guidanceZh: "  敲击前壁  ", guidanceEn: "   ", unit: "" })]));
    const [first] = parsed.sections[0]!.items;
    expect(first!.guidanceZh).toBe("敲击前壁");
    expect(first!.guidanceEn).toBeUndefined();
    expect(first!.unit).toBeUndefined();
  });

  test("duplicate item keys are refused, across sections too", () => {
    expect(issues(definition({}, [item("doors"), item("floor"), item("doors")]))).toEqual(["sections.0.items.2.key: templates.duplicateKey"]);
    const twoSections = definition({
      sections: [
        { key: "outside", titleZh: "外部", titleEn: "Outside", items: [item("doors")] },
        { key: "inside", titleZh: "内部", titleEn: "Inside", items: [item("floor"), item("doors")] },
      ],
    });
    expect(issues(twoSections)).toEqual(["sections.1.items.1.key: templates.duplicateKey"]);
  });

  test("a header field listed twice is refused", () => {
    const header = [
      { field: "containerNumber", required: true },
      { field: "containerNumber", required: false },
    ];
    expect(issues(definition({ header }))).toEqual(["header.1: templates.duplicateField"]);
  });

  test("a reefer-only point needs the reefer header field", () => {
    const items = [item("front-wall"), item("fan-housing", { onlyWhen: "reefer" })];
    expect(issues(definition({}, items))).toEqual([]);
    expect(issues(definition({ header: [{ field: "containerNumber", required: true }] }, items))).toEqual([
      "sections.0.items.1.onlyWhen: templates.reeferNeedsHeader",
    ]);
  });

  describe("number points", () => {
    test.each([
      ["a lower limit", { failBelow: 50 }],
      ["an upper limit", { failAbove: 0 }],
      ["both, in order", { failBelow: 10, failAbove: 20 }],
      ["both equal", { failBelow: 5, failAbove: 5 }],
      ["negative limits", { failBelow: -30, failAbove: -18 }],
    ])("with %s pass", (_, limits) => {
      expect(issues(definition({}, [item("lux", { answer: "number", unit: "lx", ...limits })]))).toEqual([]);
    });

    test("without limits, a note or photo 'when it fails' is refused", () => {
      expect(issues(definition({}, [item("lux", { answer: "number", failRequiresNote: true })]))).toEqual([
        "sections.0.items.0.failBelow: templates.numberNeedsLimit",
      ]);
      expect(issues(definition({}, [item("lux", { answer: "number", failRequiresNote: false, failRequiresPhoto: true })]))).toEqual([
        "sections.0.items.0.failBelow: templates.numberNeedsLimit",
      ]);
    });

    test("without limits and without fail requirements, a plain reading passes", () => {
      expect(issues(definition({}, [item("reading", { answer: "number", failRequiresNote: false, failRequiresPhoto: false })]))).toEqual([]);
    });

    test("a lower limit above the upper one is refused", () => {
      expect(issues(definition({}, [item("lux", { answer: "number", failBelow: 21, failAbove: 20 })]))).toEqual([
        "sections.0.items.0.failAbove: templates.limitsOrder",
      ]);
    });

    test.each([Number.POSITIVE_INFINITY, Number.NaN])("a limit of %s is refused", (limit) => {
      expect(issues(definition({}, [item("lux", { answer: "number", failAbove: limit })]))).not.toEqual([]);
    });
  });

  test("a section without items is refused", () => {
    expect(issues(definition({}, []))).toEqual(["sections.0.items: templates.sectionEmpty"]);
  });

  test("a definition without sections is refused", () => {
    expect(issues(definition({ sections: [] }))).toEqual(["sections: templates.noItems"]);
  });

  test.each([
    ["Front-Wall", ["templates.keyFormat"]],
    ["front_wall", ["templates.keyFormat"]],
    ["front wall", ["templates.keyFormat"]],
    ["-front", ["templates.keyFormat"]],
    ["front--wall", ["templates.keyFormat"]],
    ["", ["errors.required", "templates.keyFormat"]],
    ["a".repeat(41), ['errors.tooLong|{"max":40}']],
  ])("an item key %j is refused", (key, messages) => {
    expect(issues(definition({}, [item(key)]))).toEqual(messages.map((m) => `sections.0.items.0.key: ${m}`));
  });

  test("an item key is trimmed", () => {
    const parsed = TemplateDefinitionSchema.parse(definition({}, [item(" front-wall ")]));
    expect(parsed.sections[0]!.items[0]!.key).toBe("front-wall");
  });

  test.each([
    ["kind", { kind: "ship" }, "kind: errors.choose"],
    ["sign-off mode", { supervisorSignoff: "sometimes" }, "supervisorSignoff: errors.choose"],
    ["due days above 90", { actionDueDays: 91 }, "actionDueDays: templates.dueDaysRange"],
    ["negative due days", { actionDueDays: -1 }, "actionDueDays: templates.dueDaysRange"],
  ])("an invalid %s is refused", (_, overrides, issue) => {
    expect(issues(definition(overrides))).toEqual([issue]);
  });

  test("an unknown answer type or header field is refused", () => {
    expect(issues(definition({}, [item("x", { answer: "stars" })]))).toEqual(["sections.0.items.0.answer: errors.choose"]);
    expect(issues(definition({ header: [{ field: "weather", required: false }] }))).toHaveLength(1);
  });

  test("an empty item prompt is refused", () => {
    expect(issues(definition({}, [item("x", { promptEn: "  " })]))).toEqual(["sections.0.items.0.promptEn: errors.required"]);
  });

  // Framework codes are the catalogue's (db/catalog), not a list in code: the schema checks the
  // shape, and saving refuses a ref that names no loaded criterion (tests/integration/inspections.test.ts).
  test("a criterion ref without a framework is refused; any catalogue code has the right shape", () => {
    expect(issues(definition({}, [item("x", { criteria: [{ framework: "", key: "4" }] })]))).toEqual([
      "sections.0.items.0.criteria.0.framework: errors.choose",
    ]);
    expect(issues(definition({}, [item("x", { criteria: [{ framework: "cn-2026-advanced", key: "4" }] })]))).toEqual([]);
  });

  // Bug: section keys are not checked for uniqueness. The inspection form groups the points by
  // sectionKey (app/routes/_app.inspections.new/inspection-form.tsx: shown.filter(i => i.sectionKey
  // === section.key)), so two sections with one key each show the points of both, twice over.
  test("two sections with the same key are refused", () => {
    const sections = [
      { key: "container", titleZh: "外部", titleEn: "Outside", items: [item("doors")] },
      { key: "container", titleZh: "内部", titleEn: "Inside", items: [item("floor")] },
    ];
    expect(TemplateDefinitionSchema.safeParse(definition({ sections })).success).toBe(false);
  });

  test("every header field key can be listed once", () => {
    const header = headerFieldKeys.map((field) => ({ field, required: false }));
    expect(issues(definition({ header }))).toEqual([]);
  });
});

describe("allItems", () => {
  test("every item in order, with its section's key", () => {
    const parsed = TemplateDefinitionSchema.parse(
      definition({
        sections: [
          { key: "outside", titleZh: "外部", titleEn: "Outside", items: [item("doors"), item("undercarriage")] },
          { key: "inside", titleZh: "内部", titleEn: "Inside", items: [item("floor")] },
        ],
      }),
    );
    expect(allItems(parsed).map((i) => [i.sectionKey, i.key])).toEqual([
      ["outside", "doors"],
      ["outside", "undercarriage"],
      ["inside", "floor"],
    ]);
    expect(allItems(parsed)[2]).toMatchObject({ key: "floor", promptEn: "Point", answer: "pass_fail_na" });
  });

  test("the container template has its 8 points and the agricultural one (version 2)", () => {
    expect(allItems(container).map((i) => i.key)).toEqual([
      "front-wall",
      "left-side",
      "right-side",
      "floor",
      "ceiling-roof",
      "doors",
      "undercarriage",
      "fan-housing",
      "pest-contamination",
    ]);
  });
});

describe("visibleItems", () => {
  test("the reefer point only for a reefer", () => {
    expect(visibleItems(container, {}).map((i) => i.key)).not.toContain("fan-housing");
    expect(visibleItems(container, { reefer: false })).toHaveLength(8);
    expect(visibleItems(container, { reefer: true })).toHaveLength(9);
    expect(visibleItems(container, { reefer: true }).map((i) => i.key).slice(-2)).toEqual(["fan-housing", "pest-contamination"]);
  });

  test("a template without reefer points shows everything either way", () => {
    const lighting = catalogTemplates.find((t) => t.code === "lighting-check")!.definition;
    expect(visibleItems(lighting, {})).toEqual(allItems(lighting));
    expect(visibleItems(lighting, { reefer: true })).toEqual(allItems(lighting));
  });
});

describe("headerRequirement", () => {
  const def = TemplateDefinitionSchema.parse(definition()) as TemplateDefinition;

  test.each([
    ["containerNumber", "required"],
    ["reefer", "optional"],
    ["sealNumbers", "absent"],
    ["driverIdNumber", "absent"],
  ] as const)("%s → %s", (field, requirement) => {
    expect(headerRequirement(def, field)).toBe(requirement);
  });

  test("the driver template's requirements", () => {
    const driver = catalogTemplates.find((t) => t.code === "driver-identity-check")!.definition;
    expect(headerRequirement(driver, "driverIdNumber")).toBe("required");
    expect(headerRequirement(driver, "departureTime")).toBe("optional");
    expect(headerRequirement(driver, "containerNumber")).toBe("absent");
  });
});
