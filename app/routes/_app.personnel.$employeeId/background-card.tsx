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
import { isPrehire, RECHECK_MONTHS } from "~/lib/personnel/personnel-rules";
import { backgroundResults, BackgroundCheckSchema, backgroundTypes } from "~/lib/personnel/personnel-schema";
import { serverFor, useFileHint, type ServerState } from "./forms";

export function BackgroundCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(BackgroundCheckSchema, {
    server: serverFor(server, "background"),
    defaults: { intent: "background", checkedOn: d.today, type: "criminal_record" },
  });
  return (
    <section id="background">
      <Card title={t("personnel.background.title")}>
        <p className="mb-3 text-sm text-slate-600">
          {t("personnel.recheckRule", { sensitive: RECHECK_MONTHS.sensitive, standard: RECHECK_MONTHS.standard })}
        </p>
        {d.background.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.background.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.background.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <span className="mr-2 font-mono text-slate-600">{c.reference}</span>
                <span className="font-medium">{t(`personnel.background.type.${c.type}`)}</span> · {c.provider}{" "}
                <Badge tone={c.result === "clear" ? "good" : c.result === "failed" ? "bad" : "warn"}>
                  {t(`personnel.background.result.${c.result}`)}
                </Badge>{" "}
                {isPrehire(c.checkedOn, d.employee.hireDate) ? <Badge>{t("personnel.prehire.beforeHire")}</Badge> : null}
              </p>
              <p className="text-slate-600">
                {t("personnel.checkedBy", { name: c.byName, date: formatCalendarDate(c.checkedOn, locale) })} ·{" "}
                {t("personnel.nextCheck", { date: formatCalendarDate(c.nextCheckOn, locale) })}
                {c.note ? ` · ${c.note}` : ""}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="background" />
            <SelectField
              form={f.form}
              values={f.values}
              name="type"
              idPrefix="bg-"
              label={t("personnel.background.typeLabel")}
              error={f.errorOf("type")}
              options={backgroundTypes.map((k) => ({ value: k, label: t(`personnel.background.type.${k}`) }))}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="provider"
              idPrefix="bg-"
              label={t("personnel.background.provider")}
              hint={t("personnel.background.providerHint")}
              error={f.errorOf("provider")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="checkedOn"
              idPrefix="bg-"
              type="date"
              label={t("personnel.checkedOn")}
              error={f.errorOf("checkedOn")}
            />
            <SelectField
              form={f.form}
              values={f.values}
              name="result"
              idPrefix="bg-"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={backgroundResults.map((k) => ({ value: k, label: t(`personnel.background.result.${k}`) }))}
            />
            <div className="sm:col-span-2">
              <TextAreaField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix="bg-"
                label={t("personnel.note")}
                error={f.errorOf("note")}
                rows={2}
              />
            </div>
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="bg-"
                accept={acceptAttribute}
                label={t("personnel.background.certificate")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.background.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}
