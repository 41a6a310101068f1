import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { KeyRoleBadges } from "~/components/personnel/key-role-badges";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { RequirementBadge } from "~/components/training/training-parts";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Select } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { formatCalendarDate, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { isRequirementFramework, requirementFrameworks, sessionReference, yearOf } from "~/lib/training/training-rules";
import { requirementReport } from "~/lib/training/training-requirements.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "personnel", "training"] } satisfies PageHandle;

// /training/requirements?year=2026&framework=cn-2022-advanced: per key manager, whether this year's
// customs training requirement of the framework holds, with the sessions that count.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("training.requirement.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const url = new URL(request.url);
  const today = todayInZone(auth.organization.timeZone);
  const current = yearOf(today);
  const asked = Number(url.searchParams.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= current + 1 ? asked : current;
  const frameworkParam = url.searchParams.get("framework");
  const framework = isRequirementFramework(frameworkParam) ? frameworkParam : "cn-2022-advanced";
  const report = await requirementReport(auth.db, auth.organization.id, framework, year, today);
  return {
    year,
    // The last six years, and a year asked for outside them (next year's plan, an older audit).
    years: [...new Set([year, ...Array.from({ length: 6 }, (_, i) => current - i)])].sort((a, b) => b - a),
    framework,
    rule: { perYear: report.rule.perYear, roles: report.rule.roles, criterionKey: report.rule.criterion.key },
    people: report.people.map(({ person, status }) => ({
      id: person.id,
      name: person.name,
      position: person.position,
      keyRoles: person.keyRoles,
      hireDate: person.hireDate,
      leaveDate: person.leaveDate,
      state: status.state,
      missing: status.missing,
      joinedInYear: status.joinedInYear,
      leftInYear: status.leftInYear,
      sessions: status.counted.map((s) => ({ id: s.sessionId, reference: sessionReference(s.number), topic: s.topic, heldOn: s.heldOn })),
    })),
  };
}

export default function TrainingRequirementsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const met = d.people.filter((p) => p.state === "met").length;
  return (
    <>
      <PageHeader
        title={t("training.requirement.title")}
        description={t(`training.requirement.rule.${d.framework}`)}
        actions={
          <Link to="/training" className={buttonClass("secondary")}>
            {t("training.backToList")}
          </Link>
        }
      />
      <Card>
        <Form method="get" className="grid gap-3 sm:grid-cols-3" aria-label={t("training.requirement.choose")}>
          <div className="space-y-1">
            <label htmlFor="r-framework" className="block text-sm font-medium text-slate-700">
              {t("training.requirement.framework")}
            </label>
            <Select id="r-framework" name="framework" defaultValue={d.framework}>
              {requirementFrameworks.map((f) => (
                <option key={f} value={f}>
                  {frameworkShort(t, f)}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1">
            <label htmlFor="r-year" className="block text-sm font-medium text-slate-700">
              {t("training.requirement.year")}
            </label>
            <Select id="r-year" name="year" defaultValue={String(d.year)}>
              {d.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex items-end">
            <button type="submit" className={buttonClass("primary", "w-full sm:w-auto")}>
              {t("training.requirement.show")}
            </button>
          </div>
        </Form>
      </Card>
      <Card className="mt-4" title={t("training.requirement.summary", { year: d.year, met, total: d.people.length })}>
        {d.people.length === 0 ? (
          <p className="text-slate-600">{t("training.requirement.nobody")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {d.people.map((p) => (
              <li key={p.id} className="py-3" data-testid="requirement-person">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <Link
                      to={`/training/people/${p.id}`}
                      className="inline-flex min-h-11 items-center text-lg font-medium text-brand-700 underline"
                    >
                      {p.name}
                    </Link>
                    <p className="text-sm text-slate-600">
                      <KeyRoleBadges roles={p.keyRoles} tone="brand" /> {p.position}
                    </p>
                  </div>
                  <div className="text-right">
                    <RequirementBadge state={p.state} />
                    <p className="mt-1 text-sm text-slate-700">
                      {t("training.requirement.count", { count: p.sessions.length, required: d.rule.perYear })}
                    </p>
                  </div>
                </div>
                {p.joinedInYear ? (
                  <p className="text-sm text-slate-600">
                    {t("training.requirement.joined", { date: formatCalendarDate(p.hireDate, locale) })}
                  </p>
                ) : null}
                {p.leftInYear && p.leaveDate ? (
                  <p className="text-sm text-slate-600">
                    {t("training.requirement.left", { date: formatCalendarDate(p.leaveDate, locale) })}
                  </p>
                ) : null}
                {p.sessions.length ? (
                  <ul className="mt-1 space-y-1 text-sm">
                    {p.sessions.map((s) => (
                      <li key={s.id}>
                        <Link to={`/training/${s.id}`} className="text-brand-700 underline">
                          {formatCalendarDate(s.heldOn, locale)} · <span className="font-mono">{s.reference}</span> {s.topic}
                        </Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {p.state !== "met" ? (
                  <p className={`mt-1 text-sm font-medium ${p.state === "missed" ? "text-red-700" : "text-amber-800"}`}>
                    {t(p.state === "missed" ? "training.requirement.missedBy" : "training.requirement.stillNeeded", { count: p.missing })}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
