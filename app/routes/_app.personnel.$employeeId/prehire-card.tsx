import { FileDownloadLink } from "~/components/evidence/file-download";
import { SelectField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Badge } from "~/components/ui/badge";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { isPrehire } from "~/lib/personnel/personnel-rules";
import { PrehireCheckSchema, prehireKinds, prehireResults } from "~/lib/personnel/personnel-schema";
import { checkField, CheckForm, CheckSection } from "./check-form";
import { serverFor, type ServerState } from "./forms";

export function PrehireCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useValidatedForm(PrehireCheckSchema, {
    server: serverFor(server, "prehire"),
    defaults: { intent: "prehire", checkedOn: d.today },
  });
  const field = checkField(f, "ph-");
  return (
    <CheckSection
      id="prehire"
      title={t("personnel.prehire.title")}
      intro={t("personnel.prehire.description")}
      empty={t("personnel.prehire.empty")}
      records={d.prehire.map((c) => (
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
      form={
        d.canManage ? (
          <CheckForm f={f} intent="prehire" idPrefix="ph-" fileLabel={t("personnel.file")} submitLabel={t("personnel.prehire.add")}>
            <SelectField
              {...field}
              name="kind"
              label={t("personnel.prehire.kindLabel")}
              error={f.errorOf("kind")}
              placeholder={t("personnel.choose")}
              options={prehireKinds.map((k) => ({ value: k, label: t(`personnel.prehire.kind.${k}`) }))}
            />
            <TextField {...field} name="source" label={t("personnel.prehire.source")} error={f.errorOf("source")} />
            <TextField {...field} name="checkedOn" type="date" label={t("personnel.checkedOn")} error={f.errorOf("checkedOn")} />
            <SelectField
              {...field}
              name="result"
              label={t("personnel.resultLabel")}
              error={f.errorOf("result")}
              placeholder={t("personnel.choose")}
              options={prehireResults.map((k) => ({ value: k, label: t(`personnel.prehire.result.${k}`) }))}
            />
          </CheckForm>
        ) : null
      }
    />
  );
}
