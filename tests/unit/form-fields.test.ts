import { describe, expect, test } from "vitest";
import { z } from "zod";
import { fieldName, fields } from "~/lib/form-fields";
import { PartnerSchema } from "~/lib/partners/partner-schema";

const Simple = z.object({ partnerName: z.string(), startsOn: z.string().optional() });
const Refined = Simple.superRefine(() => undefined);
const Either = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("a"), onlyA: z.string() }),
  z.object({ kind: z.literal("b"), onlyB: z.string() }),
]);

describe("fields", () => {
  test("each property is the key's own name", () => {
    const f = fields(Simple);
    expect(f.partnerName).toBe("partnerName");
    expect(f.startsOn).toBe("startsOn");
  });

  test("works for refined and union schemas, and the app's own", () => {
    expect(fields(Refined).partnerName).toBe("partnerName");
    const either = fields(Either);
    expect([either.kind, either.onlyA, either.onlyB]).toEqual(["kind", "onlyA", "onlyB"]);
    expect(fields(PartnerSchema).legalNameZh).toBe("legalNameZh");
  });

  test("a key the schema does not have is a type error", () => {
    const f = fields(Simple);
    // @ts-expect-error -- "partnerNam" is not a key of the schema
    expect(f.partnerNam).toBe("partnerNam");
  });
});

describe("fieldName", () => {
  test("gives the key back", () => {
    expect(fieldName<typeof Simple>("partnerName")).toBe("partnerName");
    expect(fieldName<typeof Refined>("startsOn")).toBe("startsOn");
  });

  test("a key the schema does not have is a type error", () => {
    // @ts-expect-error -- "partner" is not a key of the schema
    expect(fieldName<typeof Simple>("partner")).toBe("partner");
  });
});
