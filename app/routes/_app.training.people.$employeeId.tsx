import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { CategoryBadge, RequirementBadge } from "~/components/training/training-parts";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { sessionReference } from "~/lib/training/training-rules";
import { personTraining } from "~/lib/training/training-requirements.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "personnel", "training"] } satisfies PageHandle;

// /training/people/:employeeId: one person's training history and, for a key manager, the yearly
// requirement of each framework per year of employment.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.person.name} · ${t("training.person.title")}` : t("training.person.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const employeeId = uuidParam(params, "employeeId");
  const today = todayInZone(auth.organization.timeZone);
  const found = await personTraining(auth.db, auth.organization.id, employeeId, today);
  if (!found) notFound();
  const { person } = found;
  return {
    person: {
      name: person.name,
      position: person.position,
      department: person.department,
      keyRoles: person.keyRoles,
      hireDate: person.hireDate,
      leaveDate: person.leaveDate,
      siteNameZh: person.siteNameZh,
      siteNameEn: person.siteNameEn,
    },
    sessions: found.sessions.map((s) => ({
      id: s.sessionId,
      reference: sessionReference(s.number),
      topic: s.topic,
      category: s.category,
      heldOn: s.heldOn,
      trainer: s.trainer,
      testGiven: s.testGiven,
      testPassed: s.testPassed,
    })),
    requirements: found.requirements.map((y) => ({
      year: y.year,
      frameworks: y.frameworks.map((f) => ({
        framework: f.framework,
        state: f.status.state,
        count: f.status.counted.length,
        required: f.status.required,
      })),
    })),
  };
}

export default function TrainingPersonPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const p = d.person;
  return (
    <>
      <PageHeader
        title={p.name}
        description={[p.position, p.department, p.siteNameZh ? localized(p, "siteName", i18n.language) : null].filter(Boolean).join(" · ")}
        actions={
          <Link to="/training/requirements" className={buttonClass("secondary")}>
            {t("training.requirement.title")}
          </Link>
        }
      />
      <div className="space-y-4">
        <Card title={t("training.person.employment")}>
          <p>{p.keyRoles.length ? <KeyRoleBadges roles={p.keyRoles} tone="brand" /> : t("training.person.noKeyRole")}</p>
          <p className="mt-1 text-sm text-slate-600">
            {p.leaveDate
              ? t("training.person.employedUntil", {
                  from: formatCalendarDate(p.hireDate, locale),
                  to: formatCalendarDate(p.leaveDate, locale),
                })
              : t("training.person.employedSince", { date: formatCalendarDate(p.hireDate, locale) })}
          </p>
          {d.requirements.some((y) => y.frameworks.length) ? (
            <ul className="mt-3 divide-y divide-slate-100">
              {d.requirements.map((y) =>
                y.frameworks.map((f) => (
                  <li key={`${y.year}-${f.framework}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <Link
                      to={`/training/requirements?year=${y.year}&framework=${f.framework}`}
                      className="inline-flex min-h-11 items-center text-brand-700 underline"
                    >
                      {y.year} · {frameworkShort(t, f.framework)}
                    </Link>
                    <span className="flex items-center gap-2 text-sm">
                      {t("training.requirement.count", { count: f.count, required: f.required })}
                      <RequirementBadge state={f.state} />
                    </span>
                  </li>
                )),
              )}
            </ul>
          ) : null}
        </Card>
        <Card title={t("training.person.history", { count: d.sessions.length })}>
          {d.sessions.length === 0 ? (
            <p className="text-slate-600">{t("training.person.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.sessions.map((s) => (
                <li key={s.id} className="py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <Link to={`/training/${s.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                      <span className="mr-2 font-mono text-sm">{s.reference}</span>
                      {s.topic}
                    </Link>
                    <CategoryBadge category={s.category} />
                  </div>
                  <p className="text-sm text-slate-600">
                    {formatCalendarDate(s.heldOn, locale)} · {t("training.trainerIs", { name: s.trainer })}
                    {s.testGiven && s.testPassed !== null
                      ? ` · ${t(s.testPassed ? "training.attendance.passed" : "training.attendance.failed")}`
                      : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
