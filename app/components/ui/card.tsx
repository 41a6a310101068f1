import type { ReactNode } from "react";

export function Card(props: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${props.className ?? ""}`}>
      {props.title || props.actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {props.title ? <h2 className="text-lg font-semibold text-slate-900">{props.title}</h2> : <span />}
          {props.actions}
        </div>
      ) : null}
      {props.children}
    </section>
  );
}

export function PageHeader(props: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{props.title}</h1>
        {props.description ? <p className="mt-1 text-slate-600">{props.description}</p> : null}
      </div>
      {props.actions}
    </div>
  );
}
