import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EvaluationView } from "~/lib/partners/evaluation-view.server";

export function ActionsCard({ d }: { d: EvaluationView }) {
  const { t } = useTranslation();
  return (
    <Card title={t("partners.conditionsActions", { count: d.actions.length })}>
      <ul className="divide-y divide-slate-100">
        {d.actions.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
              <span className="mr-2 font-mono text-sm">{a.reference}</span>
              {a.title}
            </Link>
            <Badge tone={a.status === "done" ? "good" : "neutral"}>{t(`actions.status.${a.status}`)}</Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
