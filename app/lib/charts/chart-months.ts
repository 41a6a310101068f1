// Calendar months as charts count them: "YYYY-MM" keys in the organisation's time zone (the caller
// passes today's date there, todayInZone), and how a month key reads in each language.

const monthKeyPattern = /^(\d{4})-(\d{2})$/;

function shift(year: number, month: number, by: number): string {
  const index = year * 12 + (month - 1) + by;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

function parts(day: string): [number, number] {
  const match = /^(\d{4})-(\d{2})/.exec(day);
  if (!match) throw new Error(`not a calendar date or month: ${day}`);
  return [Number(match[1]), Number(match[2])];
}

/** The `count` months that end with today's month, oldest first. */
export function monthsEndingWith(today: string, count = 12): string[] {
  const [year, month] = parts(today);
  return Array.from({ length: count }, (_, i) => shift(year, month, i - count + 1));
}

/** The `count` months that start with today's month. */
export function monthsStartingWith(today: string, count: number): string[] {
  const [year, month] = parts(today);
  return Array.from({ length: count }, (_, i) => shift(year, month, i));
}

/** The first day of a month key, as a calendar date. */
export function firstDay(month: string): string {
  if (!monthKeyPattern.test(month)) throw new Error(`not a month: ${month}`);
  return `${month}-01`;
}

/** The month after a month key. */
export function nextMonth(month: string): string {
  const [year, m] = parts(month);
  return shift(year, m, 1);
}

/**
 * A month key as an axis reads it: "3月" / "Mar", with the year added where it starts or changes
 * ("2026年1月" / "Jan 2026") so a twelve-month axis says which year it covers.
 */
export function monthLabel(month: string, language: string, withYear: boolean): string {
  const [year, m] = parts(month);
  if (language === "en") {
    const name = new Date(Date.UTC(year, m - 1, 1)).toLocaleString("en", { month: "short", timeZone: "UTC" });
    return withYear ? `${name} ${year}` : name;
  }
  return withYear ? `${year}年${m}月` : `${m}月`;
}
