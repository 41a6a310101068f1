import { monthLabel } from "~/lib/charts/chart-months";

/** A month column's label: the month, and the year under it on the first column and every January. */
export function monthAxisLabel(language: string) {
  return (key: string, index: number): [string] | [string, string] => {
    const month = monthLabel(key, language, false);
    return index === 0 || key.endsWith("-01") ? [month, key.slice(0, 4)] : [month];
  };
}
