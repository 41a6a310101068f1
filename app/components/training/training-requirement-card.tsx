import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { frameworkShort } from "~/components/criteria/criterion-parts";
import { Card } from "~/components/ui/card";
import { useCan } from "~/lib/auth/use-session-user";
import { joinRoleLabels } from "~/lib/personnel/personnel-values";
import type { KeyRole, RequirementFramework } from "~/lib/training/training-rules";

// The dashboard's line on training: which key managers have not yet had this year's customs training
// (CN-2022 (59): two; CN-2014 item 2: one). Data from requirementAttention (training-requirements.server.ts).

export interface TrainingAttention {
  framework: RequirementFramework;
  year: number;
  perYear: number;
  total: number;
  short: { id: string; name: string; keyRoles: KeyRole[]; attended: number }[];
}

export function TrainingRequirementCard(props: { attention: readonly TrainingAttention[] }) {
  const { t, i18n } = useTranslation();
  const year = props.attention[0]?.year;
  const nobody = props.attention.every((a) => a.total === 0);
  const canRecord = useCan("training.manage");
  const anyShort = props.attention.some((a) => a.short.length > 0);
  return (
    <Card
      className="mt-4"
      title={t("training.dashboard.title", { year })}
      actions={
        <span className="flex flex-wrap gap-3">
          {canRecord && anyShort ? (
            <Link className="text-sm text-brand-700 underline" to="/training/new?category=customs_law">
              {t("training.dashboard.record")}
            </Link>
          ) : null}
          <Link className="text-sm text-brand-700 underline" to={`/training/requirements?year=${year}`}>
            {t("common.view")}
          </Link>
        </span>
      }
    >
      {nobody ? (
        <p className="text-slate-600">{t("training.dashboard.nobody")}</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {props.attention.map((a) => (
            <section key={a.framework} aria-label={frameworkShort(t, a.framework)}>
              <h3 className="font-semibold text-slate-900">
                {frameworkShort(t, a.framework)} · {t("training.dashboard.rule", { count: a.perYear })}
              </h3>
              {a.total === 0 ? (
                <p className="text-sm text-slate-600">{t("training.dashboard.nobodyFor")}</p>
              ) : a.short.length === 0 ? (
                <p className="text-green-800">{t("training.dashboard.allMet", { count: a.total })}</p>
              ) : (
                <ul className="mt-1 space-y-1">
                  {a.short.map((p) => (
                    <li key={p.id}>
                      <Link to={`/training/people/${p.id}`} className="flex min-h-11 flex-wrap items-center gap-2 text-brand-700 underline">
                        {p.name}
                        <span className="inline-block text-sm text-slate-600">
                          {joinRoleLabels(p.keyRoles.map((role) => t(`personnel.keyRole.${role}`)), i18n.language)} ·{" "}
                          {t("training.requirement.count", { count: p.attended, required: a.perYear })}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
