import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface InvitationEmailProps {
  locale: Locale;
  organizationName: string;
  inviterName: string;
  role: string;
  url: string;
  expiresAt: string;
}

export function invitationSubject(props: Pick<InvitationEmailProps, "locale" | "organizationName">): string {
  return createI18n(props.locale).t("emails.invitation.subject", { organization: props.organizationName });
}

export function InvitationEmail(props: InvitationEmailProps) {
  const { t } = createI18n(props.locale);
  const role = t(`roles.${props.role}` as "roles.owner");
  return (
    <EmailLayout lang={props.locale} preview={invitationSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.invitation.greeting")}</Text>
      <Text>
        {t("emails.invitation.body", { inviter: props.inviterName, organization: props.organizationName, role })}
      </Text>
      <Button href={props.url} style={buttonStyle}>
        {t("emails.invitation.button")}
      </Button>
      <Text>{t("emails.invitation.expires", { expiresAt: props.expiresAt })}</Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("emails.linkFallback")} <Link href={props.url}>{props.url}</Link>
      </Text>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>{t("emails.invitation.ignore")}</Text>
    </EmailLayout>
  );
}
