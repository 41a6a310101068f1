import { Button, Heading, Link, Text } from "@react-email/components";
import type { AttentionState } from "../app/lib/attention/attention-types";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface DigestLine {
  title: string;
  state: AttentionState;
  /** Already formatted for the reader, or null. */
  dueOn: string | null;
  url: string;
}

export interface WeeklyDigestEmailProps {
  locale: Locale;
  name: string;
  organizationName: string;
  date: string;
  items: DigestLine[];
  appUrl: string;
  preferencesUrl: string;
}

const stateOrder: AttentionState[] = ["overdue", "due_today", "waiting", "due_soon"];

export function weeklyDigestSubject(props: Pick<WeeklyDigestEmailProps, "locale" | "items">): string {
  const { t } = createI18n(props.locale);
  return props.items.length ? t("emails.digest.subject", { count: props.items.length }) : t("emails.digest.subjectNone");
}

/** Monday's (or the chosen day's) digest of what one person owns, grouped by how pressing it is. */
export function WeeklyDigestEmail(props: WeeklyDigestEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={weeklyDigestSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.digest.greeting", { name: props.name })}</Text>
      <Text>{t("emails.digest.body", { organization: props.organizationName, date: props.date })}</Text>
      {props.items.length === 0 ? <Text>{t("emails.digest.none")}</Text> : null}
      {stateOrder.map((state) => {
        const group = props.items.filter((i) => i.state === state);
        if (!group.length) return null;
        return (
          <div key={state}>
            <Heading as="h3" style={{ fontSize: "15px", margin: "16px 0 4px" }}>
              {t(`emails.digest.state.${state}`)} ({group.length})
            </Heading>
            {group.map((item) => (
              <Text key={item.url + item.title} style={{ margin: "2px 0" }}>
                • <Link href={item.url}>{item.title}</Link>
                {item.dueOn ? ` · ${t("emails.digest.due", { date: item.dueOn })}` : ""}
              </Text>
            ))}
          </div>
        );
      })}
      <Button href={props.appUrl} style={{ ...buttonStyle, marginTop: "16px" }}>
        {t("emails.digest.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("emails.digest.preferences", { url: props.preferencesUrl })}</Text>
    </EmailLayout>
  );
}
