import type { BarsGeometry } from "~/lib/charts/chart-geometry";
import { seriesFill, type SeriesStyle } from "./chart-figure";

// A horizontal bar chart's marks from server-computed geometry: each bar's name and value on the
// line above it, a light track for the whole axis, and the bar.

export function HorizontalBars(props: {
  geometry: BarsGeometry;
  label: (key: string) => string;
  value: (bar: BarsGeometry["bars"][number]) => string;
  barStyle: (key: string) => SeriesStyle;
  hatch: string;
}) {
  const { geometry: g } = props;
  const track = g.plot.right - g.plot.left;
  return (
    <g>
      {g.bars.map((b) => (
        <g key={b.key}>
          <text x={g.plot.left} y={b.labelY} className="fill-slate-800">
            {props.label(b.key)}
          </text>
          <rect x={g.plot.left} y={b.y} width={track} height={b.height} rx="2" className="fill-slate-100" />
          {b.width > 0 ? <rect x={g.plot.left} y={b.y} width={b.width} height={b.height} rx="2" {...seriesFill(props.barStyle(b.key), props.hatch)} /> : null}
          <text x={g.plot.right} y={b.labelY} textAnchor="end" className="fill-slate-900 font-semibold">
            {props.value(b)}
          </text>
        </g>
      ))}
    </g>
  );
}
