import type { ServerFormState } from "~/components/form/use-validated-form";
import { allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { useTranslation } from "~/lib/i18n/use-translation";

// What the employee page's forms share: the action's answer, and which form it belongs to.

export const intents = ["update", "reveal", "exit", "item", "prehire", "background", "conduct"] as const;
export type Intent = (typeof intents)[number];
export type ServerState =
  | {
      intent?: string | null;
      errors?: Record<string, string | undefined>;
      values?: Record<string, string | string[]>;
      revealed?: string | null;
    }
  | undefined;

export function serverFor(server: ServerState, intent: Intent): ServerFormState {
  return server?.intent === intent ? server : null;
}

export function useFileHint() {
  const { t } = useTranslation();
  return t("personnel.fileHint", { formats: allowedFormatsLabel, max: MAX_UPLOAD_MB });
}
