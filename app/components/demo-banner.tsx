import { useShell } from "~/lib/auth/use-session-user";
import { useTranslation } from "~/lib/i18n/use-translation";

/**
 * Above every signed-in page of a demo organisation (organizations.is_demo, set only by the demo
 * seed): its records are made up, so nobody mistakes them, or a screenshot of them, for real ones.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  if (!useShell().demo) return null;
  return (
    <p role="note" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm font-medium text-amber-900">
      {t("shell.demoBanner")}
    </p>
  );
}
