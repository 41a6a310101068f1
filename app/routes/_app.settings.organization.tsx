import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { parseForm, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { aeoStatuses, enterpriseTypes, OrganizationProfileSchema } from "~/lib/organizations/organization-schema";
import { updateOrganizationProfile } from "~/lib/organizations/organizations.server";
import { businessTypeNames, cn2014RoleNames } from "~/lib/criteria/business-types.server";
import { localized } from "~/lib/i18n/localized";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["organizations"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("organization.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "organization.read");
  const o = auth.organization;
  return {
    profile: {
      legalNameZh: o.legalNameZh,
      legalNameEn: o.legalNameEn,
      customsCode: o.customsCode ?? "",
      unifiedSocialCreditCode: o.unifiedSocialCreditCode ?? "",
      enterpriseTypes: o.enterpriseTypes,
      cn2022BusinessTypes: o.cn2022BusinessTypes ?? [],
      cn2014Role: o.cn2014Role ?? "",
      aeoStatus: o.aeoStatus,
      aeoCertificateNumber: o.aeoCertificateNumber ?? "",
      aeoCertifiedOn: o.aeoCertifiedOn ?? "",
      aeoNextRecertificationOn: o.aeoNextRecertificationOn ?? "",
      timeZone: o.timeZone,
    },
    timeZones: Intl.supportedValuesOf("timeZone"),
    businessTypes: businessTypeNames(),
    cn2014Roles: cn2014RoleNames(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "organization.update");
  const parsed = parseForm(await readFormData(request), OrganizationProfileSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  await updateOrganizationProfile(auth.db, auth.actor, parsed.data);
  return redirect("/settings/organization?saved=1");
}

export default function OrganizationSettings() {
  const { t, i18n } = useTranslation();
  const { profile, timeZones, businessTypes, cn2014Roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const editable = useCan("organization.update");
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(OrganizationProfileSchema, {
    defaults: profile,
    server: actionData,
  });
  const names = fields(OrganizationProfileSchema);
  const field = { form, values };
  const aeoStatus = form.watch("aeoStatus") as string | undefined;
  return (
    <>
      <PageHeader title={t("organization.title")} description={t("organization.description")} />
      <div className="space-y-4">
        {searchParams.get("saved") === "1" ? <Alert tone="success">{t("organization.saved")}</Alert> : null}
        {searchParams.get("welcome") === "1" ? <Alert tone="info">{t("organization.welcome")}</Alert> : null}
        {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
        {!editable ? <Alert tone="info">{t("organization.readOnly")}</Alert> : null}
        <Form method="post" noValidate onSubmit={onSubmit}>
          <fieldset disabled={!editable} className="space-y-4">
            <Card title={t("organization.identity")}>
              <div className="grid gap-4 md:grid-cols-2">
                <TextField {...field} name={names.legalNameZh} label={t("fields.legalNameZh")} error={errorOf(names.legalNameZh)} />
                <TextField {...field} name={names.legalNameEn} label={t("fields.legalNameEn")} error={errorOf(names.legalNameEn)} />
                <TextField {...field} name={names.customsCode} label={t("fields.customsCode")} hint={t("organization.customsCodeHint")} error={errorOf(names.customsCode)} />
                <TextField {...field} name={names.unifiedSocialCreditCode} label={t("fields.uscc")} hint={t("organization.usccHint")} error={errorOf(names.unifiedSocialCreditCode)} />
              </div>
            </Card>
            <Card title={t("organization.enterpriseTypes")}>
              <CheckboxGroupField
                {...field}
                name={names.enterpriseTypes}
                label={t("organization.enterpriseTypesLegend")}
                options={enterpriseTypes.map((v) => ({ value: v, label: t(`enterpriseType.${v}`) }))}
                error={errorOf(names.enterpriseTypes)}
              />
            </Card>
            <Card title={t("organization.businessTypes")}>
              <div className="space-y-4">
                <CheckboxGroupField
                  {...field}
                  name={names.cn2022BusinessTypes}
                  label={t("organization.businessTypesLegend")}
                  hint={t("organization.businessTypesHint")}
                  options={businessTypes.map((b) => ({ value: b.code, label: localized(b, "name", i18n.language) }))}
                  error={errorOf(names.cn2022BusinessTypes)}
                />
                <SelectField
                  {...field}
                  name={names.cn2014Role}
                  label={t("organization.cn2014Role")}
                  hint={t("organization.cn2014RoleHint")}
                  placeholder={t("organization.cn2014RoleNone")}
                  options={cn2014Roles.map((r) => ({ value: r.code, label: localized(r, "name", i18n.language) }))}
                  error={errorOf(names.cn2014Role)}
                />
              </div>
            </Card>
            <Card title={t("organization.aeo")}>
              <div className="grid gap-4 md:grid-cols-2">
                <SelectField {...field} name={names.aeoStatus} label={t("fields.aeoStatus")} options={aeoStatuses.map((v) => ({ value: v, label: t(`aeoStatus.${v}`) }))} error={errorOf(names.aeoStatus)} />
                <TextField {...field} name={names.aeoCertificateNumber} label={t("fields.aeoCertificateNumber")} hint={aeoStatus === "none" ? t("organization.aeoOnlyIfCertified") : undefined} error={errorOf(names.aeoCertificateNumber)} />
                <TextField {...field} name={names.aeoCertifiedOn} type="date" label={t("fields.aeoCertifiedOn")} error={errorOf(names.aeoCertifiedOn)} />
                <TextField {...field} name={names.aeoNextRecertificationOn} type="date" label={t("fields.aeoNextRecertificationOn")} error={errorOf(names.aeoNextRecertificationOn)} />
              </div>
            </Card>
            <Card title={t("organization.locale")}>
              <SelectField {...field} name={names.timeZone} label={t("fields.timeZone")} options={timeZones.map((z) => ({ value: z, label: z }))} error={errorOf(names.timeZone)} />
            </Card>
            {editable ? (
              <Button type="submit" disabled={navigation.state === "submitting"}>
                {t("common.save")}
              </Button>
            ) : null}
          </fieldset>
        </Form>
      </div>
    </>
  );
}
