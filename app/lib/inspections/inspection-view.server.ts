import { actionReference } from "~/lib/assessments/result-labels";
import { can, type Role } from "~/lib/auth/permissions";
import type { InspectionView } from "~/lib/inspections/inspection-queries.server";
import { canOverrideRelease, canRelease, canSignOff } from "~/lib/inspections/inspection-rules";
import { allItems, headerFieldKeys } from "~/lib/inspections/template-definition";
import type { sealsForInspection } from "~/lib/seals/seal-queries.server";

// The inspection page's data (app/routes/_app.inspections.$inspectionId): the submitted inspection
// its loader read, mapped for the page, with what the viewer may do (release, override, sign off)
// decided here rather than in the route.

type SealRows = Awaited<ReturnType<typeof sealsForInspection>>;

/** Who is looking: their role, and whether they are the inspector (four eyes). */
export interface InspectionViewer {
  role: Role;
  userId: string;
}

/** Step 5: a submitted container inspection lists the seals applied after it, and offers to apply one. */
export function showsSeals(rows: InspectionView): boolean {
  return rows.template.kind === "container" && rows.inspection.status === "submitted";
}

export function inspectionPageView(rows: InspectionView, seals: SealRows | null, viewer: InspectionViewer) {
  const { inspection, template, release } = rows;
  const { role, userId } = viewer;
  const answers = new Map(rows.answers.map((a) => [a.itemKey, a]));
  const header = rows.header as Record<string, unknown>;
  return {
    reference: rows.reference,
    id: inspection.id,
    occurredAt: inspection.occurredAt,
    submittedAt: inspection.submittedAt,
    result: inspection.result,
    failedPoints: inspection.failedPoints,
    site: rows.site,
    inspectorName: rows.inspectorName,
    signedOff: inspection.signedOffAt ? { at: inspection.signedOffAt, by: rows.signedOffByName, note: inspection.signoffNote } : null,
    released: inspection.releasedAt
      ? { at: inspection.releasedAt, by: rows.releasedByName, overrideReason: inspection.releaseOverrideReason }
      : null,
    template: {
      id: template.id,
      code: template.code,
      version: template.version,
      titleZh: template.titleZh,
      titleEn: template.titleEn,
      builtIn: template.organizationId === null,
      supervisorSignoff: template.definition.supervisorSignoff,
      releaseGate: template.definition.releaseGate,
    },
    // The driver's ID number is shown masked only: the full one never leaves the server.
    header: headerFieldKeys
      .filter((key) => key !== "driverIdNumber" && header[key] !== undefined)
      .map((key) => ({ key, value: header[key] as string | boolean | string[] }))
      .concat(header.driverIdNumberMasked ? [{ key: "driverIdNumber" as const, value: header.driverIdNumberMasked as string }] : []),
    // Only the points answered or photographed: one left out (a reefer-only point on a dry container) is not listed.
    points: allItems(template.definition)
      .filter((item) => answers.has(item.key) || rows.photos.some((p) => p.itemKey === item.key))
      .map((item) => ({
        key: item.key,
        number: item.number,
        promptZh: item.promptZh,
        promptEn: item.promptEn,
        answerType: item.answer,
        unit: item.unit ?? null,
        value: answers.get(item.key)?.value ?? null,
        failed: answers.get(item.key)?.failed ?? false,
        note: answers.get(item.key)?.note ?? null,
        photos: rows.photos.filter((p) => p.itemKey === item.key),
      })),
    actions: rows.actions.map(({ action, ownerName }) => ({
      id: action.id,
      reference: actionReference(action.number),
      itemKey: action.sourceItemKey,
      status: action.status,
      dueOn: action.dueOn,
      ownerName,
    })),
    evidence: rows.evidence,
    release,
    can: {
      release: canRelease(role, release),
      override: canOverrideRelease(role, userId, inspection.inspectorUserId, release),
      signOff: canSignOff(role, userId, {
        inspectorUserId: inspection.inspectorUserId,
        signedOff: inspection.signedOffAt !== null,
        supervisorSignoff: template.definition.supervisorSignoff,
      }),
    },
    isInspector: inspection.inspectorUserId === userId,
    seals: seals ? { list: seals, canApply: can(role, "seals.record") } : null,
    containerNumber: inspection.containerNumber,
  };
}

export type InspectionPageView = ReturnType<typeof inspectionPageView>;
