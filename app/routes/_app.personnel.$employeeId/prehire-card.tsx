import { Form } from "@remix-run/react";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { FileField, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { acceptAttribute } from "~/lib/evidence/file-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { isPrehire } from "~/lib/personnel/personnel-rules";
import { PrehireCheckSchema, prehireKinds, prehireResults } from "~/lib/personnel/personnel-schema";
import { serverFor, useFileHint, type ServerState } from "./forms";

export function PrehireCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(PrehireCheckSchema, {
    server: serverFor(server, "prehire"),
    defaults: { intent: "prehire", checkedOn: d.today },
  });
  return (
    <section id="prehire">
      <Card title={t("personnel.prehire.title")}>
        <p className="mb-3 text-sm text-slate-600">{t("personnel.prehire.description")}</p>
        {d.prehire.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.prehire.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.prehire.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <span className="mr-2 font-mono text-slate-600">{c.reference}</span>
                <span className="font-medium">{t(`personnel.prehire.kind.${c.kind}`)}</span> · {c.source}{" "}
                <Badge tone={c.result === "verified" ? "good" : c.result === "discrepancy" ? "bad" : "warn"}>
                  {t(`personnel.prehire.result.${c.result}`)}
                </Badge>{" "}
                {isPrehire(c.checkedOn, d.employee.hireDate) ? (
                  <Badge>{t("personnel.prehire.beforeHire")}</Badge>
                ) : (
                  <Badge tone="warn">{t("personnel.prehire.afterHire")}</Badge>
                )}
              </p>
              <p className="text-slate-600">
                {t("personnel.checkedBy", { name: c.byName, date: formatCalendarDate(c.checkedOn, locale) })}
                {c.note ? ` · ${c.note}` : ""}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="prehire" />
            <SelectField
              form={f.form}
              values={f.values}
              name="kind"
              idPrefix="ph-"
              label={t("personnel.prehire.kindLabel")}
              error={f.errorOf("kind")}
              placeholder={t("personnel.choose")}
              options={prehireKinds.map((k) => ({ value: k, label: t(`personnel.prehire.kind.${k}`) }))}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="source"
              idPrefix="ph-"
              label={t("personnel.prehire.source")}
              error={f.errorOf("source")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="checkedOn"
              idPrefix="ph-"
              type="date"
              label={t("personnel.checkedOn")}
              error={f.errorOf("checkedOn")}
            />
            <SelectField
              form={f.form}
              values={f.values}
              name="result"
              idPrefix="ph-"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={prehireResults.map((k) => ({ value: k, label: t(`personnel.prehire.result.${k}`) }))}
            />
            <div className="sm:col-span-2">
              <TextAreaField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix="ph-"
                label={t("personnel.note")}
                error={f.errorOf("note")}
                rows={2}
              />
            </div>
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="ph-"
                accept={acceptAttribute}
                label={t("personnel.file")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.prehire.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}
