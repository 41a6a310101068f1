import { Link } from "@remix-run/react";
import { CodeBadge, criterionCode } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { criterionHref } from "./breadcrumb";
import { localized } from "~/lib/i18n/localized";

export function ChildrenCard({ data }: { data: CriterionPageData }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t("criteria.children")} className="lg:col-span-2">
      <ul className="divide-y divide-slate-100">
        {data.children.map((child) => (
          <li key={child.key}>
            <Link to={criterionHref(data.framework.code, child)} className="flex min-h-11 items-center gap-3 py-2 hover:bg-slate-50">
              <CodeBadge>{criterionCode(t, child)}</CodeBadge>
              <span className="text-brand-800 underline decoration-brand-100 underline-offset-2">{localized(child, "title", i18n.language)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
