import { z } from "zod";
import { message } from "../i18n/messages";
import { formRows, optionalRowValue, rowFields, rowValues } from "../form-rows";
import { enumField, OptionalDateSchema, optionalText, RequiredDateSchema, requiredText } from "../validation";
import { isUuid } from "../value-checks";

// The internal audit's form, shared by the page (react-hook-form) and the action. Findings are a
// fixed number of rows so the form works without JavaScript: a row with no description is not a
// finding; a row with one needs its severity, and an owner given raises a corrective action due on
// the row's date.

export const auditResults = ["conforms", "conforms_with_findings", "does_not_conform"] as const;
export type AuditResult = (typeof auditResults)[number];
export const findingSeverities = ["major", "minor", "observation"] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export const FINDING_ROWS = 6;
export const findingRows = formRows(FINDING_ROWS);

export const findingField = (row: number, part: "Description" | "Severity" | "OwnerUserId" | "DueOn") => `finding${row}${part}`;

const findingFields = rowFields(findingRows, findingField, {
  Description: optionalText(1000),
  Severity: optionalRowValue,
  OwnerUserId: optionalRowValue,
  DueOn: OptionalDateSchema,
});

export interface FindingInput {
  /** The form's row it was written in (where its errors show). */
  row: number;
  position: number;
  description: string;
  severity: FindingSeverity;
  action: { ownerUserId: string; dueOn: string } | null;
}

export const InternalAuditSchema = z
  .object({
    auditedOn: RequiredDateSchema,
    scope: requiredText(2000),
    auditors: requiredText(300),
    result: enumField(auditResults),
    conclusion: requiredText(4000),
    ...findingFields,
  })
  .superRefine((v, ctx) => {
    const values = rowValues(v);
    let findings = 0;
    for (const row of findingRows) {
      const description = values[findingField(row, "Description")];
      const severity = values[findingField(row, "Severity")];
      const owner = values[findingField(row, "OwnerUserId")];
      const dueOn = values[findingField(row, "DueOn")];
      if (!description) {
        if (severity || owner || dueOn)
          ctx.addIssue({ code: "custom", path: [findingField(row, "Description")], message: message("internalAudits.errors.findingDescription") });
        continue;
      }
      findings += 1;
      if (!(findingSeverities as readonly string[]).includes(severity ?? ""))
        ctx.addIssue({ code: "custom", path: [findingField(row, "Severity")], message: message("errors.choose") });
      if (owner && !isUuid(owner)) ctx.addIssue({ code: "custom", path: [findingField(row, "OwnerUserId")], message: message("errors.choose") });
      if (owner && !dueOn) ctx.addIssue({ code: "custom", path: [findingField(row, "DueOn")], message: message("internalAudits.errors.actionDue") });
      if (!owner && dueOn)
        ctx.addIssue({ code: "custom", path: [findingField(row, "OwnerUserId")], message: message("internalAudits.errors.actionOwner") });
      if (dueOn && v.auditedOn && dueOn < v.auditedOn)
        ctx.addIssue({ code: "custom", path: [findingField(row, "DueOn")], message: message("internalAudits.errors.dueBeforeAudit") });
    }
    if (v.result === "conforms" && findings > 0 && [...findingRows].some((row) => values[findingField(row, "Severity")] === "major"))
      ctx.addIssue({ code: "custom", path: ["result"], message: message("internalAudits.errors.majorButConforms") });
    if (v.result !== "conforms" && findings === 0)
      ctx.addIssue({ code: "custom", path: [findingField(1, "Description")], message: message("internalAudits.errors.findingsNeeded") });
  });

export type InternalAuditValues = z.output<typeof InternalAuditSchema>;

/** The findings the form's rows hold, in order (rows without a description are not findings). */
export function findingsOf(values: InternalAuditValues): FindingInput[] {
  const raw = rowValues(values);
  const out: FindingInput[] = [];
  for (const row of findingRows) {
    const description = raw[findingField(row, "Description")];
    if (!description) continue;
    const owner = raw[findingField(row, "OwnerUserId")];
    const dueOn = raw[findingField(row, "DueOn")];
    out.push({
      row,
      position: out.length + 1,
      description,
      severity: raw[findingField(row, "Severity")] as FindingSeverity,
      action: owner && dueOn ? { ownerUserId: owner, dueOn } : null,
    });
  }
  return out;
}
