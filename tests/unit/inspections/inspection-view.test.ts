import { describe, expect, test } from "vitest";
import type { InspectionView } from "~/lib/inspections/inspection-queries.server";
import { inspectionPageView, showsSeals } from "~/lib/inspections/inspection-view.server";
import type { TemplateDefinition } from "~/lib/inspections/template-definition";

// The inspection page's data, from plain rows: the header without the full ID number, the points
// answered, the actions with their references, and what each viewer may do.

const at = new Date("2025-06-01T08:00:00Z");

const definition: TemplateDefinition = {
  kind: "container",
  releaseGate: true,
  supervisorSignoff: "optional",
  actionDueDays: 1,
  header: [
    { field: "containerNumber", required: true },
    { field: "driverIdNumber", required: false },
    { field: "reefer", required: false },
  ],
  sections: [
    {
      key: "container",
      titleZh: "集装箱",
      titleEn: "Container",
      items: [
        { key: "front", number: "1", promptZh: "前壁", promptEn: "Front wall", answer: "pass_fail_na", required: true, failRequiresPhoto: true, failRequiresNote: true, criteria: [] },
        { key: "temp", number: "2", promptZh: "温度", promptEn: "Temperature", answer: "number", unit: "°C", failAbove: 8, required: true, failRequiresPhoto: false, failRequiresNote: false, criteria: [], onlyWhen: "reefer" },
        { key: "seal", number: "3", promptZh: "封志照片", promptEn: "Seal photo", answer: "photo", required: false, failRequiresPhoto: false, failRequiresNote: false, criteria: [] },
      ],
    },
  ],
} as TemplateDefinition;

function rows(over: { inspection?: Partial<InspectionView["inspection"]> } & Partial<Omit<InspectionView, "inspection">> = {}): InspectionView {
  const { inspection, ...rest } = over;
  return {
    inspection: {
      id: "i1",
      organizationId: "o1",
      draftKey: "d1",
      number: 4,
      templateId: "t1",
      status: "submitted",
      inspectorUserId: "u-inspector",
      siteId: "s1",
      occurredAt: at,
      area: null,
      containerNumber: "MSCU1234565",
      header: {},
      draftValues: {},
      result: "fail",
      failedPoints: 1,
      submittedAt: at,
      signedOffByUserId: null,
      signedOffAt: null,
      signoffNote: null,
      releasedAt: null,
      releasedByUserId: null,
      releaseOverrideReason: null,
      releaseGate: true,
      signoffRequired: false,
      createdAt: at,
      updatedAt: at,
      ...inspection,
    },
    reference: "INS-0004",
    template: {
      id: "t1",
      organizationId: null,
      code: "container-7-point",
      version: 2,
      titleZh: "集装箱七点检查",
      titleEn: "7-point container inspection",
      descriptionZh: "",
      descriptionEn: "",
      sourceZh: "",
      sourceEn: "",
      kind: "container",
      definition,
      contentHash: "hash",
      basedOnTemplateId: null,
      createdByUserId: null,
      createdAt: at,
    },
    site: { nameZh: "上海仓", nameEn: "Shanghai warehouse" },
    // Even were the full number in the row, the page must show the masked one only.
    header: { containerNumber: "MSCU1234565", driverIdNumber: "110101199001011234", driverIdNumberMasked: "1101**********1234", reefer: false },
    answers: [{ id: "a1", organizationId: "o1", inspectionId: "i1", itemKey: "front", value: "fail", failed: true, note: "凹痕" }],
    photos: [
      { id: "p1", itemKey: "front", fileId: "f1", sha256: "abc", sizeBytes: 2048, name: "front.jpg" },
      { id: "p2", itemKey: "seal", fileId: "f2", sha256: "def", sizeBytes: 1024, name: "seal.jpg" },
    ],
    actions: [],
    evidence: [],
    inspectorName: "张三",
    signedOffByName: null,
    releasedByName: null,
    release: { state: "blocked", openActions: 1 },
    ...rest,
  } as InspectionView;
}

const supervisor = { role: "security_lead" as const, userId: "u-supervisor" };
const inspector = { role: "security_lead" as const, userId: "u-inspector" };

describe("showsSeals", () => {
  test("a submitted container inspection lists its seals; another kind does not", () => {
    expect(showsSeals(rows())).toBe(true);
    const premises = rows();
    expect(showsSeals({ ...premises, template: { ...premises.template, kind: "premises" } })).toBe(false);
  });
});

describe("inspectionPageView", () => {
  test("the header shows the masked ID number only, and booleans as they were recorded", () => {
    const view = inspectionPageView(rows(), null, supervisor);
    expect(view.header).toEqual([
      { key: "containerNumber", value: "MSCU1234565" },
      { key: "reefer", value: false },
      { key: "driverIdNumber", value: "1101**********1234" },
    ]);
    expect(view.header.some((h) => h.value === "110101199001011234")).toBe(false);
  });

  test("only the points answered or photographed are listed, each with its answer, note and photos", () => {
    const view = inspectionPageView(rows(), null, supervisor);
    expect(view.points).toEqual([
      {
        key: "front",
        number: "1",
        promptZh: "前壁",
        promptEn: "Front wall",
        answerType: "pass_fail_na",
        unit: null,
        value: "fail",
        failed: true,
        note: "凹痕",
        photos: [{ id: "p1", itemKey: "front", fileId: "f1", sha256: "abc", sizeBytes: 2048, name: "front.jpg" }],
      },
      {
        key: "seal",
        number: "3",
        promptZh: "封志照片",
        promptEn: "Seal photo",
        answerType: "photo",
        unit: null,
        value: null,
        failed: false,
        note: null,
        photos: [{ id: "p2", itemKey: "seal", fileId: "f2", sha256: "def", sizeBytes: 1024, name: "seal.jpg" }],
      },
    ]);
  });

  test("the template's gate and sign-off, and whether it is built in", () => {
    const view = inspectionPageView(rows(), null, supervisor);
    expect(view.template).toEqual({
      id: "t1",
      code: "container-7-point",
      version: 2,
      titleZh: "集装箱七点检查",
      titleEn: "7-point container inspection",
      builtIn: true,
      supervisorSignoff: "optional",
      releaseGate: true,
    });
    expect(view).toMatchObject({ reference: "INS-0004", id: "i1", result: "fail", failedPoints: 1, inspectorName: "张三", containerNumber: "MSCU1234565" });
    expect(view.signedOff).toBeNull();
    expect(view.released).toBeNull();
  });

  test("actions carry their reference; sign-off and release carry who and when", () => {
    const view = inspectionPageView(
      rows({
        inspection: { signedOffAt: at, signoffNote: "已复核", releasedAt: at, releaseOverrideReason: "船期" },
        signedOffByName: "李娜",
        releasedByName: "王伟",
        actions: [
          {
            action: { id: "ac1", number: 9, sourceItemKey: "front", status: "open", dueOn: "2025-06-02" },
            ownerName: "赵六",
          },
        ] as InspectionView["actions"],
      }),
      null,
      supervisor,
    );
    expect(view.actions).toEqual([{ id: "ac1", reference: "CA-0009", itemKey: "front", status: "open", dueOn: "2025-06-02", ownerName: "赵六" }]);
    expect(view.signedOff).toEqual({ at, by: "李娜", note: "已复核" });
    expect(view.released).toEqual({ at, by: "王伟", overrideReason: "船期" });
  });

  test("a supervisor who did not inspect may override a blocked release and sign; the inspector may not (four eyes)", () => {
    expect(inspectionPageView(rows(), null, supervisor).can).toEqual({ release: false, override: true, signOff: true });
    const own = inspectionPageView(rows(), null, inspector);
    expect(own.can).toEqual({ release: false, override: false, signOff: false });
    expect(own.isInspector).toBe(true);
    const ready = inspectionPageView(rows({ release: { state: "ready" } }), null, { role: "security", userId: "u-guard" });
    expect(ready.can.release).toBe(true);
  });

  test("the seals read are listed with whether the viewer may apply one; none read, no seal card", () => {
    const list = [{ id: "se1", number: "CN123", status: "applied" as const, appliedAt: at }];
    expect(inspectionPageView(rows(), list, { role: "security", userId: "u-guard" }).seals).toEqual({ list, canApply: true });
    expect(inspectionPageView(rows(), list, { role: "auditor", userId: "u-audit" }).seals).toEqual({ list, canApply: false });
    expect(inspectionPageView(rows(), null, supervisor).seals).toBeNull();
  });
});
