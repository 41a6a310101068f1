import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import type { TrainingListFilter } from "./training-filter";
import { joinRoleLabels } from "../personnel/personnel-values";
import { sessionReference } from "./training-rules";
import { listAttendanceRows, listSessions } from "./training-queries.server";
import type { Executor } from "../db-types.server";
import { csvDocument } from "../spreadsheet-cells.server";
import { localized } from "~/lib/i18n/localized";

// The training register as CSV, in the reader's language: one row per session, or one row per person
// and session (the attendance record CTPAT 12.1 asks for: date, attendee, topic). UTF-8 with a
// byte-order mark and CRLF, so Excel opens the Chinese correctly; formulae are escaped.

export async function sessionsCsv(db: Executor, orgId: string, filter: TrainingListFilter, locale: Locale, origin: string) {
  const { t } = createI18n(locale);
  const { rows } = await listSessions(db, orgId, filter, { limit: null, offset: 0 });
  const columns = [
    "reference",
    "category",
    "topic",
    "heldOn",
    "startTime",
    "durationMinutes",
    "site",
    "trainer",
    "provider",
    "testGiven",
    "attendees",
    "scenario",
    "lessonsLearned",
    "recordedBy",
    "link",
  ] as const;
  const data = rows.map((r) => [
    sessionReference(r.session.number),
    t(`training.category.${r.session.category}`),
    r.session.topic,
    r.session.heldOn,
    r.session.startTime ?? "",
    r.session.durationMinutes ?? "",
    localized(r, "siteName", locale) ?? "",
    r.session.trainer,
    r.session.provider ?? "",
    r.session.testGiven ? t("training.yes") : t("training.no"),
    r.attendeeCount,
    r.session.scenario ?? "",
    r.session.lessonsLearned ?? "",
    r.recordedByName,
    `${origin}/training/${r.session.id}`,
  ]);
  return csvDocument(
    columns.map((c) => t(`training.csv.${c}`)),
    data,
  );
}

export async function attendanceCsv(db: Executor, orgId: string, filter: TrainingListFilter, locale: Locale) {
  const { t } = createI18n(locale);
  const rows = await listAttendanceRows(db, orgId, filter);
  const columns = [
    "reference",
    "heldOn",
    "category",
    "topic",
    "site",
    "trainer",
    "employeeNumber",
    "employee",
    "position",
    "department",
    "keyRole",
    "testResult",
  ] as const;
  const data = rows.map((r) => [
    sessionReference(r.session.number),
    r.session.heldOn,
    t(`training.category.${r.session.category}`),
    r.session.topic,
    localized(r, "siteName", locale) ?? "",
    r.session.trainer,
    r.employeeNumber,
    r.employeeName,
    r.position,
    r.department,
    joinRoleLabels(r.keyRoles.map((role) => t(`personnel.keyRole.${role}`)), locale),
    r.testPassed === null ? "" : t(r.testPassed ? "training.attendance.passed" : "training.attendance.failed"),
  ]);
  return csvDocument(
    columns.map((c) => t(`training.csv.${c}`)),
    data,
  );
}
