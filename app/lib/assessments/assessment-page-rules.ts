// What the assessment page decides in the browser (app/routes/_app.assessments.$assessmentId): who
// may still change results, and which criteria "?open=1" lists. Pure, so the page and tests share them.

/** Results are entered while the assessment is a draft, by a member who manages assessments. */
export function assessmentEditable(canManage: boolean, status: "draft" | "final"): boolean {
  return canManage && status === "draft";
}

/**
 * The criteria without a saved result, with the headings above them (in the order given); headings
 * (no options) are never open themselves.
 */
export function openCriteria<C extends { key: string; options: readonly unknown[] }>(
  criteria: readonly C[],
  scoring: readonly { key: string; parentKey: string | null }[],
  saved: Readonly<Record<string, unknown>>,
): C[] {
  const parentOf = new Map(scoring.map((c) => [c.key, c.parentKey]));
  const keep = new Set<string>();
  for (const c of criteria) {
    if (c.options.length === 0 || saved[c.key]) continue;
    for (let key: string | null | undefined = c.key; key; key = parentOf.get(key)) keep.add(key);
  }
  return criteria.filter((c) => keep.has(c.key));
}
