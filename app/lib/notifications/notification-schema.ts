import { z } from "zod";
import { message } from "../i18n/messages";

// The forms of the notification pages, shared by the page (react-hook-form) and the action.

import { channelKinds, channelProviders, personKinds } from "./notification-kinds";

export { channelKinds, personKinds };

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)));

export const PreferencesSchema = z.object({
  inAppKinds: list(personKinds),
  emailKinds: list(personKinds),
  weeklyDigest: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type PreferencesValues = z.infer<typeof PreferencesSchema>;

export const ReminderClockSchema = z.object({
  reminderHour: z.coerce.number({ error: message("notifications.errors.reminderHour") }).int(message("notifications.errors.reminderHour")).min(0, message("notifications.errors.reminderHour")).max(23, message("notifications.errors.reminderHour")),
  digestWeekday: z.coerce.number({ error: message("notifications.errors.digestWeekday") }).int(message("notifications.errors.digestWeekday")).min(1, message("notifications.errors.digestWeekday")).max(7, message("notifications.errors.digestWeekday")),
});
export type ReminderClockValues = z.infer<typeof ReminderClockSchema>;

export const ChannelSchema = z.object({
  provider: z.enum(channelProviders, { error: message("errors.choose") }),
  name: z.string().trim().min(1, message("notifications.channels.errors.name")).max(60, message("notifications.channels.errors.name")),
  url: z.string().trim().min(1, message("notifications.channels.errors.url")).max(2000, message("notifications.channels.errors.url")),
  secret: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
  kinds: list(channelKinds).refine((v) => v.length > 0, message("notifications.channels.errors.kinds")),
});
export type ChannelValues = z.infer<typeof ChannelSchema>;
