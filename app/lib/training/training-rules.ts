import { evidenceRecordTypes, type CriterionRef } from "../evidence/evidence-registry";
import { keyRoles, type KeyRole } from "../personnel/personnel-values";
import { formatReference } from "../references";

// What the standards ask of training, as data: the categories a session can have, the criteria each
// category evidences, and the yearly requirement on the key managers. Pure and client-safe: the
// requirement page, the dashboard card and the unit tests all run these same functions.

/** The categories a plain session can have; crisis drills are recorded through the drill form (scenario, lessons). */
export const sessionCategories = [
  "customs_law",
  "cargo_security",
  "information_security",
  "security_awareness",
  "driver_security",
  "other",
] as const;
export const trainingCategories = [...sessionCategories, "crisis_drill"] as const;
export type TrainingCategory = (typeof trainingCategories)[number];

// The managers the standards count are marked on the employee list.
export { keyRoles, type KeyRole };

/**
 * The criteria a session of each category evidences. customs_law is the customs-business training of
 * CN-2014 item 2 and CN-2022 (59), which also shows the training system of (58) at work; a drill feeds
 * crisis management as the registry's drill entry says. "other" feeds nothing by itself.
 */
export const categoryCriteria: Record<TrainingCategory, readonly CriterionRef[]> = {
  customs_law: [
    { framework: "cn-2014-general", key: "2" },
    { framework: "cn-2022-advanced", key: "58" },
    { framework: "cn-2022-advanced", key: "59" },
    { framework: "wco-safe-aeo", key: "E" },
  ],
  cargo_security: [
    { framework: "cn-2022-advanced", key: "60" },
    { framework: "ctpat-msc", key: "12.1" },
    { framework: "wco-safe-aeo", key: "E" },
  ],
  crisis_drill: evidenceRecordTypes.drill.feeds,
  information_security: [
    { framework: "cn-2014-general", key: "8" },
    { framework: "cn-2022-advanced", key: "62" },
    { framework: "ctpat-msc", key: "12.7-12.8-12.9-12.10" },
    { framework: "wco-safe-aeo", key: "E" },
  ],
  security_awareness: [
    { framework: "ctpat-msc", key: "12.1" },
    { framework: "wco-safe-aeo", key: "E" },
  ],
  driver_security: [
    { framework: "cn-2022-advanced", key: "53" },
    { framework: "ctpat-msc", key: "12.2" },
    { framework: "wco-safe-aeo", key: "E" },
  ],
  other: [],
};

/** The most material files one session or drill keeps. */
export const MAX_MATERIALS = 10;

/** CTPAT 12.4 asks that training is verified to have met its objectives: a session with a test shows that. */
export const TEST_CRITERION: CriterionRef = { framework: "ctpat-msc", key: "12.4" };

/** The criteria one session evidences: its category's, plus 12.4 when the attendees were tested. */
export function sessionCriteria(category: TrainingCategory, testGiven: boolean): CriterionRef[] {
  return [...categoryCriteria[category], ...(testGiven ? [TEST_CRITERION] : [])];
}

/**
 * The evidence record type of a session: a drill is its own type (the registry's `drill`, fed by
 * default), every other session is a `training_session`, whose criteria follow its category.
 */
export function sessionRecordType(category: TrainingCategory): "drill" | "training_session" {
  return category === "crisis_drill" ? "drill" : "training_session";
}

/**
 * "framework/key" of every criterion a non-drill session can feed: the criteria pages list training
 * as a source for them (drills are in the registry already).
 */
export const criteriaFedByTraining: ReadonlySet<string> = new Set(
  [...sessionCategories.flatMap((c) => categoryCriteria[c]), TEST_CRITERION].map((ref) => `${ref.framework}/${ref.key}`),
);

export interface TrainingRequirement {
  /** The framework (catalogue code) whose criterion states it. */
  framework: string;
  /** The criterion that states it. */
  criterion: CriterionRef;
  /** Sessions of these categories count. */
  categories: readonly TrainingCategory[];
  /** Per calendar year, in the organisation's time zone. */
  perYear: number;
  /** The people it applies to. */
  roles: readonly KeyRole[];
}

/** Types one requirement as a TrainingRequirement (not its literal values). */
const requirement = (r: TrainingRequirement): TrainingRequirement => r;

/**
 * The yearly training requirements the standards state, one per framework that has one, in the order
 * the training pages list them: the frameworks with requirements are this object's keys.
 */
export const trainingRequirements = {
  // CN-2022 (59): legal representative, senior customs manager, customs head and senior
  // trade-security manager attend at least two customs-law trainings a year.
  "cn-2022-advanced": requirement({
    framework: "cn-2022-advanced",
    criterion: { framework: "cn-2022-advanced", key: "59" },
    categories: ["customs_law"],
    perYear: 2,
    roles: ["legal_representative", "senior_customs_manager", "customs_head", "trade_security_manager"],
  }),
  // CN-2014 item 2 (2): the legal representative (or an authorised person) and the senior customs
  // manager attend at least one internal customs training a year.
  "cn-2014-general": requirement({
    framework: "cn-2014-general",
    criterion: { framework: "cn-2014-general", key: "2" },
    categories: ["customs_law"],
    perYear: 1,
    roles: ["legal_representative", "senior_customs_manager"],
  }),
};

/** A framework with a training requirement. */
export type RequirementFramework = keyof typeof trainingRequirements;

export const requirementFrameworks = Object.keys(trainingRequirements) as RequirementFramework[];

export function isRequirementFramework(value: unknown): value is RequirementFramework {
  return typeof value === "string" && Object.hasOwn(trainingRequirements, value);
}

export interface RequirementPerson {
  /** Every key role the person holds; one holding several is still one person with one count. */
  keyRoles: readonly KeyRole[];
  /** YYYY-MM-DD */
  hireDate: string;
  leaveDate: string | null;
}

export interface AttendedSession {
  category: TrainingCategory;
  /** The day it was held, in the organisation's time zone (YYYY-MM-DD). */
  heldOn: string;
}

export type RequirementState =
  /** Enough counting sessions in the year. */
  | "met"
  /** The year is not over yet and the count is short. */
  | "pending"
  /** The year is over (or the person left) and the count stayed short. */
  | "missed";

export interface RequirementStatus<S extends AttendedSession> {
  applies: boolean;
  required: number;
  /** The sessions that count, oldest first. */
  counted: S[];
  state: RequirementState;
  /** Sessions still needed (0 once met). */
  missing: number;
  /** Joined during the year: the requirement still holds in full (the standards do not pro-rate), the page says why it may be short. */
  joinedInYear: boolean;
  leftInYear: boolean;
}

/** The calendar year of a day (YYYY-MM-DD). */
export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/**
 * Whether one person meets one framework's yearly requirement. Counted: sessions of a counting
 * category held in `year`, on or before `today` (a session planned for later has not happened), while
 * the person was employed. `today` is the organisation's day (todayInZone), so the year turns at
 * midnight in its time zone, not at UTC midnight.
 */
export function requirementStatus<S extends AttendedSession>(
  framework: RequirementFramework,
  year: number,
  today: string,
  person: RequirementPerson,
  attended: readonly S[],
): RequirementStatus<S> {
  const rule = trainingRequirements[framework];
  const applies = person.keyRoles.some((role) => rule.roles.includes(role));
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const counted = attended
    .filter(
      (s) =>
        rule.categories.includes(s.category) &&
        s.heldOn >= start &&
        s.heldOn <= end &&
        s.heldOn <= today &&
        s.heldOn >= person.hireDate &&
        (person.leaveDate === null || s.heldOn <= person.leaveDate),
    )
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  const missing = Math.max(0, rule.perYear - counted.length);
  const leftInYear = person.leaveDate !== null && person.leaveDate >= start && person.leaveDate <= end;
  const over = today > end || (person.leaveDate !== null && person.leaveDate <= today && person.leaveDate <= end);
  const state: RequirementState = missing === 0 ? "met" : over ? "missed" : "pending";
  return {
    applies,
    required: rule.perYear,
    counted,
    state,
    missing,
    joinedInYear: person.hireDate > start && person.hireDate <= end,
    leftInYear,
  };
}

/** Whether a person was employed on some day of the year: the requirement page lists only them. */
export function employedInYear(person: Pick<RequirementPerson, "hireDate" | "leaveDate">, year: number): boolean {
  return person.hireDate <= `${year}-12-31` && (person.leaveDate === null || person.leaveDate >= `${year}-01-01`);
}

/** Whether a person was employed on a day: only they can have attended a session held that day. */
export function employedOn(person: Pick<RequirementPerson, "hireDate" | "leaveDate">, day: string): boolean {
  return person.hireDate <= day && (person.leaveDate === null || person.leaveDate >= day);
}

export function sessionReference(number: number): string {
  return formatReference("trainingSession", number);
}
