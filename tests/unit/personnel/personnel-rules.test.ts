import { describe, expect, test } from "vitest";
import { todayInZone } from "~/lib/i18n/format";
import {
  isOffboardingOverdue,
  isPrehire,
  nextBackgroundCheckOn,
  offboardingDeadline,
  RECHECK_MONTHS,
  recheckState,
} from "~/lib/personnel/personnel-rules";

describe("background re-check dates", () => {
  test("security-sensitive posts every 12 months, others every 36", () => {
    expect(RECHECK_MONTHS).toEqual({ sensitive: 12, standard: 36 });
    expect(nextBackgroundCheckOn("2024-04-20", true)).toBe("2025-04-20");
    expect(nextBackgroundCheckOn("2024-04-20", false)).toBe("2027-04-20");
  });

  test("a check on 29 February comes due on the last day of February", () => {
    expect(nextBackgroundCheckOn("2024-02-29", true)).toBe("2025-02-28");
    expect(nextBackgroundCheckOn("2024-01-31", true)).toBe("2025-01-31");
  });

  test("missing, overdue, due within 30 days, current; nothing for someone who left", () => {
    expect(recheckState(null, "2025-06-01")).toBe("missing");
    expect(recheckState("2025-05-31", "2025-06-01")).toBe("overdue");
    expect(recheckState("2025-06-01", "2025-06-01")).toBe("due");
    expect(recheckState("2025-07-01", "2025-06-01")).toBe("due");
    expect(recheckState("2025-07-02", "2025-06-01")).toBe("current");
    expect(recheckState("2025-05-01", "2025-06-01", true)).toBeNull();
  });

  test("a check on or before the hire date is pre-hire", () => {
    expect(isPrehire("2024-05-06", "2024-05-06")).toBe(true);
    expect(isPrehire("2024-05-07", "2024-05-06")).toBe(false);
  });

  test("bad dates are a programming error, not a silent wrong answer", () => {
    expect(() => nextBackgroundCheckOn("2024-02-30", true)).toThrow();
  });
});

describe("exit deadline and overdue in the organisation's day", () => {
  test("the deadline is the leave date; open the day after is overdue, done never is", () => {
    expect(offboardingDeadline("2025-03-31")).toBe("2025-03-31");
    expect(isOffboardingOverdue("2025-03-31", "2025-03-31", "open")).toBe(false);
    expect(isOffboardingOverdue("2025-03-31", "2025-04-01", "open")).toBe(true);
    expect(isOffboardingOverdue("2025-03-31", "2025-04-01", "done")).toBe(false);
  });

  test("at 17:00 UTC on the deadline it is already the next day in Shanghai, still the same day in New York", () => {
    const instant = new Date("2025-03-31T17:00:00Z");
    expect(isOffboardingOverdue("2025-03-31", todayInZone("Asia/Shanghai", instant), "open")).toBe(true);
    expect(isOffboardingOverdue("2025-03-31", todayInZone("America/New_York", instant), "open")).toBe(false);
  });
});
