import type { ReactNode } from "react";

/**
 * A download of a list (CSV, Excel) in a card's actions. A plain anchor, not a Remix Link: the file
 * comes from a resource route as a document request, not a client-side navigation.
 */
export function ExportLink(props: { href: string; children: ReactNode }) {
  return (
    <a href={props.href} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline" download>
      {props.children}
    </a>
  );
}
