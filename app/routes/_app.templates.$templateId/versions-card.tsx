import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { TemplatePageView } from "~/lib/inspections/template-view.server";

/** Every version of the template, the one shown unlinked: an inspection keeps the version it used. */
export function VersionsCard({ d }: { d: TemplatePageView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const tpl = d.template;
  return (
    <Card title={t("templates.versions", { count: d.versions.length })}>
      <ul className="divide-y divide-slate-100">
        {d.versions.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            {v.id === tpl.id ? (
              <span className="font-medium">{t("templates.versionBadge", { version: v.version })}</span>
            ) : (
              <Link to={`/templates/${v.id}`} className="text-brand-700 underline">
                {t("templates.versionBadge", { version: v.version })}
              </Link>
            )}
            <span className="text-sm text-slate-600">{formatDateTime(v.createdAt, locale, shell.organization.timeZone)}</span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-500">{t("templates.versionsHint")}</p>
    </Card>
  );
}
