import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Card } from "./card";
import { ExportLink } from "./export-link";
import { pageAddress, Pager } from "./pager";

// A register's list, the same on every register: a card titled with the count, the CSV export in its
// corner, the filter panel, the rows (or what an empty list says) and the pager under them.

/** A row in two parts: what it is on the left, its state on the right (under it on a phone). */
export const SPLIT_ROW = "grid gap-2 py-3 md:grid-cols-[minmax(0,1fr)_auto] md:items-start md:gap-6";

export interface ListPaging {
  page: number;
  pages: number;
  /** Counted only so far (LIST_COUNT_LIMIT): there are more pages than `pages`. */
  more: boolean;
}

export function RegisterList<Row extends { id: string }>(props: {
  title: string;
  exportLink?: { href: string; label: string } | null;
  /** The filter panel (FilterPanel), when the list has one. */
  filter?: ReactNode;
  rows: readonly Row[];
  /** What the list says when it has no rows (with a filter set: that nothing matches). */
  empty: string;
  row: (row: Row) => ReactNode;
  /** Each row's class (its layout). */
  rowClassName?: string;
  /** The pager: the list's path and its filter's query; none for a list shown whole. */
  pager?: ListPaging & { label: string; path: string; search: string };
}) {
  const pager = props.pager;
  return (
    <Card
      title={props.title}
      actions={props.exportLink ? <ExportLink href={props.exportLink.href}>{props.exportLink.label}</ExportLink> : null}
    >
      {props.filter}
      {props.rows.length === 0 ? (
        <p className="text-slate-600">{props.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.rows.map((r) => (
            <li key={r.id} className={props.rowClassName ?? "py-3"}>
              {props.row(r)}
            </li>
          ))}
        </ul>
      )}
      {pager ? (
        <Pager
          page={pager.page}
          pages={pager.pages}
          more={pager.more}
          label={pager.label}
          href={(p) => pageAddress(pager.path, pager.search, p)}
        />
      ) : null}
    </Card>
  );
}

/** A row's link to its record: the reference in monospace, then what the record is. */
export function RowLink(props: { to: string; reference: string; children: ReactNode }) {
  return (
    <Link to={props.to} className="font-medium text-brand-700 underline">
      <span className="mr-2 font-mono text-sm">{props.reference}</span>
      {props.children}
    </Link>
  );
}

/** A row's details under its link, the ones it has, separated by middle dots. */
export function RowDetails(props: { parts: readonly (string | null | undefined | false)[] }) {
  return <p className="mt-1 text-sm text-slate-600">{props.parts.filter(Boolean).join(" · ")}</p>;
}
