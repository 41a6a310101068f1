import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { readUploadForm } from "~/lib/evidence/file-store.server";
import { parseForm, parseIntent } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { certificateAccept, MAX_CERTIFICATE_BYTES, SigningCertificateSchema } from "~/lib/signing/signing-schema";
import { getActiveCertificate } from "~/lib/signing/signing-certificates.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["dossiers"] } satisfies PageHandle;

// The organisation's signing certificate: what is active, a new upload (which replaces it), removal.
// The container and its passphrase go into the database encrypted and never come back to a page.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("signing.title"));

const SOON = 30 * 24 * 3600 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "signing.manage");
  const active = await getActiveCertificate(auth.db, auth.organization.id);
  const now = Date.now();
  return {
    certificate: active
      ? {
          subject: active.subject,
          issuer: active.issuer,
          serialNumber: active.serialNumber,
          fingerprintSha256: active.fingerprintSha256,
          validFrom: active.validFrom.toISOString(),
          validTo: active.validTo.toISOString(),
          uploadedAt: active.uploadedAt.toISOString(),
          uploadedBy: active.uploadedBy,
          expired: active.validTo.getTime() < now,
          expiresSoon: active.validTo.getTime() >= now && active.validTo.getTime() - now < SOON,
        }
      : null,
    timeZone: auth.organization.timeZone,
  };
}

type ActionErrors = { errors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "signing.manage");
  const actor = auth.actor;
  // The PKCS#12 and PDF signing code loads when a certificate is changed, not with the server.
  const { removeSigningCertificate, uploadSigningCertificate } = await import("~/lib/signing/signing.server");
  const upload = await readUploadForm(request, { maxFileBytes: MAX_CERTIFICATE_BYTES });
  if (!upload.formData) return data<ActionErrors>({ errors: upload.ok ? {} : upload.errors }, { status: 400 });
  const formData = upload.formData;
  const intent = parseIntent(formData, ["remove", "upload"], { whenMissing: "upload" });
  if (intent === "remove") {
    if (!(await removeSigningCertificate(auth.db, actor))) {
      return data<ActionErrors>({ errors: { form: message("signing.errors.nothingToRemove") } }, { status: 400 });
    }
    return redirect("/settings/signing?removed=1");
  }
  // Field errors only: the passphrase is never sent back, and neither is anything of the file.
  const errors: Record<string, string> = upload.ok ? {} : { ...upload.errors };
  const parsed = parseForm(formData, SigningCertificateSchema);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const file = formData.get("certificate");
  const hasFile = file !== null && typeof file !== "string" && file.size > 0;
  if (!hasFile && !errors.certificate) errors.certificate = message("signing.errors.fileRequired");
  if (!parsed.ok || !hasFile || Object.keys(errors).length > 0) return data<ActionErrors>({ errors }, { status: 400 });
  const result = await uploadSigningCertificate(auth.db, actor, {
    p12: new Uint8Array(await file.arrayBuffer()),
    passphrase: parsed.data.passphrase,
  });
  if (!result.ok) return data<ActionErrors>({ errors: result.errors }, { status: 400 });
  return redirect("/settings/signing?uploaded=1");
}

function fingerprintText(hex: string): string {
  return (hex.match(/.{2}/g) ?? []).join(":");
}

export default function SigningSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { certificate, timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(SigningCertificateSchema, { server: actionData });
  const names = fields(SigningCertificateSchema);
  const busy = navigation.state === "submitting";
  // A certificate that was just taken (or removed) leaves the form empty: the file and passphrase are not kept in the page.
  const fingerprint = certificate?.fingerprintSha256 ?? null;
  useEffect(() => form.reset(), [fingerprint, form]);
  const at = (iso: string) => formatDateTime(iso, locale, timeZone);
  return (
    <>
      <PageHeader title={t("signing.title")} description={t("signing.description")} />
      <div className="space-y-4">
        {searchParams.get("uploaded") === "1" ? <Alert tone="success">{t("signing.uploadedNotice")}</Alert> : null}
        {searchParams.get("removed") === "1" ? <Alert tone="success">{t("signing.removedNotice")}</Alert> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <Card
            title={t("signing.active")}
            actions={
              certificate?.expired ? (
                <Badge tone="bad">{t("signing.expired")}</Badge>
              ) : certificate?.expiresSoon ? (
                <Badge tone="warn">{t("signing.expiresSoon")}</Badge>
              ) : null
            }
          >
            {certificate ? (
              <>
                <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
                  <dt className="text-slate-600">{t("signing.subject")}</dt>
                  <dd className="break-words sm:col-span-2">{certificate.subject}</dd>
                  <dt className="text-slate-600">{t("signing.issuer")}</dt>
                  <dd className="break-words sm:col-span-2">{certificate.issuer}</dd>
                  <dt className="text-slate-600">{t("signing.serialNumber")}</dt>
                  <dd className="break-all font-mono sm:col-span-2">{certificate.serialNumber}</dd>
                  <dt className="text-slate-600">{t("signing.fingerprint")}</dt>
                  <dd className="break-all font-mono text-xs sm:col-span-2">{fingerprintText(certificate.fingerprintSha256)}</dd>
                  <dt className="text-slate-600">{t("signing.validFrom")}</dt>
                  <dd className="sm:col-span-2">{at(certificate.validFrom)}</dd>
                  <dt className="text-slate-600">{t("signing.validTo")}</dt>
                  <dd className="sm:col-span-2">{at(certificate.validTo)}</dd>
                  <dt className="text-slate-600">{t("signing.uploaded")}</dt>
                  <dd className="sm:col-span-2">
                    {t("signing.uploadedBy", { at: at(certificate.uploadedAt), name: certificate.uploadedBy })}
                  </dd>
                </dl>
                <Form method="post" className="mt-4 space-y-2">
                  <p className="text-sm text-slate-600">{t("signing.removeHint")}</p>
                  <Button type="submit" name="intent" value="remove" variant="danger" disabled={busy}>
                    {t("signing.remove")}
                  </Button>
                </Form>
              </>
            ) : (
              <p className="text-slate-600">{t("signing.none")}</p>
            )}
          </Card>
          <Card title={certificate ? t("signing.replace") : t("signing.upload")}>
            <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
              <input type="hidden" name="intent" value="upload" />
              {rejected && !formError ? <Alert tone="error">{t("signing.notSaved")}</Alert> : null}
              <p className="text-sm text-slate-600">{certificate ? t("signing.replaceHint") : t("signing.uploadHint")}</p>
              <FileField
                form={form}
                name="certificate"
                label={t("signing.fields.certificate")}
                hint={certificate ? t("signing.uploadHint") : undefined}
                accept={certificateAccept}
                error={errorOf("certificate")}
                reselect={actionData ? t("signing.reselect") : undefined}
              />
              <TextField
                form={form}
                values={values}
                name={names.passphrase}
                type="password"
                autoComplete="off"
                label={t("signing.fields.passphrase")}
                error={errorOf(names.passphrase)}
              />
              <Button type="submit" disabled={busy}>
                {t("signing.submit")}
              </Button>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
