import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FieldShell, TextAreaField, TextField } from "~/components/form/fields";
import { ChoiceButtons } from "~/components/form/choice-buttons";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { SealPhotoField } from "~/components/seals/seal-parts";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { Input } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { titleFor } from "~/lib/i18n/meta";
import { appBaseUrl } from "~/lib/request-origin.server";
import { readSealPost } from "~/lib/seals/seal-post.server";
import { ReportSealSchema } from "~/lib/seals/seal-schema";
import { MIN_REASON, reportKinds } from "~/lib/seals/seal-values";
import { reportSeal } from "~/lib/seals/seal-verification.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["organizations", "criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.report.title"));

// /seals/report?seal=…: a broken seal, a discrepancy or a wrong number (CTPAT 6.1 C/D). The security
// lead is emailed in the same transaction that records the report.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const url = new URL(request.url);
  return { now: localDateTimeInZone(new Date(), auth.organization.timeZone), sealNumber: url.searchParams.get("seal")?.slice(0, 40) ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const post = await readSealPost(request);
  if (!post.formData) return data({ errors: post.errors, values: {} }, { status: 400 });
  const parsed = parseForm(post.formData, ReportSealSchema);
  const values = formDataToObject(post.formData);
  if (!parsed.ok || Object.keys(post.errors).length)
    return data({ errors: { ...(parsed.ok ? {} : parsed.errors), ...post.errors }, values }, { status: 400 });
  const origin = appBaseUrl(request);
  const outcome = await reportSeal(
    auth.db,
    { ...auth.actor, timeZone: auth.organization.timeZone },
    parsed.data,
    post.photos,
    {
      organizationName: auth.organization.legalNameZh,
      reporterName: auth.user.name,
      locale: await resolveLocale(request, auth.user.locale),
      sealUrl: (id) => `${origin}/seals/${id}`,
    },
  );
  if (!outcome.ok) return data({ errors: outcome.errors, values }, { status: 400 });
  return redirect(`/seals/${outcome.sealId}?done=reported&notified=${outcome.notified}`);
}

export default function ReportSealPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ReportSealSchema, {
    server: actionData,
    defaults: { sealNumber: d.sealNumber, occurredAt: d.now },
  });
  const names = fields(ReportSealSchema);
  return (
    <>
      <PageHeader
        title={t("seals.report.title")}
        description={t("seals.report.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <Card>
        <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
          <FieldShell name={names.sealNumber} label={t("seals.fields.sealNumber")} error={errorOf(names.sealNumber)}>
            <Input
              id="sealNumber"
              autoComplete="off"
              autoCapitalize="characters"
              className="font-mono text-lg"
              defaultValue={typeof values.sealNumber === "string" ? values.sealNumber : ""}
              aria-invalid={errorOf(names.sealNumber) ? true : undefined}
              {...form.register(names.sealNumber)}
            />
          </FieldShell>
          <ChoiceButtons
            legend={t("seals.fields.reportKind")}
            name={names.reportKind}
            options={reportKinds.map((kind) => ({ value: kind, label: t(`seals.reportKind.${kind}`) }))}
            checked={values.reportKind}
            register={form.register(names.reportKind)}
            gridClassName="grid gap-2"
            tone="danger"
            layout="start"
            error={errorOf(names.reportKind)}
          />
          <TextAreaField
            form={form}
            values={values}
            name={names.description}
            label={t("seals.fields.description")}
            hint={t("seals.report.descriptionHint", { min: MIN_REASON })}
            error={errorOf(names.description)}
            rows={4}
          />
          <TextField
            form={form}
            values={values}
            name={names.occurredAt}
            type="datetime-local"
            label={t("seals.fields.foundAt")}
            error={errorOf(names.occurredAt)}
          />
          <SealPhotoField label={t("seals.report.photo")} error={errorOf("photo")} />
          <p className="text-sm text-slate-600">{t("seals.report.notifyExplained")}</p>
          <Button type="submit" variant="danger" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
            {t("seals.report.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
