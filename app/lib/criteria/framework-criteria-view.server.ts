import type { Criterion, Framework } from "../../../db/schema";
import type { CriterionCoverage } from "../evidence/evidence.server";
import { outsideBusinessTypes } from "./business-types.server";
import { coverageView, isAssessable, searchTerms, visibleCriteria, type CoverageView, type MappedCriterion } from "./criteria.server";

// The framework page's data (app/routes/_app.criteria.$framework._index): the framework's criteria
// filtered by the search box and the gaps switch, each with its coverage and cross-walk, and the
// result options stated once where a whole framework or class shares them.

export interface FrameworkCriteriaRows {
  framework: Framework;
  /** Every criterion of the framework version, in document order. */
  criteria: Criterion[];
  /** Criteria of other frameworks that share a cross-walk topic, by criterion id. */
  mappings: Map<string, MappedCriterion[]>;
  /** The organisation's evidence, by criterion id. */
  coverage: Map<string, CriterionCoverage>;
  /** "framework/key" of the criteria the organisation's checklist templates feed. */
  fedByTemplates: ReadonlySet<string>;
  /** The organisation's CN-2022 business types (null: not recorded, every criterion applies). */
  businessTypes?: readonly string[] | null;
}

export interface FrameworkCriteriaFilter {
  q: string;
  gapsOnly: boolean;
}

/** The page's filter from its address: the search words (at most 100 characters) and the gaps switch. */
export function frameworkCriteriaFilter(url: URL): FrameworkCriteriaFilter {
  return { q: (url.searchParams.get("q") ?? "").trim().slice(0, 100), gapsOnly: url.searchParams.get("gaps") === "1" };
}

export function frameworkCriteriaView(rows: FrameworkCriteriaRows, filter: FrameworkCriteriaFilter, timeZone: string) {
  const { framework, criteria: all, mappings, coverage, fedByTemplates } = rows;
  const { q, gapsOnly } = filter;
  // A business-type criterion outside the organisation's types is not applicable: never a gap.
  const notOurs = (c: { stableKey: string | null }) => outsideBusinessTypes(framework.code, c, rows.businessTypes ?? null);
  const views = new Map<string, CoverageView>();
  for (const c of all) {
    if (!isAssessable(c)) continue;
    const view = coverageView(framework.code, c, coverage.get(c.id), timeZone, fedByTemplates);
    views.set(c.id, notOurs(c) ? { ...view, lacksEvidence: false } : view);
  }
  const shown = visibleCriteria(all, searchTerms(q), (c) => !gapsOnly || views.get(c.id)?.lacksEvidence === true);

  // Result options are printed once where they are the same for a whole class (or framework), as the
  // standard's own table headers do, instead of on every row.
  const assessable = all.filter(isAssessable);
  const same = (list: typeof assessable) =>
    list.length > 0 && list.every((c) => c.options.join() === list[0]!.options.join()) ? list[0]!.options : null;
  const frameworkOptions = same(assessable);
  const topOf = new Map<string, string>();
  for (const c of all) topOf.set(c.id, c.parentId ? (topOf.get(c.parentId) ?? c.parentId) : c.id);
  const classOptions = new Map<string, string[] | null>();
  if (!frameworkOptions) {
    for (const c of all.filter((c) => !c.parentId && !isAssessable(c))) {
      classOptions.set(c.id, same(assessable.filter((a) => topOf.get(a.id) === c.id)));
    }
  }

  return {
    framework: {
      code: framework.code,
      version: framework.version,
      nameZh: framework.nameZh,
      nameEn: framework.nameEn,
      sourceZh: framework.sourceZh,
      sourceEn: framework.sourceEn,
      scoringRule: framework.scoringRule,
      improvementDays: framework.improvementDays,
      /** The catalogue's improvement rule: its source paragraph, or the note that the text sets none. */
      improvementSourceZh: framework.improvementRule?.kind === "window" ? framework.improvementRule.sourceZh : null,
      improvementSourceEn: framework.improvementRule?.kind === "window" ? framework.improvementRule.sourceEn : null,
      improvementNoteZh: framework.improvementRule?.kind === "not_stated" ? framework.improvementRule.noteZh : null,
      improvementNoteEn: framework.improvementRule?.kind === "not_stated" ? framework.improvementRule.noteEn : null,
      options: frameworkOptions,
    },
    filter: { q, gapsOnly },
    totals: {
      assessable: assessable.filter((c) => !notOurs(c)).length,
      notApplicable: assessable.filter(notOurs).length,
      shown: shown.filter(isAssessable).length,
      gaps: [...views.values()].filter((v) => v.lacksEvidence).length,
    },
    nodes: shown.map((c) => {
      const own = isAssessable(c);
      const printedAbove = frameworkOptions !== null || (classOptions.get(topOf.get(c.id) ?? "") ?? null) !== null;
      return {
        key: c.key,
        code: c.code,
        level: c.level,
        depth: c.depth,
        part: c.part,
        titleZh: c.titleZh,
        titleEn: c.titleEn,
        textZh: c.textZh,
        textEn: c.textEn,
        assessable: own,
        /** Outside the organisation's business types: shown as not applicable, with the reason. */
        notOurBusiness: own && notOurs(c),
        /** Options on this row: only where no heading above already states them. */
        options: own && !printedAbove ? c.options : [],
        /** Options stated on this class heading for everything under it. */
        headingOptions: !c.parentId ? (classOptions.get(c.id) ?? []) : [],
        /** A failure here stands: shown only where the framework has an improvement period at all. */
        notImprovable: framework.improvementDays !== null && own && !c.improvable && c.options.includes("fails"),
        requirement: c.requirement,
        provenance: c.provenance,
        noteZh: c.noteZh,
        noteEn: c.noteEn,
        mappings: (mappings.get(c.id) ?? []).map((m) => ({
          frameworkCode: m.frameworkCode,
          key: m.key,
          code: m.code,
          part: m.part,
          titleZh: m.titleZh,
          titleEn: m.titleEn,
        })),
        coverage: views.get(c.id) ?? null,
      };
    }),
  };
}

export type FrameworkCriteriaData = ReturnType<typeof frameworkCriteriaView>;
export type FrameworkCriteriaNode = FrameworkCriteriaData["nodes"][number];
