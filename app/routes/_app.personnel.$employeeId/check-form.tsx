import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { FileField, TextAreaField } from "~/components/form/fields";
import type { useValidatedForm } from "~/components/form/use-validated-form";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { acceptAttribute } from "~/lib/evidence/file-rules";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useFileHint, type Intent } from "./forms";

// The pre-hire, background and conduct cards are one shape: a list of the checks on file and, for
// someone who may manage personnel, a form that adds one with its evidence file. The shape lives here
// once; each card gives only its own fields and words.

type ValidatedForm = ReturnType<typeof useValidatedForm>;

/** What each field of a check form shares: the form, its values and the id prefix that keeps ids unique on the page. */
export function checkField(f: ValidatedForm, idPrefix: string) {
  return { form: f.form, values: f.values, idPrefix };
}

/** The card of one kind of check: an optional rule above, the records (or the empty line), then the form. */
export function CheckSection(props: {
  id: string;
  title: string;
  intro?: ReactNode;
  empty: string;
  /** The list items, one a check on file. */
  records: ReactNode[];
  /** The form adding a check, or null for a viewer who may not. */
  form: ReactNode;
}) {
  return (
    <section id={props.id}>
      <Card title={props.title}>
        {props.intro ? <p className="mb-3 text-sm text-slate-600">{props.intro}</p> : null}
        {props.records.length === 0 ? <p className="mb-3 text-slate-600">{props.empty}</p> : null}
        <ul className="mb-4 divide-y divide-slate-100">{props.records}</ul>
        {props.form}
      </Card>
    </section>
  );
}

/**
 * The form adding a check: the card's own fields, then a note (unless `note` is false) and the
 * evidence file across the width, then the submit button. Multipart, so the file travels with the fields.
 */
export function CheckForm(props: {
  f: ValidatedForm;
  intent: Intent;
  idPrefix: string;
  children: ReactNode;
  note?: boolean;
  fileLabel: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const fileHint = useFileHint();
  const { f, idPrefix } = props;
  return (
    <Form method="post" encType="multipart/form-data" noValidate onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value={props.intent} />
      {props.children}
      {props.note === false ? null : (
        <div className="sm:col-span-2">
          <TextAreaField {...checkField(f, idPrefix)} name="note" label={t("personnel.note")} error={f.errorOf("note")} rows={2} />
        </div>
      )}
      <div className="sm:col-span-2">
        <FileField
          form={f.form}
          name="file"
          idPrefix={idPrefix}
          accept={acceptAttribute}
          label={props.fileLabel}
          hint={fileHint}
          error={f.errorOf("file")}
        />
      </div>
      <Button type="submit" className="min-h-14 sm:col-span-2 sm:w-auto">
        {props.submitLabel}
      </Button>
    </Form>
  );
}
