import { z } from "zod";
import { message } from "../i18n/messages";
import { enumField } from "../validation";
import { isCalendarDate } from "../value-checks";
import { frequencies } from "./schedule-rules";
import { TemplateCodeSchema } from "./template-definition";

/** A new schedule: which checklist, at which site, how often, from when. */
export const ScheduleSchema = z.object({
  intent: z.literal("create"),
  siteId: z.string({ error: message("errors.choose") }).uuid(message("errors.choose")),
  templateCode: TemplateCodeSchema,
  frequency: enumField(frequencies),
  startsOn: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .refine(isCalendarDate, message("errors.date")),
});
export type ScheduleValues = z.output<typeof ScheduleSchema>;
