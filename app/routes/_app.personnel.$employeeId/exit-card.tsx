import { Form, Link } from "@remix-run/react";
import { TextField } from "~/components/form/fields";
import { useValidatedForm, type ServerFormState } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { EmployeeView } from "~/lib/personnel/employee-view.server";
import { registerKindsFor } from "~/lib/personnel/personnel-rules";
import { ExitSchema, OffboardingItemSchema } from "~/lib/personnel/personnel-schema";
import { serverFor, type ServerState } from "./forms";

export function ExitCard({ d, server }: { d: EmployeeView; server: ServerState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const exitForm = useValidatedForm(ExitSchema, { server: serverFor(server, "exit"), defaults: { intent: "exit", leaveDate: d.today } });
  const o = d.offboarding;
  const itemServer = serverFor(server, "item");
  return (
    <section id="exit">
      <Card
        title={o ? `${t("personnel.offboarding.title")} ${o.reference}` : t("personnel.offboarding.title")}
        className={o?.overdue ? "border-red-300" : undefined}
      >
        {!o ? (
          <>
            <p className="mb-3 text-sm text-slate-600">{t("personnel.offboarding.none")}</p>
            {d.canManage ? (
              <Form method="post" noValidate onSubmit={exitForm.onSubmit} className="space-y-3">
                <input type="hidden" name="intent" value="exit" />
                <TextField
                  form={exitForm.form}
                  values={exitForm.values}
                  name="leaveDate"
                  idPrefix="exit-"
                  type="date"
                  label={t("personnel.fields.leaveDate")}
                  error={exitForm.errorOf("leaveDate")}
                />
                <Button type="submit" className="min-h-14 w-full sm:w-auto">
                  {t("personnel.offboarding.start")}
                </Button>
              </Form>
            ) : null}
          </>
        ) : (
          <>
            <p className="mb-1 text-sm">
              {t("personnel.offboarding.deadline", {
                leave: formatCalendarDate(o.leaveDate, locale),
                deadline: formatCalendarDate(o.deadline, locale),
              })}{" "}
              <Badge tone={o.status === "done" ? "good" : o.overdue ? "bad" : "warn"}>
                {o.overdue ? t("personnel.offboarding.overdueBadge") : t(`personnel.offboarding.status.${o.status}`)}
              </Badge>
            </p>
            <p className="mb-3 text-xs text-slate-500">{t("personnel.offboarding.rule")}</p>
            <ul className="grid gap-3 lg:grid-cols-2">
              {o.items.map((i) => (
                <ExitItem key={i.item} d={d} item={i} server={itemServer} />
              ))}
            </ul>
          </>
        )}
      </Card>
    </section>
  );
}

function ExitItem({
  d,
  item,
  server,
}: {
  d: EmployeeView;
  item: NonNullable<EmployeeView["offboarding"]>["items"][number];
  server: ServerFormState;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = server?.values?.item === item.item ? server : null;
  const f = useValidatedForm(OffboardingItemSchema, { server: mine, defaults: { intent: "item", item: item.item } });
  const kinds = registerKindsFor[item.item] as readonly string[] | undefined;
  const held = kinds ? d.held.filter((h) => kinds.includes(h.kind)) : [];
  const error = mine?.errors?.item ?? mine?.errors?.deactivateMember;
  return (
    <li className={`rounded-md border p-3 ${item.doneAt ? "border-green-200 bg-green-50" : "border-slate-200"}`} data-item={item.item}>
      <p className="font-medium">
        {item.doneAt ? "✓ " : ""}
        {t(`personnel.offboarding.item.${item.item}`)}
      </p>
      {item.doneAt ? (
        <p className="text-sm text-slate-700">
          {t("personnel.offboarding.doneBy", { name: item.doneByName ?? "", at: formatDateTime(item.doneAt, locale, d.timeZone) })}
          {item.note ? ` · ${item.note}` : ""}
        </p>
      ) : (
        <>
          {held.length ? (
            <div className="my-2">
              <Alert tone="warning">
                {t("personnel.offboarding.registerHolds", {
                  items: held.map((h) => `${h.code}${h.description ? ` (${h.description})` : ""}`).join(t("common.listSeparator")),
                })}{" "}
                <Link to="/badges" className="underline">
                  {t("personnel.offboarding.toRegister")}
                </Link>
              </Alert>
            </div>
          ) : null}
          {item.item === "it_access_revoked" && d.member ? (
            <p className="my-2 text-sm text-slate-700">
              {t("personnel.offboarding.hasAccount", { email: d.member.email, status: t(`personnel.memberStatus.${d.member.status}`) })}{" "}
              {!d.canManageMembers ? (
                <Link className="underline" to={`/settings/members/${d.member.id}`}>
                  {t("personnel.offboarding.askAdmin")}
                </Link>
              ) : null}
            </p>
          ) : null}
          {d.canOffboard ? (
            <Form method="post" noValidate onSubmit={f.onSubmit} className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="item" />
              <input type="hidden" name="item" value={item.item} />
              {error ? (
                <p className="text-sm font-medium text-red-700" role="alert">
                  {f.errorOf("item") ?? f.errorOf("deactivateMember")}
                </p>
              ) : null}
              <TextField
                form={f.form}
                values={f.values}
                name="note"
                idPrefix={`${item.item}-`}
                label={t("personnel.offboarding.note")}
                error={f.errorOf("note")}
              />
              {item.item === "it_access_revoked" && d.member?.status === "active" && d.canManageMembers ? (
                <label className="flex min-h-11 items-center gap-3 text-sm">
                  <input
                    type="checkbox"
                    value="1"
                    defaultChecked
                    className="size-5 accent-brand-700"
                    {...f.form.register("deactivateMember")}
                  />
                  {t("personnel.offboarding.deactivate", { email: d.member.email })}
                </label>
              ) : null}
              <Button type="submit" className="min-h-14 w-full sm:w-auto">
                {t("personnel.offboarding.markDone")}
              </Button>
            </Form>
          ) : null}
        </>
      )}
    </li>
  );
}
