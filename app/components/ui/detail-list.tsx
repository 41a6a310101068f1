import type { ReactNode } from "react";

// A record's labelled values, the same on every record's page: the label on the left (above the
// value on a phone), the value on the right; `multiline` keeps the line breaks of a written text.

/** The list: `rows` first (label, value), then any Detail given as children. */
export function DetailList(props: { rows?: readonly (readonly [string, ReactNode])[]; multiline?: boolean; children?: ReactNode }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_minmax(0,1fr)]">
      {props.rows?.map(([label, value]) => (
        <Detail key={label} label={label} multiline={props.multiline}>
          {value}
        </Detail>
      ))}
      {props.children}
    </dl>
  );
}

export function Detail(props: { label: string; multiline?: boolean; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-sm font-medium text-slate-500">{props.label}</dt>
      <dd className={props.multiline ? "whitespace-pre-line text-slate-900" : "text-slate-900"}>{props.children}</dd>
    </div>
  );
}
