import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { AttentionGroup, ItemLine } from "~/lib/organizations/dashboard-view.server";

const stateTone = { overdue: "bad", due_today: "warn", due_soon: "neutral", waiting: "brand" } as const;

function Line(props: { line: ItemLine }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { line } = props;
  return (
    <li>
      <Link to={line.href} className="flex min-h-11 flex-wrap items-center gap-x-2 gap-y-1 py-2 text-brand-700 hover:bg-slate-50">
        <span className="min-w-0 flex-[1_1_16rem] underline">{i18n.language === "en" ? line.title.en : line.title.zh}</span>
        {/* inline-block: the link's underline does not reach into the state */}
        <span className="inline-flex items-center gap-2 text-sm text-slate-600">
          {line.dueOn ? <span>{t("attention.dueOn", { date: formatCalendarDate(line.dueOn, locale) })}</span> : null}
          <Badge tone={stateTone[line.state]}>{t(`attention.state.${line.state}`)}</Badge>
        </span>
      </Link>
    </li>
  );
}

/** The viewer's work by kind: each group's most pressing lines, a count, and the list it comes from. */
export function AttentionCard(props: { groups: readonly AttentionGroup[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("attention.mine")}>
      {props.groups.length === 0 ? <p className="text-green-800">{t("attention.nothing")}</p> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        {props.groups.map((group) => (
          <section key={group.kind} aria-labelledby={`attention-${group.kind}`} data-kind={group.kind}>
            <h3 id={`attention-${group.kind}`} className="flex flex-wrap items-baseline gap-2 font-semibold text-slate-900">
              {t(`attention.kind.${group.kind}`)}
              <span className="text-sm font-normal text-slate-600">({group.total})</span>
              {group.overdue ? <span className="text-sm font-semibold text-red-700">{t("attention.groupOverdue", { count: group.overdue })}</span> : null}
            </h3>
            <ul className="divide-y divide-slate-100">
              {group.lines.map((line) => (
                <Line key={line.key} line={line} />
              ))}
            </ul>
            {group.moreHref ? (
              <Link to={group.moreHref} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
                {t("attention.all", { count: group.total })}
              </Link>
            ) : null}
          </section>
        ))}
      </div>
    </Card>
  );
}
