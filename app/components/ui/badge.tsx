import type { ReactNode } from "react";

const tones = {
  neutral: "bg-slate-100 text-slate-700",
  good: "bg-green-100 text-green-800",
  bad: "bg-red-100 text-red-800",
  warn: "bg-amber-100 text-amber-800",
  brand: "bg-brand-100 text-brand-800",
} as const;

export function Badge(props: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-sm font-medium ${tones[props.tone ?? "neutral"]}`}>
      {props.children}
    </span>
  );
}
