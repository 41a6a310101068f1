import { Link } from "@remix-run/react";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import type { ActionView } from "~/lib/actions/action-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { localized } from "~/lib/i18n/localized";

/** The criterion the action answers: its code, title and the start of its text. */
export function CriterionCard({ criterion }: { criterion: NonNullable<ActionView["criterion"]> }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <Card title={t("actions.criterion")}>
      <p className="font-medium text-slate-900">
        {frameworkShort(t, criterion.frameworkCode)} {en ? criterion.code.en : criterion.code.zh} {localized(criterion, "title", i18n.language)}
      </p>
      {localized(criterion, "text", i18n.language) ? (
        <blockquote className="mt-2 whitespace-pre-line border-l-4 border-slate-200 pl-3 text-sm text-slate-700">
          {localized(criterion, "text", i18n.language)}
        </blockquote>
      ) : null}
      <Link to={`/criteria/${criterion.frameworkCode}/${criterion.key}`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline">
        {t("actions.readCriterion")}
      </Link>
    </Card>
  );
}
