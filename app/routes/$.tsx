import { notFound } from "~/lib/route-params.server";

/** Any address no route claims: the bilingual 404 page from the root error boundary. */
export function loader(): never {
  notFound();
}

export default function CatchAll() {
  return null;
}
