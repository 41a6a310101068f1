import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CheckboxGroupField, SelectField, TextField } from "~/components/form/fields";
import { keyRoles } from "~/lib/personnel/personnel-values";
import { localized } from "~/lib/i18n/localized";
import { EmployeeSchema, idDocumentTypes } from "~/lib/personnel/personnel-schema";
import { fields } from "~/lib/form-fields";

/** The fields are EmployeeSchema's: tsc refuses a name it does not have. */
const names = fields(EmployeeSchema);

interface Props {
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
  sites: { id: string; nameZh: string; nameEn: string }[];
  members: { userId: string; name: string; email: string }[];
  /** On an edit: the masked number on file; the field then only replaces it. */
  maskedOnFile?: string | null;
}

/** The employee's entry in the list, for the new and the edit form. */
export function EmployeeFields(props: Props) {
  const { t, i18n } = useTranslation();
  const { form, values, errorOf } = props;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField form={form} values={values} name={names.name} label={t("personnel.fields.name")} error={errorOf(names.name)} autoComplete="off" />
      <TextField form={form} values={values} name={names.position} label={t("personnel.fields.position")} error={errorOf(names.position)} />
      <TextField form={form} values={values} name={names.department} label={t("personnel.fields.department")} error={errorOf(names.department)} />
      <SelectField
        form={form}
        values={values}
        name={names.siteId}
        label={t("personnel.fields.site")}
        error={errorOf(names.siteId)}
        placeholder={t("personnel.noSite")}
        options={props.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
      />
      <TextField
        form={form}
        values={values}
        name={names.hireDate}
        type="date"
        label={t("personnel.fields.hireDate")}
        error={errorOf(names.hireDate)}
      />
      <TextField
        form={form}
        values={values}
        name={names.leaveDate}
        type="date"
        label={t("personnel.fields.leaveDate")}
        hint={t("personnel.leaveDateHint")}
        error={errorOf(names.leaveDate)}
      />
      <SelectField
        form={form}
        values={values}
        name={names.idDocumentType}
        label={t("personnel.fields.idDocumentType")}
        error={errorOf(names.idDocumentType)}
        placeholder={t("personnel.noDocument")}
        options={idDocumentTypes.map((v) => ({ value: v, label: t(`personnel.idType.${v}`) }))}
      />
      <TextField
        form={form}
        values={values}
        name={names.idNumber}
        label={t("personnel.fields.idNumber")}
        autoComplete="off"
        hint={props.maskedOnFile ? t("personnel.idNumberOnFile", { masked: props.maskedOnFile }) : t("personnel.idNumberHint")}
        error={errorOf(names.idNumber)}
      />
      <TextField
        form={form}
        values={values}
        name={names.dateOfBirth}
        type="date"
        label={t("personnel.fields.dateOfBirth")}
        hint={t("personnel.dateOfBirthHint")}
        error={errorOf(names.dateOfBirth)}
      />
      {props.members.length ? (
        <SelectField
          form={form}
          values={values}
          name={names.userId}
          label={t("personnel.fields.userId")}
          hint={t("personnel.userIdHint")}
          error={errorOf(names.userId)}
          placeholder={t("personnel.noAccount")}
          options={props.members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
        />
      ) : null}
      <div className="sm:col-span-2">
        <CheckboxGroupField
          form={form}
          values={values}
          name={names.keyRoles}
          label={t("personnel.fields.keyRoles")}
          hint={t("personnel.keyRolesHint")}
          error={errorOf(names.keyRoles)}
          options={keyRoles.map((v) => ({ value: v, label: t(`personnel.keyRole.${v}`) }))}
        />
      </div>
      <label className="flex min-h-14 items-center gap-3 rounded-md border border-slate-200 px-3 sm:col-span-2">
        <input
          type="checkbox"
          value="1"
          defaultChecked={values.securitySensitive === true || values.securitySensitive === "1"}
          className="size-6 accent-brand-700"
          {...form.register("securitySensitive")}
        />
        <span>
          <span className="block font-medium">{t("personnel.fields.securitySensitive")}</span>
          <span className="block text-sm text-slate-600">{t("personnel.sensitiveHint")}</span>
        </span>
      </label>
    </div>
  );
}
