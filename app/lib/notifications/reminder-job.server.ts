// The hourly reminder pass. Each organisation is reminded once a day, in the first pass at or after
// its own local reminder hour: each member's due items in the app and by email (one email listing
// them), the day's list in its group channels, and on the digest weekday each member's weekly digest.
// Every notice goes through its delivery row's unique key, so a pass run twice, or by two workers at
// once, sends each reminder once; `remindedOn` only spares a later pass the work.
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import { memberships, notificationSettings, organizations, users } from "../../../db/schema";
import type { AttentionItem, AttentionScope, AttentionViewer } from "../attention/attention-types";
import type { Database, Executor } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import type { Locale } from "../i18n/config";
import { formatCalendarDate, todayInZone } from "../i18n/format";
import { createI18n } from "../i18n/translations.server";
import { logger } from "../logger.server";
import type { ChannelMessage } from "./channel-payloads.server";
import { prepareChannelJobs, queueChannelMessages } from "./channel-queue.server";
import { addInAppNotice, appBase, claimDelivery, linkOutboxEmail } from "./deliveries.server";
import { defaultClock, defaultPreferences, preferencesByUser } from "./notifications.server";

/** Where the items come from: the shared attention model (attention.server.ts), or a test's own. */
export interface AttentionSource {
  organizationAttention(db: Database, scope: AttentionScope): Promise<AttentionItem[]>;
  itemsFor(items: readonly AttentionItem[], viewer: AttentionViewer): AttentionItem[];
}

/** What a daily reminder is about: what is due today, overdue, or waiting for someone; not "due soon". */
export const remindedStates = new Set<AttentionItem["state"]>(["overdue", "due_today", "waiting"]);

/** The organisation's wall clock: its date, hour (0–23) and ISO weekday (1 = Monday). */
export function localClock(timeZone: string, now: Date): { date: string; hour: number; weekday: number } {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23", weekday: "short" }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === "hour")?.value ?? "0");
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.find((p) => p.type === "weekday")?.value ?? "") + 1;
  return { date: todayInZone(timeZone, now), hour, weekday };
}

const titleIn = (item: Pick<AttentionItem, "title">, locale: Locale) => (locale === "en" ? item.title.en : item.title.zh);

export interface PassResult {
  organizations: number;
  inApp: number;
  emails: number;
  digests: number;
  channelMessages: number;
}

/** One pass over every organisation whose reminder hour has come today and that was not reminded yet. */
export async function runReminderPass(db: Database, source: AttentionSource, now: Date = new Date()): Promise<PassResult> {
  const result: PassResult = { organizations: 0, inApp: 0, emails: 0, digests: 0, channelMessages: 0 };
  const orgs = await db
    .select({
      id: organizations.id,
      timeZone: organizations.timeZone,
      legalNameZh: organizations.legalNameZh,
      legalNameEn: organizations.legalNameEn,
      reminderHour: notificationSettings.reminderHour,
      digestWeekday: notificationSettings.digestWeekday,
      remindedOn: notificationSettings.remindedOn,
    })
    .from(organizations)
    .leftJoin(notificationSettings, eq(notificationSettings.organizationId, organizations.id));
  await prepareChannelJobs();
  let failed: unknown = null;
  for (const org of orgs) {
    const clock = localClock(org.timeZone, now);
    const reminderHour = org.reminderHour ?? defaultClock.reminderHour;
    if (clock.hour < reminderHour || org.remindedOn === clock.date) continue;
    try {
      await remindOrganization(db, source, { ...org, digestWeekday: org.digestWeekday ?? defaultClock.digestWeekday }, clock, result);
      result.organizations += 1;
    } catch (error) {
      // One organisation's failure does not keep the others from their reminders; the pass then
      // fails, and its retry sends that organisation what it has not had (the rest is not sent twice).
      logger.error({ err: error, organizationId: org.id }, "reminder pass failed for an organisation");
      failed ??= error;
    }
  }
  if (failed) throw failed;
  return result;
}

interface OrgRow {
  id: string;
  timeZone: string;
  legalNameZh: string;
  legalNameEn: string;
  digestWeekday: number;
}

async function remindOrganization(db: Database, source: AttentionSource, org: OrgRow, clock: ReturnType<typeof localClock>, result: PassResult) {
  const items = await source.organizationAttention(db, { organizationId: org.id, timeZone: org.timeZone, today: clock.date });
  const members = await db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.status, "active")));
  const preferences = await preferencesByUser(db, org.id);
  const base = appBase();
  const digestDay = clock.weekday === org.digestWeekday;
  for (const member of members) {
    const prefs = preferences.get(member.userId) ?? defaultPreferences;
    const theirs = source.itemsFor(items, { userId: member.userId, role: member.role });
    const due = theirs.filter((i) => remindedStates.has(i.state));
    const locale: Locale = member.locale ?? "zh-CN";
    // One transaction per person: their notices, their email and its delivery rows stand or fall together.
    await db.transaction(async (tx) => {
      if (prefs.inAppKinds.includes("reminder")) {
        for (const item of due) {
          const added = await addInAppNotice(tx, {
            organizationId: org.id,
            userId: member.userId,
            kind: "reminder",
            itemKey: item.key,
            localDate: clock.date,
            title: item.title,
            href: item.href,
          });
          if (added) result.inApp += 1;
        }
      }
      if (prefs.emailKinds.includes("reminder") && due.length) {
        if (await emailReminder(tx, org, member, locale, due, clock.date, base)) result.emails += 1;
      }
      if (digestDay && prefs.weeklyDigest) {
        if (await emailDigest(tx, org, member, locale, theirs, clock.date, base)) result.digests += 1;
      }
    });
  }
  await db.transaction(async (tx) => {
    const due = items.filter((i) => remindedStates.has(i.state));
    if (due.length) {
      result.channelMessages += await queueChannelMessages(tx, {
        organizationId: org.id,
        kind: "reminder",
        itemKey: "daily",
        localDate: clock.date,
        message: (locale) => dailyChannelMessage(org, due, clock.date, locale, base),
      });
    }
    await tx
      .insert(notificationSettings)
      .values({ organizationId: org.id, remindedOn: clock.date })
      .onConflictDoUpdate({ target: notificationSettings.organizationId, set: { remindedOn: clock.date } });
  });
}

type Member = { userId: string; name: string; email: string };

/** The person's reminder email, carrying only the items not yet emailed to them today. */
async function emailReminder(tx: Executor, org: OrgRow, member: Member, locale: Locale, due: AttentionItem[], date: string, base: string) {
  const claimed: { id: string; item: AttentionItem }[] = [];
  for (const item of due) {
    const id = await claimDelivery(tx, {
      organizationId: org.id,
      channel: "email",
      recipientKey: member.userId,
      userId: member.userId,
      kind: "reminder",
      itemKey: item.key,
      localDate: date,
      status: "sent",
      attempts: 1,
      sentAt: new Date(),
    });
    if (id) claimed.push({ id, item });
  }
  if (!claimed.length) return false;
  const { ReminderEmail, reminderSubject } = await import("../../../emails/reminder");
  const { t } = createI18n(locale);
  const props = {
    locale,
    name: member.name,
    organizationName: locale === "en" ? org.legalNameEn : org.legalNameZh,
    date: formatCalendarDate(date, locale),
    items: claimed.map(({ item }) => ({ title: titleIn(item, locale), state: t(`emails.digest.state.${item.state}`), url: `${base}${item.href}` })),
    appUrl: `${base}/notifications`,
    preferencesUrl: `${base}/account/notifications`,
  };
  const email = await storeEmail(tx, {
    organizationId: org.id,
    kind: "reminder",
    to: member.email,
    subject: reminderSubject(props),
    element: createElement(ReminderEmail, props),
  });
  await linkOutboxEmail(
    tx,
    claimed.map((c) => c.id),
    email.id,
  );
  return true;
}

/** The weekly digest: everything the person owns that is open, once per digest day. */
async function emailDigest(tx: Executor, org: OrgRow, member: Member, locale: Locale, theirs: AttentionItem[], date: string, base: string) {
  const id = await claimDelivery(tx, {
    organizationId: org.id,
    channel: "digest",
    recipientKey: member.userId,
    userId: member.userId,
    kind: "digest",
    itemKey: "weekly",
    localDate: date,
    status: "sent",
    attempts: 1,
    sentAt: new Date(),
  });
  if (!id) return false;
  const { WeeklyDigestEmail, weeklyDigestSubject } = await import("../../../emails/weekly-digest");
  const props = {
    locale,
    name: member.name,
    organizationName: locale === "en" ? org.legalNameEn : org.legalNameZh,
    date: formatCalendarDate(date, locale),
    items: theirs.map((item) => ({
      title: titleIn(item, locale),
      state: item.state,
      dueOn: item.dueOn ? formatCalendarDate(item.dueOn, locale) : null,
      url: `${base}${item.href}`,
    })),
    appUrl: `${base}/`,
    preferencesUrl: `${base}/account/notifications`,
  };
  const email = await storeEmail(tx, {
    organizationId: org.id,
    kind: "digest",
    to: member.email,
    subject: weeklyDigestSubject(props),
    element: createElement(WeeklyDigestEmail, props),
  });
  await linkOutboxEmail(tx, [id], email.id);
  return true;
}

export function dailyChannelMessage(org: Pick<OrgRow, "legalNameZh" | "legalNameEn">, due: AttentionItem[], date: string, locale: Locale, base: string): ChannelMessage {
  const { t } = createI18n(locale);
  return {
    locale,
    title: t("emails.notices.dailyTitle", {
      organization: locale === "en" ? org.legalNameEn : org.legalNameZh,
      count: due.length,
      date: formatCalendarDate(date, locale),
    }),
    lines: due.map((item) => ({ text: `[${t(`emails.digest.state.${item.state}`)}] ${titleIn(item, locale)}`, href: `${base}${item.href}` })),
  };
}
