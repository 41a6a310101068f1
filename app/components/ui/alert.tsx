import type { ReactNode } from "react";

const tones = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-brand-100 bg-brand-50 text-brand-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
} as const;

/** Errors are announced at once (role=alert); other notices politely (role=status). */
export function Alert(props: { tone: keyof typeof tones; children: ReactNode; title?: ReactNode }) {
  return (
    <div role={props.tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 ${tones[props.tone]}`}>
      {props.title ? <p className="font-semibold">{props.title}</p> : null}
      <div>{props.children}</div>
    </div>
  );
}
