import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Card } from "~/components/ui/card";
import { useLocale } from "~/lib/i18n/use-locale";
import { countryName, countryOptions } from "~/lib/partners/countries";
import { PartnerSiteSchema } from "~/lib/partners/partner-schema";
import type { PartnerView } from "~/lib/partners/partner-view.server";
import { FormAlert, RemoveButton, serverFor, Submit, type ServerState } from "./forms";
import { fields } from "~/lib/form-fields";

export function SitesCard({ d, server }: { d: PartnerView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("partners.sitesTitle", { count: d.sites.length })}>
      <div id="sites" className="space-y-3">
        <ul className="divide-y divide-slate-100">
          {d.sites.map((s) => (
            <li key={s.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium text-slate-900">{s.name}</span>
                <span className="block text-slate-600">
                  {s.address} · {countryName(s.countryCode, locale)}
                </span>
              </span>
              {d.canManage ? <RemoveButton intent="removeSite" id={s.id} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? <SiteForm server={serverFor(server, "site")} /> : null}
      </div>
    </Card>
  );
}

function SiteForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(PartnerSiteSchema, {
    server: props.server,
    defaults: { intent: "site", countryCode: "CN" },
  });
  const names = fields(PartnerSiteSchema);
  const field = { form, values, idPrefix: "site-" };
  return (
    <details className="rounded-md border border-slate-200 p-3" open={rejected || undefined}>
      <summary className="min-h-9 cursor-pointer font-medium text-brand-700">{t("partners.addSite")}</summary>
      <Form method="post" noValidate onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormAlert rejected={rejected} formError={formError} />
        <input type="hidden" value="site" {...form.register(names.intent)} />
        <TextField {...field} name={names.name} label={t("partners.siteName")} error={errorOf(names.name)} />
        <TextField {...field} name={names.address} label={t("fields.address")} error={errorOf(names.address)} />
        <SelectField
          {...field}
          name={names.countryCode}
          label={t("partners.country")}
          options={countryOptions(locale)}
          error={errorOf(names.countryCode)}
        />
        <Submit variant="secondary">{t("partners.addSiteSubmit")}</Submit>
      </Form>
    </details>
  );
}
