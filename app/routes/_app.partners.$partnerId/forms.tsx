import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";

// What the partner page's forms share: the action's answer, which form it belongs to, and their buttons.

export const intents = [
  "update", "certificate", "contact", "removeContact", "site", "removeSite", "evaluate", "exemption", "supervision", "contract",
] as const;
export type Intent = (typeof intents)[number];
export type ServerState =
  { intent?: string | null; errors?: Record<string, string | undefined>; values?: Record<string, string | string[]> } | undefined;

/** The action's answer for one form of the page, so each form shows only its own errors. */
export function serverFor(server: ServerState, intent: Intent) {
  return server?.intent === intent ? server : null;
}

export function RemoveButton(props: { intent: "removeContact" | "removeSite"; id: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="id" value={props.id} />
      <button type="submit" className="min-h-9 text-sm font-medium text-red-700 underline">
        {t("partners.remove")}
      </button>
    </Form>
  );
}

export function Submit(props: { children: ReactNode; variant?: "primary" | "secondary" }) {
  const navigation = useNavigation();
  return (
    <Button type="submit" variant={props.variant} disabled={navigation.state === "submitting"}>
      {props.children}
    </Button>
  );
}

export function FormAlert(props: { rejected: boolean; formError: string | undefined }) {
  const { t } = useTranslation();
  return props.rejected ? <Alert tone="error">{props.formError ?? t("errors.fixBelow")}</Alert> : null;
}
