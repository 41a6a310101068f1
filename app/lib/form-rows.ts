import { z } from "zod";

// The repeating rows of a register's form (an internal audit's findings, a risk assessment's
// threats): a fixed number of rows, so the form works without JavaScript, each row a few fields
// named `<thing><row><Part>`. A row left empty is not one; the schema's refinement checks the rest.

/** Rows 1 to `count`. */
export function formRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** A row's value: trimmed, undefined when left empty. */
export const optionalRowValue = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The schema's fields of every row: `name(row, part)` with each part's schema. */
export function rowFields<P extends string>(
  rows: readonly number[],
  name: (row: number, part: P) => string,
  parts: Record<P, z.ZodType<string | undefined>>,
): Record<string, z.ZodType<string | undefined>> {
  return Object.fromEntries(rows.flatMap((row) => (Object.entries(parts) as [P, z.ZodType<string | undefined>][]).map(([part, schema]) => [name(row, part), schema])));
}

/** The form's values by field name, to read its rows. */
export function rowValues(values: object): Record<string, string | undefined> {
  return values as Record<string, string | undefined>;
}
