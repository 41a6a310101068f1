import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SealPhotos, SealStatusBadge } from "~/components/seals/seal-parts";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Textarea } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { possibleSteps } from "~/lib/seals/seal-lifecycle";
import { sealEventReference } from "~/lib/seals/seal-numbers";
import { ResolveReportSchema, VoidSealSchema } from "~/lib/seals/seal-schema";
import { MIN_REASON } from "~/lib/seals/seal-values";
import { returnSeal, voidSeal } from "~/lib/seals/seal-custody.server";
import { getSealChain } from "~/lib/seals/seal-queries.server";
import { resolveReport } from "~/lib/seals/seal-verification.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => t("seals.chain.title", { number: data?.seal.number ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const chain = await getSealChain(auth.db, auth.organization.id, uuidParam(params, "sealId"));
  if (!chain) notFound();
  return {
    ...chain,
    timeZone: auth.organization.timeZone,
    steps: possibleSteps(chain.seal.status),
    canRecord: can(auth.membership.role, "seals.record"),
    canManage: can(auth.membership.role, "seals.manage"),
    isCustodian: chain.seal.custodianUserId === auth.user.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const permission = intent === "return" ? "seals.record" : "seals.manage";
  const auth = await requirePermission(request, permission);
  const sealId = uuidParam(params, "sealId");
  const actor = { ...auth.actor, timeZone: auth.organization.timeZone };
  let outcome;
  if (intent === "return") {
    outcome = await returnSeal(auth.db, actor, sealId, undefined);
  } else if (intent === "void") {
    const parsed = parseForm(formData, VoidSealSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    outcome = await voidSeal(auth.db, actor, sealId, parsed.data.reason);
  } else if (intent === "resolve") {
    const parsed = parseForm(formData, ResolveReportSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    outcome = await resolveReport(auth.db, actor, sealId, parsed.data.reportId, parsed.data.note);
  } else {
    return data({ intent, errors: { form: "errors.invalid" }, values: {} }, { status: 400 });
  }
  if (!outcome) notFound();
  if (!outcome.ok) return data({ intent, errors: outcome.errors, values: {} }, { status: 400 });
  return redirect(`/seals/${sealId}?done=${intent === "return" ? "returned" : intent === "void" ? "voided" : "resolved"}`);
}

const doneTone: Record<string, "success" | "warning"> = { verifyFailed: "warning", reported: "warning" };

export default function SealChainPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const en = i18n.language === "en";
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const done = params.get("done");
  const s = d.seal;
  const when = (value: string | Date) => formatDateTime(value, locale, d.timeZone);
  const errorOf = (name: string) => {
    const encoded = actionData?.errors?.[name as keyof typeof actionData.errors];
    return typeof encoded === "string" ? translateMessage(t, encoded) : undefined;
  };
  const busy = navigation.state === "submitting";
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{s.number}</span>
            <SealStatusBadge status={s.status} />
          </span>
        }
        description={t("seals.chain.description")}
        actions={
          <Link to="/seals" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            {t("seals.backToLog")}
          </Link>
        }
      />
      {done ? (
        <div className="mb-4">
          <Alert tone={doneTone[done] ?? "success"}>
            {t(`seals.done.${done as "applied"}`, { count: Number(params.get("notified") ?? 0) })}
          </Alert>
        </div>
      ) : null}
      {errorOf("form") ? (
        <div className="mb-4">
          <Alert tone="error">{errorOf("form")}</Alert>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-1">
          <Card title={t("seals.chain.now")}>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("seals.fields.model")}</dt>
              <dd>
                {d.model.manufacturer} {d.model.modelName} · {t(`seals.type.${d.model.type}`)} ·{" "}
                <Badge tone={d.model.isoClass === "H" ? "good" : "warn"}>{t(`seals.isoClass.${d.model.isoClass}`)}</Badge>
              </dd>
              <dt className="text-slate-500">{t("seals.fields.site")}</dt>
              <dd>{(en ? d.siteNameEn : d.siteNameZh) ?? t("seals.noSite")}</dd>
              {d.custodianName ? (
                <>
                  <dt className="text-slate-500">{t("seals.fields.custodian")}</dt>
                  <dd>{d.custodianName}</dd>
                </>
              ) : null}
              {s.target ? (
                <>
                  <dt className="text-slate-500">{s.targetKind === "trailer" ? t("seals.fields.trailer") : t("seals.fields.container")}</dt>
                  <dd className="font-mono">{s.target}</dd>
                </>
              ) : null}
              {s.shipmentRef ? (
                <>
                  <dt className="text-slate-500">{t("seals.fields.shipmentRef")}</dt>
                  <dd className="font-mono">{s.shipmentRef}</dd>
                </>
              ) : null}
              {s.appliedAt ? (
                <>
                  <dt className="text-slate-500">{t("seals.fields.appliedAt")}</dt>
                  <dd>{when(s.appliedAt)}</dd>
                </>
              ) : null}
              {s.inspectionId ? (
                <>
                  <dt className="text-slate-500">{t("seals.fields.inspection")}</dt>
                  <dd>
                    <Link to={`/inspections/${s.inspectionId}`} className="font-mono text-brand-700 underline">
                      {inspectionReference(d.inspectionNumber ?? 0)}
                    </Link>
                  </dd>
                </>
              ) : null}
              {d.replacedBy.map((r) => (
                <div key={r.id} className="contents">
                  <dt className="text-slate-500">{t("seals.chain.replacedBy")}</dt>
                  <dd>
                    <Link to={`/seals/${r.id}`} className="font-mono text-brand-700 underline">
                      {r.number}
                    </Link>
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
          <Card title={t("seals.chain.next")}>
            <div className="grid gap-2">
              {d.canRecord && d.steps.includes("apply") ? (
                <Link to={`/seals/apply?seal=${encodeURIComponent(s.number)}`} className={buttonClass("primary", "min-h-14 text-lg")}>
                  {t("seals.actions.apply")}
                </Link>
              ) : null}
              {d.canRecord && d.steps.includes("issue") ? (
                <Link to={`/seals/issue?from=${encodeURIComponent(s.number)}`} className={buttonClass("secondary")}>
                  {t("seals.actions.issue")}
                </Link>
              ) : null}
              {d.canRecord && d.steps.includes("return") ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="return" />
                  <Button type="submit" variant="secondary" className="w-full" disabled={busy}>
                    {t("seals.actions.return")}
                  </Button>
                </Form>
              ) : null}
              {d.canRecord && d.steps.includes("verify_departure") ? (
                <>
                  <Link
                    to={`/seals/verify?seal=${encodeURIComponent(s.number)}&stage=departure`}
                    className={buttonClass("primary", "min-h-14 text-lg")}
                  >
                    {t("seals.actions.verifyDeparture")}
                  </Link>
                  <Link to={`/seals/verify?seal=${encodeURIComponent(s.number)}&stage=arrival`} className={buttonClass("secondary")}>
                    {t("seals.actions.verifyArrival")}
                  </Link>
                </>
              ) : null}
              {d.canRecord && d.steps.includes("report") ? (
                <Link to={`/seals/report?seal=${encodeURIComponent(s.number)}`} className={buttonClass("danger")}>
                  {t("seals.actions.report")}
                </Link>
              ) : null}
              {d.canRecord && s.status === "compromised" && d.replacedBy.length === 0 ? (
                <Link to={`/seals/apply?replaces=${s.id}`} className={buttonClass("primary")}>
                  {t("seals.actions.replace")}
                </Link>
              ) : null}
              {d.steps.length === 0 && s.status !== "compromised" ? (
                <p className="text-sm text-slate-600">{t(`seals.chain.final.${s.status as "voided"}`)}</p>
              ) : null}
            </div>
            {d.canManage && d.steps.includes("void") ? (
              <details className="mt-4" open={actionData?.intent === "void"}>
                <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium text-red-700">{t("seals.actions.void")}</summary>
                <Form method="post" className="mt-2 space-y-2">
                  <input type="hidden" name="intent" value="void" />
                  <label htmlFor="reason" className="block text-sm font-medium text-slate-800">
                    {t("seals.fields.voidReason")}
                  </label>
                  <Textarea id="reason" name="reason" rows={2} aria-invalid={errorOf("reason") ? true : undefined} />
                  <p className="text-sm text-slate-500">{t("seals.chain.voidHint", { min: MIN_REASON })}</p>
                  {errorOf("reason") ? <p className="text-sm font-medium text-red-700">{errorOf("reason")}</p> : null}
                  <Button type="submit" variant="danger" disabled={busy}>
                    {t("seals.actions.voidConfirm")}
                  </Button>
                </Form>
              </details>
            ) : null}
          </Card>
        </div>
        <Card title={t("seals.chain.history", { count: d.events.length })} className="lg:col-span-2">
          <ol className="space-y-4">
            {d.events.map((row) => {
              const e = row.event;
              const failed = (e.kind === "verified" && e.passed === false) || e.kind === "reported";
              return (
                <li key={e.id} className={`rounded-lg border p-3 ${failed ? "border-red-300 bg-red-50" : "border-slate-200"}`}>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <p className="font-semibold text-slate-900">
                      {e.kind === "verified"
                        ? t(e.passed ? "seals.event.verifiedPassed" : "seals.event.verifiedFailed", {
                            stage: t(`seals.stage.${e.stage ?? "departure"}`),
                          })
                        : e.kind === "reported"
                          ? t("seals.event.reportedKind", { kind: t(`seals.reportKind.${e.reportKind ?? "discrepancy"}`) })
                          : t(`seals.event.${e.kind}`)}
                    </p>
                    <span className="font-mono text-xs text-slate-500">{sealEventReference(e.number)}</span>
                  </div>
                  <p className="text-sm text-slate-600">
                    {when(e.occurredAt)} · {t("seals.chain.by", { name: row.recordedByName })}
                    {row.siteNameZh ? ` · ${en ? row.siteNameEn : row.siteNameZh}` : ""}
                  </p>
                  <div className="mt-1 space-y-1 text-sm">
                    {row.custodianName ? (
                      <p>{t(e.kind === "returned" ? "seals.chain.from" : "seals.chain.to", { name: row.custodianName })}</p>
                    ) : null}
                    {e.kind === "applied" && e.target ? (
                      <p>
                        {e.targetKind === "trailer" ? t("seals.fields.trailer") : t("seals.fields.container")}:{" "}
                        <span className="font-mono">{e.target}</span>
                        {e.shipmentRef ? ` · ${t("seals.fields.shipmentRef")}: ${e.shipmentRef}` : ""}
                      </p>
                    ) : null}
                    {e.kind === "applied" && e.inspectionId ? (
                      <p>
                        {t("seals.fields.inspection")}:{" "}
                        <Link to={`/inspections/${e.inspectionId}`} className="font-mono text-brand-700 underline">
                          {inspectionReference(row.inspectionNumber ?? 0)}
                        </Link>
                      </p>
                    ) : null}
                    {row.replacesNumber ? <p>{t("seals.chain.replaces", { number: row.replacesNumber })}</p> : null}
                    {e.kind === "verified" ? (
                      <ul className="flex flex-wrap gap-2">
                        {(["view", "verify", "tug", "twist"] as const).map((c) => {
                          const ok = e[`${c}Ok`];
                          return (
                            <li key={c}>
                              <Badge tone={ok ? "good" : "bad"}>
                                {t(`seals.vvtt.${c}.short`)} {ok ? t("seals.vvtt.pass") : t("seals.vvtt.fail")}
                              </Badge>
                            </li>
                          );
                        })}
                        {e.documentNumber ? (
                          <li className="text-slate-600">
                            {t("seals.chain.documentNumber")}: <span className="font-mono">{e.documentNumber}</span>
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                    {e.kind === "reported" && e.notified.length ? (
                      <p className="text-slate-600">{t("seals.chain.notified", { names: e.notified.join(", ") })}</p>
                    ) : null}
                    {e.note ? <p className="whitespace-pre-wrap">{e.note}</p> : null}
                    <SealPhotos photos={row.photos} />
                    {e.kind === "reported" ? (
                      row.open ? (
                        <div className="mt-2">
                          <Badge tone="bad">{t("seals.chain.open")}</Badge>
                          {d.canManage ? (
                            <Form method="post" className="mt-2 space-y-2">
                              <input type="hidden" name="intent" value="resolve" />
                              <input type="hidden" name="reportId" value={e.id} />
                              <label htmlFor={`note-${e.id}`} className="block text-sm font-medium text-slate-800">
                                {t("seals.fields.resolution")}
                              </label>
                              <Textarea id={`note-${e.id}`} name="note" rows={2} />
                              {actionData?.intent === "resolve" && errorOf("note") ? (
                                <p className="text-sm font-medium text-red-700">{errorOf("note")}</p>
                              ) : null}
                              <Button type="submit" variant="secondary" disabled={busy}>
                                {t("seals.actions.resolve")}
                              </Button>
                            </Form>
                          ) : null}
                        </div>
                      ) : (
                        <Badge tone="good">{t("seals.chain.closed")}</Badge>
                      )
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </Card>
      </div>
    </>
  );
}
