import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { dropEmptyFields } from "~/components/form/filter-form";
import { buttonClass } from "./button";

// A register's filter form, the same on every list: a GET form that leaves the empty fields out of
// the address, and its apply button with a clear link shown only while a filter is set.

/** The GET filter form; className lays its fields out in a grid, label names it for screen readers. */
export function FilterForm(props: { label: string; className: string; action?: string; children: ReactNode }) {
  return (
    <Form method="get" action={props.action} onSubmit={dropEmptyFields} className={props.className} aria-label={props.label}>
      {props.children}
    </Form>
  );
}

/** Apply, and clear back to `clearTo` when a filter is set. */
export function FilterButtons(props: { apply: string; clear: string; clearTo: string; filtered: boolean }) {
  return (
    <>
      <button type="submit" className={buttonClass("primary")}>
        {props.apply}
      </button>
      {props.filtered ? (
        <Link to={props.clearTo} className={buttonClass("secondary")}>
          {props.clear}
        </Link>
      ) : null}
    </>
  );
}

/**
 * A list's filter, folded under its label until a filter is set: the form (keyed by the filter's
 * query, so after "clear" the fields show what the list shows), its fields, then apply and clear.
 * `className` lays the fields out in a grid; `buttonsClassName` spans the buttons' row across it.
 */
export function FilterPanel(props: {
  label: string;
  apply: string;
  clear: string;
  clearTo: string;
  /** The filter's query string ("?site=…"), or "" when none is set. */
  search: string;
  className: string;
  buttonsClassName: string;
  children: ReactNode;
}) {
  const filtered = props.search !== "";
  return (
    <details open={filtered || undefined} className="mb-4">
      <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{props.label}</summary>
      <FilterForm key={props.search} className={`mt-2 grid gap-3 ${props.className}`} label={props.label}>
        {props.children}
        <div className={`flex flex-wrap items-end gap-2 ${props.buttonsClassName}`}>
          <FilterButtons apply={props.apply} clear={props.clear} clearTo={props.clearTo} filtered={filtered} />
        </div>
      </FilterForm>
    </details>
  );
}
