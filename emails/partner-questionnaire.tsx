import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface PartnerQuestionnaireEmailProps {
  locale: Locale;
  organizationName: string;
  partnerName: string;
  senderName: string;
  url: string;
  expiresAt: string;
}

export function partnerQuestionnaireSubject(props: Pick<PartnerQuestionnaireEmailProps, "locale" | "organizationName">): string {
  return createI18n(props.locale).t("emails.partnerQuestionnaire.subject", { organization: props.organizationName });
}

/** To a trading partner: the link to its security questionnaire, answered without an account. */
export function PartnerQuestionnaireEmail(props: PartnerQuestionnaireEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={partnerQuestionnaireSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.partnerQuestionnaire.greeting", { partner: props.partnerName })}</Text>
      <Text>{t("emails.partnerQuestionnaire.body", { organization: props.organizationName, sender: props.senderName })}</Text>
      <Button href={props.url} style={buttonStyle}>
        {t("emails.partnerQuestionnaire.button")}
      </Button>
      <Text>{t("emails.partnerQuestionnaire.expires", { expiresAt: props.expiresAt })}</Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("emails.linkFallback")} <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}
