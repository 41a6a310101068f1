import { Form, Link } from "@remix-run/react";
import { Button, buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { Textarea } from "~/components/ui/input";
import { useTranslation } from "~/lib/i18n/use-translation";
import { MIN_REASON } from "~/lib/seals/seal-values";
import type { SealView } from "~/lib/seals/seal-view.server";

/** The steps the seal can take next that the viewer may record, and voiding it for a manager. */
export function NextCard(props: { d: SealView; errorOf: (name: string) => string | undefined; busy: boolean; voidOpen: boolean }) {
  const { t } = useTranslation();
  const { d, errorOf, busy } = props;
  const s = d.seal;
  const number = encodeURIComponent(s.number);
  return (
    <Card title={t("seals.chain.next")}>
      <div className="grid gap-2">
        {d.canRecord && d.steps.includes("apply") ? (
          <Link to={`/seals/apply?seal=${number}`} className={buttonClass("primary", "min-h-14 text-lg")}>
            {t("seals.actions.apply")}
          </Link>
        ) : null}
        {d.canRecord && d.steps.includes("issue") ? (
          <Link to={`/seals/issue?from=${number}`} className={buttonClass("secondary")}>
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
            <Link to={`/seals/verify?seal=${number}&stage=departure`} className={buttonClass("primary", "min-h-14 text-lg")}>
              {t("seals.actions.verifyDeparture")}
            </Link>
            <Link to={`/seals/verify?seal=${number}&stage=arrival`} className={buttonClass("secondary")}>
              {t("seals.actions.verifyArrival")}
            </Link>
          </>
        ) : null}
        {d.canRecord && d.steps.includes("report") ? (
          <Link to={`/seals/report?seal=${number}`} className={buttonClass("danger")}>
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
        <details className="mt-4" open={props.voidOpen}>
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
  );
}
