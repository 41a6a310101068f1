import { describe, expect, test } from "vitest";
import { startOfDayInZone } from "~/lib/i18n/format";
import { checkVisitorId, isChinesePlate, isNotSignedOut, normalizePlate, visitorReference } from "~/lib/visitors/visitor-rules";
import { VisitorSignInSchema } from "~/lib/visitors/visitor-schema";

describe("ID numbers are checked per document type and kept masked", () => {
  test.each([
    ["cn_resident_id", "11010519491231002X", "1101**********002X"],
    ["cn_resident_id", "110105 19491231 002x", "1101**********002X"],
    ["hk_macau_permit", "H12345678", "H****5678"],
    ["hk_macau_permit", "M1234567890", "M******7890"],
    ["taiwan_permit", "12345678", "****5678"],
    ["taiwan_permit", "1234567890", "1*****7890"],
    ["passport", "E12345678", "E****5678"],
    ["passport", "x1234567", "****4567"],
    ["foreign_permanent_residence", "USA110085061234", "USA1*******1234"],
    ["foreign_permanent_residence", "911111199001011236", "9111**********1236"],
    ["driving_licence", "440301199001011234", "4403**********1234"],
    ["other", "JX-2024-001", "J******-001"],
  ] as const)("%s %s -> %s", (type, input, masked) => {
    expect(checkVisitorId(type, input)).toEqual({ ok: true, masked });
  });

  test("a masked number never holds the hidden middle of the number", () => {
    const result = checkVisitorId("cn_resident_id", "11010519491231002X");
    expect(result.ok && result.masked).not.toContain("19491231");
  });

  test.each([
    ["cn_resident_id", "110105194912310021", "check"],
    ["cn_resident_id", "11010519491331002X", "birthDate"],
    ["cn_resident_id", "1101051949123100", "length"],
    ["cn_resident_id", "1101051949123100AX", "format"],
  ] as const)("resident ID %s is refused for its %s", (type, input, reason) => {
    const result = checkVisitorId(type, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.residentId?.reason).toBe(reason);
  });

  test.each([
    ["hk_macau_permit", "X12345678"],
    ["hk_macau_permit", "H1234567"],
    ["taiwan_permit", "1234567"],
    ["passport", "E12"],
    ["foreign_permanent_residence", "US110085061234"],
    ["other", "好"],
  ] as const)("%s %s is refused", (type, input) => {
    expect(checkVisitorId(type, input).ok).toBe(false);
  });
});

describe("vehicle plates", () => {
  test.each(["沪A12345", "京AD12345", "粤B·D2345F", "粤Z1234港", "苏E1234挂", "沪 a 12345"])("%s is a Chinese plate", (plate) => {
    expect(isChinesePlate(plate)).toBe(true);
  });
  test.each(["A12345", "沪12345", "沪AI2345", "沪A1234", "沪A1234567", "XX-1234"])("%s is not", (plate) => {
    expect(isChinesePlate(plate)).toBe(false);
  });
  test("stored without spaces or dots, upper case", () => {
    expect(normalizePlate(" 沪 a·12345 ")).toBe("沪A12345");
  });
});

describe("not signed out by the end of the day (organisation time zone)", () => {
  const zone = "Asia/Shanghai";
  const startOfToday = startOfDayInZone("2026-12-02", zone); // 2026-12-01T16:00Z

  test("signed in yesterday evening and still inside: flagged", () => {
    expect(isNotSignedOut({ signedInAt: new Date("2026-12-01T10:00:00Z"), signedOutAt: null }, startOfToday)).toBe(true);
  });
  test("signed in at 23:58 local yesterday: flagged two minutes later", () => {
    expect(isNotSignedOut({ signedInAt: new Date("2026-12-01T15:58:00Z"), signedOutAt: null }, startOfToday)).toBe(true);
  });
  test("signed in at 00:05 local today (still the previous day in UTC): not flagged", () => {
    expect(isNotSignedOut({ signedInAt: new Date("2026-12-01T16:05:00Z"), signedOutAt: null }, startOfToday)).toBe(false);
  });
  test("signed out: never flagged", () => {
    expect(
      isNotSignedOut({ signedInAt: new Date("2026-11-20T01:00:00Z"), signedOutAt: new Date("2026-11-20T03:00:00Z") }, startOfToday),
    ).toBe(false);
  });
  test("the day boundary follows the zone, not UTC", () => {
    const newYork = startOfDayInZone("2026-12-02", "America/New_York"); // 05:00Z
    expect(isNotSignedOut({ signedInAt: new Date("2026-12-02T03:00:00Z"), signedOutAt: null }, newYork)).toBe(true);
    expect(isNotSignedOut({ signedInAt: new Date("2026-12-02T03:00:00Z"), signedOutAt: null }, startOfToday)).toBe(false);
  });
});

describe("the sign-in schema", () => {
  const valid = {
    siteId: "0b7c4f1e-8f6a-4a34-9a55-1d2f3e4a5b6c",
    visitorName: "李明",
    idDocumentType: "cn_resident_id",
    idNumber: "11010519491231002X",
    idVerified: "yes",
    hostName: "王经理",
    purpose: "meeting",
    vehiclePlate: "沪a 12345",
  };
  test("its output holds the masked number only", () => {
    const parsed = VisitorSignInSchema.parse(valid);
    expect(parsed.idNumberMasked).toBe("1101**********002X");
    expect(JSON.stringify(parsed)).not.toContain("11010519491231002X");
    expect(parsed.vehiclePlate).toBe("沪A12345");
  });
  test("an unticked ID check, a wrong plate and 'other' without a note are each named", () => {
    const result = VisitorSignInSchema.safeParse({ ...valid, idVerified: undefined, vehiclePlate: "ABC", purpose: "other" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["idVerified", "purposeNote", "vehiclePlate"]);
  });
  test("a wrong check character says which one it should be", () => {
    const result = VisitorSignInSchema.safeParse({ ...valid, idNumber: "110105194912310021" });
    expect(result.error?.issues[0]?.message).toBe('visitors.errors.residentId.check|{"expected":"X","actual":"1"}');
  });
});

test("references", () => {
  expect(visitorReference(12)).toBe("VIS-00012");
});
