import { describe, expect, it } from "vitest";
import { dossierPreview } from "~/lib/dossiers/dossier-preview";
import type { DossierFileRef, DossierPolicy, DossierRecord } from "~/lib/dossiers/dossier-types";

const file = (photo: boolean): DossierFileRef => ({
  fileId: crypto.randomUUID(),
  sha256: "a".repeat(64),
  sizeBytes: 10,
  mediaType: photo ? "image/jpeg" : "application/pdf",
  originalName: "x",
  photo,
  caption: { zh: "x", en: "x" },
});

const record = (recordType: DossierRecord["recordType"], files: DossierFileRef[]): DossierRecord => ({
  recordType,
  recordId: crypto.randomUUID(),
  occurredAt: new Date("2026-05-01T00:00:00Z"),
  reference: "R",
  path: "/x",
  site: null,
  summary: { zh: "s", en: "s" },
  result: null,
  files,
});

const policy: DossierPolicy = {
  policyId: "p",
  documentNumber: "D-1",
  title: { zh: "t", en: "t" },
  version: 1,
  effectiveFrom: "2026-01-01",
  path: "/policies/p",
  file: file(false),
};

describe("dossierPreview", () => {
  it("counts records by type, files and photos, and flags criteria without records", () => {
    const records = new Map([
      ["c1", [record("inspection", [file(true), file(true)]), record("inspection", []), record("training_session", [file(false)])]],
      ["c2", []],
    ]);
    const policies = new Map([["c2", [policy]]]);
    const [c1, c2] = dossierPreview(records, policies);
    expect(c1).toEqual({
      criterionId: "c1",
      byType: { inspection: 2, training_session: 1 },
      records: 3,
      policies: 0,
      files: 3,
      photos: 2,
      gap: false,
    });
    expect(c2).toEqual({ criterionId: "c2", byType: {}, records: 0, policies: 1, files: 1, photos: 0, gap: true });
  });
});
