/**
 * The certification standards Tradeguard carries (db/catalog/frameworks/), in the order pages list
 * them: China Customs' 2022 advanced-certification standard first, then its 2014 general one, then
 * US CTPAT's minimum security criteria and the WCO SAFE framework's AEO conditions.
 */
export const frameworkCodes = ["cn-2022-advanced", "cn-2014-general", "ctpat-msc", "wco-safe-aeo"] as const;

export type FrameworkCode = (typeof frameworkCodes)[number];

/**
 * A named subset of the framework codes. `satisfies` makes tsc refuse a code that is not one of
 * frameworkCodes, while the tuple keeps its own narrower element type.
 */
type FrameworkSubset = readonly FrameworkCode[];

/**
 * The Chinese standards: the current 2022 regime and the 2014 one, the ones a Chinese AEO enterprise
 * is judged by. The dashboard measures criteria coverage over them.
 */
export const coverageFrameworks = ["cn-2022-advanced", "cn-2014-general"] as const satisfies FrameworkSubset;
export type CoverageFramework = (typeof coverageFrameworks)[number];

/** The standards whose training requirements the training register checks (the Chinese ones). */
export const requirementFrameworks = ["cn-2022-advanced", "cn-2014-general"] as const satisfies FrameworkSubset;
export type RequirementFramework = (typeof requirementFrameworks)[number];

/** The standards an audit dossier can be built for: all of them. */
export const dossierFrameworks = frameworkCodes satisfies FrameworkSubset;
export type DossierFramework = (typeof dossierFrameworks)[number];

/** True when the value is one of the codes of the subset (narrows it to the subset's type). */
export function isFrameworkIn<const S extends FrameworkSubset>(subset: S, value: unknown): value is S[number] {
  return (subset as readonly unknown[]).includes(value);
}
