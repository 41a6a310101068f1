import type { ReactNode } from "react";

/** One labelled control of a list's filter form; className sizes it in the form's grid. */
export function FilterField(props: { label: string; htmlFor: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 space-y-1 ${props.className ?? ""}`}>
      <label htmlFor={props.htmlFor} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.children}
    </div>
  );
}
