import { z } from "zod";
import { isCalendarDate, isUuid } from "./value-checks";

// A register list's filters and page, read from the query string (each filtered view has its own
// address and works without JavaScript) and written back into it. A list declares its filter as a
// zod shape of the fields below; a value that does not parse is ignored, never an error.

export const filterFields = {
  /** One of the organisation's sites (its id). */
  site: z.string().refine(isUuid),
  /** A calendar day, yyyy-mm-dd. */
  date: z.string().trim().refine(isCalendarDate),
  /** Words searched for: trimmed, at most 60 characters. */
  text: z
    .string()
    .trim()
    .min(1)
    .transform((v) => v.slice(0, 60)),
  /** One of a list of values. */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values),
  /** A checkbox that keeps only some rows: "yes" or nothing. */
  yes: z.literal("yes"),
};

type FilterShape = Record<string, z.ZodType<string | undefined>>;
export type FilterOf<S extends FilterShape> = { [K in keyof S]?: z.output<S[K]> };

/** The filter the query string sets: only the fields of `shape` that parse. */
export function parseListFilter<S extends FilterShape>(shape: S, params: URLSearchParams): FilterOf<S> {
  const filter: Record<string, string> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const parsed = schema.safeParse(params.get(key) ?? undefined);
    if (parsed.success && parsed.data) filter[key] = parsed.data;
  }
  return filter as FilterOf<S>;
}

/** The query string of a filter ("?site=…&from=…"), "" when none is set. */
export function filterSearch(filter: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === "string" && value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The page a list's address asks for (1 to 10,000) and the rows it shows of `pageSize`. */
export function listPage(params: URLSearchParams, pageSize: number) {
  const page = Math.max(1, Math.min(10_000, Number(params.get("page")) || 1));
  return { page, limit: pageSize, offset: (page - 1) * pageSize };
}

/** What the pager needs of a counted list (listTotal): this page, how many, and whether more. */
export function listPaging(page: number, pageSize: number, counted: { total: number; more: boolean }) {
  return { page, pages: Math.max(1, Math.ceil(counted.total / pageSize)), total: counted.total, more: counted.more };
}
