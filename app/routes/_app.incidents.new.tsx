import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { BigChoice, ChoiceGroup, SiteChoices } from "~/components/form/big-choice";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { customsNotificationKinds, incidentKinds } from "~/lib/incidents/incident-rules";
import { IncidentReportSchema } from "~/lib/incidents/incident-schema";
import { reportIncident } from "~/lib/incidents/incidents.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { rememberedSite } from "~/lib/visitors/visitor-site-cookie.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "actions", "inspections", "incidents"] } satisfies PageHandle;

// /incidents/new: a guard reports what was found, on a phone at the gate, with or without
// JavaScript: site, kind, when (empty: now), where, who found it, what, and what was done at once.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("incidents.report.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "incidents.report");
  const sites = await listSites(auth.db, auth.organization.id);
  // The gate's own site first: the one this phone last signed a visitor in at.
  const remembered = rememberedSite(request);
  const siteId = sites.find((s) => s.id === remembered)?.id ?? (sites.length === 1 ? sites[0]?.id : undefined);
  const defaults: Record<string, string> = { discoveredBy: auth.user.name };
  if (siteId) defaults.siteId = siteId;
  return { sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })), defaults };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "incidents.report");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const parsed = parseForm(formData, IncidentReportSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await reportIncident(auth.db, auth.actor, parsed.data, auth.organization.timeZone);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/incidents/${result.incident.id}?reported=1`);
}

export default function ReportIncidentPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(IncidentReportSchema, { defaults: d.defaults, server });
  const field = { form, values };
  const current = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const kind = form.watch("kind") as string | undefined;
  return (
    <>
      <PageHeader title={t("incidents.report.title")} description={t("incidents.report.description")} />
      <Card>
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-5" aria-label={t("incidents.report.title")}>
          {rejected ? <Alert tone="error">{formError ?? t("incidents.report.notSaved")}</Alert> : null}
          <SiteChoices
            legend={t("incidents.site")}
            error={errorOf("siteId")}
            noSites={t("incidents.report.noSites")}
            sites={d.sites}
            register={form.register("siteId")}
            value={current("siteId")}
          />
          <ChoiceGroup legend={t("incidents.kind")} error={errorOf("kind")} name="kind">
            <div className="grid gap-2 sm:grid-cols-2">
              {incidentKinds.map((k) => (
                <BigChoice key={k} value={k} label={t(`incidents.kinds.${k}`)} register={form.register("kind")} defaultChecked={current("kind") === k} />
              ))}
            </div>
            {kind && customsNotificationKinds.includes(kind as never) ? <p className="text-sm text-amber-800">{t("incidents.report.customsHint")}</p> : null}
          </ChoiceGroup>
          <TextField
            {...field}
            name="discoveredAt"
            type="datetime-local"
            label={t("incidents.discoveredAt")}
            hint={t("incidents.report.discoveredAtHint")}
            error={errorOf("discoveredAt")}
          />
          <TextField {...field} name="location" label={t("incidents.location")} hint={t("incidents.report.locationHint")} error={errorOf("location")} />
          <TextField
            {...field}
            name="discoveredBy"
            label={t("incidents.discoveredBy")}
            hint={t("incidents.report.discoveredByHint")}
            error={errorOf("discoveredBy")}
            autoComplete="off"
          />
          <TextAreaField {...field} name="description" label={t("incidents.descriptionField")} error={errorOf("description")} rows={4} />
          <TextAreaField
            {...field}
            name="containment"
            label={t("incidents.containment")}
            hint={t("incidents.report.containmentHint")}
            error={errorOf("containment")}
          />
          <Button type="submit" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
            {t("incidents.report.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
