import { Form, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Select } from "~/components/ui/input";
import { useTranslation } from "~/lib/i18n/use-translation";
import { visitorIdTypes, visitPurposes } from "~/lib/visitors/visitor-rules";
import { VisitorSignInSchema } from "~/lib/visitors/visitor-schema";
import { BigChoice, ChoiceGroup, SiteChoices } from "~/components/form/big-choice";
import { SuggestField } from "./choice-fields";

export interface SignInData {
  sites: { id: string; nameZh: string; nameEn: string }[];
  defaults: Record<string, string>;
  returning: { reference: string; idNumberMasked: string } | null;
  hosts: { name: string; department: string | null }[];
  badges: { code: string; siteId: string | null }[];
}

/** The sign-in form: site, visitor, ID seen, host, purpose, badge, escort and vehicle. */
export function SignInForm({ d, server }: { d: SignInData; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(VisitorSignInSchema, { defaults: d.defaults, server });
  const field = { form, values };
  const current = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <Card>
      <Form method="post" noValidate onSubmit={onSubmit} className="space-y-5" aria-label={t("visitors.signIn.title")}>
        {rejected ? <Alert tone="error">{formError ?? t("visitors.signIn.notSaved")}</Alert> : null}
        {d.returning ? (
          <Alert tone="info">
            {t("visitors.signIn.returningNotice", { reference: d.returning.reference, masked: d.returning.idNumberMasked })}
          </Alert>
        ) : null}

        <SiteChoices
          legend={t("visitors.site")}
          error={errorOf("siteId")}
          noSites={t("visitors.signIn.noSites")}
          sites={d.sites}
          register={form.register("siteId")}
          value={current("siteId")}
        />

        <TextField {...field} name="visitorName" label={t("visitors.visitorName")} error={errorOf("visitorName")} autoComplete="off" />
        <TextField {...field} name="company" label={t("visitors.company")} error={errorOf("company")} autoComplete="off" />

        <div className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
          <div className="space-y-1">
            <label htmlFor="idDocumentType" className="block text-sm font-medium text-slate-800">
              {t("visitors.idType")}
            </label>
            <Select id="idDocumentType" defaultValue={current("idDocumentType")} {...form.register("idDocumentType")}>
              {visitorIdTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`visitors.idTypes.${type}`)}
                </option>
              ))}
            </Select>
          </div>
          <TextField
            form={form}
            values={{}}
            name="idNumber"
            label={t("visitors.idNumber")}
            hint={d.returning ? t("visitors.signIn.idAgainHint") : t("visitors.signIn.idHint")}
            error={errorOf("idNumber")}
            autoComplete="off"
          />
        </div>
        <div className="space-y-1">
          <label className="flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
            <input
              type="checkbox"
              value="yes"
              className="size-6 accent-brand-700"
              defaultChecked={values.idVerified === "yes"}
              aria-invalid={errorOf("idVerified") ? true : undefined}
              aria-describedby={errorOf("idVerified") ? "idVerified-error" : undefined}
              {...form.register("idVerified")}
            />
            <span className="text-base font-medium">{t("visitors.signIn.idVerified")}</span>
          </label>
          {errorOf("idVerified") ? (
            <p id="idVerified-error" className="text-sm font-medium text-red-700">
              {errorOf("idVerified")}
            </p>
          ) : null}
        </div>

        <div>
          <SuggestField
            {...field}
            name="hostName"
            label={t("visitors.host")}
            hint={t("visitors.signIn.hostHint")}
            error={errorOf("hostName")}
            list="host-names"
          />
          <datalist id="host-names">
            {d.hosts.map((h) => (
              <option key={`${h.name}-${h.department}`} value={h.name}>
                {h.department}
              </option>
            ))}
          </datalist>
        </div>

        <ChoiceGroup legend={t("visitors.purpose")} error={errorOf("purpose")} name="purpose">
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {visitPurposes.map((p) => (
              <BigChoice
                key={p}
                value={p}
                label={t(`visitors.purposes.${p}`)}
                register={form.register("purpose")}
                defaultChecked={current("purpose") === p}
              />
            ))}
          </div>
        </ChoiceGroup>
        <TextField
          {...field}
          name="purposeNote"
          label={t("visitors.purposeNote")}
          hint={t("visitors.signIn.purposeNoteHint")}
          error={errorOf("purposeNote")}
        />

        <div>
          <SuggestField
            {...field}
            name="badgeNumber"
            label={t("visitors.badge")}
            hint={d.badges.length ? t("visitors.signIn.badgeHint", { count: d.badges.length }) : t("visitors.signIn.badgeFreeHint")}
            error={errorOf("badgeNumber")}
            list="visitor-badges"
            upper
          />
          <datalist id="visitor-badges">
            {d.badges.map((b) => (
              <option key={b.code} value={b.code} />
            ))}
          </datalist>
        </div>
        <TextField
          {...field}
          name="escortName"
          label={t("visitors.escort")}
          hint={t("visitors.signIn.escortHint")}
          error={errorOf("escortName")}
          autoComplete="off"
        />
        <TextField
          {...field}
          name="vehiclePlate"
          label={t("visitors.plate")}
          hint={t("visitors.signIn.plateHint")}
          error={errorOf("vehiclePlate")}
          autoComplete="off"
        />

        <Button type="submit" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
          {t("visitors.signIn.submit")}
        </Button>
      </Form>
    </Card>
  );
}
