// Notices sent at once, in the transaction of what caused them: a corrective action given to
// someone, a seal reported broken or tampered with. In the app and by email as each person chose;
// seal reports also to the group channels that take them.
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import { memberships, organizations, users } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import type { Locale } from "../i18n/config";
import { formatCalendarDate, todayInZone } from "../i18n/format";
import { createI18n } from "../i18n/translations.server";
import { prepareChannelJobs, queueChannelMessages } from "./channel-queue.server";
import { addInAppNotice, appBase, claimDelivery, linkOutboxEmail } from "./deliveries.server";
import { preferencesOf } from "./notifications.server";

async function organizationOf(tx: Executor, orgId: string) {
  const [org] = await tx
    .select({ timeZone: organizations.timeZone, legalNameZh: organizations.legalNameZh, legalNameEn: organizations.legalNameEn })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new Error(`notices: organisation ${orgId} not found`);
  return org;
}

export interface Assignment {
  organizationId: string;
  actionId: string;
  reference: string;
  title: string;
  dueOn: string;
  ownerUserId: string;
  assignedByUserId: string;
}

/**
 * Tells the new owner of a corrective action, unless they gave it to themselves. Once per action,
 * owner and day: saving the form twice does not notify twice.
 */
export async function notifyAssignment(tx: Executor, assignment: Assignment): Promise<void> {
  if (assignment.ownerUserId === assignment.assignedByUserId) return;
  const [owner] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organizationId, assignment.organizationId), eq(memberships.userId, assignment.ownerUserId), eq(memberships.status, "active")),
    );
  if (!owner) return;
  const [assigner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, assignment.assignedByUserId));
  const org = await organizationOf(tx, assignment.organizationId);
  const prefs = await preferencesOf(tx, assignment.organizationId, assignment.ownerUserId);
  const localDate = todayInZone(org.timeZone);
  const itemKey = `assignment:${assignment.actionId}`;
  const href = `/actions/${assignment.actionId}`;
  if (prefs.inAppKinds.includes("assignment")) {
    const zh = createI18n("zh-CN").t;
    const en = createI18n("en").t;
    await addInAppNotice(tx, {
      organizationId: assignment.organizationId,
      userId: assignment.ownerUserId,
      kind: "assignment",
      itemKey,
      localDate,
      title: {
        zh: zh("emails.notices.assignmentTitle", { reference: assignment.reference, title: assignment.title }),
        en: en("emails.notices.assignmentTitle", { reference: assignment.reference, title: assignment.title }),
      },
      href,
    });
  }
  if (!prefs.emailKinds.includes("assignment")) return;
  const deliveryId = await claimDelivery(tx, {
    organizationId: assignment.organizationId,
    channel: "email",
    recipientKey: assignment.ownerUserId,
    userId: assignment.ownerUserId,
    kind: "assignment",
    itemKey,
    localDate,
    status: "sent",
    attempts: 1,
    sentAt: new Date(),
  });
  if (!deliveryId) return;
  const locale: Locale = owner.locale ?? "zh-CN";
  const { AssignmentEmail, assignmentSubject } = await import("../../../emails/assignment");
  const props = {
    locale,
    name: owner.name,
    assigner: assigner?.name ?? "",
    organizationName: locale === "en" ? org.legalNameEn : org.legalNameZh,
    reference: assignment.reference,
    title: assignment.title,
    dueOn: formatCalendarDate(assignment.dueOn, locale),
    url: `${appBase()}${href}`,
  };
  const email = await storeEmail(tx, {
    organizationId: assignment.organizationId,
    kind: "assignment",
    to: owner.email,
    subject: assignmentSubject(props),
    element: createElement(AssignmentEmail, props),
  });
  await linkOutboxEmail(tx, [deliveryId], email.id);
}

export interface SealReportNotice {
  organizationId: string;
  sealId: string;
  reportEventId: string;
  sealNumber: string;
  reportKind: "discrepancy" | "broken" | "number_mismatch";
  /** Those the report's email went to (security leads, or owners and admins). */
  recipientUserIds: readonly string[];
  /** The seal's page, absolute (the request's origin or APP_URL). */
  sealUrl: string;
}

/**
 * A broken-seal report: the bell of each person the report was emailed to (the email itself is the
 * seal report's own, sent by seal-verification), and the group channels that take seal reports.
 */
export async function notifySealReport(tx: Executor, notice: SealReportNotice): Promise<void> {
  const org = await organizationOf(tx, notice.organizationId);
  const localDate = todayInZone(org.timeZone);
  const itemKey = `seal_report:${notice.reportEventId}`;
  const title = (locale: Locale) => {
    const { t } = createI18n(locale);
    return t("emails.notices.sealReportTitle", { number: notice.sealNumber, kind: t(`emails.notices.sealKind.${notice.reportKind}`) });
  };
  for (const userId of notice.recipientUserIds) {
    const prefs = await preferencesOf(tx, notice.organizationId, userId);
    if (!prefs.inAppKinds.includes("seal_report")) continue;
    await addInAppNotice(tx, {
      organizationId: notice.organizationId,
      userId,
      kind: "seal_report",
      itemKey,
      localDate,
      title: { zh: title("zh-CN"), en: title("en") },
      href: `/seals/${notice.sealId}`,
    });
  }
  await queueChannelMessages(tx, {
    organizationId: notice.organizationId,
    kind: "seal_report",
    itemKey,
    localDate,
    message: (locale) => ({ locale, title: title(locale), lines: [{ text: notice.sealNumber, href: notice.sealUrl }] }),
  });
}

/** For commands that notify inside their transaction: the job engine must be running before it when a channel may be sent to. */
export async function prepareNotices(db: Database, organizationId: string): Promise<void> {
  await prepareChannelJobs(db, organizationId);
}
