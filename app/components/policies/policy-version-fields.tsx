import { useEffect, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FileField, TextAreaField, TextField } from "~/components/form/fields";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";

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
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
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
