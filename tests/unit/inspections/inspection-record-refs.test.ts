// What an inspection record evidences beside its points (inspectionRecordRefs): CTPAT 5.2 for a
// container or conveyance checklist with an agricultural point, 5.6 when the inspection names the
// controlled area it was done in; nothing for other kinds of checklist.
import { describe, expect, test } from "vitest";
import { containerSevenPoint, containerSevenPointV1 } from "../../../db/catalog/templates/container-7-point";
import { premisesPatrol } from "../../../db/catalog/templates/premises-patrol";
import { inspectionRecordRefs } from "~/lib/inspections/inspection-submission.server";
import type { TemplateDefinition } from "~/lib/inspections/template-definition";

const keys = (definition: unknown, area: string | null) => inspectionRecordRefs(definition as TemplateDefinition, area).map((r) => r.key);

describe("inspectionRecordRefs", () => {
  test("a container checklist with the pest point: 5.2, and 5.6 only with an area", () => {
    expect(keys(containerSevenPoint.definition, null)).toEqual(["5.2"]);
    expect(keys(containerSevenPoint.definition, "  ")).toEqual(["5.2"]);
    expect(keys(containerSevenPoint.definition, "三号查验区")).toEqual(["5.2", "5.6"]);
  });
  test("version 1, without the agricultural point, is not the written security and agricultural procedure", () => {
    expect(keys(containerSevenPointV1.definition, "三号查验区")).toEqual(["5.6"]);
  });
  test("a premises patrol feeds neither", () => {
    expect(keys(premisesPatrol.definition, "北门")).toEqual([]);
  });
});
