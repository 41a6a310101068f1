import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface SealReportEmailProps {
  locale: Locale;
  organizationName: string;
  sealNumber: string;
  reportKind: "discrepancy" | "broken" | "number_mismatch";
  target: string;
  description: string;
  reporterName: string;
  occurredAt: string;
  url: string;
}

export function sealReportSubject(props: Pick<SealReportEmailProps, "locale" | "sealNumber" | "reportKind">): string {
  const { t } = createI18n(props.locale);
  return t("seals.email.subject", { kind: t(`seals.reportKind.${props.reportKind}`), number: props.sealNumber });
}

/** To the security lead: a seal was found broken, tampered with or with the wrong number (CTPAT 6.1 C/D). */
export function SealReportEmail(props: SealReportEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={sealReportSubject(props)} footer={t("emails.footer")}>
      <Text>{t("seals.email.greeting")}</Text>
      <Text>
        {t("seals.email.body", {
          reporter: props.reporterName,
          kind: t(`seals.reportKind.${props.reportKind}`),
          number: props.sealNumber,
          target: props.target || t("seals.email.noTarget"),
          occurredAt: props.occurredAt,
          organization: props.organizationName,
        })}
      </Text>
      <Text style={{ whiteSpace: "pre-wrap", borderLeft: "3px solid #b91c1c", paddingLeft: "12px" }}>{props.description}</Text>
      <Text>{t("seals.email.action")}</Text>
      <Button href={props.url} style={buttonStyle}>
        {t("seals.email.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("emails.linkFallback")} <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}
