import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface PasswordResetEmailProps {
  locale: Locale;
  name: string;
  url: string;
  expiresAt: string;
}

export function passwordResetSubject(props: Pick<PasswordResetEmailProps, "locale">): string {
  return createI18n(props.locale).t("emails.passwordReset.subject");
}

export function PasswordResetEmail(props: PasswordResetEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={passwordResetSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.passwordReset.greeting", { name: props.name })}</Text>
      <Text>{t("emails.passwordReset.body")}</Text>
      <Button href={props.url} style={buttonStyle}>
        {t("emails.passwordReset.button")}
      </Button>
      <Text>{t("emails.passwordReset.expires", { expiresAt: props.expiresAt })}</Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("emails.linkFallback")} <Link href={props.url}>{props.url}</Link>
      </Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("emails.passwordReset.ignore")}</Text>
    </EmailLayout>
  );
}
