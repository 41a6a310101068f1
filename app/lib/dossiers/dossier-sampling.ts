// How a dossier chooses the ordinary records it shows, as pure rules (the database finds the strata).

import type { Bilingual } from "./dossier-types";

/** A criterion with at most this many ordinary records of a type shows them all instead of a sample. */
export const SHOW_ALL_UP_TO = 12;
/** The sampling rule as each section prints it. */
export const SAMPLE_RULE: Bilingual = {
  zh: "抽样规则：每种记录每月抽取一条普通记录（例外情况已全部列出）；场所按名称轮换，优先选取附有照片的记录。少于 13 条时全部列出。完整记录见所附登记册。",
  en: "Sampling rule: one ordinary record of each type per month (every exception is listed above); sites taken in turn by name, records with photos first. Types with 12 records or fewer are listed in full. Every record is in the attached register.",
};

/** A stratum: the first ordinary record of one site in one month. */
export interface Stratum {
  month: string;
  site_id: string | null;
  has_photo: boolean;
}

/** The calendar months (YYYY-MM) from one date to another, both included. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const out: string[] = [];
  let [year, month] = from.slice(0, 7).split("-").map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) return out;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The sample of one criterion and type: for each month of the period, one stratum (a site's first
 * ordinary record that month), the sites taken in turn (the k-th month takes the k-th site with
 * records, counting round), those whose record has photos first.
 */
export function pickSample<S extends Stratum>(strata: readonly S[], months: readonly string[], siteRank: ReadonlyMap<string, number>): S[] {
  const rank = (s: S) => (s.site_id === null ? -1 : (siteRank.get(s.site_id) ?? Number.MAX_SAFE_INTEGER));
  const byMonth = new Map<string, S[]>();
  for (const s of strata) byMonth.set(s.month, [...(byMonth.get(s.month) ?? []), s]);
  const out: S[] = [];
  months.forEach((month, k) => {
    const list = (byMonth.get(month) ?? []).sort((a, b) => rank(a) - rank(b));
    if (list.length === 0) return;
    const withPhotos = list.filter((s) => s.has_photo);
    const pool = withPhotos.length > 0 ? withPhotos : list;
    out.push(pool[k % pool.length] as S);
  });
  return out;
}

