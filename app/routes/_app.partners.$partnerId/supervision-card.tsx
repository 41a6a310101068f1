import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileField, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { ConditionFields } from "~/components/partners/condition-fields";
import { useHydrated } from "~/components/ui/use-hydrated";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { SupervisionSchema, supervisionKinds } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, serverFor, Submit, type ServerState } from "./forms";

export function SupervisionCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("partners.supervisionTitle", { count: d.supervision.length })}>
      <div id="supervision" className="space-y-3">
        {d.partner.nextSupervisionOn && d.partner.riskTier && d.supervisionMonths ? (
          <p className={d.partner.nextSupervisionOn < d.today ? "text-sm font-semibold text-red-700" : "text-sm text-slate-700"}>
            {t(d.partner.nextSupervisionOn < d.today ? "partners.supervisionIntervalOverdue" : "partners.supervisionInterval", {
              tier: t(`partners.tierLong.${d.partner.riskTier}`),
              count: d.supervisionMonths,
              date: formatCalendarDate(d.partner.nextSupervisionOn, locale),
            })}
          </p>
        ) : null}
        {d.supervision.length ? (
          <ul className="divide-y divide-slate-100">
            {d.supervision.map((s) => (
              <li key={s.id} className="py-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium text-slate-900">
                    {t(`partners.supervisionKind.${s.kind}`)} · {formatCalendarDate(s.performedOn, locale)}
                  </span>
                  <Badge tone={s.result === "findings" ? "warn" : "good"}>{t(`partners.supervisionResult.${s.result}`)}</Badge>
                </div>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{s.summary}</p>
                <p className="text-xs text-slate-500">{s.performedByName}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t("partners.noSupervision")}</p>
        )}
        {d.canManage ? <SupervisionForm d={d} server={serverFor(server, "supervision")} /> : null}
      </div>
    </Card>
  );
}

function SupervisionForm(props: { d: PartnerView; server: ServerState | null }) {
  const { t } = useTranslation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(SupervisionSchema, {
    server: props.server,
    defaults: { intent: "supervision", kind: "document_review", result: "satisfactory", performedOn: props.d.today },
  });
  const field = { form, values, idPrefix: "supervision-" };
  const findings = (form.watch("result") ?? values.result) === "findings";
  const hydrated = useHydrated();
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.recordSupervision")}</summary>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="supervision" {...form.register("intent")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            {...field}
            name="kind"
            label={t("partners.supervisionKindLabel")}
            options={supervisionKinds.map((k) => ({ value: k, label: t(`partners.supervisionKind.${k}`) }))}
            error={errorOf("kind")}
          />
          <TextField {...field} name="performedOn" type="date" label={t("partners.performedOn")} error={errorOf("performedOn")} />
          <SelectField
            {...field}
            name="result"
            label={t("partners.supervisionResultLabel")}
            options={(["satisfactory", "findings"] as const).map((r) => ({ value: r, label: t(`partners.supervisionResult.${r}`) }))}
            error={errorOf("result")}
          />
        </div>
        <TextAreaField
          {...field}
          name="summary"
          label={t("partners.supervisionSummary")}
          hint={t("partners.supervisionSummaryHint")}
          error={errorOf("summary")}
        />
        <FileField
          form={form}
          name="file"
          idPrefix="supervision-"
          label={t("partners.supervisionFile")}
          hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          accept={acceptAttribute}
          error={errorOf("file")}
        />
        {!hydrated || findings ? (
          <ConditionFields form={form} values={values} errorOf={errorOf} members={props.d.members} idPrefix="supervision-" />
        ) : null}
        <Submit>{t("partners.saveSupervision")}</Submit>
      </Form>
    </details>
  );
}
