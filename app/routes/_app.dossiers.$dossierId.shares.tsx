import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { Input } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { dossierReference } from "~/lib/dossiers/dossier-schema";
import {
  ACCESS_LOG_LIMIT,
  DossierShareSchema,
  SHARE_DEFAULT_DAYS,
  SHARE_MAX_DAYS,
  SHARE_MIN_DAYS,
} from "~/lib/dossiers/dossier-share-schema";
import { createShare, listShares, revokeShare } from "~/lib/dossiers/dossier-shares.server";
import { getDossier } from "~/lib/dossiers/dossiers.server";
import { parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { appBaseUrl } from "~/lib/request-origin.server";
import { isUuid, notFound, uuidParam } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { fields } from "~/lib/form-fields";

export const handle = { i18n: ["criteria", "policies", "dossiers"] } satisfies PageHandle;

// /dossiers/:id/shares: share links for certifiers. The link itself is shown once, in the answer to
// the post that made it; only its hash is kept, so the page can never show it again.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${t("shares.title")} · ${data.reference}` : t("shares.title")));

// The answer to a creation holds a live link: never cached, never sent on as a referrer.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  const dossierId = uuidParam(params, "dossierId");
  const row = await getDossier(auth.db, auth.organization.id, dossierId);
  if (!row) notFound();
  const listed = await listShares(auth.db, auth.organization.id, dossierId);
  const recipients = new Map(listed.shares.map((s) => [s.share.id, s.share.recipientName]));
  return {
    id: dossierId,
    reference: dossierReference(row.dossier.number),
    ready: row.dossier.status === "ready",
    canShare: can(auth.membership.role, "dossiers.share"),
    timeZone: auth.organization.timeZone,
    shares: listed.shares.map((s) => ({
      id: s.share.id,
      recipientName: s.share.recipientName,
      recipientOrganization: s.share.recipientOrganization,
      createdBy: s.createdBy,
      createdAt: s.share.createdAt,
      expiresAt: s.share.expiresAt,
      revokedAt: s.share.revokedAt,
      revokedBy: s.revokedBy,
      state: s.state,
      accessCount: s.accessCount,
      refusedCount: s.refusedCount,
    })),
    accesses: listed.accesses.map((a) => ({
      id: a.id,
      at: a.at,
      recipientName: recipients.get(a.shareId) ?? "",
      ipAddress: a.ipAddress,
      userAgent: a.userAgent,
      action: a.action,
      volume: a.volume,
      outcome: a.outcome,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.share");
  const dossierId = uuidParam(params, "dossierId");
  const actor = auth.actor;
  if (!(await getDossier(auth.db, auth.organization.id, dossierId))) notFound();
  const formData = await readFormData(request);
  const intent = parseIntent(formData, ["revoke", "create"], { whenMissing: "create" });
  if (intent === "revoke") {
    const shareId = formData.get("shareId");
    if (!isUuid(shareId)) notFound();
    const revoked = await revokeShare(auth.db, actor, dossierId, shareId);
    if (!revoked) notFound();
    return redirect(`/dossiers/${dossierId}/shares?revoked=1`);
  }
  const parsed = parseForm(formData, DossierShareSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, created: null }, { status: 400 });
  const created = await createShare(auth.db, actor, dossierId, parsed.data);
  if (!created) notFound();
  if (!created.ok) return data({ errors: created.errors, values: {}, created: null }, { status: 400 });
  return data(
    {
      errors: {},
      values: {},
      created: {
        url: `${appBaseUrl(request)}/share/${created.token}`,
        recipientName: parsed.data.recipientName,
        expiresAt: created.expiresAt,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const stateTone = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function DossierSharesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const created = server?.created ?? null;
  return (
    <>
      <PageHeader
        title={t("shares.title")}
        description={`${d.reference} · ${t("shares.description")}`}
        actions={
          <BackLink to={`/dossiers/${d.id}`}>{t("shares.backToDossier", { reference: d.reference })}</BackLink>
        }
      />
      <div className="space-y-4">
        {search.get("revoked") === "1" && !created ? <Alert tone="success">{t("shares.revokedNotice")}</Alert> : null}
        {created ? (
          <Alert tone="success" title={t("shares.created.title", { name: created.recipientName })}>
            <p>{t("shares.created.body")}</p>
            <label className="mt-2 block text-sm font-medium" htmlFor="share-url">
              {t("shares.created.address")}
            </label>
            <Input
              id="share-url"
              readOnly
              value={created.url}
              className="mt-1 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <p className="mt-1 text-sm">{t("shares.created.copyHint")}</p>
          </Alert>
        ) : null}
        {d.canShare && d.ready ? (
          <Card title={t("shares.create.title")}>
            <CreateForm busy={navigation.state === "submitting"} />
          </Card>
        ) : !d.ready ? (
          <Alert tone="info">{t("shares.errors.notReady")}</Alert>
        ) : (
          <Alert tone="info">{t("shares.create.noPermission")}</Alert>
        )}
        <Card title={t("shares.list", { count: d.shares.length })}>
          {d.shares.length === 0 ? (
            <p className="text-sm text-slate-600">{t("shares.empty")}</p>
          ) : (
            <ul className="divide-y">
              {d.shares.map((s) => (
                <li key={s.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="text-sm">
                    <p className="font-medium text-slate-900">
                      {s.recipientName}
                      {s.recipientOrganization ? ` · ${s.recipientOrganization}` : ""}{" "}
                      <Badge tone={stateTone[s.state]}>{t(`shares.status.${s.state}`)}</Badge>
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-slate-600">
                      <dt>{t("shares.createdBy")}</dt>
                      <dd>{t("shares.createdByValue", { name: s.createdBy, time: formatDateTime(s.createdAt, locale, d.timeZone) })}</dd>
                      <dt>{t("shares.expires")}</dt>
                      <dd>{formatDateTime(s.expiresAt, locale, d.timeZone)}</dd>
                      <dt>{t("shares.accesses")}</dt>
                      <dd>{t("shares.accessCount", { count: s.accessCount, refused: s.refusedCount })}</dd>
                    </dl>
                    {s.revokedAt ? (
                      <p className="mt-1 text-slate-600">
                        {t("shares.revokedBy", { name: s.revokedBy ?? "", time: formatDateTime(s.revokedAt, locale, d.timeZone) })}
                      </p>
                    ) : null}
                  </div>
                  {d.canShare && s.state !== "revoked" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="shareId" value={s.id} />
                      <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
                        {t("shares.revoke")}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("shares.log.title", { count: d.accesses.length })}>
          {d.accesses.length === 0 ? (
            <p className="text-sm text-slate-600">{t("shares.log.empty")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b text-slate-600">
                    <th className="py-2 pr-2">{t("shares.log.time")}</th>
                    <th className="py-2 pr-2">{t("shares.log.link")}</th>
                    <th className="py-2 pr-2">{t("shares.log.address")}</th>
                    <th className="py-2 pr-2">{t("shares.log.action")}</th>
                    <th className="py-2 pr-2">{t("shares.log.outcome")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.accesses.map((a) => (
                    <tr key={a.id} className="border-b align-top">
                      <td className="py-2 pr-2 whitespace-nowrap">{formatDateTime(a.at, locale, d.timeZone)}</td>
                      <td className="py-2 pr-2">{a.recipientName}</td>
                      <td className="py-2 pr-2">
                        <span className="font-mono">{a.ipAddress || t("shares.log.unknownAddress")}</span>
                        {a.userAgent ? (
                          <span className="block max-w-xs truncate text-xs text-slate-500" title={a.userAgent}>
                            {a.userAgent}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-2 pr-2">
                        {a.action === "download" ? t("shares.actions.download", { volume: a.volume ?? "" }) : t("shares.actions.view")}
                      </td>
                      <td className="py-2 pr-2">
                        <Badge tone={a.outcome === "allowed" ? "good" : "bad"}>{t(`shares.outcomes.${a.outcome}`)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.accesses.length >= ACCESS_LOG_LIMIT ? (
                <p className="mt-2 text-sm text-slate-500">{t("shares.log.latestOnly", { count: ACCESS_LOG_LIMIT })}</p>
              ) : null}
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

function CreateForm(props: { busy: boolean }) {
  const { t } = useTranslation();
  const server = useActionData<typeof action>();
  // After a link was made, the form starts empty for the next recipient.
  const state = server?.created ? null : server;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(DossierShareSchema, {
    server: state,
    defaults: { recipientName: "", recipientOrganization: "", days: String(SHARE_DEFAULT_DAYS) },
  });
  const names = fields(DossierShareSchema);
  const field = { form, values };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-3" key={server?.created?.url ?? "form"}>
      {formError ? <Alert tone="error">{formError}</Alert> : rejected ? <Alert tone="error">{t("shares.create.notCreated")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          {...field}
          name={names.recipientName}
          required
          label={t("shares.fields.recipientName")}
          hint={t("shares.fields.recipientNameHint")}
          error={errorOf(names.recipientName)}
        />
        <TextField
          {...field}
          name={names.recipientOrganization}
          label={t("shares.fields.recipientOrganization")}
          hint={t("shares.fields.recipientOrganizationHint")}
          error={errorOf(names.recipientOrganization)}
        />
      </div>
      <TextField
        {...field}
        name={names.days}
        type="number"
        inputMode="numeric"
        label={t("shares.fields.days")}
        hint={t("shares.fields.daysHint", { min: SHARE_MIN_DAYS, max: SHARE_MAX_DAYS, default: SHARE_DEFAULT_DAYS })}
        error={errorOf(names.days)}
      />
      <Button type="submit" disabled={props.busy}>
        {props.busy ? t("shares.create.working") : t("shares.create.submit")}
      </Button>
    </Form>
  );
}
