import { describe, expect, test } from "vitest";
import { compareItems, countByKind, itemsFor, stateOfDue, withManagerFallback } from "~/lib/attention/attention-rules";
import type { AttentionItem } from "~/lib/attention/attention-types";
import type { Role } from "~/lib/auth/permissions";

function item(overrides: Partial<AttentionItem>): AttentionItem {
  return {
    kind: "inspection_due",
    key: `k-${Math.random()}`,
    recordId: "r",
    reference: null,
    title: { zh: "标题", en: "Title" },
    state: "waiting",
    dueOn: null,
    href: "/",
    siteId: null,
    ownerUserId: null,
    roles: ["security"],
    ...overrides,
  };
}

describe("itemsFor", () => {
  const owned = item({ kind: "action_due", ownerUserId: "u1", roles: [] });
  const gateA = item({ siteId: "A" });
  const gateB = item({ siteId: "B" });
  const anySite = item({ kind: "visitor_on_site" });
  const buying = item({ kind: "evaluation_due", roles: ["procurement"] });

  test("an owned item is its owner's only, whatever the roles", () => {
    expect(itemsFor([owned], { userId: "u1", role: "hr" })).toEqual([owned]);
    expect(itemsFor([owned], { userId: "u2", role: "owner" })).toEqual([]);
  });

  test("an unowned item is for the roles it names", () => {
    expect(itemsFor([gateA, buying], { userId: "u3", role: "security" })).toEqual([gateA]);
    expect(itemsFor([gateA, buying], { userId: "u3", role: "procurement" })).toEqual([buying]);
    expect(itemsFor([gateA, buying], { userId: "u3", role: "auditor" })).toEqual([]);
  });

  test("a viewer posted at sites gets their sites' items and those of no site", () => {
    expect(itemsFor([gateA, gateB, anySite], { userId: "u3", role: "security", siteIds: ["A"] })).toEqual([gateA, anySite]);
    expect(itemsFor([gateA, gateB], { userId: "u3", role: "security", siteIds: [] })).toEqual([gateA, gateB]);
  });
});

describe("withManagerFallback", () => {
  test("owner and admin get what no active member's role covers, and nothing else", () => {
    const active = new Set<Role>(["owner", "security"]);
    const [gate, buying] = withManagerFallback([item({}), item({ roles: ["procurement"] })], active);
    expect(gate?.roles).toEqual(["security"]);
    expect(buying?.roles).toEqual(["procurement", "owner", "admin"]);
  });
});

describe("order and counts", () => {
  test("overdue before today before soon before waiting, then by date", () => {
    const today = "2026-12-07";
    const list = [
      item({ state: "waiting", key: "w" }),
      item({ state: stateOfDue("2026-12-09", today), dueOn: "2026-12-09", key: "s" }),
      item({ state: stateOfDue("2026-12-01", today), dueOn: "2026-12-01", key: "o2" }),
      item({ state: stateOfDue(today, today), dueOn: today, key: "t" }),
      item({ state: stateOfDue("2026-11-01", today), dueOn: "2026-11-01", key: "o1" }),
    ];
    expect(list.sort(compareItems).map((i) => i.key)).toEqual(["o1", "o2", "t", "s", "w"]);
  });

  test("counts per kind in the model's order, overdue apart", () => {
    const counts = countByKind([item({ kind: "evaluation_due", state: "overdue" }), item({}), item({ kind: "evaluation_due" })]);
    expect(counts).toEqual([
      { kind: "inspection_due", total: 1, overdue: 0 },
      { kind: "evaluation_due", total: 2, overdue: 1 },
    ]);
  });
});
