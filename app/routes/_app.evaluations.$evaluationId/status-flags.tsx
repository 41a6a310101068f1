import { Link } from "@remix-run/react";
import { Alert } from "~/components/ui/alert";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";

/** The partner's claimed customs status against the register: each disagreement named, with where to fix the register. */
export function StatusFlags({ d }: { d: EvaluationView }) {
  const { t } = useTranslation();
  if (!d.statusFlags.length) return null;
  return (
    <Alert tone="warning" title={t("partners.statusFlags.title")}>
      <ul className="list-disc space-y-1 pl-5" data-testid="status-flags">
        {d.statusFlags.map((flag) => (
          <li key={flag.kind}>
            {flag.kind === "credit"
              ? t("partners.statusFlags.credit", {
                  claimed: t(`partners.credit.${flag.claimed}`),
                  recorded: t(`partners.credit.${flag.recorded}`),
                })
              : flag.kind === "aeo"
                ? t("partners.statusFlags.aeo")
                : t("partners.statusFlags.record", { recorded: t(`partners.credit.${flag.recorded}`) })}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        {t("partners.statusFlags.check")}{" "}
        <Link to={`/partners/${d.partner.id}`} className="underline">
          {t("partners.statusFlags.toRegister")}
        </Link>
      </p>
    </Alert>
  );
}
