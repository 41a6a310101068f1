import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface ReminderLine {
  title: string;
  /** Already in the reader's language: "overdue", "due today"… */
  state: string;
  url: string;
}

export interface ReminderEmailProps {
  locale: Locale;
  name: string;
  organizationName: string;
  /** The organisation's date, formatted for the reader. */
  date: string;
  items: ReminderLine[];
  appUrl: string;
  preferencesUrl: string;
}

export function reminderSubject(props: Pick<ReminderEmailProps, "locale" | "items">): string {
  const { t } = createI18n(props.locale);
  return t("emails.reminder.subject", { count: props.items.length });
}

/** The daily reminder: what is due or overdue today for one person, each with its link. */
export function ReminderEmail(props: ReminderEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={reminderSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.reminder.greeting", { name: props.name })}</Text>
      <Text>{t("emails.reminder.body", { organization: props.organizationName, date: props.date })}</Text>
      {props.items.map((item) => (
        <Text key={item.url + item.title} style={{ margin: "4px 0" }}>
          • [{item.state}] <Link href={item.url}>{item.title}</Link>
        </Text>
      ))}
      <Button href={props.appUrl} style={buttonStyle}>
        {t("emails.reminder.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("emails.reminder.preferences", { url: props.preferencesUrl })}</Text>
    </EmailLayout>
  );
}
