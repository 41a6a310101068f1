import { describe, expect, it } from "vitest";
import { actionReference, assessmentReference } from "~/lib/assessments/result-labels";
import { accessItemEventReference } from "~/lib/badges/access-item-rules";
import { dossierReference } from "~/lib/dossiers/dossier-schema";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import { formatReference, parseReference, referenceFormats, type ReferenceKind } from "~/lib/references";
import { sealAuditReference, sealEventReference } from "~/lib/seals/seal-numbers";
import { sessionReference } from "~/lib/training/training-rules";
import { visitorReference } from "~/lib/visitors/visitor-rules";

describe("formatReference", () => {
  // The strings every kind printed before the table existed, byte for byte.
  const expected: Record<Exclude<ReferenceKind, "assessment">, [number, string][]> = {
    inspection: [[42, "INS-000042"], [1234567, "INS-1234567"]],
    correctiveAction: [[12, "CA-0012"]],
    dossier: [[7, "DOS-7"], [1234, "DOS-1234"]],
    trainingSession: [[1, "TR-0001"]],
    sealEvent: [[3, "SL-000003"]],
    sealAudit: [[3, "SAU-0003"]],
    accessItemEvent: [[9, "AK-00009"]],
    partner: [[15, "TP-00015"]],
    evaluation: [[15, "EV-00015"]],
    visitor: [[3, "VIS-00003"]],
    incident: [[7, "INC-0007"]],
    customsContact: [[7, "CC-0007"]],
    employee: [[1, "EMP-0001"], [12345, "EMP-12345"]],
    badgeHolder: [[1, "EMP-00001"]],
    prehireCheck: [[2, "PHC-0002"]],
    backgroundCheck: [[2, "BGC-0002"]],
    offboarding: [[2, "OFB-0002"]],
    internalAudit: [[7, "IA-0007"]],
    riskAssessment: [[12, "RA-0012"]],
    continuityPlan: [[3, "BCP-0003"]],
    continuityTest: [[41, "BCT-0041"]],
    cargoReconciliation: [[4, "REC-00004"]],
  };

  it.each(Object.entries(expected).flatMap(([kind, cases]) => cases.map(([n, text]) => [kind, n, text] as const)))(
    "%s %i is %s",
    (kind, n, text) => {
      expect(formatReference(kind as Exclude<ReferenceKind, "assessment">, n)).toBe(text);
    },
  );

  it("puts the year of the date into an assessment's reference", () => {
    expect(formatReference("assessment", 3, "2026-05-01")).toBe("SA-2026-0003");
  });

  it("covers every kind of the table", () => {
    expect(Object.keys(referenceFormats).sort()).toEqual([...Object.keys(expected), "assessment"].sort());
  });

  it("is what the domain helpers print", () => {
    expect(inspectionReference(42)).toBe("INS-000042");
    expect(assessmentReference("2026-01-31", 3)).toBe("SA-2026-0003");
    expect(actionReference(12)).toBe("CA-0012");
    expect(dossierReference(5)).toBe("DOS-5");
    expect(sessionReference(1)).toBe("TR-0001");
    expect(sealEventReference(1)).toBe("SL-000001");
    expect(sealAuditReference(1)).toBe("SAU-0001");
    expect(accessItemEventReference(1)).toBe("AK-00001");
    expect(partnerReference(1)).toBe("TP-00001");
    expect(evaluationReference(1)).toBe("EV-00001");
    expect(visitorReference(1)).toBe("VIS-00001");
    expect(employeeReference(1)).toBe("EMP-0001");
    expect(prehireReference(1)).toBe("PHC-0001");
    expect(backgroundReference(1)).toBe("BGC-0001");
    expect(offboardingReference(1)).toBe("OFB-0001");
  });
});

describe("parseReference", () => {
  it("reads the number from the reference, with or without prefix, hyphen and zeros", () => {
    for (const text of ["EMP-0042", "emp-42", "EMP42", "0042", "42"]) expect(parseReference("employee", text)).toBe(42);
    expect(parseReference("employee", "0")).toBe(0);
    expect(parseReference("inspection", formatReference("inspection", 42))).toBe(42);
  });

  it("answers null for anything else", () => {
    for (const text of ["", "EMP-", "INS-0042", "EMP-00x", "1234567890", "EMP--1"]) expect(parseReference("employee", text)).toBeNull();
  });
});
