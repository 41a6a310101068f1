import { describe, expect, test } from "vitest";
import { parseCargoFilter } from "~/lib/cargo/cargo-filter";
import { parseCustomsContactFilter, parseIncidentFilter } from "~/lib/incidents/incident-filter";
import { filterSearch, listPage, listPaging } from "~/lib/list-filter";
import { parseVisitorFilter } from "~/lib/visitors/visitor-filter";

// A register's address carries its filters and page: what parses is kept, anything else is ignored
// (a hand-edited or stale link shows the list, never an error).

const site = "0b7c6a3e-2f5d-4a8e-9c1b-3d4e5f6a7b8c";

describe("register list filters from the address", () => {
  test("the values that parse are kept, trimmed; the others are dropped", () => {
    const params = new URLSearchParams({ site, direction: "receiving", from: " 2026-03-01 ", to: "2026-02-30", discrepancy: "yes", q: "  TGHU  " });
    expect(parseCargoFilter(params)).toEqual({ site, direction: "receiving", from: "2026-03-01", discrepancy: "yes", q: "TGHU" });
    expect(parseCargoFilter(new URLSearchParams({ site: "not-a-site", direction: "sideways", discrepancy: "no", q: "   " }))).toEqual({});
  });

  test("each list keeps only its own fields, and the search words are cut at 60 characters", () => {
    const params = new URLSearchParams({ site, kind: "notification", status: "open", q: "x".repeat(80) });
    expect(parseIncidentFilter(params)).toEqual({ site, status: "open" });
    expect(parseCustomsContactFilter(params)).toEqual({ kind: "notification" });
    expect(parseVisitorFilter(params)).toEqual({ site, q: "x".repeat(60) });
  });

  test("a filter goes back into the address without its empty fields", () => {
    expect(filterSearch({ site, from: "2026-03-01", q: "" })).toBe(`?site=${site}&from=2026-03-01`);
    expect(filterSearch({})).toBe("");
  });

  test("the page is 1 to 10,000 and the pager counts pages of the list", () => {
    expect(listPage(new URLSearchParams("page=3"), 50)).toEqual({ page: 3, limit: 50, offset: 100 });
    expect(listPage(new URLSearchParams("page=abc"), 50).page).toBe(1);
    expect(listPage(new URLSearchParams("page=99999"), 50).page).toBe(10_000);
    expect(listPaging(2, 50, { total: 101, more: false })).toEqual({ page: 2, pages: 3, total: 101, more: false });
    expect(listPaging(1, 50, { total: 0, more: false }).pages).toBe(1);
  });
});
