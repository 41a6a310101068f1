import type { ReactNode } from "react";

/** One list of things to look at on a dashboard card: a coloured heading, the lines, and a link to the rest. */
export function Watch(props: { title: string; tone: "red" | "amber"; more?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <h3 className={`text-sm font-semibold ${props.tone === "red" ? "text-red-700" : "text-amber-800"}`}>{props.title}</h3>
      <ul className="divide-y divide-slate-100">{props.children}</ul>
      {props.more}
    </div>
  );
}
