import { describe, expect, test } from "vitest";
import { catalogTemplates } from "../../../db/catalog/templates";
import { checkInspection, inspectionFormSchema, splitSealNumbers, type InspectionCheck } from "~/lib/inspections/inspection-schema";
import type { TemplateDefinition } from "~/lib/inspections/template-definition";

function definitionOf(code: string): TemplateDefinition {
  const template = catalogTemplates.find((t) => t.code === code);
  if (!template) throw new Error(`template ${code} is missing`);
  return template.definition;
}
const container = definitionOf("container-7-point");
const driver = definitionOf("driver-identity-check");
const cctv = definitionOf("cctv-footage-review");
const lighting = definitionOf("lighting-check");

const SITE = "3f2b8c1e-9a4d-4e2f-8b6a-1c2d3e4f5a6b";
/** The seven points, then (template version 2) the agricultural point A1. */
const SEVEN_POINTS = ["front-wall", "left-side", "right-side", "floor", "ceiling-roof", "doors", "undercarriage", "pest-contamination"];

/** An encoded message (i18n/messages.ts): "key" or "key|{json values}". */
function decode(encoded: string | undefined): { key: string; values?: Record<string, unknown> } {
  if (encoded === undefined) throw new Error("no message");
  const at = encoded.indexOf("|");
  return at === -1 ? { key: encoded } : { key: encoded.slice(0, at), values: JSON.parse(encoded.slice(at + 1)) as Record<string, unknown> };
}

function errorsOf(check: InspectionCheck): Record<string, string> {
  if (check.ok) throw new Error(`expected errors, got ${JSON.stringify(check.data)}`);
  return check.errors;
}
function dataOf(check: InspectionCheck) {
  if (!check.ok) throw new Error(`expected success, got ${JSON.stringify(check.errors)}`);
  return check.data;
}

function containerForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: SITE,
    occurredAt: "2026-06-10T09:30",
    containerNumber: "csqu 305438-3",
    ...Object.fromEntries(SEVEN_POINTS.map((key) => [`answer_${key}`, "pass"])),
    ...overrides,
  };
}

function driverForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: SITE,
    occurredAt: "2026-06-10T08:20",
    driverName: "张伟",
    driverIdType: "cn_resident_id",
    driverIdNumber: "11010519491231002x",
    driverEmployer: "顺达物流有限公司",
    truckPlate: "粤B 12345",
    arrivalTime: "08:15",
    departureTime: "09:40",
    "answer_photo-id-valid": "pass",
    "answer_photo-matches-driver": "pass",
    "answer_matches-pre-advice": "pass",
    ...overrides,
  };
}

function cctvForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    siteId: SITE,
    occurredAt: "2026-06-10T10:00",
    reviewFrom: "2026-06-09T00:00",
    reviewTo: "2026-06-09T23:59",
    camerasReviewed: "CAM-01 至 CAM-08",
    "answer_recordings-complete": "yes",
    "answer_coverage-image-quality": "pass",
    answer_retention: "yes",
    answer_anomalies: "no",
    "answer_findings-summary": "录像完整，未发现异常。",
    ...overrides,
  };
}

function lightingForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const areas = ["entrances-exits", "gates", "loading-areas", "storage-areas", "fence-lines", "parking-areas"];
  return {
    siteId: SITE,
    occurredAt: "2026-06-10T21:00",
    ...Object.fromEntries(areas.map((key) => [`answer_${key}`, "pass"])),
    "answer_lamps-out": "0",
    ...overrides,
  };
}

describe("the form's common fields", () => {
  test.each([
    [{ siteId: "" }, "siteId", "errors.choose"],
    [{ siteId: "site-1" }, "siteId", "errors.choose"],
    [{ siteId: undefined }, "siteId", "errors.choose"],
    [{ occurredAt: "" }, "occurredAt", "errors.required"],
    [{ occurredAt: "   " }, "occurredAt", "errors.required"],
    [{ occurredAt: "2026-06-10 09:30" }, "occurredAt", "inspections.dateTime"],
    [{ occurredAt: "2026-06-10T09:30:00" }, "occurredAt", "inspections.dateTime"],
    [{ occurredAt: "2026-02-30T09:30" }, "occurredAt", "inspections.dateTime"],
    [{ occurredAt: "2026-06-10T24:00" }, "occurredAt", "inspections.dateTime"],
    [{ occurredAt: "2026-06-10T09:60" }, "occurredAt", "inspections.dateTime"],
  ])("%j → %s: %s", (overrides, field, key) => {
    expect(errorsOf(checkInspection(container, containerForm(overrides), {}))[field]).toBe(key);
  });

  test("siteId and occurredAt are kept as given (trimmed)", () => {
    const data = dataOf(checkInspection(container, containerForm({ siteId: ` ${SITE} `, occurredAt: " 2028-02-29T23:59 " }), {}));
    expect(data.siteId).toBe(SITE);
    expect(data.occurredAt).toBe("2028-02-29T23:59");
  });
});

describe("container 7-point", () => {
  test("a complete inspection passes, with the container number normalised", () => {
    const data = dataOf(checkInspection(container, containerForm(), {}));
    expect(data.failedPoints).toBe(0);
    expect(data.header).toEqual({ containerNumber: "CSQU3054383", reefer: false });
    expect(data.answers).toEqual(SEVEN_POINTS.map((itemKey) => ({ itemKey, value: "pass", failed: false, note: null })));
  });

  test("optional header fields are kept when given, and no key is left undefined", () => {
    const data = dataOf(
      checkInspection(
        container,
        containerForm({ sealNumbers: "cn123456", shipmentRef: " SO-2026-0042 ", truckPlate: "沪a 12345", area: "3号月台" }),
        {},
      ),
    );
    expect(data.header).toEqual({
      containerNumber: "CSQU3054383",
      reefer: false,
      sealNumbers: ["CN123456"],
      shipmentRef: "SO-2026-0042",
      truckPlate: "沪A12345",
      area: "3号月台",
    });
    expect(Object.values(data.header)).not.toContain(undefined);
  });

  test("not-applicable answers are not failures", () => {
    const data = dataOf(checkInspection(container, containerForm({ answer_floor: "na" }), {}));
    expect(data.failedPoints).toBe(0);
    expect(data.answers.find((a) => a.itemKey === "floor")).toEqual({ itemKey: "floor", value: "na", failed: false, note: null });
  });

  test("every point must be answered", () => {
    const errors = errorsOf(checkInspection(container, containerForm({ answer_doors: "", "answer_front-wall": undefined }), {}));
    expect(errors).toEqual({ answer_doors: "inspections.answerRequired", "answer_front-wall": "inspections.answerRequired" });
  });

  test.each(["ok", "PASS", "yes", "1"])("an answer not among the choices is refused: %j", (value) => {
    expect(errorsOf(checkInspection(container, containerForm({ answer_floor: value }), {}))).toEqual({ answer_floor: "errors.choose" });
  });

  describe("the reefer point", () => {
    test("is not asked for a dry container, and an answer to it is ignored", () => {
      expect(dataOf(checkInspection(container, containerForm(), {})).answers).toHaveLength(8);
      const data = dataOf(checkInspection(container, containerForm({ "answer_fan-housing": "fail" }), {}));
      expect(data.answers.map((a) => a.itemKey)).toEqual(SEVEN_POINTS);
      expect(data.failedPoints).toBe(0);
    });

    test("is required for a reefer", () => {
      expect(errorsOf(checkInspection(container, containerForm({ reefer: "on" }), {}))).toEqual({
        "answer_fan-housing": "inspections.answerRequired",
      });
    });

    test.each(["on", "1", "true", true])("reefer %j: 8 points and the agricultural one", (reefer) => {
      const data = dataOf(checkInspection(container, containerForm({ reefer, "answer_fan-housing": "pass" }), {}));
      expect(data.header.reefer).toBe(true);
      expect(data.answers.map((a) => a.itemKey)).toEqual([...SEVEN_POINTS.slice(0, 7), "fan-housing", "pest-contamination"]);
    });

    test.each(["off", "", "0", false, undefined])("reefer %j: a dry container", (reefer) => {
      const data = dataOf(checkInspection(container, containerForm({ reefer }), {}));
      expect(data.header.reefer).toBe(false);
    });
  });

  describe("a failed point", () => {
    test("needs a note and a photo", () => {
      expect(errorsOf(checkInspection(container, containerForm({ answer_doors: "fail" }), {}))).toEqual({
        note_doors: "inspections.noteRequired",
        photo_doors: "inspections.photoRequired",
      });
    });

    test("a blank note is no note", () => {
      const errors = errorsOf(checkInspection(container, containerForm({ answer_doors: "fail", note_doors: "   " }), { doors: 1 }));
      expect(errors).toEqual({ note_doors: "inspections.noteRequired" });
    });

    test("a photo of another point does not count", () => {
      const errors = errorsOf(checkInspection(container, containerForm({ answer_doors: "fail", note_doors: "锁杆托架铆钉已更换" }), { floor: 3 }));
      expect(errors).toEqual({ photo_doors: "inspections.photoRequired" });
    });

    test("passes with a note and one photo, and is counted", () => {
      const data = dataOf(
        checkInspection(container, containerForm({ answer_doors: "fail", note_doors: " 锁杆托架铆钉已更换 " }), { doors: 1 }),
      );
      expect(data.failedPoints).toBe(1);
      expect(data.answers.find((a) => a.itemKey === "doors")).toEqual({ itemKey: "doors", value: "fail", failed: true, note: "锁杆托架铆钉已更换" });
    });

    test("the reefer point failed is counted too", () => {
      const data = dataOf(
        checkInspection(
          container,
          containerForm({ reefer: "on", "answer_fan-housing": "fail", "note_fan-housing": "风扇罩螺钉缺失" }),
          { "fan-housing": 2 },
        ),
      );
      expect(data.failedPoints).toBe(1);
    });
  });

  test("a note longer than 1000 characters is refused", () => {
    const errors = errorsOf(checkInspection(container, containerForm({ note_floor: "字".repeat(1001) }), {}));
    expect(decode(errors.note_floor)).toEqual({ key: "errors.tooLong", values: { max: 1000 } });
    expect(checkInspection(container, containerForm({ note_floor: "字".repeat(1000) }), {}).ok).toBe(true);
  });

  describe("container number", () => {
    test("is required", () => {
      expect(errorsOf(checkInspection(container, containerForm({ containerNumber: " " }), {}))).toEqual({ containerNumber: "errors.required" });
    });

    test("a wrong check digit names the expected one", () => {
      const errors = errorsOf(checkInspection(container, containerForm({ containerNumber: "CSQU3054384" }), {}));
      expect(Object.keys(errors)).toEqual(["containerNumber"]);
      expect(decode(errors.containerNumber)).toEqual({
        key: "inspections.containerNumber.check",
        values: { prefix: "CSQU305438", expected: "3", actual: "4" },
      });
    });

    test.each(["CSQU305438", "CS1U3054383", "集装箱"])("format: %j", (containerNumber) => {
      expect(errorsOf(checkInspection(container, containerForm({ containerNumber }), {})).containerNumber).toBe(
        "inspections.containerNumber.format",
      );
    });

    test("category", () => {
      const errors = errorsOf(checkInspection(container, containerForm({ containerNumber: "CSQX3054383" }), {}));
      expect(decode(errors.containerNumber)).toEqual({ key: "inspections.containerNumber.category", values: { character: "X" } });
    });

    test("more than 20 characters is refused before it is checked", () => {
      const errors = errorsOf(checkInspection(container, containerForm({ containerNumber: "CSQU3054383 CSQU3054383" }), {}));
      expect(decode(errors.containerNumber)).toEqual({ key: "errors.tooLong", values: { max: 20 } });
    });
  });

  describe("seal numbers", () => {
    test.each([
      ["SEAL001", ["SEAL001"]],
      ["seal001 seal002", ["SEAL001", "SEAL002"]],
      ["CN-001,CN-002", ["CN-001", "CN-002"]],
      ["CN-001，CN-002、CN-003", ["CN-001", "CN-002", "CN-003"]],
      ["CN001; CN002；CN003\nCN004", ["CN001", "CN002", "CN003", "CN004"]],
      [" , CN001 ,, CN002 , ", ["CN001", "CN002"]],
    ])("%j → %j", (sealNumbers, seals) => {
      expect(dataOf(checkInspection(container, containerForm({ sealNumbers }), {})).header.sealNumbers).toEqual(seals);
    });

    test.each(["CN001 CN001", "cn001, CN001", "A12，B34，A12"])("a repeated seal is refused: %j", (sealNumbers) => {
      expect(errorsOf(checkInspection(container, containerForm({ sealNumbers }), {})).sealNumbers).toBe("inspections.sealRepeated");
    });

    test.each([
      ["CN#001", "CN#001"],
      ["CN001 封条", "封条"],
      ["CN001 AB", "AB"], // at least 3 characters
      ["-CN001", "-CN001"],
      [`A${"1".repeat(40)}`, `A${"1".repeat(40)}`], // at most 40
    ])("a seal with bad characters or length is refused: %j", (sealNumbers, seal) => {
      const errors = errorsOf(checkInspection(container, containerForm({ sealNumbers }), {}));
      expect(decode(errors.sealNumbers)).toEqual({ key: "inspections.sealFormat", values: { seal } });
    });

    test("at most 10 seals", () => {
      const ten = Array.from({ length: 10 }, (_, i) => `SEAL${i}`);
      expect(dataOf(checkInspection(container, containerForm({ sealNumbers: ten.join(" ") }), {})).header.sealNumbers).toEqual(ten);
      const errors = errorsOf(checkInspection(container, containerForm({ sealNumbers: [...ten, "SEAL10"].join(" ") }), {}));
      expect(decode(errors.sealNumbers)).toEqual({ key: "inspections.tooManySeals", values: { max: 10 } });
    });

    test("splitSealNumbers", () => {
      expect(splitSealNumbers("a1b2c3，d4e5f6;g7h8i9 ；j0k1l2、m3n4o5\tp6q7r8")).toEqual([
        "A1B2C3",
        "D4E5F6",
        "G7H8I9",
        "J0K1L2",
        "M3N4O5",
        "P6Q7R8",
      ]);
      expect(splitSealNumbers("  ")).toEqual([]);
    });
  });
});

describe("driver identity check", () => {
  const fullId = "11010519491231002X";

  test("a resident ID is checked and only its masked form is kept", () => {
    const data = dataOf(checkInspection(driver, driverForm(), {}));
    expect(data.header).toEqual({
      driverName: "张伟",
      driverIdType: "cn_resident_id",
      driverIdNumberMasked: "1101**********002X",
      driverEmployer: "顺达物流有限公司",
      truckPlate: "粤B12345",
      arrivalTime: "08:15",
      departureTime: "09:40",
    });
    const json = JSON.stringify(data);
    expect(json).not.toContain(fullId);
    expect(json.toUpperCase()).not.toContain(fullId);
    expect(json).not.toContain("19491231");
    expect(json).not.toContain("driverIdNumber\"");
  });

  test("spaces in the number are removed before it is checked and masked", () => {
    const data = dataOf(checkInspection(driver, driverForm({ driverIdNumber: "110105 19491231 002X" }), {}));
    expect(data.header.driverIdNumberMasked).toBe("1101**********002X");
    expect(JSON.stringify(data)).not.toContain("19491231");
  });

  test.each([
    ["110105194912310021", "inspections.residentId.check", { expected: "X", actual: "1" }],
    ["1101051949123100", "inspections.residentId.length", { length: 16 }],
    ["1101051949123100XX", "inspections.residentId.format", undefined],
    ["11010519491331002X", "inspections.residentId.birthDate", { birthDate: "1949-13-31" }],
  ])("an invalid resident ID %s is refused: %s", (driverIdNumber, key, values) => {
    const check = checkInspection(driver, driverForm({ driverIdNumber }), {});
    const errors = errorsOf(check);
    expect(Object.keys(errors)).toEqual(["driverIdNumber"]);
    expect(decode(errors.driverIdNumber)).toEqual(values ? { key, values } : { key });
    expect(JSON.stringify(check)).not.toContain(driverIdNumber);
  });

  test.each([
    ["passport", "E12345678", "E****5678"],
    ["passport", "e 1234 5678", "E****5678"],
    ["hk_macau_permit", "H12345678", "H****5678"],
    ["driving_licence", "440304199001011233", "4403**********1233"],
    ["other", "AB(12)34", "****2)34"],
  ])("a %s number is accepted and masked: %s", (driverIdType, driverIdNumber, masked) => {
    const data = dataOf(checkInspection(driver, driverForm({ driverIdType, driverIdNumber }), {}));
    expect(data.header.driverIdType).toBe(driverIdType);
    expect(data.header.driverIdNumberMasked).toBe(masked);
    expect(JSON.stringify(data)).not.toContain(driverIdNumber.toUpperCase().replace(/\s/g, ""));
  });

  test("a passport number is not checked as a resident ID", () => {
    // Wrong as a resident ID (check character), fine as another document's number.
    const data = dataOf(checkInspection(driver, driverForm({ driverIdType: "passport", driverIdNumber: "110105194912310021" }), {}));
    expect(data.header.driverIdNumberMasked).toBe("1101**********0021");
  });

  test.each(["E12", "E1234#678", "护照E1234567", "E".repeat(31)])("an ID number with bad characters or length is refused: %j", (driverIdNumber) => {
    const errors = errorsOf(checkInspection(driver, driverForm({ driverIdType: "passport", driverIdNumber }), {}));
    expect(errors).toEqual({ driverIdNumber: "inspections.idNumberFormat" });
  });

  test("an unknown document type is refused", () => {
    const errors = errorsOf(checkInspection(driver, driverForm({ driverIdType: "library_card", driverIdNumber: "E12345678" }), {}));
    expect(errors).toEqual({ driverIdType: "errors.choose" });
  });

  test("every required header field is asked for", () => {
    const errors = errorsOf(
      checkInspection(
        driver,
        driverForm({ driverName: "", driverIdType: "", driverIdNumber: "", driverEmployer: " ", truckPlate: "", arrivalTime: "" }),
        {},
      ),
    );
    expect(errors).toEqual({
      driverName: "errors.required",
      driverIdType: "errors.required",
      driverIdNumber: "errors.required",
      driverEmployer: "errors.required",
      truckPlate: "errors.required",
      arrivalTime: "errors.required",
    });
  });

  test("the optional ones may be left out", () => {
    const data = dataOf(checkInspection(driver, driverForm({ departureTime: "" }), {}));
    expect(data.header.departureTime).toBeUndefined();
    expect("departureTime" in data.header).toBe(false);
  });

  test("departure before arrival is refused", () => {
    const errors = errorsOf(checkInspection(driver, driverForm({ arrivalTime: "09:00", departureTime: "08:59" }), {}));
    expect(Object.keys(errors)).toEqual(["departureTime"]);
    expect(decode(errors.departureTime)).toEqual({ key: "inspections.departureBeforeArrival", values: { arrival: "09:00" } });
  });

  test("departure at the minute of arrival is accepted", () => {
    expect(checkInspection(driver, driverForm({ arrivalTime: "09:00", departureTime: "09:00" }), {}).ok).toBe(true);
  });

  test.each(["8:15", "24:00", "08:60", "0815", "8h15"])("a time %j is refused", (arrivalTime) => {
    expect(errorsOf(checkInspection(driver, driverForm({ arrivalTime }), {})).arrivalTime).toBe("inspections.timeFormat");
  });

  test("a time with seconds is longer than the field allows", () => {
    const errors = errorsOf(checkInspection(driver, driverForm({ departureTime: "09:40:00" }), {}));
    expect(decode(errors.departureTime)).toEqual({ key: "errors.tooLong", values: { max: 5 } });
  });

  test("the seal at departure is upper-cased and checked", () => {
    expect(dataOf(checkInspection(driver, driverForm({ sealAtDeparture: "sl 123456" }), {})).header.sealAtDeparture).toBe("SL123456");
    const errors = errorsOf(checkInspection(driver, driverForm({ sealAtDeparture: "SL#1" }), {}));
    expect(decode(errors.sealAtDeparture)).toEqual({ key: "inspections.sealFormat", values: { seal: "SL#1" } });
  });

  test("the optional seal point may be unanswered, but failed it needs a note and a photo", () => {
    const data = dataOf(checkInspection(driver, driverForm(), {}));
    expect(data.answers.map((a) => a.itemKey)).toEqual(["photo-id-valid", "photo-matches-driver", "matches-pre-advice"]);
    expect(errorsOf(checkInspection(driver, driverForm({ "answer_seal-matches-documents": "fail" }), {}))).toEqual({
      "note_seal-matches-documents": "inspections.noteRequired",
      "photo_seal-matches-documents": "inspections.photoRequired",
    });
  });

  test("an ID point failed needs a note but never a photo", () => {
    const errors = errorsOf(checkInspection(driver, driverForm({ "answer_photo-matches-driver": "fail" }), {}));
    expect(errors).toEqual({ "note_photo-matches-driver": "inspections.noteRequired" });
    const data = dataOf(
      checkInspection(driver, driverForm({ "answer_photo-matches-driver": "fail", "note_photo-matches-driver": "照片与本人不符" }), {}),
    );
    expect(data.failedPoints).toBe(1);
  });
});

describe("CCTV footage review", () => {
  test("a complete review passes", () => {
    const data = dataOf(checkInspection(cctv, cctvForm(), {}));
    expect(data.failedPoints).toBe(0);
    expect(data.header).toEqual({ reviewFrom: "2026-06-09T00:00", reviewTo: "2026-06-09T23:59", camerasReviewed: "CAM-01 至 CAM-08" });
    expect(data.answers.find((a) => a.itemKey === "findings-summary")?.value).toBe("录像完整，未发现异常。");
  });

  test("the period reviewed must not end before it starts", () => {
    const errors = errorsOf(checkInspection(cctv, cctvForm({ reviewFrom: "2026-06-09T12:00", reviewTo: "2026-06-09T11:59" }), {}));
    expect(errors).toEqual({ reviewTo: "inspections.reviewOrder" });
    expect(checkInspection(cctv, cctvForm({ reviewFrom: "2026-06-09T12:00", reviewTo: "2026-06-09T12:00" }), {}).ok).toBe(true);
  });

  test("the period reviewed must not end after the review itself", () => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ reviewTo: "2026-06-10T10:01" }), {}))).toEqual({
      reviewTo: "inspections.reviewAfterInspection",
    });
    expect(checkInspection(cctv, cctvForm({ reviewTo: "2026-06-10T10:00" }), {}).ok).toBe(true);
  });

  test.each(["2026-06-09", "2026-06-09 00:00", "2026-06-31T00:00"])("a review time %j is refused", (reviewFrom) => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ reviewFrom }), {})).reviewFrom).toBe("inspections.dateTime");
  });

  test("the review period and the cameras are required", () => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ reviewFrom: "", reviewTo: "", camerasReviewed: "" }), {}))).toEqual({
      reviewFrom: "errors.required",
      reviewTo: "errors.required",
      camerasReviewed: "errors.required",
    });
  });

  test("the findings summary is required", () => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ "answer_findings-summary": "  " }), {}))).toEqual({
      "answer_findings-summary": "inspections.answerRequired",
    });
  });

  test("the findings summary is at most 2000 characters", () => {
    const errors = errorsOf(checkInspection(cctv, cctvForm({ "answer_findings-summary": "字".repeat(2001) }), {}));
    expect(decode(errors["answer_findings-summary"])).toEqual({ key: "errors.tooLong", values: { max: 2000 } });
  });

  test("anomalies seen (a failure on yes) need a note", () => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ answer_anomalies: "yes" }), {}))).toEqual({ note_anomalies: "inspections.noteRequired" });
    const data = dataOf(checkInspection(cctv, cctvForm({ answer_anomalies: "yes", note_anomalies: "CAM-03 02:10 有人翻越围墙" }), {}));
    expect(data.failedPoints).toBe(1);
  });

  test("incomplete recordings (a failure on no) need a note", () => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ "answer_recordings-complete": "no" }), {}))).toEqual({
      "note_recordings-complete": "inspections.noteRequired",
    });
  });

  test.each(["pass", "na", "是"])("a yes/no answer %j is refused", (value) => {
    expect(errorsOf(checkInspection(cctv, cctvForm({ answer_retention: value }), {}))).toEqual({ answer_retention: "errors.choose" });
  });
});

describe("lighting check", () => {
  test("no lamp out passes", () => {
    const data = dataOf(checkInspection(lighting, lightingForm(), {}));
    expect(data.failedPoints).toBe(0);
    expect(data.answers.find((a) => a.itemKey === "lamps-out")).toEqual({ itemKey: "lamps-out", value: "0", failed: false, note: null });
  });

  test("a lamp out fails, and needs a note", () => {
    expect(errorsOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": "2" }), {}))).toEqual({
      "note_lamps-out": "inspections.noteRequired",
    });
    const data = dataOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": "2", "note_lamps-out": "围墙东段2盏" }), {}));
    expect(data.failedPoints).toBe(1);
    expect(data.answers.find((a) => a.itemKey === "lamps-out")).toEqual({ itemKey: "lamps-out", value: "2", failed: true, note: "围墙东段2盏" });
  });

  test("a reading is stored as a number", () => {
    const data = dataOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": "0,0" }), {}));
    expect(data.answers.find((a) => a.itemKey === "lamps-out")?.value).toBe("0");
    const numeric = dataOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": 0 }), {}));
    expect(numeric.answers.find((a) => a.itemKey === "lamps-out")?.value).toBe("0");
  });

  test.each(["two", "1.", "2 盏"])("a reading %j is refused", (value) => {
    expect(errorsOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": value }), {}))).toEqual({
      "answer_lamps-out": "inspections.numberInvalid",
    });
  });

  test("the reading is required", () => {
    expect(errorsOf(checkInspection(lighting, lightingForm({ "answer_lamps-out": "" }), {}))).toEqual({
      "answer_lamps-out": "inspections.answerRequired",
    });
  });
});

describe("inspectionFormSchema", () => {
  test("its issues are the errors of checkInspection, under the same field names", () => {
    const raw = containerForm({ containerNumber: "CSQU3054384", answer_doors: "fail", answer_floor: "maybe", siteId: "x" });
    const expected = errorsOf(checkInspection(container, raw, {}));
    const parsed = inspectionFormSchema(container, () => ({})).safeParse(raw);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]))).toEqual(expected);
    expect(parsed.error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([["containerNumber"], ["note_doors"], ["photo_doors"], ["answer_floor"], ["siteId"]]),
    );
    expect(parsed.error.issues).toHaveLength(5);
  });

  test("a valid form gives the checked inspection", () => {
    const raw = containerForm({ answer_doors: "fail", note_doors: "门封胶条破损" });
    const parsed = inspectionFormSchema(container, () => ({ doors: 1 })).safeParse(raw);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data).toEqual(dataOf(checkInspection(container, raw, { doors: 1 })));
    expect(parsed.data.failedPoints).toBe(1);
  });

  test("the photo counts are read at each parse (photos are uploaded while the form is open)", () => {
    let counts: Record<string, number> = {};
    const schema = inspectionFormSchema(container, () => counts);
    const raw = containerForm({ answer_doors: "fail", note_doors: "门封胶条破损" });
    const before = schema.safeParse(raw);
    expect(before.success).toBe(false);
    expect(before.error?.issues.map((issue) => issue.path)).toEqual([["photo_doors"]]);
    counts = { doors: 1 };
    expect(schema.safeParse(raw).success).toBe(true);
  });

  test("the driver's full ID number is not in the parsed output either", () => {
    const parsed = inspectionFormSchema(driver, () => ({})).safeParse(driverForm());
    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data)).not.toContain("11010519491231002");
  });
});

describe("overnight pickups", () => {
  const driver = catalogTemplates.find((t) => t.code === "driver-identity-check")!.definition;
  test("a departure after midnight is accepted; one a few hours before arrival is a typo", () => {
    const base = {
      siteId: "6f1c2f1e-8a3b-4c6d-9e0f-1a2b3c4d5e6f",
      occurredAt: "2026-11-20T23:40",
      driverName: "李强",
      driverIdType: "passport",
      driverIdNumber: "E12345678",
      driverEmployer: "示例物流",
      truckPlate: "粤B12345",
      arrivalTime: "23:30",
      "answer_photo-id-valid": "pass",
      "answer_photo-matches-driver": "pass",
      "answer_matches-pre-advice": "pass",
    };
    expect(checkInspection(driver, { ...base, departureTime: "00:15" }, {}).ok).toBe(true);
    const typo = checkInspection(driver, { ...base, arrivalTime: "09:00", departureTime: "08:15" }, {});
    expect(typo.ok ? {} : typo.errors).toHaveProperty("departureTime");
  });
});
