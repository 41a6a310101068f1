import { describe, expect, test } from "vitest";
import { partnerRights, partnerView, type PartnerRows } from "~/lib/partners/partner-view.server";
import { DEFAULT_SUPERVISION_POLICY } from "~/lib/partners/partner-scoring";

// The partner page's data, from plain rows: the clauses this partner needs, its certificate, the lists
// mapped for the page, and what the viewer's role may do.

const today = "2025-06-15";
const at = new Date("2025-06-01T08:00:00Z");

const partner = {
  id: "p1",
  organizationId: "o1",
  number: 5,
  legalNameZh: "上海货运有限公司",
  legalNameEn: "Shanghai Freight Co., Ltd.",
  roles: ["carrier"],
  aeoCertificateFileId: "f1",
  annualVolumeCny: 1200000,
} as unknown as PartnerRows["partner"];

const clause = (code: string, roles: string[]) =>
  ({ id: `c-${code}`, code, version: 2, titleZh: `条款 ${code}`, titleEn: `Clause ${code}`, roles }) as unknown as PartnerRows["clauses"][number];

function rows(over: Partial<PartnerRows> = {}): PartnerRows {
  return {
    partner,
    contacts: [],
    sites: [],
    evaluations: [],
    supervision: [],
    contracts: [],
    policy: { requiredClauseCodes: [], ...DEFAULT_SUPERVISION_POLICY },
    documents: [],
    clauses: [],
    actions: [],
    members: [],
    missing: [],
    ...over,
  };
}

describe("partnerRights", () => {
  test("compliance and procurement manage partners; security and HR only read", () => {
    expect(partnerRights("compliance")).toEqual({ canManage: true });
    expect(partnerRights("procurement")).toEqual({ canManage: true });
    expect(partnerRights("security")).toEqual({ canManage: false });
    expect(partnerRights("hr")).toEqual({ canManage: false });
  });
});

describe("partnerView", () => {
  test("a new partner: its reference, nothing recorded, no certificate file, read-only for a guard", () => {
    const view = partnerView(rows({ partner: { ...partner, aeoCertificateFileId: null } }), "security", today);
    expect(view.today).toBe(today);
    expect(view.partner).toEqual({ ...partner, aeoCertificateFileId: null, reference: "TP-00005", annualVolumeCny: 1200000 });
    expect(view.certificate).toBeNull();
    expect(view.canManage).toBe(false);
    expect(view).toMatchObject({
      contacts: [],
      sites: [],
      evaluations: [],
      supervision: [],
      contracts: [],
      missingClauses: [],
      requiredClauses: [],
      clauses: [],
      documents: [],
      actions: [],
      members: [],
    });
  });

  test("a clause is required when the rules name it and it is written for one of the partner's roles, or for all", () => {
    const view = partnerView(
      rows({
        policy: { requiredClauseCodes: ["SEAL", "ALL", "WH"], ...DEFAULT_SUPERVISION_POLICY },
        clauses: [clause("SEAL", ["carrier"]), clause("ALL", []), clause("WH", ["warehouse"]), clause("OPT", [])],
        missing: ["SEAL"],
      }),
      "compliance",
      today,
    );
    expect(view.clauses).toEqual([
      { id: "c-SEAL", code: "SEAL", version: 2, titleZh: "条款 SEAL", titleEn: "Clause SEAL", required: true },
      { id: "c-ALL", code: "ALL", version: 2, titleZh: "条款 ALL", titleEn: "Clause ALL", required: true },
      { id: "c-WH", code: "WH", version: 2, titleZh: "条款 WH", titleEn: "Clause WH", required: false },
      { id: "c-OPT", code: "OPT", version: 2, titleZh: "条款 OPT", titleEn: "Clause OPT", required: false },
    ]);
    expect(view.requiredClauses).toEqual(["SEAL", "ALL", "WH"]);
    expect(view.missingClauses).toEqual(["SEAL"]);
    expect(view.canManage).toBe(true);
  });

  test("the certificate is the partner's document holding its AEO file; documents keep their source and digest", () => {
    const documents = [
      { document: { id: "d1", source: "upload", questionKey: null }, file: { id: "f1", originalName: "aeo.pdf", sha256: "aa" } },
      { document: { id: "d2", source: "link", questionKey: "q3" }, file: { id: "f2", originalName: "iso.pdf", sha256: "bb" } },
    ] as unknown as PartnerRows["documents"];
    const view = partnerView(rows({ documents }), "compliance", today);
    expect(view.certificate).toEqual({ id: "f1", name: "aeo.pdf", sha256: "aa" });
    expect(view.documents).toEqual([
      { id: "d1", source: "upload", questionKey: null, fileId: "f1", name: "aeo.pdf", sha256: "aa" },
      { id: "d2", source: "link", questionKey: "q3", fileId: "f2", name: "iso.pdf", sha256: "bb" },
    ]);
  });

  test("evaluations, contracts, supervision and members are mapped for the page", () => {
    const view = partnerView(
      rows({
        evaluations: [
          { id: "v1", number: 9, kind: "evaluation", role: "carrier", status: "decided", decision: "approved", score: 82, tier: "low", decidedAt: at, createdAt: at, partnerId: "p1" },
        ] as unknown as PartnerRows["evaluations"],
        contracts: [
          { id: "k1", contractNumber: "HT-1", title: "运输合同", startsOn: "2025-01-01", endsOn: null, acknowledgedOn: null, clauseCodes: ["SEAL"], fileId: null },
        ] as unknown as PartnerRows["contracts"],
        supervision: [{ check: { id: "s1", kind: "site_visit", result: "findings" }, performedByName: "李娜" }] as unknown as PartnerRows["supervision"],
        members: [{ userId: "u1", name: "李娜" }],
      }),
      "compliance",
      today,
    );
    expect(view.evaluations).toEqual([
      { id: "v1", reference: "EV-00009", kind: "evaluation", role: "carrier", status: "decided", decision: "approved", score: 82, tier: "low", decidedAt: at, createdAt: at },
    ]);
    expect(view.contracts).toEqual([
      { id: "k1", contractNumber: "HT-1", title: "运输合同", startsOn: "2025-01-01", endsOn: null, acknowledgedOn: null, clauseCodes: ["SEAL"] },
    ]);
    expect(view.supervision).toEqual([{ id: "s1", kind: "site_visit", result: "findings", performedByName: "李娜" }]);
    expect(view.members).toEqual([{ userId: "u1", name: "李娜" }]);
  });
});
