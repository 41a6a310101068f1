import { FileDownloadLink } from "~/components/evidence/file-download";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { ConductSchema } from "~/lib/personnel/personnel-schema";
import { checkField, CheckForm, CheckSection } from "./check-form";
import { serverFor, type ServerState } from "./forms";

export function ConductCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = useValidatedForm(ConductSchema, {
    server: serverFor(server, "conduct"),
    defaults: { intent: "conduct", acknowledgedOn: d.today },
  });
  const field = checkField(f, "cc-");
  return (
    <CheckSection
      id="conduct"
      title={t("personnel.conduct.title")}
      empty={t("personnel.conduct.empty")}
      records={d.conduct.map((c) => (
        <li key={c.id} className="py-2 text-sm">
          <p className="font-medium">{c.codeVersion}</p>
          <p className="text-slate-600">{t("personnel.conduct.on", { date: formatCalendarDate(c.acknowledgedOn, locale), name: c.byName })}</p>
          {c.fileId && c.fileName ? <FileDownloadLink fileId={c.fileId} name={c.fileName} /> : null}
        </li>
      ))}
      form={
        d.canManage ? (
          <CheckForm
            f={f}
            intent="conduct"
            idPrefix="cc-"
            note={false}
            fileLabel={t("personnel.conduct.signed")}
            submitLabel={t("personnel.conduct.add")}
          >
            <TextField
              {...field}
              name="codeVersion"
              label={t("personnel.conduct.codeVersion")}
              placeholder={t("personnel.conduct.codeVersionPlaceholder")}
              error={f.errorOf("codeVersion")}
            />
            <TextField {...field} name="acknowledgedOn" type="date" label={t("personnel.conduct.acknowledgedOn")} error={f.errorOf("acknowledgedOn")} />
          </CheckForm>
        ) : null
      }
    />
  );
}
