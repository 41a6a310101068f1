import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { InspectionSeals } from "~/components/seals/inspection-seals";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { useShell } from "~/lib/auth/use-session-user";
import { readFormData, parseForm } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { OverrideSchema, SignOffSchema } from "~/lib/inspections/inspection-schema";
import { getInspectionView } from "~/lib/inspections/inspection-queries.server";
import { releaseInspection, signOffInspection } from "~/lib/inspections/inspection-release.server";
import { inspectionPageView, showsSeals } from "~/lib/inspections/inspection-view.server";
import { message } from "~/lib/i18n/messages";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { sealsForInspection } from "~/lib/seals/seal-queries.server";
import { ActionsCard } from "./actions-card";
import { EvidenceCard } from "./evidence-card";
import { PointsCard } from "./points-card";
import { ReleasePanel } from "./release-panel";
import { SignOffPanel } from "./signoff-panel";
import { SummaryCard } from "./summary-card";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "actions", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) =>
    data ? `${data.reference} · ${locale === "en" ? data.template.titleEn : data.template.titleZh}` : t("inspections.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const view = await getInspectionView(auth.db, auth.organization.id, uuidParam(params, "inspectionId"));
  if (!view) notFound();
  const seals = showsSeals(view) ? await sealsForInspection(auth.db, auth.organization.id, view.inspection.id) : null;
  return inspectionPageView(view, seals, { role: auth.membership.role, userId: auth.user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const inspectionId = uuidParam(params, "inspectionId");
  // Another organisation's inspection is a 404 whatever was posted.
  if (!(await getInspectionView(auth.db, auth.organization.id, inspectionId))) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const actor = { ...auth.actor, role: auth.membership.role };
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent: typeof intent === "string" ? intent : null, errors, values }, { status: 400 });
  let outcome: Awaited<ReturnType<typeof releaseInspection>>;
  if (intent === "signoff") {
    const parsed = parseForm(formData, SignOffSchema);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    outcome = await signOffInspection(auth.db, actor, inspectionId, parsed.data.note);
  } else if (intent === "release") {
    outcome = await releaseInspection(auth.db, actor, inspectionId);
  } else if (intent === "override") {
    const parsed = parseForm(formData, OverrideSchema);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    outcome = await releaseInspection(auth.db, actor, inspectionId, parsed.data.reason);
  } else {
    return refuse({ form: message("errors.invalid") });
  }
  if (!outcome) notFound();
  if (!outcome.ok)
    return refuse(
      outcome.errors,
      Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>,
    );
  return redirect(`/inspections/${inspectionId}?done=${intent}`);
}

export default function InspectionPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const timeZone = useShell().organization.timeZone;
  const done = search.get("done");
  return (
    <>
      <PageHeader
        title={`${d.reference} · ${localized(d.template, "title", i18n.language)}`}
        description={`${d.site ? localized(d.site, "name", i18n.language) : ""}${d.occurredAt ? ` · ${formatDateTime(d.occurredAt, locale, timeZone)}` : ""}`}
        actions={
          <Link to="/inspections" className="text-sm text-brand-700 underline">
            {t("inspections.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("submitted") === "1" ? (
          <Alert tone="success">{t("inspections.submittedNotice", { reference: d.reference })}</Alert>
        ) : null}
        {done === "signoff" ? <Alert tone="success">{t("inspections.signedNotice")}</Alert> : null}
        {done === "release" || done === "override" ? <Alert tone="success">{t("inspections.releasedNotice")}</Alert> : null}
        {actionData?.errors?.form ? <Alert tone="error">{t(actionData.errors.form.split("|")[0] as "errors.invalid")}</Alert> : null}
        <SummaryCard d={d} />
        <ReleasePanel d={d} server={actionData ?? null} />
        {d.seals ? <InspectionSeals inspectionId={d.id} containerNumber={d.containerNumber} seals={d.seals.list} canApply={d.seals.canApply} blocked={d.release.state === "blocked"} /> : null}
        <SignOffPanel d={d} server={actionData ?? null} />
        <PointsCard d={d} />
        <ActionsCard d={d} />
        <EvidenceCard d={d} />
      </div>
    </>
  );
}
