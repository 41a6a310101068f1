import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The way back from a page to its list, in the page header's actions: a full 44 px tap target. */
export function BackLink(props: { to: string; children: ReactNode }) {
  return (
    <Link to={props.to} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
      {props.children}
    </Link>
  );
}
