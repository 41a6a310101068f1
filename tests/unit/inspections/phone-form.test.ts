import { describe, expect, test } from "vitest";
import {
  acceptedPhotoCounts,
  asStringValues,
  draftPostBody,
  fieldsToRecheck,
  formProgress,
  refusedFieldCount,
  shownItems,
  submitIntentOf,
} from "~/lib/inspections/phone-form";
import type { TemplateItem } from "~/lib/inspections/template-definition";

// The phone inspection form's logic without a browser: what a draft post holds, which button sent
// the form, what is checked again as the person types, and the progress line.

const base = { required: true, failRequiresPhoto: false, failRequiresNote: false, criteria: [] };
const items = [
  { ...base, key: "front", number: "1", promptZh: "前壁", promptEn: "Front", answer: "pass_fail_na" },
  { ...base, key: "temp", number: "2", promptZh: "温度", promptEn: "Temperature", answer: "number", failAbove: 8, onlyWhen: "reefer" },
  { ...base, key: "seal", number: "3", promptZh: "封志", promptEn: "Seal", answer: "photo" },
  { ...base, key: "locked", number: "4", promptZh: "已锁", promptEn: "Locked", answer: "yes_no" },
] as TemplateItem[];

describe("asStringValues", () => {
  test("a field posted several times becomes one string; nothing posted, nothing", () => {
    expect(asStringValues({ siteId: "s1", sealNumbers: ["A1", "A2"] })).toEqual({ siteId: "s1", sealNumbers: "A1 A2" });
    expect(asStringValues(undefined)).toEqual({});
  });
});

describe("draftPostBody", () => {
  test("the intent and template, the filled-in values, a ticked box as on; empty and unticked left out", () => {
    const body = draftPostBody("save", "t1", { siteId: "s1", area: "", reefer: true, answer_front: "pass", other: false, count: 3 });
    expect([...body.entries()]).toEqual([
      ["intent", "save"],
      ["templateId", "t1"],
      ["siteId", "s1"],
      ["reefer", "on"],
      ["answer_front", "pass"],
    ]);
  });
});

describe("acceptedPhotoCounts", () => {
  test("photos stored or uploading count for their point; a failed upload does not", () => {
    expect(
      acceptedPhotoCounts([
        { itemKey: "seal", state: "stored" },
        { itemKey: "seal", state: "uploading" },
        { itemKey: "front", state: "failed" },
      ]),
    ).toEqual({ seal: 2 });
  });
});

describe("submitIntentOf", () => {
  test("save, discard, remove a photo (with its id), and anything else submits", () => {
    expect(submitIntentOf({ name: "intent", value: "save" })).toEqual({ intent: "save", removeId: null });
    expect(submitIntentOf({ name: "intent", value: "discard" })).toEqual({ intent: "discard", removeId: null });
    expect(submitIntentOf({ name: "removePhoto", value: "p1" })).toEqual({ intent: "remove", removeId: "p1" });
    expect(submitIntentOf({ name: "intent", value: "submit" })).toEqual({ intent: "submit", removeId: null });
    // Enter in a field of an old browser that reports no submitter: a submit, as the server would take it.
    expect(submitIntentOf(null)).toEqual({ intent: "submit", removeId: null });
  });
});

describe("fieldsToRecheck", () => {
  test("a point's answer or note brings its note and photo rules along; another field only itself", () => {
    expect(fieldsToRecheck("answer_front")).toEqual(["answer_front", "note_front", "photo_front"]);
    expect(fieldsToRecheck("note_front")).toEqual(["answer_front", "note_front", "photo_front"]);
    expect(fieldsToRecheck("containerNumber")).toEqual(["containerNumber"]);
  });
});

describe("shownItems", () => {
  test("without JavaScript every point shows; with it, the reefer-only point once the box is ticked", () => {
    expect(shownItems(items, false, undefined).map((i) => i.key)).toEqual(["front", "temp", "seal", "locked"]);
    expect(shownItems(items, true, false).map((i) => i.key)).toEqual(["front", "seal", "locked"]);
    expect(shownItems(items, true, true).map((i) => i.key)).toEqual(["front", "temp", "seal", "locked"]);
    expect(shownItems(items, true, "on").map((i) => i.key)).toEqual(["front", "temp", "seal", "locked"]);
  });
});

describe("formProgress", () => {
  test("a photo point is answered by a photo, the others by a value; failures counted by the point's rule", () => {
    const shown = shownItems(items, true, true);
    expect(formProgress(shown, ["fail", "9.5", undefined, "no"], [{ itemKey: "seal" }])).toEqual({ answered: 4, failed: 3 });
    expect(formProgress(shown, ["pass", "", undefined, "yes"], [])).toEqual({ answered: 2, failed: 0 });
  });
});

describe("refusedFieldCount", () => {
  test("several messages about one field count once", () => {
    expect(refusedFieldCount([{ path: ["answer_front"] }, { path: ["answer_front"] }, { path: ["note_front"] }])).toBe(2);
    expect(refusedFieldCount([])).toBe(0);
  });
});
