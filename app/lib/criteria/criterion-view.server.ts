import type { Criterion, Framework } from "../../../db/schema";
import type { listPolicies } from "../policies/policies.server";
import { isAssessable, type CoverageView, type MappedCriterion, type topicsForCriterion } from "./criteria.server";

// The criterion page's data (app/routes/_app.criteria.$framework.$criterion): the rows its loader
// read, mapped for the page, so the walk through the tree and the cross-walk grouping are tested
// without a database.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Policy = Rows<typeof listPolicies>[number];

export interface CriterionRows {
  framework: Framework;
  /** Every criterion of the framework version, in document order. */
  criteria: Criterion[];
  criterion: Criterion;
  /** Criteria of other frameworks that share a cross-walk topic, by criterion id. */
  mappings: Map<string, MappedCriterion[]>;
  topics: Rows<typeof topicsForCriterion>;
  /** All frameworks, for naming the cross-walk groups in their catalogue order. */
  frameworks: Pick<Framework, "code" | "nameZh" | "nameEn">[];
  /** The organisation's coverage of the criterion: null for a heading, which is not assessed. */
  coverage: CoverageView | null;
  /** The organisation's policies (only those the coverage links to are shown). */
  policies: (Pick<Policy, "id" | "documentNumber" | "titleZh" | "titleEn"> & {
    current: Pick<NonNullable<Policy["current"]>, "version" | "effectiveOn"> | null;
  })[];
}

export type CriterionBrief = Pick<Criterion, "key" | "code" | "level" | "part" | "titleZh" | "titleEn">;

function brief(c: Criterion): CriterionBrief {
  return { key: c.key, code: c.code, level: c.level, part: c.part, titleZh: c.titleZh, titleEn: c.titleEn };
}

/** The ids of the policies a coverage view links to: the loader reads the policy list only when there are any. */
export function linkedPolicyIds(coverage: CoverageView | null): Set<string> {
  return new Set(coverage?.policies.map((p) => p.id) ?? []);
}

export function criterionView(rows: CriterionRows) {
  const { framework, criteria: all, criterion, mappings, topics, frameworks, coverage, policies } = rows;
  const byId = new Map(all.map((c) => [c.id, c]));
  const ancestors: Criterion[] = [];
  for (let p = criterion.parentId ? byId.get(criterion.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) {
    ancestors.unshift(p);
  }
  // Previous and next step through the assessable criteria, in document order.
  const previous = all.filter((c) => isAssessable(c) && c.position < criterion.position).at(-1) ?? null;
  const next = all.find((c) => isAssessable(c) && c.position > criterion.position) ?? null;

  const own = mappings.get(criterion.id) ?? [];
  const mappingGroups = frameworks
    .filter((f) => f.code !== framework.code)
    .map((f) => ({ code: f.code, nameZh: f.nameZh, nameEn: f.nameEn, criteria: own.filter((m) => m.frameworkCode === f.code) }))
    .filter((g) => g.criteria.length > 0);

  const linked = linkedPolicyIds(coverage);
  const evidence = coverage
    ? {
        ...coverage,
        policies: policies
          .filter((p) => linked.has(p.id))
          .map((p) => ({
            id: p.id,
            documentNumber: p.documentNumber,
            titleZh: p.titleZh,
            titleEn: p.titleEn,
            version: p.current?.version ?? null,
            effectiveOn: p.current?.effectiveOn ?? null,
          })),
      }
    : null;

  return {
    framework: {
      code: framework.code,
      version: framework.version,
      nameZh: framework.nameZh,
      nameEn: framework.nameEn,
      scoringRule: framework.scoringRule,
      improvementDays: framework.improvementDays,
    },
    criterion: {
      ...brief(criterion),
      textZh: criterion.textZh,
      textEn: criterion.textEn,
      options: criterion.options,
      improvable: criterion.improvable,
      requirement: criterion.requirement,
      provenance: criterion.provenance,
      noteZh: criterion.noteZh,
      noteEn: criterion.noteEn,
    },
    ancestors: ancestors.map(brief),
    children: all.filter((c) => c.parentId === criterion.id).map(brief),
    previous: previous ? brief(previous) : null,
    next: next ? brief(next) : null,
    mappingGroups,
    topics,
    evidence,
  };
}

export type CriterionPageData = ReturnType<typeof criterionView>;
