// The life of a badge, card or key: which step may follow which status, and where each step leaves
// the item. Client-safe: the item page offers only the allowed steps, and the server refuses the rest
// with the same reason.

import { formatReference } from "../references";

export const accessItemKinds = ["employee_badge", "access_card", "key", "visitor_badge"] as const;
export type AccessItemKind = (typeof accessItemKinds)[number];

export const accessItemStatuses = ["available", "issued", "lost", "revoked", "retired"] as const;
export type AccessItemStatus = (typeof accessItemStatuses)[number];

export const accessItemSteps = ["issue", "return", "lost", "found", "revoke", "retire"] as const;
export type AccessItemStep = (typeof accessItemSteps)[number];

/**
 * From each status, the steps allowed and the status they lead to. A lost item cannot be issued
 * until it is found (or revoked, when a card is deactivated); revoked and retired items are out of
 * use for good, a revoked one can only be retired.
 */
const TRANSITIONS: Record<AccessItemStatus, Partial<Record<AccessItemStep, AccessItemStatus>>> = {
  available: { issue: "issued", lost: "lost", revoke: "revoked", retire: "retired" },
  issued: { return: "available", lost: "lost", revoke: "revoked" },
  lost: { found: "available", revoke: "revoked", retire: "retired" },
  revoked: { retire: "retired" },
  retired: {},
};

export type StepDecision =
  { ok: true; to: AccessItemStatus } | { ok: false; reason: "notAllowed"; from: AccessItemStatus; step: AccessItemStep };

export function decideStep(from: AccessItemStatus, step: AccessItemStep): StepDecision {
  const to = TRANSITIONS[from][step];
  return to ? { ok: true, to } : { ok: false, reason: "notAllowed", from, step };
}

export function allowedSteps(from: AccessItemStatus): AccessItemStep[] {
  return accessItemSteps.filter((step) => TRANSITIONS[from][step] !== undefined);
}

/** Whether the step hands the item to a person (who must be named) or leaves it with the holder it had. */
export function stepNeedsEmployee(step: AccessItemStep): boolean {
  return step === "issue";
}

/** An employee may receive an item while employed: no leave date, or one still ahead. */
export function isEmployed(leaveDate: string | null, today: string): boolean {
  return leaveDate === null || leaveDate > today;
}

export function accessItemEventReference(number: number): string {
  return formatReference("accessItemEvent", number);
}

const SERIES = /^(.*?)(\d+)$/;
export const MAX_SERIES = 200;

/**
 * A numbered series "V-001" .. "V-050": the codes in between, keeping the width of the first code's
 * digits. null when the two do not share a prefix, the end is before the start, or it is too long.
 */
export function codeSeries(first: string, last: string): string[] | null {
  const a = SERIES.exec(first.trim());
  const b = SERIES.exec(last.trim());
  if (!a || !b || a[1] !== b[1]) return null;
  const start = Number(a[2]);
  const end = Number(b[2]);
  if (end < start || end - start + 1 > MAX_SERIES) return null;
  const width = (a[2] ?? "").length;
  const codes: string[] = [];
  for (let n = start; n <= end; n += 1) codes.push(`${a[1]}${String(n).padStart(width, "0")}`);
  return codes;
}
