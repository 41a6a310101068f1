import type { ServerFormState } from "~/components/form/use-validated-form";

// What the session page's forms share: the action's answer, and which form it belongs to.

export type ActionData = { intent?: string; errors?: Record<string, string>; values?: Record<string, string | string[]> } | undefined;

export function serverFor(server: ActionData, intent: string): ServerFormState {
  return server?.intent === intent ? server : undefined;
}
