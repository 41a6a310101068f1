import { describe, expect, test } from "vitest";
import { isUuid, notFound, uuidParam } from "~/lib/route-params.server";

describe("route params", () => {
  test.each([
    ["5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f", true],
    ["5B0C7D3E-2F3A-4C1E-9D6B-0A1B2C3D4E5F", true],
    ["5b0c7d3e2f3a4c1e9d6b0a1b2c3d4e5f", false],
    ["5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5", false],
    [" 5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f", false],
    ["'; drop table sites; --", false],
    [undefined, false],
    [42, false],
  ])("isUuid(%j) is %s", (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });

  test("a malformed id is a thrown 404, the same answer as a missing record", () => {
    const thrown = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return null;
    };
    const expected = { type: "DataWithResponseInit", data: { reason: "not_found" }, init: { status: 404 } };
    expect(thrown(() => uuidParam({ siteId: "nope" }, "siteId"))).toMatchObject(expected);
    expect(thrown(() => uuidParam({}, "siteId"))).toMatchObject(expected);
    expect(thrown(() => notFound())).toMatchObject(expected);
    expect(uuidParam({ siteId: "5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f" }, "siteId")).toBe("5b0c7d3e-2f3a-4c1e-9d6b-0a1b2c3d4e5f");
  });
});
