import { z } from "zod";
import { message } from "../i18n/messages";
import { isUuid } from "../value-checks";
import { checkContainerNumber } from "./container-number";
import { checkResidentId, idDocumentTypes, maskIdNumber, type IdDocumentType } from "./identity-document";
import { answerChoices, isFailure, OVERRIDE_REASON_MIN, parseReading } from "./inspection-rules";
import { headerRequirement, visibleItems, type HeaderFieldKey, type TemplateDefinition } from "./template-definition";

// The inspection form, checked the same way on the phone (react-hook-form, before anything is
// sent) and on the server (on submit). The form's fields are flat, so FormData without JavaScript
// and react-hook-form's values have the same shape:
//   siteId, occurredAt (YYYY-MM-DDTHH:MM in the organisation's time zone), one field per header
//   key of the template (containerNumber, sealNumbers...), answer_<item>, note_<item>.
// Photos travel apart (uploaded one by one, or as photo_<item> files without JavaScript), so the
// photo rules take the number of photos each point already has.

export const answerField = (itemKey: string) => `answer_${itemKey}`;
export const noteField = (itemKey: string) => `note_${itemKey}`;
export const photoField = (itemKey: string) => `photo_${itemKey}`;

/** Never kept in a draft on the server, and only in the tab's session storage in the browser. */
export const SENSITIVE_FIELDS: readonly string[] = ["driverIdNumber"];

export const NOTE_MAX = 1000;
export const TEXT_ANSWER_MAX = 2000;
export const MAX_SEALS = 10;

export interface InspectionHeader {
  area?: string;
  containerNumber?: string;
  reefer?: boolean;
  truckPlate?: string;
  trailerNumber?: string;
  sealNumbers?: string[];
  shipmentRef?: string;
  driverName?: string;
  driverIdType?: IdDocumentType;
  /** Masked: only the masked form is ever stored. */
  driverIdNumberMasked?: string;
  driverEmployer?: string;
  arrivalTime?: string;
  departureTime?: string;
  sealAtDeparture?: string;
  reviewFrom?: string;
  reviewTo?: string;
  camerasReviewed?: string;
  systemsReviewed?: string;
}

export interface CheckedAnswer {
  itemKey: string;
  value: string;
  failed: boolean;
  note: string | null;
}

export interface CheckedInspection {
  siteId: string;
  /** Local wall-clock time in the organisation's zone, YYYY-MM-DDTHH:MM. */
  occurredAt: string;
  header: InspectionHeader;
  answers: CheckedAnswer[];
  failedPoints: number;
}

export type InspectionCheck = { ok: true; data: CheckedInspection } | { ok: false; errors: Record<string, string> };

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function text(raw: Record<string, unknown>, name: string): string {
  const value = raw[name];
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  return "";
}

function flag(raw: Record<string, unknown>, name: string): boolean {
  const value = raw[name];
  return value === true || value === "on" || value === "1" || value === "true";
}

export function isLocalDateTime(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value)) return false;
  const date = new Date(`${value}:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 16) === value;
}

/** Seal numbers as typed: separated by spaces, commas or semicolons (full-width too). */
export function splitSealNumbers(value: string): string[] {
  return value
    .toUpperCase()
    .split(/[\s,，;；、]+/)
    .filter(Boolean);
}

const SEAL = /^[A-Z0-9][A-Z0-9-]{2,39}$/;
const ID_NUMBER = /^[A-Z0-9()（）-]{4,30}$/;

/**
 * Checks a posted or typed inspection against its template. Errors are keyed by field name with
 * i18n message keys as values; the first problem of each field is reported.
 */
export function checkInspection(
  definition: TemplateDefinition,
  raw: Record<string, unknown>,
  photoCounts: Readonly<Record<string, number>>,
): InspectionCheck {
  const errors: Record<string, string> = {};
  const fail = (field: string, encoded: string) => {
    errors[field] ??= encoded;
  };
  const requirement = (field: HeaderFieldKey) => headerRequirement(definition, field);
  const header: InspectionHeader = {};

  const siteId = text(raw, "siteId");
  if (!isUuid(siteId)) fail("siteId", message("errors.choose"));
  const occurredAt = text(raw, "occurredAt");
  if (!occurredAt) fail("occurredAt", message("errors.required"));
  else if (!isLocalDateTime(occurredAt)) fail("occurredAt", message("inspections.dateTime"));

  /** A plain text header field: required when the template says so, at most `max` characters. */
  const plain = (field: HeaderFieldKey, max: number, transform: (v: string) => string = (v) => v) => {
    const need = requirement(field);
    if (need === "absent") return undefined;
    const value = transform(text(raw, field));
    if (!value) {
      if (need === "required") fail(field, message("errors.required"));
      return undefined;
    }
    if (value.length > max) {
      fail(field, message("errors.tooLong", { max }));
      return undefined;
    }
    return value;
  };

  header.area = plain("area", 120);
  if (requirement("reefer") !== "absent") header.reefer = flag(raw, "reefer");

  const container = plain("containerNumber", 20);
  if (container !== undefined) {
    const checked = checkContainerNumber(container);
    if (checked.ok) header.containerNumber = checked.value;
    else if (checked.reason === "format") fail("containerNumber", message("inspections.containerNumber.format"));
    else if (checked.reason === "category")
      fail("containerNumber", message("inspections.containerNumber.category", { character: checked.character }));
    else
      fail(
        "containerNumber",
        message("inspections.containerNumber.check", { prefix: checked.prefix, expected: checked.expected, actual: checked.actual }),
      );
  }

  const upper = (v: string) => v.toUpperCase().replace(/\s+/g, "");
  header.truckPlate = plain("truckPlate", 20, upper);
  header.trailerNumber = plain("trailerNumber", 20, upper);

  const seals = plain("sealNumbers", 500);
  if (seals !== undefined) {
    const list = splitSealNumbers(seals);
    const bad = list.find((s) => !SEAL.test(s));
    if (bad) fail("sealNumbers", message("inspections.sealFormat", { seal: bad }));
    else if (list.length > MAX_SEALS) fail("sealNumbers", message("inspections.tooManySeals", { max: MAX_SEALS }));
    else if (new Set(list).size !== list.length) fail("sealNumbers", message("inspections.sealRepeated"));
    else header.sealNumbers = list;
  }

  header.shipmentRef = plain("shipmentRef", 60);
  header.driverName = plain("driverName", 60);
  header.driverEmployer = plain("driverEmployer", 120);
  header.camerasReviewed = plain("camerasReviewed", 300);
  header.systemsReviewed = plain("systemsReviewed", 300);

  const sealAtDeparture = plain("sealAtDeparture", 40, upper);
  if (sealAtDeparture !== undefined) {
    if (SEAL.test(sealAtDeparture)) header.sealAtDeparture = sealAtDeparture;
    else fail("sealAtDeparture", message("inspections.sealFormat", { seal: sealAtDeparture }));
  }

  const idType = plain("driverIdType", 40);
  if (idType !== undefined) {
    if ((idDocumentTypes as readonly string[]).includes(idType)) header.driverIdType = idType as IdDocumentType;
    else fail("driverIdType", message("errors.choose"));
  }
  const idNumber = plain("driverIdNumber", 40, upper);
  if (idNumber !== undefined) {
    if (header.driverIdType === "cn_resident_id") {
      const checked = checkResidentId(idNumber);
      if (checked.ok) header.driverIdNumberMasked = maskIdNumber(checked.value);
      else if (checked.reason === "length") fail("driverIdNumber", message("inspections.residentId.length", { length: checked.length }));
      else if (checked.reason === "format") fail("driverIdNumber", message("inspections.residentId.format"));
      else if (checked.reason === "birthDate")
        fail("driverIdNumber", message("inspections.residentId.birthDate", { birthDate: checked.birthDate }));
      else fail("driverIdNumber", message("inspections.residentId.check", { expected: checked.expected, actual: checked.actual }));
    } else if (ID_NUMBER.test(idNumber)) {
      header.driverIdNumberMasked = maskIdNumber(idNumber);
    } else {
      fail("driverIdNumber", message("inspections.idNumberFormat"));
    }
  }

  for (const field of ["arrivalTime", "departureTime"] as const) {
    const value = plain(field, 5);
    if (value === undefined) continue;
    if (TIME.test(value)) header[field] = value;
    else fail(field, message("inspections.timeFormat"));
  }
  // Times carry no date: a departure up to 12 hours "before" the arrival is a typo, more is overnight.
  if (header.arrivalTime && header.departureTime && isTypoBefore(header.departureTime, header.arrivalTime)) {
    fail("departureTime", message("inspections.departureBeforeArrival", { arrival: header.arrivalTime }));
  }

  for (const field of ["reviewFrom", "reviewTo"] as const) {
    const value = plain(field, 16);
    if (value === undefined) continue;
    if (isLocalDateTime(value)) header[field] = value;
    else fail(field, message("inspections.dateTime"));
  }
  if (header.reviewFrom && header.reviewTo && header.reviewTo < header.reviewFrom) {
    fail("reviewTo", message("inspections.reviewOrder"));
  }
  if (header.reviewTo && isLocalDateTime(occurredAt) && header.reviewTo > occurredAt) {
    fail("reviewTo", message("inspections.reviewAfterInspection"));
  }

  const answers: CheckedAnswer[] = [];
  for (const item of visibleItems(definition, header)) {
    const field = answerField(item.key);
    const value = text(raw, field);
    const note = text(raw, noteField(item.key));
    const photos = photoCounts[item.key] ?? 0;
    if (note.length > NOTE_MAX) fail(noteField(item.key), message("errors.tooLong", { max: NOTE_MAX }));
    if (item.answer === "photo") {
      if (item.required && photos === 0) fail(photoField(item.key), message("inspections.photoRequired"));
      if (photos > 0) answers.push({ itemKey: item.key, value: String(photos), failed: false, note: note || null });
      continue;
    }
    if (!value) {
      if (item.required) fail(field, message("inspections.answerRequired"));
      continue;
    }
    const choices = answerChoices(item);
    if (choices.length && !choices.includes(value)) {
      fail(field, message("errors.choose"));
      continue;
    }
    if (item.answer === "number" && parseReading(value) === null) {
      fail(field, message("inspections.numberInvalid"));
      continue;
    }
    if (item.answer === "text" && value.length > TEXT_ANSWER_MAX) {
      fail(field, message("errors.tooLong", { max: TEXT_ANSWER_MAX }));
      continue;
    }
    const failed = isFailure(item, value);
    if (failed && item.failRequiresNote && !note) fail(noteField(item.key), message("inspections.noteRequired"));
    if (failed && item.failRequiresPhoto && photos === 0) fail(photoField(item.key), message("inspections.photoRequired"));
    answers.push({ itemKey: item.key, value: item.answer === "number" ? String(parseReading(value)) : value, failed, note: note || null });
  }

  if (Object.keys(errors).length) return { ok: false, errors };
  for (const key of Object.keys(header) as (keyof InspectionHeader)[]) if (header[key] === undefined) delete header[key];
  return {
    ok: true,
    data: { siteId, occurredAt, header, answers, failedPoints: answers.filter((a) => a.failed).length },
  };
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

function isTypoBefore(departure: string, arrival: string): boolean {
  const gap = minutesOf(arrival) - minutesOf(departure);
  return gap > 0 && gap <= 12 * 60;
}

/**
 * The same check as a zod schema, for react-hook-form's resolver on the phone: its issues are the
 * errors above, under the same field names.
 */
export function inspectionFormSchema(definition: TemplateDefinition, photoCounts: () => Readonly<Record<string, number>>) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const checked = checkInspection(definition, raw, photoCounts());
    if (checked.ok) return checked.data;
    for (const [field, encoded] of Object.entries(checked.errors)) ctx.addIssue({ code: "custom", path: [field], message: encoded });
    return z.NEVER;
  });
}

/** A supervisor's sign-off under a submitted inspection. */
export const SignOffSchema = z.object({
  intent: z.literal("signoff"),
  note: z
    .string()
    .trim()
    .max(500, message("errors.tooLong", { max: 500 }))
    .optional()
    .transform((v) => (v ? v : undefined)),
});

/** Releasing a blocked container or truck anyway: the supervisor says why, in writing. */
export const OverrideSchema = z.object({
  intent: z.literal("override"),
  reason: z
    .string({ error: message("errors.required") })
    .trim()
    .min(1, message("errors.required"))
    .min(OVERRIDE_REASON_MIN, message("inspections.overrideReasonShort", { min: OVERRIDE_REASON_MIN }))
    .max(1000, message("errors.tooLong", { max: 1000 })),
});
