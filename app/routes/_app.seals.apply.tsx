import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SealPhotoField } from "~/components/seals/seal-parts";
import { FieldShell, TextAreaField, TextField } from "~/components/form/fields";
import { ChoiceButtons } from "~/components/form/choice-buttons";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { Input } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm } from "~/lib/form.server";
import { formatDateTime, localDateTimeInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { readSealPost } from "~/lib/seals/seal-post.server";
import { ApplySealSchema } from "~/lib/seals/seal-schema";
import { loadStates } from "~/lib/seals/seal-values";
import { applySeal, getInspectionForSealing } from "~/lib/seals/seal-application.server";
import { sealsInCustodyOf } from "~/lib/seals/seal-custody.server";
import { getSealChain } from "~/lib/seals/seal-queries.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("seals.apply.title"));

// /seals/apply?container=…&inspection=…&replaces=…: at the dock, right after the 7-point
// inspection (its page links here prefilled) or to replace a broken seal on the same container.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const inspection = await getInspectionForSealing(auth.db, orgId, url.searchParams.get("inspection") ?? "");
  const replaces = await getSealChain(auth.db, orgId, url.searchParams.get("replaces") ?? "");
  const header = (inspection?.header ?? {}) as { shipmentRef?: string };
  return {
    timeZone: auth.organization.timeZone,
    now: localDateTimeInZone(new Date(), auth.organization.timeZone),
    custody: await sealsInCustodyOf(auth.db, orgId, auth.user.id),
    prefill: {
      sealNumber: url.searchParams.get("seal")?.slice(0, 40) ?? "",
      target: inspection?.containerNumber ?? replaces?.seal.target ?? url.searchParams.get("container")?.slice(0, 20) ?? "",
      targetKind: replaces?.seal.targetKind ?? "container",
      shipmentRef: header.shipmentRef ?? replaces?.seal.shipmentRef ?? "",
    },
    inspection:
      inspection && inspection.status === "submitted" && inspection.kind === "container"
        ? {
            id: inspection.id,
            reference: inspectionReference(inspection.number ?? 0),
            occurredAt: inspection.occurredAt,
            result: inspection.result,
          }
        : null,
    replaces: replaces && replaces.seal.status === "compromised" ? { id: replaces.seal.id, number: replaces.seal.number } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "seals.record");
  const post = await readSealPost(request);
  if (!post.formData) return data({ errors: post.errors, values: {} }, { status: 400 });
  const parsed = parseForm(post.formData, ApplySealSchema);
  const values = formDataToObject(post.formData);
  if (!parsed.ok || Object.keys(post.errors).length)
    return data({ errors: { ...(parsed.ok ? {} : parsed.errors), ...post.errors }, values }, { status: 400 });
  const outcome = await applySeal(
    auth.db,
    { ...auth.actor, timeZone: auth.organization.timeZone },
    parsed.data,
    post.photos,
  );
  if (!outcome.ok) return data({ errors: outcome.errors, values }, { status: 400 });
  return redirect(`/seals/${outcome.sealId}?done=applied`);
}

export default function ApplySealPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(ApplySealSchema, {
    server: actionData,
    defaults: {
      ...d.prefill,
      occurredAt: d.now,
      inspectionId: d.inspection?.id ?? "",
      replacesSealId: d.replaces?.id ?? "",
    },
  });
  const names = fields(ApplySealSchema);
  const targetKind = form.watch("targetKind") ?? values.targetKind;
  const reselect = actionData ? t("seals.photoReselect") : undefined;
  return (
    <>
      <PageHeader
        title={t("seals.apply.title")}
        description={t("seals.apply.description")}
        actions={
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
        }
      />
      <Card>
        <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("seals.notSaved")}</Alert> : null}
          {d.inspection ? (
            <Alert tone={d.inspection.result === "fail" ? "warning" : "info"}>
              {t(d.inspection.result === "fail" ? "seals.apply.inspectionFailed" : "seals.apply.inspectionLinked", {
                reference: d.inspection.reference,
                time: d.inspection.occurredAt ? formatDateTime(d.inspection.occurredAt, locale, d.timeZone) : "",
              })}
            </Alert>
          ) : (
            <p className="text-sm text-slate-600">{t("seals.apply.inspectionAuto", { hours: 24 })}</p>
          )}
          {errorOf("modelCertificate") ? (
            <Alert tone="error">
              {errorOf("modelCertificate")}{" "}
              <Link to="/seals/models" className="font-medium underline">
                {t("seals.models.title")}
              </Link>
            </Alert>
          ) : null}
          {d.replaces ? <Alert tone="warning">{t("seals.apply.replacing", { number: d.replaces.number })}</Alert> : null}
          <input type="hidden" {...form.register(names.inspectionId)} defaultValue={d.inspection?.id ?? ""} />
          <input type="hidden" {...form.register(names.replacesSealId)} defaultValue={d.replaces?.id ?? ""} />
          {errorOf(names.inspectionId) ? <p className="text-sm font-medium text-red-700">{errorOf(names.inspectionId)}</p> : null}
          {errorOf(names.replacesSealId) ? <p className="text-sm font-medium text-red-700">{errorOf(names.replacesSealId)}</p> : null}
          <FieldShell name={names.sealNumber} label={t("seals.fields.sealNumber")} hint={t("seals.apply.sealHint")} error={errorOf(names.sealNumber)}>
            <Input
              id="sealNumber"
              autoComplete="off"
              autoCapitalize="characters"
              className="font-mono text-lg"
              list="my-seals"
              defaultValue={typeof values.sealNumber === "string" ? values.sealNumber : ""}
              aria-invalid={errorOf(names.sealNumber) ? true : undefined}
              {...form.register(names.sealNumber)}
            />
            <datalist id="my-seals">
              {d.custody.map((s) => (
                <option key={s.id} value={s.number} />
              ))}
            </datalist>
          </FieldShell>
          {d.custody.length ? (
            <p className="text-sm text-slate-600">
              {t("seals.apply.myCustody", {
                count: d.custody.length,
                numbers: d.custody
                  .slice(0, 5)
                  .map((s) => s.number)
                  .join(", "),
              })}
            </p>
          ) : null}
          <ChoiceButtons
            legend={t("seals.fields.targetKind")}
            name={names.targetKind}
            options={(["container", "trailer"] as const).map((kind) => ({ value: kind, label: t(`seals.targetKind.${kind}`) }))}
            checked={values.targetKind}
            register={form.register(names.targetKind)}
            gridClassName="grid grid-cols-2 gap-2"
          />
          <FieldShell
            name={names.target}
            label={targetKind === "trailer" ? t("seals.fields.trailer") : t("seals.fields.container")}
            hint={targetKind === "trailer" ? t("seals.apply.trailerHint") : t("seals.apply.containerHint")}
            error={errorOf(names.target)}
          >
            <Input
              id="target"
              autoComplete="off"
              autoCapitalize="characters"
              className="font-mono text-lg"
              defaultValue={typeof values.target === "string" ? values.target : ""}
              aria-invalid={errorOf(names.target) ? true : undefined}
              {...form.register(names.target)}
            />
          </FieldShell>
          <ChoiceButtons
            legend={t("seals.fields.loadState")}
            name={names.loadState}
            options={loadStates.map((state) => ({ value: state, label: t(`seals.loadState.${state}`) }))}
            checked={values.loadState}
            register={form.register(names.loadState)}
            gridClassName="grid grid-cols-2 gap-2"
            error={errorOf(names.loadState)}
          />
          <p className="-mt-2 text-sm text-slate-600">{t("seals.apply.loadStateHint")}</p>
          <TextField
            form={form}
            values={values}
            name={names.shipmentRef}
            label={t("seals.fields.shipmentRef")}
            hint={t("seals.apply.shipmentHint")}
            error={errorOf(names.shipmentRef)}
          />
          <TextField
            form={form}
            values={values}
            name={names.occurredAt}
            type="datetime-local"
            label={t("seals.fields.appliedAt")}
            error={errorOf(names.occurredAt)}
          />
          <SealPhotoField
            label={t("seals.apply.photo")}
            hint={reselect ? `${t("seals.apply.photoHint")} ${reselect}` : t("seals.apply.photoHint")}
            error={errorOf("photo")}
          />
          <TextAreaField form={form} values={values} name={names.note} label={t("seals.fields.note")} error={errorOf(names.note)} rows={2} />
          <Button type="submit" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
            {t("seals.apply.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
