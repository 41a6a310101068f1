import { Form } from "@remix-run/react";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { recheckMonths } from "~/lib/personnel/personnel-rules";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import type { ServerState } from "./forms";
import { localized } from "~/lib/i18n/localized";

export function DetailsCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const e = d.employee;
  const left = e.leaveDate !== null && e.leaveDate < d.today;
  return (
    <Card title={t("personnel.detailsTitle")}>
      <div className="mb-3 flex flex-wrap gap-1">
        {e.securitySensitive ? <Badge tone="brand">{t("personnel.sensitiveBadge")}</Badge> : null}
        <KeyRoleBadges roles={e.keyRoles} />
        {left ? <Badge>{t("personnel.status.left")}</Badge> : <Badge tone="good">{t("personnel.status.employed")}</Badge>}
        {e.recheck && e.recheck !== "current" ? (
          <Badge tone={e.recheck === "due" ? "warn" : "bad"}>{t(`personnel.recheck.${e.recheck}`)}</Badge>
        ) : null}
      </div>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Item label={t("personnel.fields.site")}>{e.siteNameZh ? localized(e, "siteName", i18n.language) : t("personnel.noSite")}</Item>
        <Item label={t("personnel.fields.hireDate")}>{formatCalendarDate(e.hireDate, locale)}</Item>
        <Item label={t("personnel.fields.leaveDate")}>{e.leaveDate ? formatCalendarDate(e.leaveDate, locale) : "—"}</Item>
        <Item label={t("personnel.fields.dateOfBirth")}>
          {e.dateOfBirth
            ? formatCalendarDate(e.dateOfBirth, locale)
            : e.birthYear
              ? t("personnel.birthYearOnly", { year: e.birthYear })
              : "—"}
        </Item>
        <Item label={t("personnel.fields.idNumber")}>
          {e.idDocumentType ? <span className="mr-2">{t(`personnel.idType.${e.idDocumentType}`)}</span> : null}
          <span className="font-mono" data-testid="id-number">
            {server?.intent === "reveal" && server.revealed ? server.revealed : (e.idNumberMasked ?? "—")}
          </span>
          {d.canIdentity && e.hasIdNumber && !(server?.intent === "reveal" && server.revealed) ? (
            <Form method="post" className="mt-1">
              <input type="hidden" name="intent" value="reveal" />
              <Button type="submit" variant="secondary">
                {t("personnel.reveal")}
              </Button>
              <p className="mt-1 text-xs text-slate-500">{t("personnel.revealHint")}</p>
            </Form>
          ) : null}
        </Item>
        <Item label={t("personnel.nextCheckLabel")}>
          {e.nextBackgroundCheckOn ? formatCalendarDate(e.nextBackgroundCheckOn, locale) : t("personnel.recheck.missing")}
          <span className="block text-xs text-slate-500">
            {t("personnel.recheckFor", { months: recheckMonths(e.securitySensitive) })}
          </span>
        </Item>
        {d.member ? (
          <Item label={t("personnel.fields.userId")}>
            {d.member.email} · {t(`personnel.memberStatus.${d.member.status}`)}
          </Item>
        ) : null}
      </dl>
    </Card>
  );
}

function Item(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="font-medium text-slate-900">{props.children}</dd>
    </div>
  );
}
