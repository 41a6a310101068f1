import type { ReactNode } from "react";
import { SourceLink } from "~/components/actions/action-source-link";
import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import type { ActionView } from "~/lib/actions/action-view.server";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";

const statusTone = { open: "neutral", in_progress: "warn", awaiting_verification: "warn", done: "good", cancelled: "neutral" } as const;

function formatSize(bytes: number, locale: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}

function Row(props: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-slate-500">{props.label}</dt>
      <dd className="min-w-0 text-slate-900">{props.children}</dd>
    </div>
  );
}

/** What the action is, who holds it, where it came from and how it was closed. */
export function DetailsCard({ d, zone }: { d: ActionView; zone: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const a = d.action;
  return (
    <Card title={t("actions.details")}>
      <p className="whitespace-pre-line text-slate-800">{a.description || <span className="text-slate-500">{t("actions.noDescription")}</span>}</p>
      <dl className="mt-4 divide-y divide-slate-100 border-t border-slate-100">
        <Row label={t("actions.statusLabel")}>
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone[a.status]}>{t(`actions.status.${a.status}`)}</Badge>
            {a.daysOverdue > 0 ? <Badge tone="bad">{t("actions.overdueDays", { count: a.daysOverdue })}</Badge> : null}
          </span>
        </Row>
        <Row label={t("actions.owner")}>{a.ownerName}</Row>
        <Row label={t("actions.dueOn")}>
          <span className={a.daysOverdue > 0 ? "font-semibold text-red-700" : undefined}>{formatCalendarDate(a.dueOn, locale)}</span>
        </Row>
        {d.source ? (
          <Row label={t("actions.source")}>
            <SourceLink source={d.source} />
          </Row>
        ) : null}
        <Row label={t("actions.createdBy")}>
          {a.createdByName ?? t("common.notSet")} · {formatDateTime(a.createdAt, locale, zone)}
        </Row>
        {a.closedAt ? (
          <Row label={t("actions.closedBy")}>
            {a.closedByName ?? t("common.notSet")} · {formatDateTime(a.closedAt, locale, zone)}
          </Row>
        ) : null}
        {a.verifiedAt ? (
          <Row label={t("actions.verifiedBy")}>
            {a.verifiedByName ?? t("common.notSet")} · {formatDateTime(a.verifiedAt, locale, zone)}
            {a.verificationNote ? <span className="block whitespace-pre-line text-slate-700">{a.verificationNote}</span> : null}
          </Row>
        ) : null}
        {a.closingNote ? (
          <Row label={t("actions.closingNote")}>
            <span className="whitespace-pre-line">{a.closingNote}</span>
          </Row>
        ) : null}
        <Row label={t("actions.closingFile")}>
          {d.closingFile ? (
            <span className="block space-y-1">
              {/* A resource route: a document request, not a client-side navigation. */}
              <a href={`/files/${d.closingFile.id}`} className="break-all text-brand-700 underline">
                {d.closingFile.name}
              </a>
              <span className="block text-sm text-slate-600">
                {t("files.size")}: {formatSize(d.closingFile.sizeBytes, locale)}
              </span>
              <span className="block break-all font-mono text-xs text-slate-600">
                {t("files.sha256")} {d.closingFile.sha256}
              </span>
            </span>
          ) : (
            <span className="text-slate-500">{t("actions.noClosingFile")}</span>
          )}
        </Row>
      </dl>
    </Card>
  );
}
