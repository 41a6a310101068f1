import { Link } from "@remix-run/react";
import { CodeBadge, criterionCode } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { criterionHref } from "./breadcrumb";
import { localized } from "~/lib/i18n/localized";

/** The criteria of other frameworks that share a cross-walk topic with this one, by framework. */
export function MappingsCard({ groups }: { groups: CriterionPageData["mappingGroups"] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <Card title={t("criteria.mappings")} className="lg:col-span-2">
      {groups.length === 0 ? (
        <p className="text-slate-600">{t("criteria.noMappings")}</p>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <section key={g.code}>
              <h3 className="font-semibold text-slate-900">{localized(g, "name", i18n.language)}</h3>
              <ul className="mt-1 divide-y divide-slate-100">
                {g.criteria.map((m) => (
                  <li key={m.key}>
                    <Link to={criterionHref(g.code, m)} className="flex min-h-11 items-start gap-3 py-2 hover:bg-slate-50">
                      <CodeBadge className="mt-0.5">{criterionCode(t, { ...m, level: "item" })}</CodeBadge>
                      <span>
                        <span className="block text-brand-800 underline decoration-brand-100 underline-offset-2">{localized(m, "title", i18n.language)}</span>
                        <span className="block text-sm text-slate-500">{en ? m.titleZh : m.titleEn}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
