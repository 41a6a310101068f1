import { Form, Link } from "@remix-run/react";
import { SealPhotos } from "~/components/seals/seal-parts";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Textarea } from "~/components/ui/input";
import { useTranslation } from "~/lib/i18n/use-translation";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { sealEventReference } from "~/lib/seals/seal-numbers";
import type { SealView } from "~/lib/seals/seal-view.server";
import { localized } from "~/lib/i18n/localized";

interface HistoryProps {
  d: SealView;
  when: (value: string | Date) => string;
  /** The resolve form's error, shown under each open report's form. */
  resolveError: string | undefined;
  busy: boolean;
}

/** One event of the chain: what happened, by whom, and for an open report the form that closes it. */
function EventItem({ row, ...props }: HistoryProps & { row: SealView["events"][number] }) {
  const { t, i18n } = useTranslation();
  const e = row.event;
  const failed = (e.kind === "verified" && e.passed === false) || e.kind === "reported";
  return (
    <li className={`rounded-lg border p-3 ${failed ? "border-red-300 bg-red-50" : "border-slate-200"}`}>
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
        {props.when(e.occurredAt)} · {t("seals.chain.by", { name: row.recordedByName })}
        {row.siteNameZh ? ` · ${localized(row, "siteName", i18n.language)}` : ""}
      </p>
      <div className="mt-1 space-y-1 text-sm">
        {row.custodianName ? <p>{t(e.kind === "returned" ? "seals.chain.from" : "seals.chain.to", { name: row.custodianName })}</p> : null}
        {e.kind === "applied" && e.target ? (
          <p>
            {e.targetKind === "trailer" ? t("seals.fields.trailer") : t("seals.fields.container")}:{" "}
            <span className="font-mono">{e.target}</span>
            {e.shipmentRef ? ` · ${t("seals.fields.shipmentRef")}: ${e.shipmentRef}` : ""}
          </p>
        ) : null}
        {e.kind === "applied" && e.loadState ? (
          <p>
            {t("seals.fields.loadState")}: {t(`seals.loadState.${e.loadState}`)}
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
        {e.kind === "reported" && e.notified.length ? <p className="text-slate-600">{t("seals.chain.notified", { names: e.notified.join(", ") })}</p> : null}
        {e.note ? <p className="whitespace-pre-wrap">{e.note}</p> : null}
        <SealPhotos photos={row.photos} />
        {e.kind === "reported" ? (
          row.open ? (
            <div className="mt-2">
              <Badge tone="bad">{t("seals.chain.open")}</Badge>
              {props.d.canManage ? (
                <Form method="post" className="mt-2 space-y-2">
                  <input type="hidden" name="intent" value="resolve" />
                  <input type="hidden" name="reportId" value={e.id} />
                  <label htmlFor={`note-${e.id}`} className="block text-sm font-medium text-slate-800">
                    {t("seals.fields.resolution")}
                  </label>
                  <Textarea id={`note-${e.id}`} name="note" rows={2} />
                  {props.resolveError ? <p className="text-sm font-medium text-red-700">{props.resolveError}</p> : null}
                  <Button type="submit" variant="secondary" disabled={props.busy}>
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
}

export function HistoryCard(props: HistoryProps) {
  const { t } = useTranslation();
  return (
    <Card title={t("seals.chain.history", { count: props.d.events.length })} className="lg:col-span-2">
      <ol className="space-y-4">
        {props.d.events.map((row) => (
          <EventItem key={row.event.id} row={row} {...props} />
        ))}
      </ol>
    </Card>
  );
}
