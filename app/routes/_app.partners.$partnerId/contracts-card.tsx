import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, FileField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { ContractSchema } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, serverFor, Submit, type ServerState } from "./forms";
import { localized } from "~/lib/i18n/localized";
import { fields } from "~/lib/form-fields";

export function ContractsCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("partners.contractsTitle", { count: d.contracts.length })}>
      <div id="contracts" className="space-y-3">
        {d.missingClauses.length ? (
          <Alert tone="warning" title={t("partners.clausesMissingTitle")}>
            {d.missingClauses
              .map((code) => {
                const clause = d.clauses.find((c) => c.code === code);
                return clause ? localized(clause, "title", i18n.language) : code;
              })
              .join(t("common.listSeparator"))}
          </Alert>
        ) : d.requiredClauses.length ? (
          <p className="text-sm text-green-800">{t("partners.clausesComplete")}</p>
        ) : null}
        {d.contracts.length ? (
          <ul className="divide-y divide-slate-100">
            {d.contracts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/contracts/${c.id}`} className="text-brand-700 underline">
                  <span className="mr-2 font-mono text-sm">{c.contractNumber}</span>
                  {c.title}
                </Link>
                <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {formatCalendarDate(c.startsOn, locale)}
                  {c.endsOn ? ` – ${formatCalendarDate(c.endsOn, locale)}` : ""}
                  <Badge tone={c.acknowledgedOn ? "good" : "warn"}>
                    {c.acknowledgedOn
                      ? t("partners.acknowledgedOn", { date: formatCalendarDate(c.acknowledgedOn, locale) })
                      : t("partners.notAcknowledged")}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t("partners.noContracts")}</p>
        )}
        {d.canManage ? <ContractForm d={d} server={serverFor(server, "contract")} /> : null}
      </div>
    </Card>
  );
}

function ContractForm(props: { d: PartnerView; server: ServerState | null }) {
  const { t, i18n } = useTranslation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ContractSchema, {
    server: props.server,
    defaults: { intent: "contract", startsOn: props.d.today, clauseIds: props.d.clauses.filter((c) => c.required).map((c) => c.id) },
  });
  const names = fields(ContractSchema);
  const field = { form, values, idPrefix: "contract-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addContract")}</summary>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="contract" {...form.register(names.intent)} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField {...field} name={names.contractNumber} label={t("partners.contractNumber")} error={errorOf(names.contractNumber)} />
          <TextField {...field} name={names.title} label={t("partners.contractTitle")} error={errorOf(names.title)} />
          <TextField {...field} name={names.startsOn} type="date" label={t("partners.startsOn")} error={errorOf(names.startsOn)} />
          <TextField {...field} name={names.endsOn} type="date" label={t("partners.endsOn")} error={errorOf(names.endsOn)} />
        </div>
        <CheckboxGroupField
          {...field}
          name={names.clauseIds}
          label={t("partners.contractClauses")}
          hint={t("partners.contractClausesHint")}
          options={props.d.clauses.map((c) => ({
            value: c.id,
            label: `${localized(c, "title", i18n.language)} (v${c.version})${c.required ? ` · ${t("partners.requiredClause")}` : ""}`,
          }))}
          error={errorOf(names.clauseIds)}
        />
        <FileField
          form={form}
          name="file"
          idPrefix="contract-"
          label={t("partners.contractFile")}
          hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          accept={acceptAttribute}
          error={errorOf("file")}
        />
        <Submit>{t("partners.saveContract")}</Submit>
      </Form>
    </details>
  );
}
