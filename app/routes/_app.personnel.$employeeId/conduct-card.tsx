import { Form } from "@remix-run/react";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { FileField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { acceptAttribute } from "~/lib/evidence/file-rules";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { ConductSchema } from "~/lib/personnel/personnel-schema";
import { serverFor, useFileHint, type ServerState } from "./forms";

export function ConductCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fileHint = useFileHint();
  const f = useValidatedForm(ConductSchema, {
    server: serverFor(server, "conduct"),
    defaults: { intent: "conduct", acknowledgedOn: d.today },
  });
  return (
    <section id="conduct">
      <Card title={t("personnel.conduct.title")}>
        {d.conduct.length === 0 ? <p className="mb-3 text-slate-600">{t("personnel.conduct.empty")}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">
          {d.conduct.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p className="font-medium">{c.codeVersion}</p>
              <p className="text-slate-600">
                {t("personnel.conduct.on", { date: formatCalendarDate(c.acknowledgedOn, locale), name: c.byName })}
              </p>
              {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
            </li>
          ))}
        </ul>
        {d.canManage ? (
          <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="intent" value="conduct" />
            <TextField
              form={f.form}
              values={f.values}
              name="codeVersion"
              idPrefix="cc-"
              label={t("personnel.conduct.codeVersion")}
              placeholder={t("personnel.conduct.codeVersionPlaceholder")}
              error={f.errorOf("codeVersion")}
            />
            <TextField
              form={f.form}
              values={f.values}
              name="acknowledgedOn"
              idPrefix="cc-"
              type="date"
              label={t("personnel.conduct.acknowledgedOn")}
              error={f.errorOf("acknowledgedOn")}
            />
            <div className="sm:col-span-2">
              <FileField
                form={f.form}
                name="file"
                idPrefix="cc-"
                accept={acceptAttribute}
                label={t("personnel.conduct.signed")}
                hint={fileHint}
                error={f.errorOf("file")}
              />
            </div>
            <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
              {t("personnel.conduct.add")}
            </Button>
          </Form>
        ) : null}
      </Card>
    </section>
  );
}
