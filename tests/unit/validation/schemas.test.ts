// Every form schema, fed the way each side of the app feeds it: as FormData through parseForm
// (no JavaScript, the server action) and as a plain object (react-hook-form in the browser).
// Both must agree, and every message must be an i18n key that exists in both languages.
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import { AuditFilterSchema } from "~/lib/audit/audit-schema";
import {
  AcceptInvitationExistingUserSchema,
  AcceptInvitationNewUserSchema,
  ChangePasswordSchema,
  ForgotPasswordSchema,
  LoginSchema,
  ProfileSchema,
  ResetPasswordSchema,
  SignupSchema,
} from "~/lib/auth/auth-schema";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import {
  InviteSchema,
  MemberRoleSchema,
  OrganizationProfileSchema,
  SiteSchema,
} from "~/lib/organizations/organization-schema";
import { isCalendarDate } from "~/lib/value-checks";

type Input = Record<string, string | string[]>;
type Case = [name: string, input: Input, expected: { data: Record<string, unknown> } | { errors: Record<string, string> }];

function toFormData(input: Input): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

/** The errors parseForm would give, from a plain-object parse (first message per field path). */
function objectErrors(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.length ? issue.path.join(".") : "form"] ??= issue.message;
  return errors;
}

const en = createI18n("en").t;
const zh = createI18n("zh-CN").t;
const generic = { en: en("errors.invalid"), zh: zh("errors.invalid") };

function expectTranslatable(message: string) {
  const key = message.split("|")[0] ?? "";
  expect(key, message).toMatch(/^errors\./);
  if (key === "errors.invalid") return;
  // translateMessage falls back to the generic text for anything that is not our key.
  expect(translateMessage(en, message), message).not.toBe(generic.en);
  expect(translateMessage(zh, message), message).not.toBe(generic.zh);
  expect(translateMessage(en, message), message).not.toBe(key);
  expect(translateMessage(zh, message), message).not.toBe(key);
  expect(translateMessage(en, message)).not.toMatch(/\{\{/);
}

function runTable(schema: z.ZodType, cases: Case[]) {
  test.each(cases)("%s", (_name, input, expected) => {
    const viaForm = parseForm(toFormData(input), schema);
    const viaObject = schema.safeParse(input);
    if ("data" in expected) {
      expect(viaForm).toEqual({ ok: true, data: expected.data });
      expect(viaObject.success && viaObject.data).toEqual(expected.data);
      return;
    }
    expect(viaForm.ok).toBe(false);
    expect(viaForm.ok ? null : viaForm.errors).toEqual(expected.errors);
    expect(objectErrors(schema, input)).toEqual(expected.errors);
    for (const message of Object.values(expected.errors)) expectTranslatable(message);
  });
}

describe("LoginSchema", () => {
  runTable(LoginSchema, [
    ["valid, email trimmed and lower-cased", { email: "  Wang.Hai@Example.TEST ", password: "x" }, { data: { email: "wang.hai@example.test", password: "x" } }],
    ["keeps redirectTo", { email: "a@b.cn", password: "p", redirectTo: "/settings" }, { data: { email: "a@b.cn", password: "p", redirectTo: "/settings" } }],
    ["empty fields", { email: "", password: "" }, { errors: { email: "errors.required", password: "errors.required" } }],
    ["missing fields", {}, { errors: { email: "errors.required", password: "errors.required" } }],
    ["malformed email", { email: "wang@", password: "p" }, { errors: { email: "errors.email" } }],
    ["password too long", { email: "a@b.cn", password: "x".repeat(201) }, { errors: { password: 'errors.tooLong|{"max":200}' } }],
  ]);
});

describe("SignupSchema", () => {
  const ok = { organizationNameZh: "深圳示例有限公司", organizationNameEn: "Shenzhen Example Ltd", name: "王海", email: "wang@example.cn", password: "0123456789" };
  runTable(SignupSchema, [
    ["valid", ok, { data: ok }],
    ["names are trimmed", { ...ok, name: "  王海  " }, { data: ok }],
    ["password of 9 characters", { ...ok, password: "012345678" }, { errors: { password: 'errors.passwordTooShort|{"min":10}' } }],
    ["blank organisation names", { ...ok, organizationNameZh: "   ", organizationNameEn: "" }, { errors: { organizationNameZh: "errors.required", organizationNameEn: "errors.required" } }],
    ["name too long", { ...ok, name: "名".repeat(101) }, { errors: { name: 'errors.tooLong|{"max":100}' } }],
    ["email too long", { ...ok, email: `${"a".repeat(250)}@b.cn` }, { errors: { email: 'errors.tooLong|{"max":254}' } }],
  ]);
});

describe("ChangePasswordSchema and ResetPasswordSchema", () => {
  runTable(ChangePasswordSchema, [
    ["valid", { currentPassword: "old", newPassword: "new password", confirmPassword: "new password" }, { data: { currentPassword: "old", newPassword: "new password", confirmPassword: "new password" } }],
    ["confirmation differs", { currentPassword: "old", newPassword: "new password", confirmPassword: "new passw0rd" }, { errors: { confirmPassword: "errors.passwordMismatch" } }],
    [
      "everything wrong at once",
      { currentPassword: "", newPassword: "short", confirmPassword: "x" },
      { errors: { currentPassword: "errors.required", newPassword: 'errors.passwordTooShort|{"min":10}', confirmPassword: "errors.passwordMismatch" } },
    ],
  ]);
  runTable(ResetPasswordSchema, [
    ["valid", { token: "abc", newPassword: "new password", confirmPassword: "new password" }, { data: { token: "abc", newPassword: "new password", confirmPassword: "new password" } }],
    ["no token", { token: "", newPassword: "new password", confirmPassword: "new password" }, { errors: { token: "errors.resetLinkInvalid" } }],
  ]);
  runTable(ForgotPasswordSchema, [
    ["valid", { email: "A@B.CN" }, { data: { email: "a@b.cn" } }],
    ["invalid", { email: "nope" }, { errors: { email: "errors.email" } }],
  ]);
});

describe("invitation acceptance and profile", () => {
  runTable(AcceptInvitationNewUserSchema, [
    ["valid", { name: "Li Jing", password: "long enough!" }, { data: { name: "Li Jing", password: "long enough!" } }],
    ["no name, short password", { name: "", password: "short" }, { errors: { name: "errors.required", password: 'errors.passwordTooShort|{"min":10}' } }],
  ]);
  runTable(AcceptInvitationExistingUserSchema, [
    ["any non-empty password", { password: "x" }, { data: { password: "x" } }],
    ["empty", { password: "" }, { errors: { password: "errors.required" } }],
  ]);
  runTable(ProfileSchema, [
    ["valid", { name: " Chen Min " }, { data: { name: "Chen Min" } }],
    ["blank", { name: " " }, { errors: { name: "errors.required" } }],
  ]);
});

describe("OrganizationProfileSchema", () => {
  const base = {
    legalNameZh: "深圳示例进出口有限公司",
    legalNameEn: "Shenzhen Demo Trading Co., Ltd.",
    customsCode: "5301960ABC",
    unifiedSocialCreditCode: "91350100M000100Y43",
    enterpriseTypes: ["consignor_consignee", "manufacturer"],
    cn2022BusinessTypes: ["processing_trade_bonded", "commodity_inspection"],
    cn2014Role: "consignor_consignee",
    aeoStatus: "advanced",
    aeoCertificateNumber: "AEOCN5301960ABC",
    aeoCertifiedOn: "2024-03-18",
    aeoNextRecertificationOn: "2029-03-17",
    timeZone: "Asia/Shanghai",
  };
  runTable(OrganizationProfileSchema, [
    ["advanced, complete", base, { data: base }],
    [
      "not certified, optional fields empty",
      { ...base, customsCode: "", unifiedSocialCreditCode: "", enterpriseTypes: [], cn2022BusinessTypes: [], cn2014Role: "", aeoStatus: "none", aeoCertificateNumber: "", aeoCertifiedOn: "", aeoNextRecertificationOn: "" },
      {
        data: {
          legalNameZh: base.legalNameZh,
          legalNameEn: base.legalNameEn,
          customsCode: undefined,
          unifiedSocialCreditCode: undefined,
          enterpriseTypes: [],
          cn2022BusinessTypes: [],
          cn2014Role: undefined,
          aeoStatus: "none",
          aeoCertificateNumber: undefined,
          aeoCertifiedOn: undefined,
          aeoNextRecertificationOn: undefined,
          timeZone: "Asia/Shanghai",
        },
      },
    ],
    [
      "codes are upper-cased and spaces removed",
      { ...base, customsCode: " 5301 960abc ", unifiedSocialCreditCode: "9135 0100 m000 100y 43" },
      { data: { ...base, customsCode: "5301960ABC", unifiedSocialCreditCode: "91350100M000100Y43" } },
    ],
    ["one enterprise type as a single value", { ...base, enterpriseTypes: "warehouse" }, { data: { ...base, enterpriseTypes: ["warehouse"] } }],
    ["USCC check character", { ...base, unifiedSocialCreditCode: "91350100M000100Y44" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.check|{"expected":"3","actual":"4"}' } }],
    ["USCC length", { ...base, unifiedSocialCreditCode: "9135" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.length|{"length":4}' } }],
    ["USCC charset", { ...base, unifiedSocialCreditCode: "91350100M000100YO3" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.charset|{"position":17,"character":"O"}' } }],
    ["USCC authority", { ...base, unifiedSocialCreditCode: "B1350100M000100Y43" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.authority|{"character":"B"}' } }],
    ["USCC category", { ...base, unifiedSocialCreditCode: "94350100M000100Y43" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.category|{"character":"4"}' } }],
    ["USCC division", { ...base, unifiedSocialCreditCode: "9135A100M000100Y43" }, { errors: { unifiedSocialCreditCode: 'errors.uscc.division|{"division":"35A100"}' } }],
    ["customs code length", { ...base, customsCode: "53019" }, { errors: { customsCode: 'errors.customsCode.length|{"length":5}' } }],
    ["customs code charset", { ...base, customsCode: "5301-60ABC" }, { errors: { customsCode: 'errors.customsCode.charset|{"position":5,"character":"-"}' } }],
    ["customs district", { ...base, customsCode: "A301960ABC" }, { errors: { customsCode: 'errors.customsCode.district|{"district":"A301"}' } }],
    ["unknown enterprise type, on the group", { ...base, enterpriseTypes: ["manufacturer", "smuggler"] }, { errors: { enterpriseTypes: "errors.choose" } }],
    ["one business type as a single value, kept in the standard's order", { ...base, cn2022BusinessTypes: "food" }, { data: { ...base, cn2022BusinessTypes: ["food"] } }],
    ["unknown business type, named", { ...base, cn2022BusinessTypes: ["food", "smuggling"] }, { errors: { cn2022BusinessTypes: 'errors.unknownBusinessType|{"value":"smuggling"}' } }],
    ["unknown CN-2014 role", { ...base, cn2014Role: "smuggler" }, { errors: { cn2014Role: "errors.unknownCn2014Role" } }],
    ["unknown AEO status", { ...base, aeoStatus: "gold" }, { errors: { aeoStatus: "errors.choose" } }],
    ["unknown time zone", { ...base, timeZone: "Asia/Atlantis" }, { errors: { timeZone: "errors.timeZone" } }],
    ["empty time zone", { ...base, timeZone: "" }, { errors: { timeZone: "errors.required" } }],
    ["impossible date", { ...base, aeoCertifiedOn: "2023-02-29" }, { errors: { aeoCertifiedOn: "errors.date" } }],
    ["wrong date format", { ...base, aeoNextRecertificationOn: "17/03/2029" }, { errors: { aeoNextRecertificationOn: "errors.date" } }],
    [
      "advanced without certificate details",
      { ...base, aeoCertificateNumber: "", aeoCertifiedOn: "", aeoNextRecertificationOn: "" },
      { errors: { aeoCertificateNumber: "errors.aeoRequired", aeoCertifiedOn: "errors.aeoRequired", aeoNextRecertificationOn: "errors.aeoRequired" } },
    ],
    ["general certification (一般认证), complete", { ...base, aeoStatus: "general" }, { data: { ...base, aeoStatus: "general" } }],
    [
      "general certification without certificate details",
      { ...base, aeoStatus: "general", aeoCertificateNumber: "", aeoCertifiedOn: "", aeoNextRecertificationOn: "" },
      { errors: { aeoCertificateNumber: "errors.aeoRequired", aeoCertifiedOn: "errors.aeoRequired", aeoNextRecertificationOn: "errors.aeoRequired" } },
    ],
    ["re-certification not after certification", { ...base, aeoNextRecertificationOn: "2024-03-18" }, { errors: { aeoNextRecertificationOn: "errors.recertificationBeforeCertification" } }],
    ["legal name too long", { ...base, legalNameEn: "x".repeat(201) }, { errors: { legalNameEn: 'errors.tooLong|{"max":200}' } }],
    ["certificate number too long", { ...base, aeoCertificateNumber: "A".repeat(61) }, { errors: { aeoCertificateNumber: 'errors.tooLong|{"max":60}' } }],
  ]);
});

describe("SiteSchema", () => {
  const site = { nameZh: "龙岗工厂", nameEn: "Longgang Factory", address: "深圳市龙岗区示例路 18 号", kind: "factory", securityContactName: "Zhang Wei", securityContactPhone: "+86 (755) 0000-0001" };
  runTable(SiteSchema, [
    ["valid", site, { data: site }],
    ["contact fields may be empty", { ...site, securityContactName: "", securityContactPhone: "" }, { data: { ...site, securityContactName: undefined, securityContactPhone: undefined } }],
    ["phone with letters", { ...site, securityContactPhone: "call me" }, { errors: { securityContactPhone: "errors.phone" } }],
    ["phone too short", { ...site, securityContactPhone: "123" }, { errors: { securityContactPhone: "errors.phone" } }],
    ["unknown kind", { ...site, kind: "castle" }, { errors: { kind: "errors.choose" } }],
    ["missing names and address", { kind: "yard" }, { errors: { nameZh: "errors.required", nameEn: "errors.required", address: "errors.required" } }],
    ["address too long", { ...site, address: "路".repeat(301) }, { errors: { address: 'errors.tooLong|{"max":300}' } }],
  ]);
});

describe("InviteSchema and MemberRoleSchema", () => {
  runTable(InviteSchema, [
    ["valid", { email: " Li.Jing@Example.CN ", role: "admin" }, { data: { email: "li.jing@example.cn", role: "admin" } }],
    ["bad email and role", { email: "li", role: "emperor" }, { errors: { email: "errors.email", role: "errors.choose" } }],
    ["missing role", { email: "li@example.cn" }, { errors: { role: "errors.choose" } }],
  ]);
  runTable(MemberRoleSchema, [
    ["each role", { role: "auditor" }, { data: { role: "auditor" } }],
    ["unknown role", { role: "root" }, { errors: { role: "errors.choose" } }],
  ]);
});

describe("AuditFilterSchema", () => {
  runTable(AuditFilterSchema, [
    ["empty filter", {}, { data: { entityType: undefined, action: undefined, from: undefined, to: undefined, page: 1 } }],
    [
      "all filters",
      { entityType: " site ", action: "delete", from: "2024-03-01", to: "2024-03-31", page: "3" },
      { data: { entityType: "site", action: "delete", from: "2024-03-01", to: "2024-03-31", page: 3 } },
    ],
    ["empty strings mean no filter", { entityType: "", action: "", from: "", to: "" }, { data: { entityType: undefined, action: undefined, from: undefined, to: undefined, page: 1 } }],
    ["unknown action", { action: "explode" }, { errors: { action: "errors.choose" } }],
    ["bad date", { from: "2024-02-30" }, { errors: { from: "errors.date" } }],
    ["range backwards", { from: "2024-03-02", to: "2024-03-01" }, { errors: { to: "errors.dateRange" } }],
    ["page not a number", { page: "two" }, { errors: { page: "errors.invalid" } }],
  ]);
});

describe("form helpers", () => {
  test("formDataToObject: repeated keys and [] keys become arrays, files are dropped", () => {
    const form = new FormData();
    form.append("name", "Wang");
    form.append("types", "a");
    form.append("types", "b");
    form.append("one[]", "only");
    form.append("upload", new File(["x"], "x.txt"));
    expect(formDataToObject(form)).toEqual({ name: "Wang", types: ["a", "b"], "one[]": ["only"] });
  });

  test("parseForm never echoes password fields back", () => {
    const result = parseForm(toFormData({ email: "bad", password: "secret-1", newPassword: "secret-2" }), LoginSchema);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.values).toEqual({ email: "bad" });
  });

  test("a body that is not a form is a 400 with a message, not a crash", async () => {
    const request = new Request("http://localhost:3000/login", {
      method: "POST",
      body: JSON.stringify({ email: "a@b.cn" }),
      headers: { "Content-Type": "application/json" },
    });
    const thrown = await readFormData(request).then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({ type: "DataWithResponseInit", init: { status: 400 }, data: { errors: { form: "errors.invalid" } } });
  });

  test.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-13-01", false],
    ["2024-1-1", false],
    ["2024-04-31", false],
    ["", false],
  ])("isCalendarDate(%j) is %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
