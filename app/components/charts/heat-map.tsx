import type { HeatMapGeometry } from "~/lib/charts/chart-geometry";
import { localized } from "~/lib/i18n/localized";

// A heat map's marks from server-computed geometry: column headings (a year line where it starts or
// changes), each row's code (its full title as a tooltip), and the cells, shaded by level and
// carrying their count, so the figure still reads in grey print.

export const heatFills = ["fill-slate-50", "fill-sky-100", "fill-sky-300", "fill-sky-600", "fill-brand-800"] as const;

export function HeatMap(props: {
  geometry: HeatMapGeometry;
  language: string;
  columnLabel: (key: string, index: number) => [string] | [string, string];
}) {
  const { geometry: g, language } = props;
  return (
    <g>
      {g.columns.map((c, i) => {
        const [first, second] = props.columnLabel(c.key, i);
        const centre = c.x + g.cellWidth / 2;
        return (
          <g key={c.key}>
            {second ? (
              <text x={centre} y={12} textAnchor="middle" fontSize="9" className="fill-slate-500">
                {second}
              </text>
            ) : null}
            <text x={centre} y={g.headerHeight - 6} textAnchor="middle" fontSize="10" className="fill-slate-700">
              {first}
            </text>
          </g>
        );
      })}
      {g.rows.map((r) => (
        <g key={r.key}>
          <title>{`${localized(r, "code", language)} ${localized(r, "title", language)}`}</title>
          <text x={g.labelWidth - 6} y={r.y + g.cellHeight / 2 + 4} textAnchor="end" className="fill-slate-800">
            {localized(r, "code", language)}
          </text>
          {r.cells.map((c) => (
            <g key={c.column}>
              <rect
                x={c.x + 1}
                y={r.y + 1}
                width={g.cellWidth - 2}
                height={g.cellHeight - 2}
                rx="2"
                className={`${heatFills[c.level] ?? heatFills[0]} ${c.level === 0 ? "stroke-slate-200" : ""}`}
              />
              {c.value > 0 ? (
                <text
                  x={c.x + g.cellWidth / 2}
                  y={r.y + g.cellHeight / 2 + 3.5}
                  textAnchor="middle"
                  fontSize={c.value >= 1000 ? 7.5 : 10}
                  className={c.level >= 3 ? "fill-white font-semibold" : "fill-slate-900"}
                >
                  {c.value}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      ))}
    </g>
  );
}
