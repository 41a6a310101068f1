import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { BackLink } from "~/components/ui/back-link";
import { PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { addChannel, deliveryLog, listChannels, removeChannel, sendTestMessage } from "~/lib/notifications/channels.server";
import { ChannelSchema, ReminderClockSchema } from "~/lib/notifications/notification-schema";
import { reminderClock, saveReminderClock } from "~/lib/notifications/notifications.server";
import { isUuid } from "~/lib/value-checks";
import type { PageHandle } from "~/root";
import { ChannelsCard } from "./channels-card";
import { ClockCard } from "./clock-card";
import { DeliveryLogCard } from "./delivery-log-card";

export const handle = { i18n: ["notifications"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("notifications.settings.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "notifications.manage");
  const orgId = auth.organization.id;
  return {
    clock: await reminderClock(auth.db, orgId),
    channels: await listChannels(auth.db, orgId),
    log: await deliveryLog(auth.db, orgId),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "notifications.manage");
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["clock", "add-channel", "test", "remove"]);
  if (intent === "clock") {
    const parsed = parseForm(formData, ReminderClockSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await saveReminderClock(auth.db, auth.actor, parsed.data);
    return redirect("/settings/notifications?saved=clock");
  }
  if (intent === "add-channel") {
    const parsed = parseForm(formData, ChannelSchema);
    // The secret is never sent back into the page, even to the person who typed it.
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: { ...parsed.values, secret: "" } }, { status: 400 });
    const added = await addChannel(auth.db, auth.actor, parsed.data);
    if (!added.ok) {
      const { provider, name, url, locale, kinds } = parsed.data;
      return data({ intent, errors: added.errors, values: { provider, name, url, locale, kinds } }, { status: 400 });
    }
    return redirect("/settings/notifications?saved=channel");
  }
  const channelId = formData.get("channelId");
  if (typeof channelId !== "string" || !isUuid(channelId)) return data({ intent, errors: { form: message("errors.invalid") }, values: {} }, { status: 400 });
  if (intent === "remove") {
    if (!(await removeChannel(auth.db, auth.actor, channelId))) {
      return data({ intent, errors: { form: message("notifications.channels.errors.notFound") }, values: {} }, { status: 404 });
    }
    return redirect("/settings/notifications?saved=removed");
  }
  const organization = auth.organization;
  const result = await sendTestMessage(auth.db, { ...auth.actor, timeZone: organization.timeZone }, channelId, (locale) => {
    const { t } = createI18n(locale);
    return {
      locale,
      title: t("notifications.channels.testTitle"),
      lines: [{ text: t("notifications.channels.testLine", { organization: locale === "en" ? organization.legalNameEn : organization.legalNameZh }) }],
    };
  });
  if (!result) return data({ intent, errors: { form: message("notifications.channels.errors.notFound") }, values: {} }, { status: 404 });
  return data({ intent, test: { channelId, ...result }, errors: {}, values: {} });
}

export type SettingsAction = typeof action;

export default function NotificationSettingsPage() {
  const { t } = useTranslation();
  const { clock, channels, log } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("saved");
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const formError = actionData?.intent === "test" || actionData?.intent === "remove" ? errors.form : undefined;
  return (
    <>
      <BackLink to="/notifications">{t("notifications.title")}</BackLink>
      <PageHeader title={t("notifications.settings.title")} description={t("notifications.settings.description")} />
      <div className="space-y-4">
        {saved === "clock" ? <Alert tone="success">{t("notifications.settings.saved")}</Alert> : null}
        {saved === "channel" ? <Alert tone="success">{t("notifications.channels.added")}</Alert> : null}
        {saved === "removed" ? <Alert tone="success">{t("notifications.channels.removed")}</Alert> : null}
        {formError ? <Alert tone="error">{translateMessage(t, formError)}</Alert> : null}
        <ClockCard clock={clock} />
        <ChannelsCard channels={channels} />
        <DeliveryLogCard log={log} />
      </div>
    </>
  );
}
