import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { fileInputClass } from "~/components/form/fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { readUploadForm } from "~/lib/evidence/file-store.server";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { importColumns } from "~/lib/partners/partner-import-columns";
import { MAX_IMPORT_ROWS } from "~/lib/partners/partner-import-limits";
import { confirmImport, createImportPreview, getImportPreview } from "~/lib/partners/partner-import.server";
import { MAX_IMPORT_FILE_BYTES } from "~/lib/partners/partner-import-limits";
import type { PageHandle } from "~/root";
import { parseIntent } from "~/lib/form.server";

export const handle = { i18n: ["partners"] } satisfies PageHandle;

// /partners/import: a CSV or XLSX list of partners, read into a preview with a row-by-row error
// report (row, column, message). Nothing is registered until the preview is confirmed: all rows
// when there is no error, or on request only the valid ones.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("partners.import.title"));

const SHOWN_ERRORS = 500;
const SHOWN_ROWS = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const previewId = new URL(request.url).searchParams.get("preview");
  const preview = previewId ? await getImportPreview(auth.db, auth.organization.id, previewId) : null;
  return {
    columns: importColumns.map((c) => ({ key: c.key, zh: c.zh, en: c.en })),
    maxRows: MAX_IMPORT_ROWS,
    preview: preview
      ? {
          id: preview.id,
          fileName: preview.fileName,
          status: preview.status,
          totalRows: preview.totalRows,
          validCount: preview.validRows.length,
          importedCount: preview.importedCount,
          errorRows: new Set(preview.errors.map((e) => e.row)).size,
          errors: preview.errors.slice(0, SHOWN_ERRORS),
          moreErrors: Math.max(0, preview.errors.length - SHOWN_ERRORS),
          sample: preview.validRows.slice(0, SHOWN_ROWS).map((r) => ({ row: r.row, values: r.values as Record<string, unknown> })),
        }
      : null,
    missingPreview: previewId !== null && preview === null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.manage");
  const actor = auth.actor;
  const form = await readUploadForm(request, { maxFileBytes: MAX_IMPORT_FILE_BYTES });
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const intent = parseIntent(form.formData, ["upload", "confirm", "confirmValid"]);
  if (intent === "upload") {
    const file = form.formData.get("file");
    if (!file || typeof file === "string" || file.size === 0) return data({ errors: { file: message("files.required") } }, { status: 400 });
    const preview = await createImportPreview(auth.db, actor, { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
    if (!preview.ok) return data({ errors: preview.errors }, { status: 400 });
    return redirect(`/partners/import?preview=${preview.id}`);
  }
  const previewId = String(form.formData.get("previewId") ?? "");
  const done = await confirmImport(auth.db, actor, previewId, { onlyValid: intent === "confirmValid" });
  if (!done.ok) return data({ errors: done.errors }, { status: 400 });
  return redirect(`/partners?imported=${done.imported}`);
}

export default function ImportPartnersPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as { errors?: Record<string, string | undefined> } | undefined;
  // A row error names its column by key; show the heading as the file has it in this language.
  const headingOf = (key: string) => {
    const column = d.columns.find((c) => c.key === key);
    return column ? (en ? column.en : column.zh) : key;
  };
  const navigation = useNavigation();
  const p = d.preview;
  const errorText = (encoded: string | undefined) => (encoded ? translateMessage(t, encoded) : undefined);
  return (
    <>
      <PageHeader
        title={t("partners.import.title")}
        description={t("partners.import.description", { max: d.maxRows })}
        actions={
          <Link to="/partners" className="text-sm text-brand-700 underline">
            {t("partners.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {server?.errors?.form ? <Alert tone="error">{errorText(server.errors.form)}</Alert> : null}
        {d.missingPreview ? <Alert tone="error">{t("partners.import.previewMissing")}</Alert> : null}
        {p ? (
          <Card title={t("partners.import.previewTitle", { name: p.fileName })}>
            {p.status === "imported" ? (
              <Alert tone="success">{t("partners.import.done", { count: p.importedCount ?? 0 })}</Alert>
            ) : (
              <div className="space-y-4">
                <p className="text-slate-800">
                  {t("partners.import.counts", { total: p.totalRows, valid: p.validCount, errorRows: p.errorRows })}
                </p>
                {p.errors.length ? (
                  <>
                    <Alert tone="warning" title={t("partners.import.errorsTitle", { count: p.errorRows })}>
                      {t("partners.import.errorsHint")}
                    </Alert>
                    <div className="overflow-x-auto">
                      <table className="min-w-full text-left text-sm">
                        <thead className="border-b border-slate-200 text-slate-500">
                          <tr>
                            <th className="py-2 pr-4 font-medium">{t("partners.import.row")}</th>
                            <th className="py-2 pr-4 font-medium">{t("partners.import.column")}</th>
                            <th className="py-2 font-medium">{t("partners.import.message")}</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {p.errors.map((e, i) => (
                            <tr key={i}>
                              <td className="py-1.5 pr-4 font-mono">{e.row}</td>
                              <td className="py-1.5 pr-4">{headingOf(e.column)}</td>
                              <td className="py-1.5 text-red-800">{errorText(e.message)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {p.moreErrors ? (
                      <p className="text-sm text-slate-600">{t("partners.import.moreErrors", { count: p.moreErrors })}</p>
                    ) : null}
                  </>
                ) : (
                  <Alert tone="success">{t("partners.import.noErrors")}</Alert>
                )}
                {p.sample.length ? (
                  <details>
                    <summary className="min-h-9 cursor-pointer font-medium text-brand-700">
                      {t("partners.import.sample", { count: p.sample.length })}
                    </summary>
                    <ul className="mt-2 divide-y divide-slate-100 text-sm">
                      {p.sample.map((r) => (
                        <li key={r.row} className="py-1">
                          <span className="mr-2 font-mono text-slate-500">{r.row}</span>
                          {String(r.values.legalNameZh || r.values.legalNameEn || "")} · {String(r.values.countryCode ?? "")}{" "}
                          <span className="font-mono">{String(r.values.uscc ?? r.values.foreignRegistrationNumber ?? "")}</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
                <Form method="post" encType="multipart/form-data" className="flex flex-wrap gap-2">
                  <input type="hidden" name="previewId" value={p.id} />
                  {/* With errors, importing everything is not on offer: only the valid rows, or a corrected file. */}
                  {p.errors.length === 0 ? (
                    <Button type="submit" name="intent" value="confirm" disabled={navigation.state === "submitting"}>
                      {t("partners.import.confirm", { count: p.validCount })}
                    </Button>
                  ) : p.validCount ? (
                    <Button
                      type="submit"
                      name="intent"
                      value="confirmValid"
                      variant="secondary"
                      disabled={navigation.state === "submitting"}
                    >
                      {t("partners.import.confirmValid", { count: p.validCount })}
                    </Button>
                  ) : null}
                </Form>
              </div>
            )}
          </Card>
        ) : null}
        <Card title={p ? t("partners.import.another") : t("partners.import.uploadTitle")}>
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <input type="hidden" name="intent" value="upload" />
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
              {t("partners.import.file")}
            </label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={fileInputClass}
              aria-invalid={server?.errors?.file ? true : undefined}
            />
            {server?.errors?.file ? <p className="text-sm font-medium text-red-700">{errorText(server.errors.file)}</p> : null}
            <p className="text-sm text-slate-600">{t("partners.import.columnsHint")}</p>
            <ul className="flex flex-wrap gap-1.5 text-sm">
              {d.columns.map((c) => (
                <li key={c.key} className="rounded border border-slate-200 bg-slate-50 px-2 py-0.5 text-slate-700">
                  {en ? c.en : c.zh}
                </li>
              ))}
            </ul>
            <p className="text-sm text-slate-600">{t("partners.import.exportHint")}</p>
            <Button type="submit" disabled={navigation.state === "submitting"}>
              {t("partners.import.upload")}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
