import { and, asc, eq, inArray } from "drizzle-orm";
import { createElement } from "react";
import { memberships, sealEvents, users, type OutboxEmail, type Seal } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import type { CheckedUpload } from "../evidence/file-store.server";
import { refused, type FieldErrors } from "../form.server";
import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { formatDateTime } from "../i18n/format";
import { message } from "../i18n/messages";
import { notifySealReport, prepareNotices } from "../notifications/notices.server";
import type { ReportSealValues, VerifySealValues } from "./seal-schema";
import { addEvent, beforeLatestEvent, linkEvidence, lockSealById, lockSealByNumber, moveSeal, occurredAtOf, stepOrError, type SealActor } from "./seal-writes.server";

// Verification and reports: VVTT at departure and arrival, a broken or tampered seal reported to
// the security lead at once, and the note that closes a report.

interface Notifier {
  organizationName: string;
  reporterName: string;
  /** The reporter's language, for the text of a report the app writes itself (a failed VVTT). */
  locale: Locale;
  /** Address of the seal's page, for the email's button. */
  sealUrl: (sealId: string) => string;
}

/** Security leads, or the owners and administrators when the organisation has none. */
async function reportRecipients(tx: Executor, orgId: string) {
  const rows = await tx
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, orgId),
        eq(memberships.status, "active"),
        inArray(memberships.role, ["security_lead", "owner", "admin"]),
      ),
    )
    .orderBy(asc(users.email));
  const leads = rows.filter((r) => r.role === "security_lead");
  return leads.length ? leads : rows;
}

async function fileReport(
  tx: Executor,
  actor: SealActor,
  seal: Seal,
  report: { kind: (typeof sealEvents.$inferInsert)["reportKind"] & string; description: string; at: Date; relatedEventId: string | null },
  photos: readonly CheckedUpload[],
  notifier: Notifier,
) {
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { SealReportEmail, sealReportSubject } = await import("../../../emails/seal-report");
  const recipients = await reportRecipients(tx, actor.organizationId);
  const event = await addEvent(
    tx,
    actor,
    {
      sealId: seal.id,
      kind: "reported",
      occurredAt: report.at,
      siteId: seal.siteId,
      targetKind: seal.targetKind,
      target: seal.target,
      shipmentRef: seal.shipmentRef,
      reportKind: report.kind,
      note: report.description,
      notified: recipients.map((r) => `${r.name} <${r.email}>`),
      relatedEventId: report.relatedEventId,
    },
    photos,
  );
  const emails: OutboxEmail[] = [];
  for (const recipient of recipients) {
    const locale = recipient.locale ?? "zh-CN";
    const props = {
      locale,
      organizationName: notifier.organizationName,
      sealNumber: seal.number,
      reportKind: report.kind,
      target: seal.target ?? "",
      description: report.description,
      reporterName: notifier.reporterName,
      occurredAt: formatDateTime(report.at, locale, actor.timeZone),
      url: notifier.sealUrl(seal.id),
    };
    emails.push(
      await storeEmail(tx, {
        organizationId: actor.organizationId,
        kind: "seal_report",
        to: recipient.email,
        subject: sealReportSubject(props),
        element: createElement(SealReportEmail, props),
      }),
    );
  }
  await notifySealReport(tx, {
    organizationId: actor.organizationId,
    sealId: seal.id,
    reportEventId: event.id,
    sealNumber: seal.number,
    reportKind: report.kind,
    recipientUserIds: recipients.map((r) => r.userId),
    sealUrl: notifier.sealUrl(seal.id),
  });
  await linkEvidence(tx, actor, "seal_report", event.id, report.at);
  return { event, emails };
}

export type VerifyOutcome = { ok: true; sealId: string; passed: boolean; reported: boolean } | { ok: false; errors: FieldErrors };

/**
 * VVTT (CTPAT 6.7): view, verify the number against the documents, tug, twist. All four passed and
 * the document number equal to the seal's: the seal stays applied (departure) or arrives (arrival).
 * Anything failed: the seal is compromised and a report goes to the security lead at once.
 */
export async function verifySeal(
  db: Database,
  actor: SealActor,
  values: VerifySealValues,
  photos: readonly CheckedUpload[],
  notifier: Notifier,
): Promise<VerifyOutcome> {
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  await prepareNotices(db, actor.organizationId);
  const result = await db.transaction(async (tx) => {
    const seal = await lockSealByNumber(tx, actor.organizationId, values.sealNumber);
    if (!seal)
      return { outcome: refused({ sealNumber: message("seals.errors.unknownNumber", { number: values.sealNumber }) }), emails: [] };
    const numberMatches = values.documentNumber === seal.number;
    const checks = {
      viewOk: values.view === "pass",
      verifyOk: values.verify === "pass" && numberMatches,
      tugOk: values.tug === "pass",
      twistOk: values.twist === "pass",
    };
    const passed = checks.viewOk && checks.verifyOk && checks.tugOk && checks.twistOk;
    const step = stepOrError(seal, passed ? (values.stage === "arrival" ? "verify_arrival" : "verify_departure") : "verify_failed");
    if (!step.ok) return { outcome: refused({ sealNumber: step.error }), emails: [] };
    const early = await beforeLatestEvent(tx, actor, seal.id, when.at);
    if (early) return { outcome: refused({ occurredAt: early }), emails: [] };
    await moveSeal(tx, actor, seal, { status: step.next });
    const event = await addEvent(
      tx,
      actor,
      {
        sealId: seal.id,
        kind: "verified",
        occurredAt: when.at,
        siteId: seal.siteId,
        targetKind: seal.targetKind,
        target: seal.target,
        stage: values.stage,
        ...checks,
        documentNumber: values.documentNumber,
        passed,
        note: values.note ?? "",
      },
      photos,
    );
    await linkEvidence(tx, actor, "seal_verification", event.id, when.at);
    if (passed) return { outcome: { ok: true as const, sealId: seal.id, passed, reported: false }, emails: [] };
    const failedChecks = (["view", "verify", "tug", "twist"] as const).filter((c) => !checks[`${c}Ok`]);
    const kind = !numberMatches ? "number_mismatch" : checks.tugOk && checks.twistOk && checks.viewOk ? "discrepancy" : "broken";
    const { t } = createI18n(notifier.locale);
    const description = [
      t("seals.verify.autoReport", {
        stage: t(`seals.stage.${values.stage}`),
        checks: failedChecks.map((c) => t(`seals.vvtt.${c}.short`)).join(t("common.listSeparator")),
      }),
      numberMatches ? "" : t("seals.verify.autoMismatch", { number: seal.number, document: values.documentNumber }),
      values.note ?? "",
    ]
      .filter(Boolean)
      .join(" ");
    const { emails } = await fileReport(tx, actor, seal, { kind, description, at: when.at, relatedEventId: event.id }, [], notifier);
    return { outcome: { ok: true as const, sealId: seal.id, passed, reported: true }, emails };
  });
  return result.outcome;
}

export async function reportSeal(
  db: Database,
  actor: SealActor,
  values: ReportSealValues,
  photos: readonly CheckedUpload[],
  notifier: Notifier,
) {
  const when = occurredAtOf(values.occurredAt, actor.timeZone);
  if (!when.ok) return refused({ occurredAt: when.error });
  await prepareNotices(db, actor.organizationId);
  const result = await db.transaction(async (tx) => {
    const seal = await lockSealByNumber(tx, actor.organizationId, values.sealNumber);
    if (!seal)
      return { outcome: refused({ sealNumber: message("seals.errors.unknownNumber", { number: values.sealNumber }) }), emails: [] };
    const step = stepOrError(seal, "report");
    if (!step.ok) return { outcome: refused({ sealNumber: step.error }), emails: [] };
    const early = await beforeLatestEvent(tx, actor, seal.id, when.at);
    if (early) return { outcome: refused({ occurredAt: early }), emails: [] };
    await moveSeal(tx, actor, seal, { status: step.next });
    const { event, emails } = await fileReport(
      tx,
      actor,
      seal,
      { kind: values.reportKind, description: values.description, at: when.at, relatedEventId: null },
      photos,
      notifier,
    );
    return { outcome: { ok: true as const, sealId: seal.id, eventId: event.id, notified: emails.length }, emails };
  });
  return result.outcome;
}

/** Closes a report with what was done (the seal stays compromised: its record is the evidence). */
export async function resolveReport(db: Database, actor: SealActor, sealId: string, reportId: string, note: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const seal = await lockSealById(tx, actor.organizationId, sealId);
    if (!seal) return null;
    const [report] = await tx
      .select()
      .from(sealEvents)
      .where(
        and(
          eq(sealEvents.organizationId, actor.organizationId),
          eq(sealEvents.id, reportId),
          eq(sealEvents.sealId, seal.id),
          eq(sealEvents.kind, "reported"),
        ),
      );
    if (!report) return refused({ form: message("seals.errors.reportNotFound") });
    const [closed] = await tx
      .select({ id: sealEvents.id })
      .from(sealEvents)
      .where(
        and(eq(sealEvents.organizationId, actor.organizationId), eq(sealEvents.kind, "resolved"), eq(sealEvents.relatedEventId, report.id)),
      );
    if (closed) return refused({ form: message("seals.errors.reportClosed") });
    await addEvent(tx, actor, {
      sealId: seal.id,
      kind: "resolved",
      occurredAt: now,
      siteId: seal.siteId,
      relatedEventId: report.id,
      note,
    });
    return { ok: true as const };
  });
}
