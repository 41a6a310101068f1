import { Form, useNavigation } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Textarea } from "~/components/ui/input";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";

type Server = { errors?: Record<string, string | undefined>; values?: Record<string, string | string[]> } | undefined;

/** A supervisor's look at a closure that holds a release: accept it, or send it back with a reason. */
export function VerifyCard(props: { server: Server }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const errors = props.server?.errors ?? {};
  const note = props.server?.values?.verificationNote;
  const noteError = errors.verificationNote ? translateMessage(t, errors.verificationNote) : null;
  return (
    <Form method="post" encType="multipart/form-data" className="space-y-3">
      <input type="hidden" name="intent" value="verify" />
      <p className="text-sm text-slate-700">{t("actions.verifyHint")}</p>
      {errors.form ? <Alert tone="error">{translateMessage(t, errors.form)}</Alert> : null}
      <div className="space-y-1">
        <label htmlFor="verificationNote" className="block text-sm font-medium text-slate-800">
          {t("actions.verificationNote")}
        </label>
        <Textarea
          id="verificationNote"
          name="verificationNote"
          rows={3}
          defaultValue={typeof note === "string" ? note : ""}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? "verificationNote-error" : "verificationNote-hint"}
        />
        <p id="verificationNote-hint" className="text-sm text-slate-500">
          {t("actions.verificationNoteHint")}
        </p>
        {noteError ? (
          <p id="verificationNote-error" className="text-sm font-medium text-red-700">
            {noteError}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="accept" disabled={navigation.state === "submitting"}>
          {t("actions.verifyAccept")}
        </Button>
        <Button type="submit" name="decision" value="reject" variant="secondary" disabled={navigation.state === "submitting"}>
          {t("actions.verifyReject")}
        </Button>
      </div>
    </Form>
  );
}
