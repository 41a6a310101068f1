// A control character in a form field (PostgreSQL refuses NUL in text) is refused while the form is
// read, with a translated message on the field, never passed on to a 500.
import { describe, expect, test } from "vitest";
import { controlCharacterRefusal, hasControlCharacter, readFormData } from "~/lib/form.server";
import { readUploadForm } from "~/lib/evidence/file-store.server";

const MESSAGE = "errors.controlCharacter";

function form(entries: [string, string | File][]): FormData {
  const formData = new FormData();
  for (const [key, value] of entries) formData.append(key, value);
  return formData;
}

describe("controlCharacterRefusal", () => {
  test.each([
    ["NUL", "a\u0000b"],
    ["BEL", "\u0007"],
    ["ESC", "colour \u001b[31m"],
    ["DEL", "x\u007f"],
    ["backspace", "\u0008"],
    ["vertical tab", "\u000b"],
    ["form feed", "\u000c"],
    ["unit separator", "\u001f"],
  ])("refuses %s", (_name, text) => {
    expect(hasControlCharacter(text)).toBe(true);
    const refusal = controlCharacterRefusal(form([["note", text], ["title", "fine"]]));
    expect(refusal?.errors).toEqual({ note: MESSAGE, form: MESSAGE });
    expect(hasControlCharacter(String(refusal?.values.note))).toBe(false);
    expect(refusal?.values.title).toBe("fine");
  });

  test.each([
    ["tab, newline and carriage return", "a\tb\nc\r\nd"],
    ["Chinese text", "上海浦东新区张江路 88 号（仓库）"],
    ["emoji", "封条 ✅ 🔒👍🏽"],
    ["other Unicode (NBSP, zero-width joiner, C1 range)", "a\u00a0b\u200dc\u0085"],
    ["an empty value", ""],
  ])("accepts %s", (_name, text) => {
    expect(hasControlCharacter(text)).toBe(false);
    expect(controlCharacterRefusal(form([["note", text]]))).toBeNull();
  });

  test("a file's name and a field's name are checked too; values are sent back without the characters and without passwords", () => {
    const refusal = controlCharacterRefusal(
      form([
        ["file", new File(["%PDF-1.4"], "report\u0000.pdf", { type: "application/pdf" })],
        ["bad\u0000name", "x"],
        ["password", "secret\u0000"],
        ["passphrase", "p"],
        ["idNumber", "310115199003071234"],
        ["new\u0007Password", "x"],
        ["tags[]", "a\u0007"],
        ["tags[]", "b"],
      ]),
    );
    expect(refusal?.errors).toEqual({ file: MESSAGE, badname: MESSAGE, password: MESSAGE, newPassword: MESSAGE, "tags[]": MESSAGE, form: MESSAGE });
    expect(refusal?.values).toEqual({ badname: "x", "tags[]": ["a", "b"] });
  });

  test("a field called form keeps its own message", () => {
    expect(controlCharacterRefusal(form([["form", "\u0000"]]))?.errors).toEqual({ form: MESSAGE });
  });
});

describe("the form readers", () => {
  const post = (body: FormData | URLSearchParams) => new Request("http://localhost/x", { method: "POST", body });

  test("readFormData throws a 400 with the message", async () => {
    const thrown = await readFormData(post(new URLSearchParams({ name: "a\u0000" }))).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ init: { status: 400 }, data: { errors: { name: MESSAGE, form: MESSAGE }, values: { name: "a" } } });
    expect((await readFormData(post(new URLSearchParams({ name: "a\tb" })))).get("name")).toBe("a\tb");
  });

  test("readUploadForm refuses urlencoded and multipart forms, a file's name included, with no formData", async () => {
    expect(await readUploadForm(post(new URLSearchParams({ note: "\u001b" })))).toMatchObject({
      ok: false,
      errors: { note: MESSAGE },
      formData: null,
    });
    const pdf = new File(["%PDF-1.4\n"], "a.pdf", { type: "application/pdf" });
    expect(await readUploadForm(post(form([["file", pdf], ["note", "n\u0000"]])))).toMatchObject({
      ok: false,
      errors: { note: MESSAGE, form: MESSAGE },
      values: { note: "n" },
      formData: null,
    });
    const named = new File(["%PDF-1.4\n"], "a\u0000.pdf", { type: "application/pdf" });
    expect(await readUploadForm(post(form([["file", named], ["note", "ok"]])))).toMatchObject({ ok: false, errors: { file: MESSAGE } });
    const fine = await readUploadForm(post(form([["file", pdf], ["note", "好 👍\r\n"]])));
    expect(fine.ok && fine.formData.get("note")).toBe("好 👍\r\n");
  });
});
