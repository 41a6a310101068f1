import { BilingualText } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import type { CriterionPageData } from "~/lib/criteria/criterion-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { localized } from "~/lib/i18n/localized";

/** The cross-walk topics the criterion belongs to, with the evidence each expects. */
export function TopicsCard({ topics }: { topics: CriterionPageData["topics"] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t("criteria.topics")} className="lg:col-span-2">
      {topics.length === 0 ? (
        <p className="text-slate-600">{t("criteria.noTopics")}</p>
      ) : (
        <div className="space-y-4">
          {topics.map((topic) => (
            <section key={topic.key}>
              <h3 className="font-semibold text-slate-900">{localized(topic, "title", i18n.language)}</h3>
              <p className="mt-1 text-sm font-medium text-slate-700">{t("criteria.expectedEvidence")}</p>
              <BilingualText zh={topic.evidenceZh} en={topic.evidenceEn} className="text-sm" />
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
