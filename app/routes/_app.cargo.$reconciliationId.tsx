import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Badge } from "~/components/ui/badge";
import { Card, PageHeader } from "~/components/ui/card";
import { DetailList } from "~/components/ui/detail-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { getReconciliation } from "~/lib/cargo/cargo-reconciliations.server";
import {
  cargoDifferences,
  cargoReference,
  signedDifference,
} from "~/lib/cargo/cargo-rules";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import { localized } from "~/lib/i18n/localized";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useShell } from "~/lib/auth/use-session-user";
import { formatReference } from "~/lib/references";
import { notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";

export const handle = {
  i18n: ["organizations", "criteria", "actions", "inspections", "cargo"],
} satisfies PageHandle;

// /cargo/:reconciliationId: one reconciliation as the register keeps it: the documents, the container
// and seal (and whether the seal register knows it), expected against counted, the explanation of a
// discrepancy and the corrective actions it raised.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) =>
    data ? `${data.reference} ${t("cargo.title")}` : t("cargo.title"),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "cargo.read");
  const row = await getReconciliation(
    auth.db,
    auth.organization.id,
    uuidParam(params, "reconciliationId"),
  );
  if (!row) notFound();
  const r = row.reconciliation;
  const expectedWeightKg =
    r.expectedWeightKg === null ? null : Number(r.expectedWeightKg);
  const countedWeightKg =
    r.countedWeightKg === null ? null : Number(r.countedWeightKg);
  return {
    reference: cargoReference(r.number),
    direction: r.direction,
    reconciledOn: r.reconciledOn,
    siteNameZh: row.siteNameZh,
    siteNameEn: row.siteNameEn,
    billOfLading: r.billOfLading,
    packingList: r.packingList,
    invoiceNumbers: r.invoiceNumbers,
    containerNumber: r.containerNumber,
    sealNumber: r.sealNumber,
    sealId: r.sealId,
    expectedPackages: r.expectedPackages,
    countedPackages: r.countedPackages,
    expectedWeightKg,
    countedWeightKg,
    differences: cargoDifferences({
      expectedPackages: r.expectedPackages,
      countedPackages: r.countedPackages,
      expectedWeightKg,
      countedWeightKg,
    }),
    discrepancy: r.discrepancy,
    note: r.note,
    recordedByName: row.recordedByName,
    createdAt: r.createdAt,
    actions: row.actions.map((a) => ({
      id: a.id,
      reference: formatReference("correctiveAction", a.number),
      title: a.title,
      status: a.status,
      dueOn: a.dueOn,
    })),
  };
}

export default function ReconciliationPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const dash = "—";
  const seal: ReactNode = d.sealNumber ? (
    d.sealId ? (
      <>
        <Link to={`/seals/${d.sealId}`} className="font-mono text-brand-700 underline">
          {d.sealNumber}
        </Link>{" "}
        <span className="text-sm text-slate-600">({t("cargo.sealInRegister")})</span>
      </>
    ) : (
      <>
        <span className="font-mono">{d.sealNumber}</span> <span className="text-sm text-slate-600">({t("cargo.sealNotInRegister")})</span>
      </>
    )
  ) : (
    dash
  );
  const rows: [string, ReactNode][] = [
    [t("cargo.direction"), t(`cargo.directions.${d.direction}`)],
    [t("cargo.date"), formatCalendarDate(d.reconciledOn, locale)],
    [t("cargo.site"), localized(d, "siteName", i18n.language)],
    [t("cargo.billOfLading"), d.billOfLading || dash],
    [t("cargo.packingList"), d.packingList || dash],
    [t("cargo.invoiceNumbers"), d.invoiceNumbers || dash],
    [t("cargo.containerNumber"), d.containerNumber || dash],
    [t("cargo.sealNumber"), seal],
    [
      t("cargo.recordedBy"),
      t("cargo.recordedByAt", {
        name: d.recordedByName,
        time: formatDateTime(d.createdAt, locale, shell.organization.timeZone),
      }),
    ],
  ];
  return (
    <>
      <PageHeader
        title={`${d.reference} ${t(`cargo.directions.${d.direction}`)}`}
        description={t("cargo.description")}
      />
      <div className="space-y-4">
        <Card
          title={t("cargo.result")}
          actions={
            d.discrepancy ? (
              <Badge tone="bad">{t("cargo.discrepancy")}</Badge>
            ) : (
              <Badge tone="good">{t("cargo.matched")}</Badge>
            )
          }
        >
          <table className="w-full text-left">
            <thead>
              <tr className="text-sm text-slate-500">
                <th scope="col" className="py-1 font-medium"></th>
                <th scope="col" className="py-1 font-medium">
                  {t("cargo.expected")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("cargo.counted")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("cargo.difference")}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="py-1 font-medium">
                  {t("cargo.packages")}
                </th>
                <td>{d.expectedPackages}</td>
                <td>{d.countedPackages}</td>
                <td
                  className={
                    d.differences.packages !== 0
                      ? "font-semibold text-red-700"
                      : undefined
                  }
                >
                  {signedDifference(d.differences.packages)}
                </td>
              </tr>
              <tr>
                <th scope="row" className="py-1 font-medium">
                  {t("cargo.weight")}
                </th>
                {d.expectedWeightKg === null ? (
                  <td colSpan={3} className="text-slate-600">
                    {t("cargo.noWeight")}
                  </td>
                ) : (
                  <>
                    <td>{d.expectedWeightKg}</td>
                    <td>{d.countedWeightKg}</td>
                    <td
                      className={
                        d.differences.weightOutsideTolerance
                          ? "font-semibold text-red-700"
                          : undefined
                      }
                    >
                      {d.differences.weightKg === null
                        ? dash
                        : signedDifference(d.differences.weightKg)}
                    </td>
                  </>
                )}
              </tr>
            </tbody>
          </table>
          {d.note ? (
            <p className="mt-3 whitespace-pre-line">
              <span className="font-medium">{t("common.labelValue", { label: t("cargo.note"), value: "" })}</span>
              {d.note}
            </p>
          ) : null}
        </Card>
        <Card>
          <DetailList rows={rows} />
        </Card>
        <Card title={t("cargo.actions")}>
          {d.actions.length === 0 ? (
            <p className="text-slate-600">{t("cargo.noActions")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {d.actions.map((a) => (
                <li
                  key={a.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                >
                  <Link
                    to={`/actions/${a.id}`}
                    className="text-brand-700 underline"
                  >
                    <span className="mr-2 font-mono text-sm">
                      {a.reference}
                    </span>
                    {a.title}
                  </Link>
                  <span className="text-sm text-slate-600">
                    {t(`actions.status.${a.status}`)} ·{" "}
                    {t("common.labelValue", { label: t("actions.dueOn"), value: formatCalendarDate(a.dueOn, locale) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <p>
          <Link to="/cargo" className="text-brand-700 underline">
            {t("cargo.backToList")}
          </Link>
        </p>
      </div>
    </>
  );
}
