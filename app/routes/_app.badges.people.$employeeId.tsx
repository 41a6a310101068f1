import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { AccessItemStatusBadge } from "~/components/badges/access-item-status";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { accessItemEventReference, isEmployed } from "~/lib/badges/access-item-rules";
import { listAccessItemEvents, listItemsHeldBy } from "~/lib/badges/badges.server";
import { getEmployee } from "~/lib/personnel/personnel-queries.server";
import { formatCalendarDate, formatDateTime, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "badges"] } satisfies PageHandle;

// /badges/people/:employeeId: what one employee holds now (what to collect when they leave) and
// every badge, card and key they held before, from the register's history.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? data.employee.name : t("badges.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "badges.read");
  const orgId = auth.organization.id;
  const employeeId = uuidParam(params, "employeeId");
  const employee = await getEmployee(auth.db, orgId, employeeId);
  if (!employee) notFound();
  const [held, events] = await Promise.all([
    listItemsHeldBy(auth.db, { orgId, employeeId }),
    listAccessItemEvents(auth.db, orgId, { employeeId }),
  ]);
  const heldIds = new Set(held.map((h) => h.id));
  // Held before: every item issued to this person that they no longer hold, with when it went back.
  const before = new Map<
    string,
    {
      itemId: string;
      kind: (typeof events)[number]["itemKind"];
      code: string;
      description: string;
      issuedAt: Date;
      endedAt: Date | null;
      endedBy: string | null;
    }
  >();
  for (const e of [...events].reverse()) {
    if (heldIds.has(e.event.itemId)) continue;
    if (e.event.kind === "issue") {
      before.set(`${e.event.itemId}-${e.event.number}`, {
        itemId: e.event.itemId,
        kind: e.itemKind,
        code: e.itemCode,
        description: e.itemDescription,
        issuedAt: e.event.occurredAt,
        endedAt: null,
        endedBy: null,
      });
    } else {
      const open = [...before.values()].reverse().find((b) => b.itemId === e.event.itemId && b.endedAt === null);
      if (open) {
        open.endedAt = e.event.occurredAt;
        open.endedBy = e.event.kind;
      }
    }
  }
  return {
    employee: {
      id: employee.id,
      name: employee.name,
      department: employee.department,
      position: employee.position,
      leaveDate: employee.leaveDate,
      employed: isEmployed(employee.leaveDate, todayInZone(auth.organization.timeZone)),
    },
    held,
    before: [...before.values()].reverse(),
    events: events.map((e) => ({
      id: e.event.id,
      reference: accessItemEventReference(e.event.number),
      kind: e.event.kind,
      itemId: e.event.itemId,
      itemCode: e.itemCode,
      itemKind: e.itemKind,
      occurredAt: e.event.occurredAt,
      note: e.event.note,
    })),
  };
}

export default function EmployeeAccessPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const zone = shell.organization.timeZone;
  return (
    <>
      <PageHeader
        title={d.employee.name}
        description={[d.employee.department, d.employee.position].filter(Boolean).join(" · ")}
        actions={
          <Link to="/badges" className={buttonClass("secondary")}>
            {t("badges.backToRegister")}
          </Link>
        }
      />
      <div className="space-y-4">
        {!d.employee.employed && d.employee.leaveDate ? (
          <p>
            <Badge tone={d.held.length ? "bad" : "neutral"}>
              {t("badges.person.left", { date: formatCalendarDate(d.employee.leaveDate, locale) })}
            </Badge>
          </p>
        ) : null}
        <Card title={t("badges.person.holdsNow", { count: d.held.length })}>
          {d.held.length === 0 ? (
            <p className="text-slate-600">{t("badges.person.holdsNothing")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.held.map((h) => (
                <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link to={`/badges/${h.id}`} className="font-medium text-brand-700 underline">
                    <span className="mr-2 font-mono">{h.code}</span>
                    {t(`badges.kinds.${h.kind}`)}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {[h.description, h.issuedAt ? t("badges.since", { at: formatDateTime(h.issuedAt, locale, zone) }) : null]
                      .filter(Boolean)
                      .join(" · ")}{" "}
                    <AccessItemStatusBadge status={h.status} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("badges.person.heldBefore", { count: d.before.length })}>
          {d.before.length === 0 ? (
            <p className="text-slate-600">{t("badges.person.nothingBefore")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.before.map((b) => (
                <li key={`${b.itemId}-${String(b.issuedAt)}`} className="py-2">
                  <Link to={`/badges/${b.itemId}`} className="font-medium text-brand-700 underline">
                    <span className="mr-2 font-mono">{b.code}</span>
                    {t(`badges.kinds.${b.kind}`)}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {[
                      b.description,
                      t("badges.person.period", {
                        from: formatDateTime(b.issuedAt, locale, zone),
                        to: b.endedAt ? formatDateTime(b.endedAt, locale, zone) : "",
                      }),
                      b.endedBy ? t(`badges.events.${b.endedBy as "return"}`) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("badges.history", { count: d.events.length })}>
          {d.events.length === 0 ? (
            <p className="text-slate-600">{t("badges.noHistory")}</p>
          ) : (
            <ol className="divide-y divide-slate-100">
              {d.events.map((e) => (
                <li key={e.id} className="py-2 text-sm">
                  <span className="mr-2 font-mono text-slate-500">{e.reference}</span>
                  <span className="font-medium">{t(`badges.events.${e.kind}`)}</span>{" "}
                  <Link to={`/badges/${e.itemId}`} className="text-brand-700 underline">
                    {e.itemCode}
                  </Link>
                  <span className="text-slate-600"> · {formatDateTime(e.occurredAt, locale, zone)}</span>
                  {e.note ? <span className="text-slate-600"> · {e.note}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
