import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useHydrated } from "~/components/ui/use-hydrated";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";
import { LINK_DAYS_DEFAULT, QuestionnaireLinkSchema } from "~/lib/partners/partner-schema";
import type { ServerState } from "./forms";
import { fields } from "~/lib/form-fields";

export function LinkCard(props: { d: EvaluationView; server: ServerState | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const { d } = props;
  return (
    <Card title={t("partners.linkTitle")}>
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t("partners.linkHint")}</p>
        {props.server?.link ? (
          <Alert tone="success" title={t("partners.linkCreated")}>
            <p className="break-all font-mono text-sm">{props.server.link}</p>
            {props.server.sentTo ? <p className="mt-1 text-sm">{t("partners.linkSent", { email: props.server.sentTo })}</p> : null}
            <p className="mt-1 text-sm">{t("partners.linkOnce")}</p>
            {hydrated ? (
              <Button
                type="button"
                variant="secondary"
                className="mt-2"
                onClick={() => {
                  void navigator.clipboard?.writeText(props.server?.link ?? "").then(() => setCopied(true));
                }}
              >
                {copied ? t("partners.linkCopied") : t("partners.copyLink")}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {d.links.length ? (
          <ul className="divide-y divide-slate-100">
            {d.links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {formatDateTime(l.createdAt, locale, shell.organization.timeZone)} · {l.locale === "en" ? "English" : "简体中文"}
                  {l.sentTo ? ` · ${l.sentTo}` : ""} ·{" "}
                  {t("partners.linkExpires", { date: formatDateTime(l.expiresAt, locale, shell.organization.timeZone) })}
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={l.state === "open" ? "brand" : l.state === "submitted" ? "good" : "neutral"}>
                    {t(`partners.linkState.${l.state}`)}
                  </Badge>
                  {l.state === "open" && d.can.link ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeLink" />
                      <input type="hidden" name="linkId" value={l.id} />
                      <button type="submit" className="min-h-9 font-medium text-red-700 underline">
                        {t("partners.revokeLink")}
                      </button>
                    </Form>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {/* A new form after each link: the address just used is not sent twice by accident. */}
        {d.can.link ? <LinkForm key={props.server?.link ?? "new"} server={props.server?.link ? null : props.server} /> : null}
      </div>
    </Card>
  );
}

function LinkForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(QuestionnaireLinkSchema, {
    server: props.server,
    defaults: { intent: "link", locale: "zh-CN", days: String(LINK_DAYS_DEFAULT) },
  });
  const names = fields(QuestionnaireLinkSchema);
  const field = { form, values, idPrefix: "link-" };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3">
      {rejected ? (
        <div className="sm:col-span-3">
          <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert>
        </div>
      ) : null}
      <input type="hidden" value="link" {...form.register(names.intent)} />
      <SelectField
        {...field}
        name={names.locale}
        label={t("partners.linkLanguage")}
        options={[
          { value: "zh-CN", label: "简体中文" },
          { value: "en", label: "English" },
        ]}
        error={errorOf(names.locale)}
      />
      <TextField {...field} name={names.days} type="number" inputMode="numeric" label={t("partners.linkDaysLabel")} error={errorOf(names.days)} />
      <TextField
        {...field}
        name={names.email}
        type="email"
        label={t("partners.linkEmail")}
        hint={t("partners.linkEmailHint")}
        error={errorOf(names.email)}
      />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("partners.createLink")}
        </Button>
      </div>
    </Form>
  );
}
