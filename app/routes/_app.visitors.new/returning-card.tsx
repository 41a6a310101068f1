import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import { useTranslation } from "~/lib/i18n/use-translation";

/** Recent visitors, to sign one in again with their details filled in (?from=<entry id>). */
export function ReturningCard({ recent }: { recent: { id: string; visitorName: string; company: string | null }[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t("visitors.signIn.returningTitle")}>
      <ul className="flex flex-wrap gap-2">
        {recent.map((r) => (
          <li key={r.id}>
            <Link
              to={`/visitors/new?from=${r.id}`}
              className="inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-white px-4 text-base text-brand-800 hover:border-brand-600"
            >
              {r.company ? t("visitors.nameAtCompany", { name: r.visitorName, company: r.company }) : r.visitorName}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
