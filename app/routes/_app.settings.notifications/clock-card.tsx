import { Form, useActionData, useNavigation } from "@remix-run/react";
import { SelectField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { fields } from "~/lib/form-fields";
import { useTranslation } from "~/lib/i18n/use-translation";
import { ReminderClockSchema } from "~/lib/notifications/notification-schema";
import type { SettingsAction } from "./route";

const hours = Array.from({ length: 24 }, (_, h) => h);
const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** The local hour reminders go out and the weekday of the digest. */
export function ClockCard(props: { clock: { reminderHour: number; digestWeekday: number } }) {
  const { t } = useTranslation();
  const shell = useShell();
  const navigation = useNavigation();
  const actionData = useActionData<SettingsAction>();
  const { form, values, errorOf, onSubmit } = useValidatedForm(ReminderClockSchema, {
    defaults: { reminderHour: String(props.clock.reminderHour), digestWeekday: String(props.clock.digestWeekday) },
    server: actionData?.intent === "clock" ? actionData : undefined,
  });
  const names = fields(ReminderClockSchema);
  return (
    <Card title={t("notifications.settings.clock")}>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
        <input type="hidden" name="intent" value="clock" />
        <p className="text-sm text-slate-600">{t("notifications.settings.clockHint", { timeZone: shell.organization.timeZone })}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            form={form}
            values={values}
            name={names.reminderHour}
            label={t("notifications.settings.reminderHour")}
            options={hours.map((h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }))}
            error={errorOf(names.reminderHour)}
          />
          <SelectField
            form={form}
            values={values}
            name={names.digestWeekday}
            label={t("notifications.settings.digestWeekday")}
            options={weekdays.map((d) => ({ value: d, label: t(`notifications.settings.weekday.${d}`) }))}
            error={errorOf(names.digestWeekday)}
          />
        </div>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
