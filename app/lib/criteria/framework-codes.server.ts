import { dashboardCoverageFrameworks, frameworkOrder } from "../../../db/catalog/framework-uses";

// Framework codes are data: the catalogue (db/catalog) names them, and code takes them from there.

/** The standards the dashboard measures criteria coverage over (db/catalog/framework-uses.ts). */
export const coverageFrameworks = dashboardCoverageFrameworks;

/** Sorts frameworks into the catalogue's listing order; codes it does not list follow, by code. */
export function byFrameworkOrder(a: { code: string }, b: { code: string }): number {
  const rank = (code: string) => {
    const at = frameworkOrder.indexOf(code);
    return at === -1 ? frameworkOrder.length : at;
  };
  return rank(a.code) - rank(b.code) || a.code.localeCompare(b.code);
}
