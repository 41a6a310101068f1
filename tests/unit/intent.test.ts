import { describe, expect, expectTypeOf, test } from "vitest";
import { parseIntent } from "~/lib/form.server";
import { intentOf } from "~/lib/intent";

function form(fields: Record<string, string | Blob>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.append(key, value);
  return formData;
}

const intents = ["update", "remove"] as const;

/** What parseIntent threw: the status and body of the data() answer. */
function refusal(run: () => unknown): { status: number; data: unknown } {
  try {
    run();
  } catch (thrown) {
    const answer = thrown as { init?: { status?: number }; data?: unknown };
    return { status: answer.init?.status ?? 0, data: answer.data };
  }
  throw new Error("parseIntent did not refuse");
}

describe("intentOf", () => {
  test("gives the intent when it is one of the allowed ones, typed by them", () => {
    const intent = intentOf(form({ intent: "remove" }), intents);
    expect(intent).toBe("remove");
    expectTypeOf(intent).toEqualTypeOf<"update" | "remove" | null>();
  });

  test("gives null for a missing, unknown or file intent, and for no form at all", () => {
    expect(intentOf(form({}), intents)).toBeNull();
    expect(intentOf(form({ intent: "delete" }), intents)).toBeNull();
    expect(intentOf(form({ intent: "Update" }), intents)).toBeNull();
    expect(intentOf(form({ intent: new Blob(["update"]) }), intents)).toBeNull();
    expect(intentOf(undefined, intents)).toBeNull();
    expect(intentOf(null, intents)).toBeNull();
  });
});

describe("parseIntent", () => {
  test("gives the allowed intent, typed by the tuple", () => {
    const intent = parseIntent(form({ intent: "update" }), intents);
    expect(intent).toBe("update");
    expectTypeOf(intent).toEqualTypeOf<"update" | "remove">();
  });

  test("refuses a missing or unknown intent with a 400 and errors.invalid", () => {
    const posted: Record<string, string | Blob>[] = [{}, { intent: "delete" }, { intent: "" }, { intent: new Blob(["update"]) }];
    for (const fields of posted) {
      expect(refusal(() => parseIntent(form(fields), intents))).toEqual({ status: 400, data: { errors: { form: "errors.invalid" }, values: {} } });
    }
  });

  test("a missing intent can stand for the page's main form; an unknown one still cannot", () => {
    expect(parseIntent(form({ name: "x" }), intents, { whenMissing: "update" })).toBe("update");
    expect(refusal(() => parseIntent(form({ intent: "delete" }), intents, { whenMissing: "update" })).status).toBe(400);
    expect(refusal(() => parseIntent(form({ intent: "" }), intents, { whenMissing: "update" })).status).toBe(400);
  });

  test("whenMissing must be one of the intents", () => {
    // @ts-expect-error -- "delete" is not an allowed intent
    parseIntent(form({}), intents, { whenMissing: "delete" });
  });
});
