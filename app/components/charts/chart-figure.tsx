import { useId, type ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";

// The frame every chart shares: an <svg role="img"> named by its <title> and <desc> in the page's
// language, scaled by its viewBox to the width it is given (a phone's included), a legend in words,
// and the numbers as a table in a <details> for whoever cannot see the picture. Server-rendered;
// nothing here needs the browser (useId is the same on the server and in hydration).

export interface SeriesStyle {
  label: string;
  /** A Tailwind fill class. */
  fill: string;
  /** Diagonal lines over the fill: the series stays distinct in print and without colour. */
  hatched?: boolean;
}

/** The fill attribute and class of a series: its colour, or the hatch pattern of this chart. */
export function seriesFill(style: SeriesStyle, hatchId: string): { className?: string; fill?: string } {
  return style.hatched ? { fill: `url(#${hatchId})` } : { className: style.fill };
}

export const FONT = 11;

export function ChartFigure(props: {
  title: string;
  desc: string;
  width: number;
  height: number;
  /** Largest width in CSS pixels: the picture stops growing on a wide screen. */
  maxWidth: number;
  empty: boolean;
  /** What the empty state says. */
  emptyText: string;
  legend?: SeriesStyle[];
  table: ReactNode;
  note?: ReactNode;
  children: (ids: { hatch: string }) => ReactNode;
}) {
  const { t } = useTranslation();
  const base = `chart${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const ids = { title: `${base}-title`, desc: `${base}-desc`, hatch: `${base}-hatch` };
  const empty = props.empty;
  return (
    <figure className="space-y-2" style={{ maxWidth: props.maxWidth }}>
      <figcaption className="font-semibold text-slate-900">{props.title}</figcaption>
      <svg
        role="img"
        aria-labelledby={ids.title}
        aria-describedby={ids.desc}
        viewBox={empty ? "0 0 360 72" : `0 0 ${props.width} ${props.height}`}
        className="block h-auto w-full"
        fontSize={FONT}
      >
        <title id={ids.title}>{props.title}</title>
        <desc id={ids.desc}>{empty ? props.emptyText : props.desc}</desc>
        <defs>
          <pattern id={ids.hatch} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
            <rect width="5" height="5" className="fill-red-600" />
            <line x1="0" y1="0" x2="0" y2="5" stroke="white" strokeWidth="2" />
          </pattern>
        </defs>
        {empty ? (
          <g>
            <rect x="1" y="1" width="358" height="70" rx="6" className="fill-slate-50 stroke-slate-300" strokeDasharray="4 3" />
            <text x="180" y="42" textAnchor="middle" fontSize="14" className="fill-slate-600 font-medium">
              {t("charts.noData")}
            </text>
          </g>
        ) : (
          props.children({ hatch: ids.hatch })
        )}
      </svg>
      {empty ? <p className="text-sm text-slate-600">{props.emptyText}</p> : null}
      {!empty && props.legend?.length ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {props.legend.map((s) => (
            <li key={s.label} className="flex items-center gap-1.5">
              <svg viewBox="0 0 14 14" className="h-3.5 w-3.5 shrink-0" aria-hidden="true">
                <rect width="14" height="14" rx="2" {...seriesFill(s, ids.hatch)} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      {!empty && props.note ? <p className="text-sm text-slate-600">{props.note}</p> : null}
      {!empty ? (
        <details className="text-sm">
          <summary className="flex min-h-11 cursor-pointer items-center font-medium text-brand-700">{t("charts.showTable")}</summary>
          <div className="overflow-x-auto">{props.table}</div>
        </details>
      ) : null}
    </figure>
  );
}

/** A plain table of the chart's numbers: header row, then rows; numbers right-aligned. */
export function ChartTable(props: { caption: string; head: string[]; rows: { key: string; cells: (string | number)[] }[] }) {
  return (
    <table className="mt-2 w-full border-collapse text-left">
      <caption className="sr-only">{props.caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          {props.head.map((h, i) => (
            <th key={i} scope="col" className={`px-2 py-1 font-medium text-slate-700 ${i > 0 ? "text-right" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr key={r.key} className="border-b border-slate-100">
            {r.cells.map((c, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="px-2 py-1 font-normal text-slate-800">
                  {c}
                </th>
              ) : (
                <td key={i} className="px-2 py-1 text-right tabular-nums text-slate-800">
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
