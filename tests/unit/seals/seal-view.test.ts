import { describe, expect, test } from "vitest";
import { sealView, type SealChain } from "~/lib/seals/seal-view.server";

// The seal page's data, from a plain chain: the steps the seal's status allows, what each role may
// do, and whether the viewer holds the seal.

const at = new Date("2025-06-01T08:00:00Z");

function chain(over: Partial<SealChain["seal"]> = {}): SealChain {
  return {
    seal: {
      id: "s1",
      organizationId: "o1",
      number: "CN-000123",
      modelId: "m1",
      siteId: null,
      status: "issued",
      custodianUserId: "u2",
      targetKind: null,
      target: null,
      shipmentRef: null,
      appliedAt: null,
      appliedByUserId: null,
      inspectionId: null,
      receivedAt: at,
      createdAt: at,
      updatedAt: at,
      ...over,
    } as SealChain["seal"],
    model: { manufacturer: "Acme", modelName: "B1", type: "bolt", isoClass: "H" } as SealChain["model"],
    siteNameZh: null,
    siteNameEn: null,
    custodianName: "李雷",
    inspectionNumber: null,
    events: [],
    replacedBy: [],
  };
}

describe("sealView", () => {
  test("keeps the chain and adds the time zone and the steps its status allows", () => {
    const view = sealView(chain(), { userId: "u2", role: "security", timeZone: "Asia/Shanghai" });
    expect(view.seal.number).toBe("CN-000123");
    expect(view.custodianName).toBe("李雷");
    expect(view.timeZone).toBe("Asia/Shanghai");
    expect(view.steps).toEqual(expect.arrayContaining(["return", "apply", "void"]));
    expect(view.steps).not.toContain("issue");
  });

  test("an applied seal can be verified or reported but not voided; a voided one takes no step", () => {
    const applied = sealView(chain({ status: "applied" }), { userId: "u1", role: "owner", timeZone: "UTC" });
    expect(applied.steps).toEqual(expect.arrayContaining(["verify_departure", "report"]));
    expect(applied.steps).not.toContain("void");
    expect(sealView(chain({ status: "voided" }), { userId: "u1", role: "owner", timeZone: "UTC" }).steps).toEqual([]);
  });

  test("the viewer is the custodian only when the seal is in their custody", () => {
    expect(sealView(chain(), { userId: "u2", role: "security", timeZone: "UTC" }).isCustodian).toBe(true);
    expect(sealView(chain(), { userId: "u3", role: "security", timeZone: "UTC" }).isCustodian).toBe(false);
    expect(sealView(chain({ custodianUserId: null }), { userId: "u2", role: "security", timeZone: "UTC" }).isCustodian).toBe(false);
  });

  test("recording and managing follow the role", () => {
    const owner = sealView(chain(), { userId: "u1", role: "owner", timeZone: "UTC" });
    expect([owner.canRecord, owner.canManage]).toEqual([true, true]);
    const auditor = sealView(chain(), { userId: "u1", role: "auditor", timeZone: "UTC" });
    expect([auditor.canRecord, auditor.canManage]).toEqual([false, false]);
  });
});
