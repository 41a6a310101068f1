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
