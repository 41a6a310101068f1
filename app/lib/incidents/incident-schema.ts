import { z } from "zod";
import { RaisedActionSchema } from "../actions/action-schema";
import { message } from "../i18n/messages";
import { isLocalDateTime } from "../inspections/inspection-schema";
import { optionalText, RequiredDateSchema, requiredText } from "../validation";
import { customsContactChannels, customsContactKinds, incidentKinds, incidentStatuses } from "./incident-rules";

// The incident report (a guard at the gate, with or without JavaScript), the security lead's handling
// of it, the corrective action raised from it, and the customs-contact log: one schema each, for the
// page's react-hook-form and the action.

/** A wall-clock time (YYYY-MM-DDTHH:MM, the organisation's zone); empty is undefined. */
const localDateTime = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.replace(" ", "T").slice(0, 16) : undefined))
  .refine((v) => v === undefined || isLocalDateTime(v), message("incidents.errors.dateTime"));

export const IncidentReportSchema = z.object({
  siteId: z.string({ error: message("incidents.errors.site") }).uuid(message("incidents.errors.site")),
  kind: z.enum(incidentKinds, { error: message("incidents.errors.kind") }),
  /** Empty: now. */
  discoveredAt: localDateTime,
  location: optionalText(200),
  discoveredBy: requiredText(100),
  description: requiredText(4000),
  containment: optionalText(4000),
});
export type IncidentReportValues = z.output<typeof IncidentReportSchema>;

export const IncidentUpdateSchema = z
  .object({
    intent: z.literal("update"),
    status: z.enum(incidentStatuses, { error: message("incidents.errors.status") }),
    containment: optionalText(4000),
    investigation: optionalText(4000),
    rootCause: optionalText(4000),
    customsNotifiedAt: localDateTime,
    customsOffice: optionalText(120),
  })
  .refine((v) => !v.customsNotifiedAt || !!v.customsOffice, {
    path: ["customsOffice"],
    message: message("incidents.errors.customsOffice"),
  });
export type IncidentUpdateValues = z.output<typeof IncidentUpdateSchema>;

export const IncidentActionSchema = RaisedActionSchema;
export type IncidentActionValues = z.output<typeof IncidentActionSchema>;

export const CustomsContactSchema = z.object({
  contactedOn: RequiredDateSchema,
  kind: z.enum(customsContactKinds, { error: message("customsContacts.errors.kind") }),
  customsOffice: requiredText(120),
  contactPerson: optionalText(100),
  channel: z.enum(customsContactChannels, { error: message("customsContacts.errors.channel") }),
  subject: requiredText(200),
  summary: requiredText(4000),
  followUp: optionalText(2000),
  incidentId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[0-9a-f-]{36}$/i.test(v), message("customsContacts.errors.incident")),
});
export type CustomsContactValues = z.output<typeof CustomsContactSchema>;

