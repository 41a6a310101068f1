import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { maskIdNumber, residentIdCheckCharacter } from "~/lib/inspections/identity-document";
import { decryptWith, deriveKeys, digestWith, encryptWith, parseSecret } from "~/lib/personnel/personal-data-crypto.server";
import { checkEmployeeIdNumber, EmployeeSchema } from "~/lib/personnel/personnel-schema";

const keys = deriveKeys(parseSecret("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
const ID = "11010519491231002X";

describe("masking", () => {
  test("a resident ID keeps its region code and last four", () => {
    expect(maskIdNumber(ID)).toBe("1101**********002X");
    expect(maskIdNumber("E12345678")).toBe("E****5678");
    expect(maskIdNumber("H1234")).toBe("***34");
  });

  test("the employee form stores the mask, the normalised number and the birth date from the ID", () => {
    const parsed = EmployeeSchema.parse({
      name: "王",
      position: "仓管",
      hireDate: "2020-01-01",
      idDocumentType: "resident_id",
      idNumber: " 11010519491231002x ",
    });
    expect(parsed.idNumber).toBe(ID);
    expect(parsed.idNumberMasked).toBe("1101**********002X");
    expect(parsed.dateOfBirth).toBe("1949-12-31");
  });

  test("a mistyped check character, and a birth date that contradicts the ID, are refused", () => {
    const wrong = checkEmployeeIdNumber("resident_id", "110105194912310021");
    expect(wrong.ok).toBe(false);
    const result = EmployeeSchema.safeParse({
      name: "王",
      position: "仓管",
      hireDate: "2020-01-01",
      idDocumentType: "resident_id",
      idNumber: ID,
      dateOfBirth: "1950-01-01",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["dateOfBirth"]);
    expect(result.error?.issues[0]?.message).toContain("1949-12-31");
  });

  test("passport numbers take letters and digits", () => {
    expect(checkEmployeeIdNumber("passport", "e1234567 8")).toEqual({ ok: true, id: { value: "E12345678", masked: "E****5678" } });
    expect(checkEmployeeIdNumber("passport", "E1#").ok).toBe(false);
    expect(residentIdCheckCharacter(ID.slice(0, 17))).toBe("X");
  });
});

describe("encryption at rest", () => {
  test("round trip, and two encryptions of one number differ", () => {
    const a = encryptWith(keys, ID);
    const b = encryptWith(keys, ID);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(decryptWith(keys, a)).toBe(ID);
    expect(decryptWith(keys, b)).toBe(ID);
  });

  test("another key or a changed byte fails loudly", () => {
    const stored = encryptWith(keys, ID);
    expect(() => decryptWith(deriveKeys(randomBytes(32)), stored)).toThrow();
    const [v, iv, tag, body] = stored.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptWith(keys, [v, iv, tag, flipped.toString("base64url")].join("."))).toThrow();
  });

  test("the digest is stable for spacing and case, and differs by key", () => {
    expect(digestWith(keys, "resident_id", ID)).toBe(digestWith(keys, "resident_id", "110105 19491231002x"));
    expect(digestWith(keys, "resident_id", ID)).not.toBe(digestWith(deriveKeys(randomBytes(32)), "resident_id", ID));
    expect(digestWith(keys, "resident_id", ID)).not.toContain(ID);
  });

  test("the secret is 32 bytes, as hex or base64", () => {
    const secret = randomBytes(32);
    expect(parseSecret(secret.toString("hex"))).toEqual(secret);
    expect(parseSecret(secret.toString("base64"))).toEqual(secret);
    expect(() => deriveKeys(Buffer.alloc(16))).toThrow();
  });
});

describe("key roles", () => {
  const person = { name: "李", position: "财务总监", hireDate: "2020-01-01" };
  test("the principal person in charge and the finance head (CN-2014 13/20, CN-2022 (15)/(30)) can be marked", () => {
    for (const keyRole of ["principal_person", "finance_head"]) {
      const parsed = EmployeeSchema.safeParse({ ...person, keyRoles: keyRole });
      expect(parsed.success, keyRole).toBe(true);
      expect(parsed.data?.keyRoles).toEqual([keyRole]);
    }
  });

  test("one person may hold several roles: the ticked boxes come back once each, in the standards' order", () => {
    const parsed = EmployeeSchema.parse({ ...person, keyRoles: ["principal_person", "legal_representative", "principal_person"] });
    expect(parsed.keyRoles).toEqual(["legal_representative", "principal_person"]);
    // No box ticked (the browser sends nothing) is no role.
    expect(EmployeeSchema.parse(person).keyRoles).toEqual([]);
  });

  test("a role that is not one of the standards' is refused with the choose message", () => {
    const parsed = EmployeeSchema.safeParse({ ...person, keyRoles: ["legal_representative", "cashier"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["keyRoles", "errors.choose"]]);
  });
});
