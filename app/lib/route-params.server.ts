import { data } from "@remix-run/node";
import { isUuid } from "./value-checks";

export { isUuid };

/** A malformed id is simply a record that does not exist: 404, never a database error. */
export function uuidParam(params: Record<string, string | undefined>, name: string): string {
  const value = params[name];
  if (!isUuid(value)) notFound();
  return value;
}

/** A record of another organisation, or one that does not exist: the same answer for both. */
export function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}
