import type { StackedColumnsGeometry } from "~/lib/charts/chart-geometry";
import { seriesFill, type SeriesStyle } from "./chart-figure";

// A stacked column chart's marks, drawn from server-computed geometry: grid lines and their values,
// the stacked segments (a segment tall enough carries its value), the total above each column and
// the category under it (one or two lines).

export function StackedColumns(props: {
  geometry: StackedColumnsGeometry;
  styles: Record<string, SeriesStyle>;
  hatch: string;
  columnLabel: (key: string, index: number) => [string] | [string, string];
}) {
  const { geometry: g, styles, hatch } = props;
  return (
    <g>
      {g.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={g.plot.left} x2={g.plot.right} y1={tick.at} y2={tick.at} className="stroke-slate-200" strokeWidth="1" />
          <text x={g.plot.left - 5} y={tick.at + 4} textAnchor="end" className="fill-slate-500">
            {tick.value}
          </text>
        </g>
      ))}
      {g.columns.map((c, i) => {
        const [first, second] = props.columnLabel(c.key, i);
        const centre = c.x + c.width / 2;
        return (
          <g key={c.key}>
            {c.segments.map((s) =>
              s.height > 0 ? (
                <g key={s.series}>
                  <rect x={c.x} y={s.y} width={c.width} height={s.height} {...seriesFill(styles[s.series]!, hatch)} />
                  {s.height >= 13 && s.value !== c.total ? (
                    <text
                      x={centre}
                      y={s.y + s.height / 2 + 3.5}
                      textAnchor="middle"
                      fontSize="9.5"
                      className="fill-slate-900 font-semibold"
                      paintOrder="stroke"
                      stroke="white"
                      strokeWidth="3"
                      strokeLinejoin="round"
                    >
                      {s.value}
                    </text>
                  ) : null}
                </g>
              ) : null,
            )}
            {c.total > 0 ? (
              <text x={centre} y={c.top - 4} textAnchor="middle" className="fill-slate-900 font-semibold">
                {c.total}
              </text>
            ) : null}
            <text x={centre} y={g.plot.bottom + 14} textAnchor="middle" className="fill-slate-700">
              {first}
            </text>
            {second ? (
              <text x={centre} y={g.plot.bottom + 26} textAnchor="middle" fontSize="9" className="fill-slate-500">
                {second}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} className="stroke-slate-400" strokeWidth="1" />
    </g>
  );
}
