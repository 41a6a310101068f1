import type { Role } from "../auth/permissions";
import { can } from "../auth/permissions";
import type { TemplateDefinition, TemplateItem } from "./template-definition";
import { formatReference } from "../references";

// What an answer means, and what an inspection's answers allow: pure rules shared by the phone
// form (live), the server (on submit) and the record pages.

export const PASS_FAIL_NA = ["pass", "fail", "na"] as const;
export const YES_NO = ["yes", "no"] as const;

/** The choices a point offers (empty for number, text and photo answers). */
export function answerChoices(item: Pick<TemplateItem, "answer">): readonly string[] {
  if (item.answer === "pass_fail_na") return PASS_FAIL_NA;
  if (item.answer === "yes_no") return YES_NO;
  return [];
}

/**
 * "12,5" and "12.5" are the same reading. "1,000" is refused rather than read as 1: a comma before
 * exactly three digits is a thousands separator as often as a decimal one.
 */
export function parseReading(value: string): number | null {
  if (/,\d{3}$/.test(value.trim())) return null;
  const text = value.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/** Is this answer a failure of the point? Unanswered and not-applicable points never fail. */
export function isFailure(item: TemplateItem, value: string | null | undefined): boolean {
  if (value === null || value === undefined || value === "") return false;
  switch (item.answer) {
    case "pass_fail_na":
      return value === "fail";
    case "yes_no":
      return value === (item.failOn ?? "no");
    case "number": {
      const reading = parseReading(value);
      if (reading === null) return false;
      return (item.failBelow !== undefined && reading < item.failBelow) || (item.failAbove !== undefined && reading > item.failAbove);
    }
    default:
      return false;
  }
}

export type InspectionResult = "pass" | "fail";

export function inspectionResult(failedPoints: number): InspectionResult {
  return failedPoints > 0 ? "fail" : "pass";
}

/**
 * Where an inspection stands for loading. Only templates that gate the release (containers,
 * conveyances, the driver check) have a release; a failed point blocks it until every corrective
 * action it raised is closed, or a supervisor overrides with a written reason.
 */
export type ReleaseState =
  | { state: "not_gated" }
  | { state: "released"; overridden: boolean }
  | { state: "awaiting_signoff" }
  | { state: "blocked"; openActions: number }
  | { state: "ready" };

export interface ReleaseFacts {
  releaseGate: boolean;
  supervisorSignoff: TemplateDefinition["supervisorSignoff"];
  signedOff: boolean;
  failedPoints: number;
  openActions: number;
  released: boolean;
  overridden: boolean;
}

export function releaseState(facts: ReleaseFacts): ReleaseState {
  if (!facts.releaseGate) return { state: "not_gated" };
  if (facts.released) return { state: "released", overridden: facts.overridden };
  if (facts.supervisorSignoff === "required" && !facts.signedOff) return { state: "awaiting_signoff" };
  if (facts.failedPoints > 0 && facts.openActions > 0) return { state: "blocked", openActions: facts.openActions };
  return { state: "ready" };
}

/** Release for loading: anyone who records inspections, once nothing holds it back. */
export function canRelease(role: Role, state: ReleaseState): boolean {
  return state.state === "ready" && can(role, "inspections.record");
}

/**
 * Release despite open actions: a supervisor, never the person who inspected (four eyes), and
 * only while actions block it (sign-off is not overridden: the supervisor signs instead).
 */
export function canOverrideRelease(role: Role, userId: string, inspectorUserId: string, state: ReleaseState): boolean {
  return state.state === "blocked" && can(role, "inspections.supervise") && userId !== inspectorUserId;
}

/** Supervisor sign-off: a supervisor other than the inspector, once, where the template asks for it. */
export function canSignOff(
  role: Role,
  userId: string,
  inspection: { inspectorUserId: string; signedOff: boolean; supervisorSignoff: TemplateDefinition["supervisorSignoff"] },
): boolean {
  return (
    inspection.supervisorSignoff !== "none" &&
    !inspection.signedOff &&
    can(role, "inspections.supervise") &&
    userId !== inspection.inspectorUserId
  );
}

/** The written reason an override must give, at least this long, so it says something. */
export const OVERRIDE_REASON_MIN = 10;

/** An inspection's reference, as printed and searched: INS-000042. */
export function inspectionReference(number: number): string {
  return formatReference("inspection", number);
}
