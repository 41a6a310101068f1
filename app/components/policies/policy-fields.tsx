import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileField, TextAreaField, TextField } from "~/components/form/fields";
import { useHydrated } from "~/components/ui/use-hydrated";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import type { PickerFramework } from "~/lib/policies/policy-schema";
import { CriteriaPicker } from "./criteria-picker";

type FormBinding = {
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
};

/** Document number and titles: the same on the new-policy form and the policy's details form. */
export function PolicyIdentityFields(props: FormBinding & { numberHint?: boolean }) {
  const { t } = useTranslation();
  const field = { form: props.form, values: props.values };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <TextField
        {...field}
        name="documentNumber"
        label={t("policies.documentNumber")}
        hint={props.numberHint ? t("policies.documentNumberHint") : undefined}
        error={props.errorOf("documentNumber")}
      />
      <div className="hidden md:block" />
      <TextField {...field} name="titleZh" label={t("policies.titleZh")} error={props.errorOf("titleZh")} />
      <TextField {...field} name="titleEn" label={t("policies.titleEn")} error={props.errorOf("titleEn")} />
    </div>
  );
}

/** The criteria a policy answers. */
export function PolicyCriteriaField(props: FormBinding & { picker: PickerFramework[] }) {
  const { t } = useTranslation();
  return (
    <CriteriaPicker
      form={props.form}
      name="criteria"
      frameworks={props.picker}
      values={props.values}
      label={t("policies.criteria")}
      hint={t("policies.criteriaHint")}
      error={props.errorOf("criteria")}
    />
  );
}

/**
 * The fields of one policy version (label, effective date, approver, change note, file): the
 * first version on the new-policy form, later ones on the policy page.
 */
export function PolicyVersionFields(props: {
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
  /** The server refused the last post: without JavaScript the browser has dropped the chosen file. */
  refused: boolean;
}) {
  const { t } = useTranslation();
  // Rendered on the server for a post without JavaScript; once hydrated the file input keeps its file.
  const hydrated = useHydrated();
  const field = { form: props.form, values: props.values };
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          {...field}
          name="version"
          label={t("policies.version")}
          hint={t("policies.versionHint")}
          error={props.errorOf("version")}
        />
        <TextField
          {...field}
          name="effectiveOn"
          type="date"
          label={t("policies.effectiveOn")}
          error={props.errorOf("effectiveOn")}
        />
        <TextField
          {...field}
          name="approvedBy"
          label={t("policies.approvedBy")}
          hint={t("policies.approvedByHint")}
          error={props.errorOf("approvedBy")}
        />
        <TextAreaField
          {...field}
          name="changeNote"
          rows={2}
          label={t("policies.changeNote")}
          hint={t("policies.changeNoteHint")}
          error={props.errorOf("changeNote")}
        />
      </div>
      <FileField
        form={props.form}
        name="file"
        accept={acceptAttribute}
        label={t("policies.file")}
        hint={t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
        reselect={props.refused && !hydrated ? t("files.chooseAgain") : undefined}
        error={props.errorOf("file")}
      />
    </>
  );
}
