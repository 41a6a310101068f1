import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

/** Sent to an account when someone tried to sign up with its address (the signup page does not say it is taken). */
export interface SignupAttemptEmailProps {
  locale: Locale;
  name: string;
  loginUrl: string;
  resetUrl: string;
}

export function signupAttemptSubject(props: Pick<SignupAttemptEmailProps, "locale">): string {
  return createI18n(props.locale).t("emails.signupAttempt.subject");
}

export function SignupAttemptEmail(props: SignupAttemptEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={signupAttemptSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.signupAttempt.greeting", { name: props.name })}</Text>
      <Text>{t("emails.signupAttempt.body")}</Text>
      <Text>{t("emails.signupAttempt.ifYou")}</Text>
      <Button href={props.loginUrl} style={buttonStyle}>
        {t("emails.signupAttempt.button")}
      </Button>
      <Text>
        {t("emails.signupAttempt.forgot")} <Link href={props.resetUrl}>{props.resetUrl}</Link>
      </Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("emails.signupAttempt.ignore")}</Text>
    </EmailLayout>
  );
}
