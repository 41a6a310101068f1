// The sampling rule a dossier prints: one ordinary record a month, sites in turn, photos first.
import { describe, expect, test } from "vitest";
import { monthsOfPeriod, pickSample, type Stratum } from "~/lib/dossiers/dossier-sampling";

const stratum = (month: string, site: string | null, photo = false): Stratum & { id: string } => ({ month, site_id: site, has_photo: photo, id: `${month}/${site}` });
const rank = new Map([
  ["a", 0],
  ["b", 1],
  ["c", 2],
]);

describe("monthsOfPeriod", () => {
  test("lists every calendar month touched, across a year end", () => {
    expect(monthsOfPeriod("2025-11-15", "2026-02-01")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOfPeriod("2026-03-01", "2026-03-31")).toEqual(["2026-03"]);
  });
});

describe("pickSample", () => {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04"];
  test("one record a month, the sites taken in turn by their order", () => {
    const strata = months.flatMap((m) => ["a", "b", "c"].map((s) => stratum(m, s)));
    expect(pickSample(strata, months, rank).map((s) => s.id)).toEqual(["2026-01/a", "2026-02/b", "2026-03/c", "2026-04/a"]);
  });

  test("a month's records with photos come first; a month without records is skipped", () => {
    const strata = [stratum("2026-01", "a"), stratum("2026-01", "c", true), stratum("2026-03", "b"), stratum("2026-04", "a"), stratum("2026-04", "b")];
    expect(pickSample(strata, months, rank).map((s) => s.id)).toEqual(["2026-01/c", "2026-03/b", "2026-04/b"]);
  });

  test("the same strata in another order give the same sample", () => {
    const strata = months.flatMap((m) => ["c", "a", "b"].map((s) => stratum(m, s)));
    expect(pickSample([...strata].reverse(), months, rank)).toEqual(pickSample(strata, months, rank));
  });
});
