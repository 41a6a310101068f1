// Reminders, as the hourly pass sends them: each member's due items once per item, person and day
// in the app and by email, however often the pass runs and with two passes at once; the weekly
// digest in each person's language, received by a mail server this test starts; an assignment
// notice to a corrective action's new owner; and the bell's list, marked read only by its owner.
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { correctiveActions, notificationDeliveries, notifications, notificationSettings, outboxEmails } from "../../db/schema";
import * as attention from "~/lib/attention/attention.server";
import { setUserLocale } from "~/lib/auth/accounts.server";
import { deliverOutboxEmail } from "~/lib/email/email.server";
import { todayInZone, zonedDateTimeToUtc } from "~/lib/i18n/format";
import { localClock, runReminderPass } from "~/lib/notifications/reminder-job.server";
import { unreadCount } from "~/lib/notifications/notifications.server";
import { updateAction } from "~/lib/actions/actions.server";
import * as notificationsRoute from "~/routes/_app.notifications";
import * as schedulesRoute from "~/routes/_app.schedules._index";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { callAction } from "../support/requests";
import { testDb } from "../support/test-database";

const ZONE = "Asia/Shanghai";
let org: SignedUp;
let guardZh: Member;
let guardEn: Member;
let lead: Member;
const today = () => todayInZone(ZONE);
/** Ten in the morning in Shanghai, today: after the default reminder hour (08:00). */
const morning = () => zonedDateTimeToUtc(`${today()}T10:00`, ZONE);

interface Mail {
  to: string[];
  subject: string;
  text: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  org = await signUpOrganization();
  guardZh = await addMember(org.cookie, "security");
  guardEn = await addMember(org.cookie, "security");
  lead = await addMember(org.cookie, "security_lead");
  await setUserLocale(testDb(), guardZh.userId, "zh-CN");
  await setUserLocale(testDb(), guardEn.userId, "en");
  const site = await createSite(org.cookie);
  // A daily 7-point inspection started long ago: due today for the gate.
  const created = await callAction(
    schedulesRoute,
    "/schedules",
    { intent: "create", siteId: site.id, templateCode: "container-7-point", frequency: "daily", startsOn: "2026-01-05" },
    { cookie: org.cookie },
  );
  expect(created.status).toBe(302);
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: parsed.subject ?? "", text: parsed.text ?? "" });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;
});

afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const scope = () => ({ organizationId: org.organizationId, timeZone: ZONE, today: today() });
const dueFor = async (member: Member) => {
  const items = attention.itemsFor(await attention.organizationAttention(testDb(), scope()), { userId: member.userId, role: member.role });
  return items.filter((i) => i.state === "overdue" || i.state === "due_today" || i.state === "waiting");
};
const noticesOf = (userId: string) =>
  testDb().select().from(notifications).where(and(eq(notifications.organizationId, org.organizationId), eq(notifications.userId, userId)));
const emailsTo = (to: string, kind: "reminder" | "digest" | "assignment") =>
  testDb().select().from(outboxEmails).where(and(eq(outboxEmails.to, to), eq(outboxEmails.kind, kind)));

describe("the reminder pass", () => {
  test("the clock is the organisation's own: date, hour and weekday in its time zone", () => {
    expect(localClock("Asia/Shanghai", new Date("2026-12-06T23:30:00Z"))).toEqual({ date: "2026-12-07", hour: 7, weekday: 1 });
    expect(localClock("Europe/Berlin", new Date("2026-12-06T23:30:00Z"))).toEqual({ date: "2026-12-07", hour: 0, weekday: 1 });
  });

  test("before the organisation's reminder hour nothing is sent", async () => {
    const early = zonedDateTimeToUtc(`${today()}T07:00`, ZONE);
    const result = await runReminderPass(testDb(), attention, early);
    expect(result.organizations).toBe(0);
    expect(await noticesOf(guardZh.userId)).toHaveLength(0);
  });

  test("run twice, and by two workers at once, each reminder is sent once per item, person and day", async () => {
    const due = await dueFor(guardZh);
    expect(due.length).toBeGreaterThan(0);
    // Two workers at once.
    await Promise.all([runReminderPass(testDb(), attention, morning()), runReminderPass(testDb(), attention, morning())]);
    // And once more, with the day's "already reminded" mark taken away: only the unique keys stand guard.
    await testDb().update(notificationSettings).set({ remindedOn: null }).where(eq(notificationSettings.organizationId, org.organizationId));
    await runReminderPass(testDb(), attention, morning());
    // A later pass the same day does nothing at all.
    expect((await runReminderPass(testDb(), attention, morning())).organizations).toBe(0);

    const notices = await noticesOf(guardZh.userId);
    expect(notices.map((n) => n.itemKey).sort()).toEqual(due.map((i) => i.key).sort());
    expect(notices.find((n) => n.itemKey === due[0]!.key)).toMatchObject({ kind: "reminder", titleZh: due[0]!.title.zh, titleEn: due[0]!.title.en, href: due[0]!.href });
    const reminderEmails = await emailsTo(guardZh.email, "reminder");
    expect(reminderEmails).toHaveLength(1);
    expect(reminderEmails[0]!.subject).toBe(due.length === 1 ? "今天有 1 项待办需要您处理" : `今天有 ${due.length} 项待办需要您处理`);
    expect(reminderEmails[0]!.text).toContain(due[0]!.title.zh);
    const emailRows = await testDb()
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.recipientKey, guardZh.userId), eq(notificationDeliveries.channel, "email")));
    expect(emailRows).toHaveLength(due.length);
    expect(new Set(emailRows.map((r) => r.outboxEmailId))).toEqual(new Set([reminderEmails[0]!.id]));
    // The English guard's email is in English.
    const english = await emailsTo(guardEn.email, "reminder");
    expect(english).toHaveLength(1);
    expect(english[0]!.subject).toMatch(/^\d+ things? needs? your attention today$/);
    expect(await unreadCount(testDb(), org.organizationId, guardZh.userId)).toBe(due.length);
  });

  test("a person who turned reminders off gets none, in the app or by email", async () => {
    const quiet = await addMember(org.cookie, "security");
    const { savePreferences } = await import("~/lib/notifications/notifications.server");
    await savePreferences(testDb(), org.organizationId, quiet.userId, { inAppKinds: ["assignment"], emailKinds: [], weeklyDigest: false });
    await testDb().update(notificationSettings).set({ remindedOn: null }).where(eq(notificationSettings.organizationId, org.organizationId));
    await runReminderPass(testDb(), attention, morning());
    expect(await noticesOf(quiet.userId)).toHaveLength(0);
    expect(await emailsTo(quiet.email, "reminder")).toHaveLength(0);
  });
});

describe("the weekly digest", () => {
  test("on the digest day each person gets one digest in their language, received by the mail server", async () => {
    const weekday = localClock(ZONE, morning()).weekday;
    await testDb()
      .update(notificationSettings)
      .set({ digestWeekday: weekday, remindedOn: null })
      .where(eq(notificationSettings.organizationId, org.organizationId));
    await Promise.all([runReminderPass(testDb(), attention, morning()), runReminderPass(testDb(), attention, morning())]);
    const zh = await emailsTo(guardZh.email, "digest");
    const en = await emailsTo(guardEn.email, "digest");
    expect(zh).toHaveLength(1);
    expect(en).toHaveLength(1);
    const ownedZh = attention.itemsFor(await attention.organizationAttention(testDb(), scope()), { userId: guardZh.userId, role: "security" });
    // Delivered over SMTP as the email queue's worker would.
    for (const email of [...zh, ...en]) {
      await testDb().update(outboxEmails).set({ status: "queued" }).where(eq(outboxEmails.id, email.id));
      await deliverOutboxEmail(testDb(), email.id, false, smtpUrl);
    }
    const zhMail = mails.find((m) => m.to.includes(guardZh.email));
    const enMail = mails.find((m) => m.to.includes(guardEn.email));
    expect(zhMail?.subject).toBe(ownedZh.length === 1 ? "本周待办摘要：1 项未完成" : `本周待办摘要：${ownedZh.length} 项未完成`);
    expect(zhMail?.text).toContain(`${guardZh.name}，您好：`);
    expect(zhMail?.text).toContain(ownedZh[0]!.title.zh);
    expect(zhMail?.text).toContain("/account/notifications");
    expect(enMail?.subject).toBe(ownedZh.length === 1 ? "Your week in Tradeguard: 1 open item" : `Your week in Tradeguard: ${ownedZh.length} open items`);
    expect(enMail?.text).toContain(`Hello ${guardEn.name},`);
    expect(enMail?.text).toContain(ownedZh[0]!.title.en);
  });
});

describe("assignments and the bell", () => {
  test("a corrective action given to someone else reaches them at once, in the app and by email; saving again does not repeat it", async () => {
    const inspection = await submitContainerInspection({ organizationId: org.organizationId, userId: guardZh.userId }, (await createSite(org.cookie)).id, {
      failPoints: ["front-wall"],
    });
    const [action] = await testDb()
      .select()
      .from(correctiveActions)
      .where(and(eq(correctiveActions.organizationId, org.organizationId), eq(correctiveActions.sourceId, inspection.id)));
    const manager = { organizationId: org.organizationId, userId: org.userId, role: "owner" as const };
    const values = { status: "open" as const, closingNote: undefined, ownerUserId: lead.userId, dueOn: action!.dueOn };
    expect(await updateAction(testDb(), manager, action!.id, values, null)).toEqual({ ok: true });
    expect(await updateAction(testDb(), manager, action!.id, values, null)).toEqual({ ok: true });
    const notices = (await noticesOf(lead.userId)).filter((n) => n.kind === "assignment");
    expect(notices).toHaveLength(1);
    expect(notices[0]!.href).toBe(`/actions/${action!.id}`);
    expect(notices[0]!.titleZh).toContain("已分派给您");
    const emails = await emailsTo(lead.email, "assignment");
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain(`/actions/${action!.id}`);
  });

  test("a notice is opened and marked read by its owner only; another person's answers 404", async () => {
    const [notice] = await noticesOf(guardZh.userId);
    const before = await unreadCount(testDb(), org.organizationId, guardZh.userId);
    expect(before).toBeGreaterThan(0);
    const stranger = await callAction(notificationsRoute, "/notifications", { intent: "read", id: notice!.id }, { cookie: guardEn.cookie });
    expect(stranger.status).toBe(404);
    expect((await noticesOf(guardZh.userId)).find((n) => n.id === notice!.id)?.readAt).toBeNull();
    const opened = await callAction(notificationsRoute, "/notifications", { intent: "open", id: notice!.id }, { cookie: guardZh.cookie });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(notice!.href);
    expect(await unreadCount(testDb(), org.organizationId, guardZh.userId)).toBe(before - 1);
    const all = await callAction(notificationsRoute, "/notifications", { intent: "all-read" }, { cookie: guardZh.cookie });
    expect(all.status).toBe(302);
    expect(await unreadCount(testDb(), org.organizationId, guardZh.userId)).toBe(0);
    expect(await unreadCount(testDb(), org.organizationId, guardEn.userId)).toBeGreaterThan(0);
  });
});
