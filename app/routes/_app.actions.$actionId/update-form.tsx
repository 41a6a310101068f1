import { Form, useNavigation } from "@remix-run/react";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { actionStatuses, UpdateActionSchema } from "~/lib/actions/action-schema";
import type { ActionView } from "~/lib/actions/action-view.server";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { useTranslation } from "~/lib/i18n/use-translation";

export function UpdateActionForm(props: { d: ActionView; server: ServerFormState }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(UpdateActionSchema, {
    // A closure waiting for verification reads as "done" here: saving it again keeps it waiting.
    defaults: { status: d.action.status === "awaiting_verification" ? "done" : d.action.status, closingNote: d.action.closingNote ?? "", ownerUserId: d.ownerUserId, dueOn: d.action.dueOn },
    server: props.server,
  });
  const field = { form, values };
  // Only managers may cancel; a cancelled action stays listed so that a manager can see and reopen it.
  const options = actionStatuses
    .filter((s) => s !== "cancelled" || d.canCancel)
    .map((s) => ({ value: s, label: t(`actions.status.${s}`) }));
  const fileError = errorOf("file");
  return (
    // multipart: the closing evidence file travels with the fields, with or without JavaScript.
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : rejected ? <Alert tone="error">{t("errors.fixBelow")}</Alert> : null}
      <SelectField {...field} name="status" label={t("actions.statusLabel")} options={options} error={errorOf("status")} />
      {d.members.length ? (
        <>
          <SelectField
            {...field}
            name="ownerUserId"
            label={t("actions.owner")}
            options={d.members.map((m) => ({ value: m.userId, label: m.name }))}
            error={errorOf("ownerUserId")}
          />
          <TextField {...field} name="dueOn" type="date" label={t("actions.dueOn")} error={errorOf("dueOn")} />
        </>
      ) : null}
      <TextAreaField {...field} name="closingNote" rows={4} label={t("actions.closingNote")} hint={t("actions.closingNoteHint")} error={errorOf("closingNote")} />
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium text-slate-800">
          {t("actions.closingFileField")}
        </label>
        <Input
          id="file"
          type="file"
          name="file"
          accept={acceptAttribute}
          className="text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
        />
        <p id="file-hint" className="text-sm text-slate-500">
          {t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}
          {d.closingFile ? <span className="block">{t("actions.closingFileReplace", { name: d.closingFile.name })}</span> : null}
        </p>
        {fileError ? (
          <p id="file-error" className="text-sm font-medium text-red-700">
            {fileError}
          </p>
        ) : null}
      </div>
      <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
        {t("common.save")}
      </Button>
    </Form>
  );
}
