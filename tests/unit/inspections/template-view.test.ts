import { describe, expect, test } from "vitest";
import { itemField } from "~/lib/inspections/template-editor";
import { templatePageView, type TemplateRows } from "~/lib/inspections/template-view.server";
import type { TemplateDefinition } from "~/lib/inspections/template-definition";

// The template page's data, from plain rows: which version is the newest, who may edit or copy,
// and the editor's starting values.

const at = new Date("2025-06-01T08:00:00Z");

const definition = {
  kind: "premises",
  releaseGate: false,
  supervisorSignoff: "required",
  actionDueDays: 3,
  header: [{ field: "area", required: true }],
  sections: [
    {
      key: "fence",
      titleZh: "围栏",
      titleEn: "Fence",
      items: [
        {
          key: "gate",
          number: "1",
          promptZh: "大门完好",
          promptEn: "Gate intact",
          answer: "pass_fail_na",
          required: true,
          failRequiresPhoto: true,
          failRequiresNote: true,
          criteria: [{ framework: "ctpat-msc", key: "9.1" }],
        },
      ],
    },
  ],
} as TemplateDefinition;

const template: TemplateRows["template"] = {
  id: "t2",
  organizationId: "o1",
  code: "fence-walk",
  version: 2,
  titleZh: "围栏巡查",
  titleEn: "Fence walk",
  descriptionZh: "每日",
  descriptionEn: "Daily",
  sourceZh: "自定",
  sourceEn: "Own",
  kind: "premises",
  definition,
  contentHash: "hash",
  basedOnTemplateId: null,
  createdByUserId: "u1",
  createdAt: at,
};

const labels = { "ctpat-msc/9.1": { code: "9.1", level: "item", part: null, titleZh: "围栏", titleEn: "Fencing" } };

function rows(over: Partial<TemplateRows> = {}): TemplateRows {
  return {
    template,
    versions: [
      { id: "t2", version: 2, createdAt: at },
      { id: "t1", version: 1, createdAt: new Date("2025-01-01T00:00:00Z") },
    ],
    labels,
    ...over,
  };
}

describe("templatePageView", () => {
  test("the organisation's newest version: compliance may edit and copy it", () => {
    const view = templatePageView(rows(), "o1", "compliance");
    expect(view.template).toEqual({
      id: "t2",
      code: "fence-walk",
      version: 2,
      builtIn: false,
      titleZh: "围栏巡查",
      titleEn: "Fence walk",
      descriptionZh: "每日",
      descriptionEn: "Daily",
      sourceZh: "自定",
      sourceEn: "Own",
      kind: "premises",
      definition,
      createdAt: at,
    });
    expect(view.newestId).toBe("t2");
    expect(view.versions).toEqual([
      { id: "t2", version: 2, createdAt: at },
      { id: "t1", version: 1, createdAt: new Date("2025-01-01T00:00:00Z") },
    ]);
    expect(view.labels).toBe(labels);
    expect(view).toMatchObject({ canEdit: true, canCopy: true });
  });

  test("an older version points at the newest and is not edited", () => {
    const view = templatePageView(rows({ template: { ...template, id: "t1", version: 1 } }), "o1", "compliance");
    expect(view.newestId).toBe("t2");
    expect(view.canEdit).toBe(false);
  });

  test("a built-in is copied, never edited; a guard may do neither", () => {
    const builtIn = rows({ template: { ...template, organizationId: null }, versions: [{ id: "t2", version: 2, createdAt: at }] });
    expect(templatePageView(builtIn, "o1", "compliance")).toMatchObject({ canEdit: false, canCopy: true });
    expect(templatePageView(builtIn, "o1", "compliance").template.builtIn).toBe(true);
    expect(templatePageView(rows(), "o1", "security")).toMatchObject({ canEdit: false, canCopy: false });
  });

  test("no versions listed: the version shown is the newest", () => {
    expect(templatePageView(rows({ versions: [] }), "o1", "compliance").newestId).toBe("t2");
  });

  test("the editor starts from the version's texts and points", () => {
    const editor = templatePageView(rows(), "o1", "compliance").editor;
    expect(editor).toMatchObject({
      titleZh: "围栏巡查",
      titleEn: "Fence walk",
      supervisorSignoff: "required",
      actionDueDays: "3",
      header_area: "required",
      header_containerNumber: "absent",
      [itemField(0, "key")]: "gate",
      [itemField(0, "promptEn")]: "Gate intact",
    });
  });
});
