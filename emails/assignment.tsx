import { Button, Link, Text } from "@react-email/components";
import type { Locale } from "../app/lib/i18n/config";
import { createI18n } from "../app/lib/i18n/translations.server";
import { buttonStyle, EmailLayout } from "./components/email-layout";

export interface AssignmentEmailProps {
  locale: Locale;
  name: string;
  assigner: string;
  organizationName: string;
  reference: string;
  title: string;
  dueOn: string;
  url: string;
}

export function assignmentSubject(props: Pick<AssignmentEmailProps, "locale" | "reference">): string {
  return createI18n(props.locale).t("emails.assignment.subject", { reference: props.reference });
}

/** At once, to the person a corrective action was given to. */
export function AssignmentEmail(props: AssignmentEmailProps) {
  const { t } = createI18n(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={assignmentSubject(props)} footer={t("emails.footer")}>
      <Text>{t("emails.assignment.greeting", { name: props.name })}</Text>
      <Text>
        {t("emails.assignment.body", { assigner: props.assigner, organization: props.organizationName, title: props.title, dueOn: props.dueOn })}
      </Text>
      <Button href={props.url} style={buttonStyle}>
        {t("emails.assignment.button")}
      </Button>
      <Text style={{ fontSize: "12px", color: "#6b7280" }}>
        {t("emails.linkFallback")} <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}
