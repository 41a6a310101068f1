// Reading self-assessments: the list with each one's live outcome, one assessment as its page and
// report show it (results, cited evidence, corrective actions, outcome), and what changed since the
// organisation's previous assessment of the same framework.
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { assessmentResultEvidence, assessmentResults, assessments, correctiveActions, evidenceFiles, frameworks, policies, users, type Criterion } from "../../../db/schema";
import { listCriteria } from "../criteria/criteria.server";
import { outsideBusinessTypes } from "../criteria/business-types.server";
import type { Database } from "../db-types.server";
import { assessmentReference } from "./result-labels";
import { scoreAssessment, type AssessmentResultValue, type Outcome, type ScoringCriterion } from "./scoring";

export function toScoringCriteria(rows: readonly Criterion[]): ScoringCriterion[] {
  const keyById = new Map(rows.map((r) => [r.id, r.key]));
  return rows.map((r) => ({
    key: r.key,
    parentKey: r.parentId ? (keyById.get(r.parentId) ?? null) : null,
    level: r.level,
    options: r.options,
    improvable: r.improvable,
    part: r.part,
    requirement: r.requirement,
  }));
}

async function resultsByKey(db: Database, orgId: string, assessmentId: string, criteriaRows: readonly Criterion[]) {
  const keyById = new Map(criteriaRows.map((c) => [c.id, c.key]));
  const rows = await db
    .select()
    .from(assessmentResults)
    .where(and(eq(assessmentResults.organizationId, orgId), eq(assessmentResults.assessmentId, assessmentId)));
  const byKey = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = keyById.get(row.criterionId);
    if (key) byKey.set(key, row);
  }
  return byKey;
}

/** Assessments with their live outcome, newest first. */
export async function listAssessments(db: Database, orgId: string) {
  const rows = await db
    .select({ assessment: assessments, framework: frameworks })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(eq(assessments.organizationId, orgId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.number));
  // One query for every result of the organisation's assessments, not one per assessment.
  const allResults = rows.length
    ? await db
        .select({ assessmentId: assessmentResults.assessmentId, criterionId: assessmentResults.criterionId, result: assessmentResults.result })
        .from(assessmentResults)
        .where(eq(assessmentResults.organizationId, orgId))
    : [];
  const criteriaCache = new Map<string, Criterion[]>();
  const out = [];
  for (const { assessment, framework } of rows) {
    let criteriaRows = criteriaCache.get(framework.id);
    if (!criteriaRows) criteriaCache.set(framework.id, (criteriaRows = await listCriteria(db, framework.id)));
    const keyById = new Map(criteriaRows.map((c) => [c.id, c.key]));
    const results = Object.fromEntries(
      allResults.filter((r) => r.assessmentId === assessment.id).map((r) => [keyById.get(r.criterionId) ?? r.criterionId, r.result]),
    );
    const outcome = scoreAssessment(framework.scoringRule, toScoringCriteria(criteriaRows), results);
    out.push({ assessment, framework, outcome, reference: assessmentReference(assessment.assessedOn, assessment.number) });
  }
  return out;
}

export interface ResultEvidence {
  recordType: string;
  recordId: string;
  label: string;
  labelEn: string;
  sha256?: string;
  sizeBytes?: number;
}

/** Everything the assessment page and the report need, for one assessment of one organisation. */
export async function getAssessmentView(db: Database, orgId: string, assessmentId: string) {
  const [row] = await db
    .select({ assessment: assessments, framework: frameworks })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.organizationId, orgId), eq(assessments.id, assessmentId)));
  if (!row) return null;
  const { assessment, framework } = row;
  const criteriaRows = await listCriteria(db, framework.id);
  const results = await resultsByKey(db, orgId, assessment.id, criteriaRows);
  const resultIds = [...results.values()].map((r) => r.id);
  const evidenceRows = resultIds.length
    ? await db
        .select()
        .from(assessmentResultEvidence)
        .where(and(eq(assessmentResultEvidence.organizationId, orgId), inArray(assessmentResultEvidence.resultId, resultIds)))
        .orderBy(asc(assessmentResultEvidence.createdAt))
    : [];
  const policyIds = evidenceRows.filter((e) => e.recordType === "policy").map((e) => e.recordId);
  const fileIds = evidenceRows.filter((e) => e.recordType === "file").map((e) => e.recordId);
  const policyRows = policyIds.length
    ? await db.select().from(policies).where(and(eq(policies.organizationId, orgId), inArray(policies.id, policyIds)))
    : [];
  const fileRows = fileIds.length
    ? await db.select().from(evidenceFiles).where(and(eq(evidenceFiles.organizationId, orgId), inArray(evidenceFiles.id, fileIds)))
    : [];
  const evidenceByResult = new Map<string, ResultEvidence[]>();
  for (const e of evidenceRows) {
    let item: ResultEvidence | null = null;
    if (e.recordType === "policy") {
      const p = policyRows.find((x) => x.id === e.recordId);
      if (p) item = { recordType: "policy", recordId: p.id, label: `${p.documentNumber} ${p.titleZh}`, labelEn: `${p.documentNumber} ${p.titleEn}` };
    } else if (e.recordType === "file") {
      const f = fileRows.find((x) => x.id === e.recordId);
      if (f) item = { recordType: "file", recordId: f.id, label: f.originalName, labelEn: f.originalName, sha256: f.sha256, sizeBytes: f.sizeBytes };
    }
    if (item) evidenceByResult.set(e.resultId, [...(evidenceByResult.get(e.resultId) ?? []), item]);
  }
  const actions = await db
    .select({ action: correctiveActions, ownerName: users.name })
    .from(correctiveActions)
    .innerJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .where(
      and(
        eq(correctiveActions.organizationId, orgId),
        eq(correctiveActions.sourceType, "assessment"),
        eq(correctiveActions.sourceId, assessment.id),
      ),
    )
    .orderBy(asc(correctiveActions.number));
  const scoring = toScoringCriteria(criteriaRows);
  const resultValues = Object.fromEntries([...results].map(([k, r]) => [k, r.result]));
  const outcome = scoreAssessment(framework.scoringRule, scoring, resultValues);
  // CN-2022 business-type criteria outside the types the assessment was made with: not applicable,
  // not asked (their result is not_applicable from the creation on).
  const notOurBusiness = criteriaRows
    .filter((c) => c.options.length > 0 && outsideBusinessTypes(framework.code, c, assessment.businessTypes))
    .map((c) => c.key);
  const people = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [assessment.createdByUserId, assessment.finalizedByUserId].filter((x): x is string => !!x)));
  return {
    assessment,
    framework,
    reference: assessmentReference(assessment.assessedOn, assessment.number),
    criteria: criteriaRows,
    scoring,
    results: Object.fromEntries(
      [...results].map(([key, r]) => [
        key,
        { result: r.result, explanation: r.explanation, updatedAt: r.updatedAt, evidence: evidenceByResult.get(r.id) ?? [] },
      ]),
    ),
    outcome,
    notOurBusiness,
    /** The assessable criteria the organisation is asked (the others are outside its business types). */
    asked: outcome.total - notOurBusiness.length,
    actions: actions.map((a) => ({ ...a.action, ownerName: a.ownerName, criterionKey: criteriaRows.find((c) => c.id === a.action.criterionId)?.key ?? null })),
    createdBy: people.find((p) => p.id === assessment.createdByUserId)?.name ?? null,
    finalizedBy: people.find((p) => p.id === assessment.finalizedByUserId)?.name ?? null,
  };
}
export type AssessmentView = NonNullable<Awaited<ReturnType<typeof getAssessmentView>>>;

export interface Comparison {
  previous: { id: string; reference: string; assessedOn: string; frameworkVersion: string; outcome: Outcome };
  changes: { key: string; code: string; titleZh: string; titleEn: string; before: AssessmentResultValue | null; after: AssessmentResultValue | null }[];
}

/**
 * The organisation's previous assessment of the same framework (any version), matched by
 * criterion key, for "what changed since last time".
 */
export async function compareWithPrevious(db: Database, orgId: string, view: AssessmentView): Promise<Comparison | null> {
  const candidates = await db
    .select({ assessment: assessments, framework: frameworks })
    .from(assessments)
    .innerJoin(frameworks, eq(frameworks.id, assessments.frameworkId))
    .where(and(eq(assessments.organizationId, orgId), eq(frameworks.code, view.framework.code), ne(assessments.id, view.assessment.id)))
    .orderBy(desc(assessments.assessedOn), desc(assessments.number));
  const earlier = candidates.find(
    (c) =>
      c.assessment.assessedOn < view.assessment.assessedOn ||
      (c.assessment.assessedOn === view.assessment.assessedOn && c.assessment.number < view.assessment.number),
  );
  if (!earlier) return null;
  const prevCriteria = await listCriteria(db, earlier.framework.id);
  const prevResults = await resultsByKey(db, orgId, earlier.assessment.id, prevCriteria);
  const prevValues = Object.fromEntries([...prevResults].map(([k, r]) => [k, r.result]));
  const prevOutcome = scoreAssessment(earlier.framework.scoringRule, toScoringCriteria(prevCriteria), prevValues);
  const changes: Comparison["changes"] = [];
  for (const c of view.criteria) {
    if (!c.options.length) continue;
    const before = (prevValues[c.key] as AssessmentResultValue | null | undefined) ?? null;
    const after = view.results[c.key]?.result ?? null;
    if (before !== after) changes.push({ key: c.key, code: c.code, titleZh: c.titleZh, titleEn: c.titleEn, before, after });
  }
  return {
    previous: {
      id: earlier.assessment.id,
      reference: assessmentReference(earlier.assessment.assessedOn, earlier.assessment.number),
      assessedOn: earlier.assessment.assessedOn,
      frameworkVersion: earlier.framework.version,
      outcome: prevOutcome,
    },
    changes,
  };
}

/** Self-assessments still in draft, oldest first (the compliance dashboard's "in progress"). */
export async function draftAssessments(db: Database, orgId: string) {
  const rows = await db
    .select({ id: assessments.id, number: assessments.number, title: assessments.title, assessedOn: assessments.assessedOn })
    .from(assessments)
    .where(and(eq(assessments.organizationId, orgId), eq(assessments.status, "draft")))
    .orderBy(asc(assessments.assessedOn), asc(assessments.number));
  return rows.map((r) => ({ ...r, reference: assessmentReference(r.assessedOn, r.number) }));
}
