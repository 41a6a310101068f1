import { Badge } from "~/components/ui/badge";
import { Card } from "~/components/ui/card";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";

interface LogRow {
  id: string;
  channelName: string;
  provider: "wecom" | "dingtalk" | "feishu";
  kind: "reminder" | "assignment" | "seal_report" | "digest" | "test";
  status: "queued" | "sending" | "sent" | "failed";
  attempts: number;
  responseCode: number | null;
  responseExcerpt: string | null;
  createdAt: string | Date;
}

const statusTone = { queued: "warn", sending: "warn", sent: "good", failed: "bad" } as const;

/** The last messages to group channels: what the robot answered and how many attempts it took. */
export function DeliveryLogCard(props: { log: LogRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  return (
    <Card title={t("notifications.log.title")}>
      <p className="mb-3 text-sm text-slate-600">{t("notifications.log.description")}</p>
      {props.log.length === 0 ? (
        <p className="text-slate-600">{t("notifications.log.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.log.map((row) => (
            <li key={row.id} className="space-y-1 py-3">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={statusTone[row.status]}>{t(`notifications.log.status.${row.status}`)}</Badge>
                <span className="font-medium">{row.channelName}</span>
                <span className="text-sm text-slate-600">{t(`notifications.kind.${row.kind}`)}</span>
                <span className="text-sm text-slate-600">{formatDateTime(row.createdAt, locale, shell.organization.timeZone)}</span>
                <span className="text-sm text-slate-600">{t("notifications.log.attempts", { count: row.attempts })}</span>
              </p>
              <p className="break-all font-mono text-xs text-slate-600">
                {row.responseCode ? `HTTP ${row.responseCode} · ` : ""}
                {row.responseExcerpt ?? t("notifications.log.noAnswer")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
