import { Form } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { ActionResult } from "./shared";

/**
 * Finalising cannot be undone: the button needs the confirmation ticked (required in the browser,
 * checked again on the server, so it holds without JavaScript), and says when an item to improve
 * still has no corrective action.
 */
export function FinalizeCard(props: { disabled: boolean; unplanned: boolean }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="finalize" />
        <p className="mb-3 text-sm text-slate-600">{t("assessments.finalizeHint")}</p>
        {props.unplanned ? <p className="mb-3 text-sm font-medium text-amber-800">{t("assessments.finalizeNeedsPlan")}</p> : null}
        <label className="mb-3 flex min-h-11 items-start gap-2 text-sm text-slate-800">
          <input type="checkbox" name="confirm" value="yes" required className="mt-1 size-5 shrink-0 accent-brand-700" />
          <span>{t("assessments.finalizeConfirm")}</span>
        </label>
        <Button type="submit" variant="secondary" disabled={props.disabled} className="w-full">
          {t("assessments.finalize")}
        </Button>
      </Form>
    </Card>
  );
}

/** Why finalising was refused; the items still without a corrective action, each linking to its plan. */
export function FinalizeRefused(props: { actionData: ActionResult; codeOf: (key: string) => string; titleOf: (key: string) => string }) {
  const { t } = useTranslation();
  const { actionData } = props;
  if (!actionData.errors?.form) return null;
  return (
    <Alert tone="error">
      {translateMessage(t, actionData.errors.form)}
      {actionData.unplanned?.length ? (
        <ul className="mt-1 list-disc pl-5" data-testid="unplanned">
          {actionData.unplanned.map((key) => (
            <li key={key}>
              <a href={`#plan-${key}`} className="underline">
                {props.codeOf(key)} {props.titleOf(key)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
