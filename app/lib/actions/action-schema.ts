import { addDays, format, parseISO } from "date-fns";
import { z } from "zod";
import type { ImprovementWindow } from "../assessments/improvement";
import { message } from "../i18n/messages";
import { OptionalDateSchema, optionalText, RequiredDateSchema, requiredText } from "../validation";

export { actionStates, actionStatuses, unfinishedStatuses, type ActionStatus } from "./action-statuses";
import { actionStatuses } from "./action-statuses";

export const VerifyActionSchema = z
  .object({
    intent: z.literal("verify"),
    decision: z.enum(["accept", "reject"], { error: message("errors.choose") }),
    verificationNote: optionalText(2000),
  })
  .refine((v) => v.decision !== "reject" || !!v.verificationNote, {
    path: ["verificationNote"],
    message: message("actions.verificationNoteRequired"),
  });
export type VerifyActionValues = z.output<typeof VerifyActionSchema>;

/** An action raised by hand from a record (an incident…): what, who, by when. */
export const RaisedActionSchema = z.object({
  intent: z.literal("action"),
  title: requiredText(200),
  description: optionalText(2000),
  ownerUserId: z.string({ error: message("errors.choose") }).uuid(message("errors.choose")),
  dueOn: RequiredDateSchema,
});

/** An assessment's action: also the criterion that fell short. */
export const NewActionSchema = RaisedActionSchema.extend({ criterion: requiredText(40) });
export type NewActionValues = z.output<typeof NewActionSchema>;

export const UpdateActionSchema = z
  .object({
    status: z.enum(actionStatuses, { error: message("errors.choose") }),
    closingNote: optionalText(2000),
    /** Reassigning and rescheduling are for compliance managers; absent means unchanged. */
    ownerUserId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^[0-9a-f-]{36}$/i.test(v), message("errors.choose")),
    dueOn: OptionalDateSchema,
  })
  .refine((v) => v.status !== "done" || !!v.closingNote, {
    path: ["closingNote"],
    message: message("actions.closingNoteRequired"),
  });
export type UpdateActionValues = z.output<typeof UpdateActionSchema>;

/** The last allowed due date: a start date plus the improvement period. */
export function improvementDeadline(from: string, days: number): string {
  return format(addDays(parseISO(from), days), "yyyy-MM-dd");
}

/**
 * A message key when the due date is outside the improvement period: never before the assessment
 * date; no later than the window's deadline when the framework sets one (none otherwise).
 */
export function dueDateError(dueOn: string, assessedOn: string, window: ImprovementWindow | null): string | null {
  if (window && dueOn > window.deadline) {
    return window.fromNotified
      ? message("actions.dueTooLateNotified", { deadline: window.deadline, notifiedOn: window.from, days: window.days })
      : message("actions.dueTooLate", { deadline: window.deadline, assessedOn, days: window.days });
  }
  if (dueOn < assessedOn) return message("actions.dueBeforeAssessment", { assessedOn });
  return null;
}
