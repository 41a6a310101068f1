// What every part of the demo history shares: who does what (the demo accounts, by role), the
// sites, the day of the first start the history is laid out back from, and a seeded pseudo-random
// sequence, so two first starts on the same day write the same history.
import { addDays, format, parseISO } from "date-fns";
import type { Role } from "../auth/permissions";
import type { Database } from "../db-types.server";
import { todayInZone, zonedDateTimeToUtc } from "../i18n/format";
import { residentIdCheckCharacter } from "../inspections/identity-document";

export const DEMO_TIME_ZONE = "Asia/Shanghai";

/** An actor of the demo organisation: what the domain's commands take (`auth.actor` plus role and zone). */
export interface DemoActor {
  organizationId: string;
  userId: string;
  role: Role;
  timeZone: string;
}

export interface DemoContext {
  db: Database;
  organizationId: string;
  /** The demo accounts of the organisation, by role: each is the actor of what the role does. */
  as: Record<Exclude<Role, "auditor">, DemoActor>;
  sites: { factory: { id: string }; warehouse: { id: string } };
  /** The day of the first start (YYYY-MM-DD in the organisation's zone); the history ends here. */
  today: string;
  /** The moment of the first start: nothing is dated after it. */
  now: Date;
  random: DemoRandom;
}

/** mulberry32: a small seeded generator (no Math.random: the demo is the same on every first start). */
export class DemoRandom {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("DemoRandom.pick: no items");
    return item;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** A version-4-shaped UUID from the sequence (a phone's draft key). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = "4";
    hex[16] = ((this.int(0, 15) & 0x3) | 0x8).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** A made-up resident ID number with a correct check character (GB 11643): visitors, drivers. */
export function residentIdNumber(random: DemoRandom): string {
  const birth = `${random.int(1968, 2001)}${String(random.int(1, 12)).padStart(2, "0")}${String(random.int(1, 28)).padStart(2, "0")}`;
  const first17 = `440305${birth}${String(random.int(100, 999))}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The day `days` after `day` (negative: before). */
export function shiftDay(day: string, days: number): string {
  return format(addDays(parseISO(day), days), "yyyy-MM-dd");
}

/** "YYYY-MM-DDTHH:MM", the form's local date and time. */
export function localAt(day: string, minutesOfDay: number): string {
  const h = String(Math.floor(minutesOfDay / 60)).padStart(2, "0");
  const m = String(minutesOfDay % 60).padStart(2, "0");
  return `${day}T${h}:${m}`;
}

/** The instant of a local day and time in the demo's zone. */
export function instantAt(day: string, minutesOfDay: number): Date {
  return zonedDateTimeToUtc(localAt(day, minutesOfDay), DEMO_TIME_ZONE);
}

/** The context's clock for `day` at a time, never later than the first start itself. */
export function clockAt(ctx: Pick<DemoContext, "now">, day: string, minutesOfDay: number): Date {
  const at = instantAt(day, minutesOfDay);
  return at.getTime() > ctx.now.getTime() ? new Date(ctx.now.getTime() - 60_000) : at;
}

export function demoToday(now: Date): string {
  return todayInZone(DEMO_TIME_ZONE, now);
}

/** Throws with the refusal when a command refuses: a demo that cannot be written must not start half-seeded. */
export function expectOk<T>(what: string, outcome: T): Exclude<T, null | { ok: false }> {
  if (outcome === null || outcome === undefined || (typeof outcome === "object" && "ok" in outcome && outcome.ok === false)) {
    throw new Error(`demo seed: ${what} refused: ${JSON.stringify(outcome)}`);
  }
  return outcome as Exclude<T, null | { ok: false }>;
}
