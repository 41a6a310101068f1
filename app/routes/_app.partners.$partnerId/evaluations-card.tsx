import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { decisionTone } from "~/components/partners/partner-badges";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { StartEvaluationSchema } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, serverFor, Submit, type ServerState } from "./forms";
import { fields } from "~/lib/form-fields";

export function EvaluationsCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t } = useTranslation();
  const openEvaluation = d.evaluations.find((e) => e.status !== "decided");
  return (
    <Card title={t("partners.evaluationsTitle", { count: d.evaluations.length })}>
      {d.evaluations.length === 0 ? (
        <p className="text-slate-600">{t("partners.noEvaluations")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {d.evaluations.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link to={`/evaluations/${e.id}`} className="text-brand-700 underline">
                <span className="mr-2 font-mono text-sm">{e.reference}</span>
                {e.kind === "exemption" ? t("partners.exemption") : t(`partners.role.${e.role}`)}
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                {e.score !== null ? t("partners.scoreValue", { score: e.score }) : null}
                {e.tier ? (
                  <Badge tone={e.tier === "low" ? "good" : e.tier === "medium" ? "warn" : "bad"}>{t(`partners.tier.${e.tier}`)}</Badge>
                ) : null}
                <Badge tone={e.decision ? decisionTone[e.decision] : "warn"}>
                  {e.decision ? t(`partners.decision.${e.decision}`) : t(`partners.evaluationStatus.${e.status}`)}
                </Badge>
              </span>
            </li>
          ))}
        </ul>
      )}
      {d.canManage && !openEvaluation ? (
        <StartEvaluation d={d} server={serverFor(server, "evaluate") ?? serverFor(server, "exemption")} />
      ) : null}
      {openEvaluation ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("partners.openEvaluation")}{" "}
          <Link to={`/evaluations/${openEvaluation.id}`} className="text-brand-700 underline">
            {openEvaluation.reference}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}

function StartEvaluation(props: { d: PartnerView; server: ServerState | null }) {
  const { t } = useTranslation();
  const p = props.d.partner;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(StartEvaluationSchema, {
    server: props.server,
    defaults: { intent: "evaluate", role: p.roles[0] },
  });
  const names = fields(StartEvaluationSchema);
  // Only China Customs advanced certification exempts (CN-2022 item 15): the same rule as exemptionProblem.
  const exemptionPossible =
    p.aeoProgramme === "cn_advanced" && props.d.certificate !== null && p.aeoValidUntil !== null && p.aeoValidUntil >= props.d.today;
  return (
    <div className="mt-4 space-y-3 border-t border-slate-100 pt-4">
      <FormAlert rejected={rejected} formError={formError} />
      <Form method="post" noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <input type="hidden" value="evaluate" {...form.register(names.intent)} />
        <div className="min-w-56">
          <SelectField
            form={form}
            values={values}
            name={names.role}
            idPrefix="evaluate-"
            label={t("partners.evaluateAs")}
            options={p.roles.map((r) => ({ value: r, label: t(`partners.role.${r}`) }))}
            error={errorOf(names.role)}
          />
        </div>
        <Submit>{t("partners.startEvaluation")}</Submit>
      </Form>
      {exemptionPossible ? (
        <Form method="post" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="exemption" />
          <Submit variant="secondary">{t("partners.prepareExemption")}</Submit>
          <span className="text-sm text-slate-600">{t("partners.exemptionHint")}</span>
        </Form>
      ) : p.aeoProgramme === "cn_advanced" ? (
        <p className="text-sm text-slate-600">{t("partners.exemptionNotYet")}</p>
      ) : p.aeoProgramme !== "none" ? (
        <p className="text-sm text-slate-600">{t("partners.exemptionOtherProgramme")}</p>
      ) : null}
    </div>
  );
}
