import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useCan } from "~/lib/auth/use-session-user";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { titleFor } from "~/lib/i18n/meta";
import { aeoStatuses, enterpriseTypes, OrganizationProfileSchema, OrganizationStatusSchema } from "~/lib/organizations/organization-schema";
import { listOrganizationStatuses, saveOrganizationStatus } from "~/lib/organizations/organization-statuses.server";
import { otherProgrammeCodes, programmeOf } from "~/lib/organizations/status-levels";
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
  const statuses = await listOrganizationStatuses(auth.db, o.id);
  return {
    statuses: otherProgrammeCodes.map((programme) => {
      const held = statuses.find((x) => x.programme === programme);
      return {
        programme,
        level: held?.level ?? "none",
        certificateNumber: held?.certificateNumber ?? "",
        certifiedOn: held?.certifiedOn ?? "",
        validUntil: held?.validUntil ?? "",
      };
    }),
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
  const formData = await readFormData(request);
  // The profile is the page's main form (it posts no intent); each programme's level is a form of its own.
  const intent = parseIntent(formData, ["profile", "status"], { whenMissing: "profile" });
  if (intent === "status") {
    const parsed = parseForm(formData, OrganizationStatusSchema);
    const programme = String(formData.get("programme") ?? "");
    if (!parsed.ok) return data({ intent, programme, errors: parsed.errors, values: parsed.values }, { status: 400 });
    await saveOrganizationStatus(auth.db, auth.actor, parsed.data);
    return redirect("/settings/organization?saved=1#certifications");
  }
  const parsed = parseForm(formData, OrganizationProfileSchema);
  if (!parsed.ok) return data({ intent, programme: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  await updateOrganizationProfile(auth.db, auth.actor, parsed.data);
  return redirect("/settings/organization?saved=1");
}

export default function OrganizationSettings() {
  const { t, i18n } = useTranslation();
  const { profile, statuses, timeZones, businessTypes, cn2014Roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const editable = useCan("organization.update");
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(OrganizationProfileSchema, {
    defaults: profile,
    server: actionData?.intent === "profile" ? actionData : undefined,
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
        <Card title={t("organization.programmes")}>
          <div id="certifications" className="space-y-6">
            <p className="text-sm text-slate-600">{t("organization.programmesHint")}</p>
            {statuses.map((status) => (
              <StatusForm
                key={status.programme}
                status={status}
                editable={editable}
                server={actionData?.intent === "status" && actionData.programme === status.programme ? actionData : undefined}
              />
            ))}
          </div>
        </Card>
      </div>
    </>
  );
}

type StatusDefaults = { programme: (typeof otherProgrammeCodes)[number]; level: string; certificateNumber: string; certifiedOn: string; validUntil: string };

/** The level held under one programme (CTPAT, EU AEO): a form of its own, "not certified" to remove it. */
function StatusForm(props: { status: StatusDefaults; editable: boolean; server: ServerFormState }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const programme = programmeOf(props.status.programme)!;
  const { form, values, errorOf, onSubmit, rejected } = useValidatedForm(OrganizationStatusSchema, {
    defaults: props.status,
    server: props.server,
  });
  const names = fields(OrganizationStatusSchema);
  const field = { form, values, idPrefix: `${programme.code}-` };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} aria-labelledby={`${programme.code}-title`}>
      <fieldset disabled={!props.editable} className="space-y-3 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
        <h3 id={`${programme.code}-title`} className="font-semibold text-slate-900">
          {localized(programme, "name", i18n.language)}
        </h3>
        {rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
        <input type="hidden" name="intent" value="status" />
        <input type="hidden" name={names.programme} value={programme.code} />
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField
            {...field}
            name={names.level}
            label={t("organization.level")}
            options={[
              { value: "none", label: t("organization.notCertified") },
              ...programme.levels.map((l) => ({ value: l.code, label: localized(l, "name", i18n.language) })),
            ]}
            error={errorOf(names.level)}
          />
          <TextField {...field} name={names.certificateNumber} label={t("organization.certificateNumber")} error={errorOf(names.certificateNumber)} />
          <TextField {...field} name={names.certifiedOn} type="date" label={t("organization.certifiedOn")} error={errorOf(names.certifiedOn)} />
          <TextField
            {...field}
            name={names.validUntil}
            type="date"
            label={t("organization.validUntil")}
            hint={t(`organization.validUntilHint.${props.status.programme}`)}
            error={errorOf(names.validUntil)}
          />
        </div>
        {props.editable ? (
          <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
            {t("organization.saveProgramme", { programme: localized(programme, "name", i18n.language) })}
          </Button>
        ) : null}
      </fieldset>
    </Form>
  );
}
