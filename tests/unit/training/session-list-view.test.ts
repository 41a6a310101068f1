import { describe, expect, test } from "vitest";
import { sessionListRows } from "~/lib/training/session-list-view.server";

// The training lists' rows, from plain query rows: the same mapping for /training and
// /training/drills, the scenario only on the drills list.

type Row = Parameters<typeof sessionListRows>[0][number];

const row = {
  session: {
    id: "s1",
    number: 3,
    category: "crisis_drill",
    topic: "消防演练",
    heldOn: "2025-05-20",
    startTime: "09:00",
    trainer: "张三",
    provider: null,
    scenario: "仓库起火",
  },
  siteNameZh: "上海仓",
  siteNameEn: "Shanghai warehouse",
  recordedByName: "李四",
  attendeeCount: 12,
} as unknown as Row;

describe("sessionListRows", () => {
  test("maps a session with its reference, site and attendee count", () => {
    const [mapped] = sessionListRows([row], { scenarios: false });
    expect(mapped).toMatchObject({
      id: "s1",
      category: "crisis_drill",
      topic: "消防演练",
      heldOn: "2025-05-20",
      startTime: "09:00",
      trainer: "张三",
      provider: null,
      siteNameZh: "上海仓",
      siteNameEn: "Shanghai warehouse",
      attendeeCount: 12,
      scenario: null,
    });
    expect(mapped?.reference).toMatch(/3/);
    expect(Object.keys(mapped ?? {})).not.toContain("recordedByName");
  });

  test("the drills list carries the scenario", () => {
    expect(sessionListRows([row], { scenarios: true })[0]?.scenario).toBe("仓库起火");
  });
});
