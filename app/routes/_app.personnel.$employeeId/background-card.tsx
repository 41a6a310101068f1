import { FileDownloadLink } from "~/components/evidence/file-download";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Badge } from "~/components/ui/badge";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { isPrehire, RECHECK_MONTHS } from "~/lib/personnel/personnel-rules";
import { backgroundResults, BackgroundCheckSchema, backgroundTypes } from "~/lib/personnel/personnel-schema";
import { checkField, CheckForm, CheckSection } from "./check-form";
import { serverFor, type ServerState } from "./forms";

export function BackgroundCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useValidatedForm(BackgroundCheckSchema, {
    server: serverFor(server, "background"),
    defaults: { intent: "background", checkedOn: d.today, type: "criminal_record" },
  });
  const field = checkField(f, "bg-");
  return (
    <CheckSection
      id="background"
      title={t("personnel.background.title")}
      intro={t("personnel.recheckRule", { sensitive: RECHECK_MONTHS.sensitive, standard: RECHECK_MONTHS.standard })}
      empty={t("personnel.background.empty")}
      records={d.background.map((c) => (
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
      form={
        d.canManage ? (
          <CheckForm
            f={f}
            intent="background"
            idPrefix="bg-"
            fileLabel={t("personnel.background.certificate")}
            submitLabel={t("personnel.background.add")}
          >
            <SelectField
              {...field}
              name="type"
              label={t("personnel.background.typeLabel")}
              error={f.errorOf("type")}
              options={backgroundTypes.map((k) => ({ value: k, label: t(`personnel.background.type.${k}`) }))}
            />
            <TextField
              {...field}
              name="provider"
              label={t("personnel.background.provider")}
              hint={t("personnel.background.providerHint")}
              error={f.errorOf("provider")}
            />
            <TextField {...field} name="checkedOn" type="date" label={t("personnel.checkedOn")} error={f.errorOf("checkedOn")} />
            <SelectField
              {...field}
              name="result"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={backgroundResults.map((k) => ({ value: k, label: t(`personnel.background.result.${k}`) }))}
            />
          </CheckForm>
        ) : null
      }
    />
  );
}
