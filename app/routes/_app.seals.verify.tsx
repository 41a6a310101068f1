import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FieldShell, TextAreaField, TextField } from "~/components/form/fields";
import { ChoiceButtons } from "~/components/form/choice-buttons";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { PassFailField, SealPhotoField } from "~/components/seals/seal-parts";
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
import { VerifySealSchema } from "~/lib/seals/seal-schema";
import { verificationStages, vvttChecks } from "~/lib/seals/seal-values";
import { verifySeal } from "~/lib/seals/seal-verification.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["organizations", "criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.verify.title"));

// /seals/verify?seal=…&stage=…: VVTT (CTPAT 6.7) at departure or on arrival. A failed check or a
// number that differs from the documents files a report to the security lead at once.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const url = new URL(request.url);
  const stage = url.searchParams.get("stage");
  return {
    now: localDateTimeInZone(new Date(), auth.organization.timeZone),
    sealNumber: url.searchParams.get("seal")?.slice(0, 40) ?? "",
    stage: stage === "arrival" ? "arrival" : "departure",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const post = await readSealPost(request);
  if (!post.formData) return data({ errors: post.errors, values: {} }, { status: 400 });
  const parsed = parseForm(post.formData, VerifySealSchema);
  const values = formDataToObject(post.formData);
  if (!parsed.ok || Object.keys(post.errors).length)
    return data({ errors: { ...(parsed.ok ? {} : parsed.errors), ...post.errors }, values }, { status: 400 });
  const origin = appBaseUrl(request);
  const outcome = await verifySeal(
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
  return redirect(`/seals/${outcome.sealId}?done=${outcome.passed ? "verified" : "verifyFailed"}`);
}

export default function VerifySealPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(VerifySealSchema, {
    server: actionData,
    defaults: { sealNumber: d.sealNumber, stage: d.stage, occurredAt: d.now },
  });
  const names = fields(VerifySealSchema);
  return (
    <>
      <PageHeader
        title={t("seals.verify.title")}
        description={t("seals.verify.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <Card>
        <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
          <ChoiceButtons
            legend={t("seals.fields.stage")}
            name={names.stage}
            options={verificationStages.map((stage) => ({ value: stage, label: t(`seals.stage.${stage}`) }))}
            checked={values.stage}
            register={form.register(names.stage)}
            gridClassName="grid grid-cols-2 gap-2"
          />
          <FieldShell
            name={names.sealNumber}
            label={t("seals.verify.sealNumber")}
            hint={t("seals.verify.sealNumberHint")}
            error={errorOf(names.sealNumber)}
          >
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
          <FieldShell
            name={names.documentNumber}
            label={t("seals.verify.documentNumber")}
            hint={t("seals.verify.documentNumberHint")}
            error={errorOf(names.documentNumber)}
          >
            <Input
              id="documentNumber"
              autoComplete="off"
              autoCapitalize="characters"
              className="font-mono text-lg"
              defaultValue={typeof values.documentNumber === "string" ? values.documentNumber : ""}
              aria-invalid={errorOf(names.documentNumber) ? true : undefined}
              {...form.register(names.documentNumber)}
            />
          </FieldShell>
          {vvttChecks.map((check) => (
            <PassFailField
              key={check}
              name={check}
              label={t(`seals.vvtt.${check}.label`)}
              hint={t(`seals.vvtt.${check}.hint`)}
              error={errorOf(check)}
              defaultValue={typeof values[check] === "string" ? (values[check] as string) : undefined}
              register={form.register}
            />
          ))}
          <TextField
            form={form}
            values={values}
            name={names.occurredAt}
            type="datetime-local"
            label={t("seals.fields.verifiedAt")}
            error={errorOf(names.occurredAt)}
          />
          <SealPhotoField label={t("seals.verify.photo")} error={errorOf("photo")} />
          <TextAreaField
            form={form}
            values={values}
            name={names.note}
            label={t("seals.fields.note")}
            hint={t("seals.verify.noteHint")}
            error={errorOf(names.note)}
            rows={2}
          />
          <p className="text-sm text-slate-600">{t("seals.verify.failExplained")}</p>
          <Button type="submit" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
            {t("seals.verify.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
