import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { ApprovalSchema } from "~/lib/auth/four-eyes";
import { TextAreaField } from "./fields";
import { useValidatedForm, type ServerFormState } from "./use-validated-form";

// The four-eyes approval of a draft (risk assessments, continuity plans): a note and the button for a
// manager who did not write it; to anyone else, that it waits for such a manager.

export function ApprovalCard(props: {
  title: string;
  noteLabel: string;
  approveLabel: string;
  /** What the card says to someone who may not approve it. */
  awaiting: string;
  mayApprove: boolean;
  server: ServerFormState;
}) {
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, formError } = useValidatedForm(ApprovalSchema, { server: props.server });
  return (
    <Card title={props.title}>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {props.mayApprove ? (
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          <TextAreaField form={form} values={values} name="note" rows={2} label={props.noteLabel} error={errorOf("note")} />
          <Button type="submit" disabled={navigation.state === "submitting"}>
            {props.approveLabel}
          </Button>
        </Form>
      ) : (
        <p className="text-slate-600">{props.awaiting}</p>
      )}
    </Card>
  );
}
