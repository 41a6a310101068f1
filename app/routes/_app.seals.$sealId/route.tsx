import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SealStatusBadge } from "~/components/seals/seal-parts";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { ResolveReportSchema, VoidSealSchema } from "~/lib/seals/seal-schema";
import { returnSeal, voidSeal } from "~/lib/seals/seal-custody.server";
import { getSealChain } from "~/lib/seals/seal-queries.server";
import { resolveReport } from "~/lib/seals/seal-verification.server";
import { sealView } from "~/lib/seals/seal-view.server";
import { HistoryCard } from "./history-card";
import { NextCard } from "./next-card";
import { NowCard } from "./now-card";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "inspections", "seals"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => t("seals.chain.title", { number: data?.seal.number ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const chain = await getSealChain(auth.db, auth.organization.id, uuidParam(params, "sealId"));
  if (!chain) notFound();
  return sealView(chain, { userId: auth.user.id, role: auth.membership.role, timeZone: auth.organization.timeZone });
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
  const { t } = useTranslation();
  const locale = useLocale();
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
          <BackLink to="/seals">{t("seals.backToLog")}</BackLink>
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
          <NowCard d={d} when={when} />
          <NextCard d={d} errorOf={errorOf} busy={busy} voidOpen={actionData?.intent === "void"} />
        </div>
        <HistoryCard d={d} when={when} busy={busy} resolveError={actionData?.intent === "resolve" ? errorOf("note") : undefined} />
      </div>
    </>
  );
}
