import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
} from "@remix-run/react";
import {
  SelectField,
  TextAreaField,
  TextField,
} from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { recordReconciliation } from "~/lib/cargo/cargo-reconciliations.server";
import {
  cargoDifferences,
  cargoDirections,
  signedDifference,
} from "~/lib/cargo/cargo-rules";
import { CargoReconciliationSchema } from "~/lib/cargo/cargo-schema";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useTranslation } from "~/lib/i18n/use-translation";
import { listSites } from "~/lib/organizations/organizations.server";
import type { PageHandle } from "~/root";

export const handle = {
  i18n: ["organizations", "criteria", "actions", "inspections", "cargo"],
} satisfies PageHandle;

// /cargo/new: a receiving or shipping reconciliation on a phone at the dock. A plain <Form> the same
// schema checks in the browser and in the action, so it works without JavaScript; with it, the
// difference shows as the numbers are typed.

export const meta: MetaFunction = ({ matches }) =>
  titleFor(matches, (t) => t("cargo.form.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "cargo.record");
  const orgId = auth.organization.id;
  const [sites, members] = await Promise.all([
    listSites(auth.db, orgId),
    assignableMembers(auth.db, orgId),
  ]);
  const defaults: Record<string, string> = {
    direction: "receiving",
    reconciledOn: todayInZone(auth.organization.timeZone),
  };
  if (sites.length === 1 && sites[0]) defaults.siteId = sites[0].id;
  return {
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    defaults,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "cargo.record");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const parsed = parseForm(formData, CargoReconciliationSchema);
  if (!parsed.ok)
    return data({ errors: parsed.errors, values }, { status: 400 });
  const timeZone = auth.organization.timeZone;
  const result = await recordReconciliation(auth.db, auth.actor, parsed.data, {
    today: todayInZone(timeZone),
    timeZone,
  });
  if (!result.ok)
    return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/cargo?recorded=${result.reconciliation.id}`);
}

const numberOrNull = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))
    ? Number(v)
    : null;

export default function NewReconciliationPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } =
    useValidatedForm(CargoReconciliationSchema, {
      defaults: d.defaults,
      server,
    });
  const field = { form, values };
  // Live as the numbers are typed (the form's own values without JavaScript).
  const [expectedText, countedText, expectedWeight, countedWeight] = form.watch(
    [
      "expectedPackages",
      "countedPackages",
      "expectedWeightKg",
      "countedWeightKg",
    ],
  ) as unknown[];
  const expected = numberOrNull(expectedText);
  const counted = numberOrNull(countedText);
  const live =
    expected !== null && counted !== null
      ? cargoDifferences({
          expectedPackages: expected,
          countedPackages: counted,
          expectedWeightKg: numberOrNull(expectedWeight),
          countedWeightKg: numberOrNull(countedWeight),
        })
      : null;
  return (
    <>
      <PageHeader
        title={t("cargo.form.title")}
        description={t("cargo.form.description")}
      />
      <Card>
        <Form
          method="post"
          noValidate
          onSubmit={onSubmit}
          className="space-y-5"
          aria-label={t("cargo.form.title")}
        >
          {rejected ? (
            <Alert tone="error">{formError ?? t("cargo.form.notSaved")}</Alert>
          ) : null}
          {d.sites.length === 0 ? (
            <Alert tone="info">{t("cargo.form.noSites")}</Alert>
          ) : null}
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              {...field}
              name="direction"
              label={t("cargo.direction")}
              error={errorOf("direction")}
              options={cargoDirections.map((dir) => ({
                value: dir,
                label: t(`cargo.directions.${dir}`),
              }))}
            />
            <TextField
              {...field}
              name="reconciledOn"
              type="date"
              label={t("cargo.date")}
              error={errorOf("reconciledOn")}
            />
            <SelectField
              {...field}
              name="siteId"
              label={t("cargo.site")}
              error={errorOf("siteId")}
              placeholder={t("common.choose")}
              options={d.sites.map((s) => ({
                value: s.id,
                label: localized(s, "name", i18n.language),
              }))}
            />
          </div>
          <fieldset className="space-y-3">
            <legend className="font-semibold text-slate-800">
              {t("cargo.documents")}
            </legend>
            <p className="text-sm text-slate-500">
              {t("cargo.form.documentsHint")}
            </p>
            <div className="grid gap-3 sm:grid-cols-3">
              <TextField
                {...field}
                name="billOfLading"
                label={t("cargo.billOfLading")}
                error={errorOf("billOfLading")}
                autoComplete="off"
              />
              <TextField
                {...field}
                name="packingList"
                label={t("cargo.packingList")}
                error={errorOf("packingList")}
                autoComplete="off"
              />
              <TextField
                {...field}
                name="invoiceNumbers"
                label={t("cargo.invoiceNumbers")}
                error={errorOf("invoiceNumbers")}
                autoComplete="off"
              />
            </div>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              {...field}
              name="containerNumber"
              label={t("cargo.containerNumber")}
              error={errorOf("containerNumber")}
              autoComplete="off"
            />
            <TextField
              {...field}
              name="sealNumber"
              label={t("cargo.sealNumber")}
              hint={t("cargo.form.sealHint")}
              error={errorOf("sealNumber")}
              autoComplete="off"
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              {...field}
              name="expectedPackages"
              inputMode="numeric"
              label={t("cargo.expectedPackages")}
              error={errorOf("expectedPackages")}
            />
            <TextField
              {...field}
              name="countedPackages"
              inputMode="numeric"
              label={t("cargo.countedPackages")}
              error={errorOf("countedPackages")}
            />
            <TextField
              {...field}
              name="expectedWeightKg"
              label={t("cargo.expectedWeightKg")}
              hint={t("cargo.form.weightHint")}
              error={errorOf("expectedWeightKg")}
            />
            <TextField
              {...field}
              name="countedWeightKg"
              label={t("cargo.countedWeightKg")}
              error={errorOf("countedWeightKg")}
            />
          </div>
          {live ? (
            <Alert tone={live.discrepancy ? "warning" : "success"}>
              {live.discrepancy
                ? t("common.labelValue", {
                    label: t("cargo.discrepancy"),
                    value: `${t("cargo.packages")} ${signedDifference(live.packages)}${live.weightKg !== null ? ` · ${t("cargo.weight")} ${signedDifference(live.weightKg)}` : ""}`,
                  })
                : t("cargo.matched")}
            </Alert>
          ) : null}
          <TextAreaField
            {...field}
            name="note"
            label={t("cargo.note")}
            hint={t("cargo.form.noteHint")}
            error={errorOf("note")}
          />
          <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
            <label className="flex min-h-12 cursor-pointer items-center gap-3">
              <input
                type="checkbox"
                value="yes"
                className="size-6 accent-brand-700"
                defaultChecked={values.raiseAction === "yes"}
                {...form.register("raiseAction")}
              />
              <span className="font-medium">{t("cargo.form.raiseAction")}</span>
            </label>
            {errorOf("raiseAction") ? (
              <p className="text-sm font-medium text-red-700">
                {errorOf("raiseAction")}
              </p>
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                {...field}
                name="actionOwnerUserId"
                label={t("cargo.form.actionOwner")}
                error={errorOf("actionOwnerUserId")}
                placeholder={t("common.choose")}
                options={d.members.map((m) => ({
                  value: m.userId,
                  label: m.name,
                }))}
              />
              <TextField
                {...field}
                name="actionDueOn"
                type="date"
                label={t("cargo.form.actionDueOn")}
                error={errorOf("actionDueOn")}
              />
            </div>
          </fieldset>
          <Button
            type="submit"
            className="min-h-12 w-full px-6 text-lg sm:w-auto"
            disabled={navigation.state === "submitting"}
          >
            {t("cargo.form.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
