import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { employeeReference } from "~/lib/personnel/personnel-references";
import type { OffboardingItemKind } from "~/lib/personnel/personnel-rules";

export interface OverdueExit {
  employeeId: string;
  employeeNumber: number;
  name: string;
  deadline: string;
  openItems: OffboardingItemKind[];
}

/** The dashboard's list of exits past their deadline: access someone who left may still have. */
export function OverdueExitsCard(props: { exits: OverdueExit[] | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!props.exits || props.exits.length === 0) return null;
  return (
    <Card
      className="mt-4 border-red-300"
      title={<span className="text-red-800">{t("personnel.dashboard.title", { count: props.exits.length })}</span>}
      actions={
        <Link className="text-sm text-brand-700 underline" to="/personnel?exit=overdue">
          {t("personnel.dashboard.all")}
        </Link>
      }
    >
      <ul className="divide-y divide-slate-100">
        {props.exits.slice(0, 8).map((e) => (
          <li key={e.employeeId}>
            <Link
              to={`/personnel/${e.employeeId}#exit`}
              className="flex min-h-11 flex-wrap items-center gap-2 py-1 text-brand-700 underline"
            >
              <span className="font-mono text-sm">{employeeReference(e.employeeNumber)}</span> {e.name}
              <span className="inline-block text-sm font-semibold text-red-700">
                {t("personnel.dashboard.deadline", { date: formatCalendarDate(e.deadline, locale) })}
              </span>
              <span className="inline-block text-sm text-slate-600">
                {e.openItems.map((i) => t(`personnel.offboarding.item.${i}`)).join(t("common.listSeparator"))}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
