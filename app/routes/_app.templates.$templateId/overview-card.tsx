import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { TemplatePageView } from "~/lib/inspections/template-view.server";
import { localized } from "~/lib/i18n/localized";

/** What the template is (built in or the organisation's, version, gate, sign-off, header fields), and what to do with it. */
export function OverviewCard({ d }: { d: TemplatePageView }) {
  const { t, i18n } = useTranslation();
  const tpl = d.template;
  const def = tpl.definition;
  return (
    <Card>
      <div className="flex flex-wrap gap-2">
        <Badge tone={tpl.builtIn ? "neutral" : "brand"}>{tpl.builtIn ? t("templates.builtInBadge") : t("templates.ownBadge")}</Badge>
        <Badge>{t("templates.versionBadge", { version: tpl.version })}</Badge>
        {def.releaseGate ? <Badge tone="warn">{t("templates.gatesRelease")}</Badge> : null}
        <Badge>{t(`templates.signoff.${def.supervisorSignoff}`)}</Badge>
      </div>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("templates.code")}</dt>
          <dd className="font-mono">{tpl.code}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("templates.actionDueDays")}</dt>
          <dd>{t("templates.days", { count: def.actionDueDays })}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t("templates.source")}</dt>
          <dd>{localized(tpl, "source", i18n.language)}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t("templates.headerFields")}</dt>
          <dd>
            {def.header
              .map((h) =>
                h.required
                  ? t(`inspections.header.${h.field}`)
                  : t("inspections.form.optional", { label: t(`inspections.header.${h.field}`) }),
              )
              .join(t("common.listSeparator"))}
          </dd>
        </div>
      </dl>
      <div className="mt-4 flex flex-wrap gap-2">
        <Link to={`/inspections/new?template=${encodeURIComponent(tpl.code)}`} className={buttonClass("primary")}>
          {t("templates.startInspection")}
        </Link>
        {d.canCopy ? (
          <Link to={`/templates?copy=${tpl.id}`} className={buttonClass("secondary")}>
            {t("templates.copyThis")}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
