import type { ImprovementRule } from "./types";

/** A criterion may be improved unless its framework's own rule excludes it (db/catalog/types.ts). */
export function isImprovable(rule: ImprovementRule, key: string): boolean {
  return rule.kind !== "window" || !rule.notImprovable.includes(key);
}
