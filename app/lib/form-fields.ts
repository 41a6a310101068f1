import type { z } from "zod";

// Form controls name their fields with plain strings (name="partnerName"), and the action reads them
// with the zod schema the page validates with. Naming them through the schema's type instead makes
// tsc refuse a name the schema does not have, so renaming a schema key is caught at every form.

/** Keys of every member of a union (a discriminated schema's input is one). */
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** A field name of the schema's input: one of its keys. */
export type FieldName<S extends z.ZodType> = Extract<KeysOfUnion<z.input<S>>, string>;

/** The name, checked against the schema: fieldName<typeof PartnerSchema>("partnerName"). */
export function fieldName<S extends z.ZodType>(name: FieldName<S>): FieldName<S> {
  return name;
}

/**
 * An object whose properties are the schema's keys, each giving its own name:
 * fields(PartnerSchema).legalNameZh is "legalNameZh". The schema is only there for its type; any
 * property read gives its own name back, so this works for refined and union schemas alike.
 */
export function fields<S extends z.ZodType>(schema: S): { readonly [K in FieldName<S>]: K } {
  void schema;
  return new Proxy({} as { readonly [K in FieldName<S>]: K }, {
    get: (_target, key) => key,
  });
}
