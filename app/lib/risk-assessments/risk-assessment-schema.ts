import { z } from "zod";
import { message } from "../i18n/messages";
import { formRows, optionalRowValue, rowFields, rowValues } from "../form-rows";
import { enumField, optionalText, RequiredDateSchema, requiredText } from "../validation";

// The risk assessment's form, shared by the page and the action. Threats are a fixed number of rows
// so the form works without JavaScript: a row without a threat is not one; a row with one needs its
// likelihood, impact (1–5) and mitigation.

export const subjectKinds = ["route", "partner", "site", "supply_chain"] as const;
export const THREAT_ROWS = 6;
export const threatRows = formRows(THREAT_ROWS);
export const threatField = (row: number, part: "Threat" | "Likelihood" | "Impact" | "Mitigation") => `threat${row}${part}`;

const threatFields = rowFields(threatRows, threatField, {
  Threat: optionalText(500),
  Likelihood: optionalRowValue,
  Impact: optionalRowValue,
  Mitigation: optionalText(1000),
});

const onScale = (v: string | undefined) => v !== undefined && /^[1-5]$/.test(v);

export const RiskAssessmentSchema = z
  .object({
    subjectKind: enumField(subjectKinds),
    subject: requiredText(200),
    assessedOn: RequiredDateSchema,
    nextReviewOn: RequiredDateSchema,
    summary: requiredText(4000),
    ...threatFields,
  })
  .superRefine((v, ctx) => {
    const values = rowValues(v);
    let threats = 0;
    for (const row of threatRows) {
      const threat = values[threatField(row, "Threat")];
      const rest = (["Likelihood", "Impact", "Mitigation"] as const).map((p) => values[threatField(row, p)]);
      if (!threat) {
        if (rest.some(Boolean)) ctx.addIssue({ code: "custom", path: [threatField(row, "Threat")], message: message("riskAssessments.errors.threat") });
        continue;
      }
      threats += 1;
      for (const part of ["Likelihood", "Impact"] as const)
        if (!onScale(values[threatField(row, part)]))
          ctx.addIssue({ code: "custom", path: [threatField(row, part)], message: message("riskAssessments.errors.scale") });
      if (!values[threatField(row, "Mitigation")])
        ctx.addIssue({ code: "custom", path: [threatField(row, "Mitigation")], message: message("riskAssessments.errors.mitigation") });
    }
    if (threats === 0) ctx.addIssue({ code: "custom", path: [threatField(1, "Threat")], message: message("riskAssessments.errors.threatsNeeded") });
    if (v.assessedOn && v.nextReviewOn && v.nextReviewOn <= v.assessedOn)
      ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: message("riskAssessments.errors.reviewAfter") });
    // CTPAT 2.3: reviewed at least once a year.
    if (v.assessedOn && v.nextReviewOn && /^\d{4}-\d{2}-\d{2}$/.test(v.assessedOn)) {
      const limit = `${Number(v.assessedOn.slice(0, 4)) + 1}${v.assessedOn.slice(4)}`;
      if (v.nextReviewOn > limit) ctx.addIssue({ code: "custom", path: ["nextReviewOn"], message: message("riskAssessments.errors.reviewYearly") });
    }
  });

export type RiskAssessmentValues = z.output<typeof RiskAssessmentSchema>;


export interface ThreatInput {
  position: number;
  threat: string;
  likelihood: number;
  impact: number;
  mitigation: string;
}

export function threatsOf(values: RiskAssessmentValues): ThreatInput[] {
  const raw = rowValues(values);
  const out: ThreatInput[] = [];
  for (const row of threatRows) {
    const threat = raw[threatField(row, "Threat")];
    if (!threat) continue;
    out.push({
      position: out.length + 1,
      threat,
      likelihood: Number(raw[threatField(row, "Likelihood")]),
      impact: Number(raw[threatField(row, "Impact")]),
      mitigation: raw[threatField(row, "Mitigation")] ?? "",
    });
  }
  return out;
}
