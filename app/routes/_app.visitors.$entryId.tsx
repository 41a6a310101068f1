import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { NotSignedOutBadge, SignOutButton } from "~/components/visitors/visitor-parts";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { DetailList } from "~/components/ui/detail-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime, startOfDayInZone, todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { isNotSignedOut, visitorReference } from "~/lib/visitors/visitor-rules";
import { VisitorSignOutSchema } from "~/lib/visitors/visitor-schema";
import { getVisitorEntry, signOutVisitor } from "~/lib/visitors/visitors.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "inspections", "visitors", "badges"] } satisfies PageHandle;

// /visitors/:entryId: one visit as the log keeps it (the CTPAT 10.2 fields and more), and its sign-out.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.entry.reference} ${data.entry.visitorName}` : t("visitors.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "visitors.read");
  const row = await getVisitorEntry(auth.db, auth.organization.id, uuidParam(params, "entryId"));
  if (!row) notFound();
  const timeZone = auth.organization.timeZone;
  const startOfToday = startOfDayInZone(todayInZone(timeZone), timeZone);
  const e = row.entry;
  return {
    canRecord: can(auth.membership.role, "visitors.record"),
    entry: {
      id: e.id,
      reference: visitorReference(e.number),
      siteNameZh: row.siteNameZh,
      siteNameEn: row.siteNameEn,
      visitorName: e.visitorName,
      company: e.company,
      idDocumentType: e.idDocumentType,
      idNumberMasked: e.idNumberMasked,
      checkedByName: row.checkedByName,
      hostName: e.hostName,
      hostIsEmployee: e.hostEmployeeId !== null,
      purpose: e.purpose,
      purposeNote: e.purposeNote,
      badgeNumber: e.badgeNumber,
      accessItemId: e.accessItemId,
      escortName: e.escortName,
      vehiclePlate: e.vehiclePlate,
      signedInAt: e.signedInAt,
      signedOutAt: e.signedOutAt,
      signedOutByName: row.signedOutByName,
      notSignedOut: isNotSignedOut(e, startOfToday),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "visitors.record");
  const entryId = uuidParam(params, "entryId");
  const formData = await readFormData(request);
  const parsed = parseForm(formData, VisitorSignOutSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const now = new Date();
  const result = await signOutVisitor(
    auth.db,
    auth.actor,
    entryId,
    now,
    todayInZone(auth.organization.timeZone, now),
  );
  if (!result) notFound();
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  const back = safeRedirectPath(formData.get("redirectTo"), "/visitors");
  const target = new URL(back, "http://local");
  // Only the log and a visit's own page are places to go back to.
  if (target.pathname !== "/visitors" && target.pathname !== `/visitors/${entryId}`) target.pathname = "/visitors";
  target.searchParams.set("signedOut", entryId);
  return redirect(`${target.pathname}${target.search}`);
}

export default function VisitorEntryPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const { entry: e, canRecord } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const zone = shell.organization.timeZone;
  const refusal = server?.errors ? Object.values(server.errors).find(Boolean) : undefined;
  const rows: [string, string][] = [
    [t("visitors.site"), localized(e, "siteName", i18n.language)],
    [t("visitors.company"), e.company || t("common.notSet")],
    [t("visitors.idType"), t(`visitors.idTypes.${e.idDocumentType}`)],
    [t("visitors.idNumber"), e.idNumberMasked],
    [t("visitors.idCheckedBy"), e.checkedByName],
    [t("visitors.host"), e.hostIsEmployee ? t("visitors.hostEmployee", { name: e.hostName }) : e.hostName],
    [t("visitors.purpose"), [t(`visitors.purposes.${e.purpose}`), e.purposeNote].filter(Boolean).join(": ")],
    [t("visitors.badge"), e.badgeNumber || t("common.notSet")],
    [t("visitors.escort"), e.escortName || t("visitors.escortedByHost")],
    [t("visitors.plate"), e.vehiclePlate || t("common.notSet")],
    [t("visitors.arrival"), formatDateTime(e.signedInAt, locale, zone)],
    [
      t("visitors.departure"),
      e.signedOutAt
        ? t("visitors.departureBy", { at: formatDateTime(e.signedOutAt, locale, zone), name: e.signedOutByName ?? "" })
        : t("visitors.stillInside"),
    ],
  ];
  return (
    <>
      <PageHeader
        title={`${e.reference} ${e.visitorName}`}
        actions={
          <Link to="/visitors" className={buttonClass("secondary")}>
            {t("visitors.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {refusal ? <Alert tone="error">{translateMessage(t, refusal)}</Alert> : null}
        <Card>
          <p className="mb-3 flex flex-wrap gap-2">
            {e.signedOutAt ? (
              <Badge tone="neutral">{t("visitors.left")}</Badge>
            ) : e.notSignedOut ? (
              <NotSignedOutBadge />
            ) : (
              <Badge tone="good">{t("visitors.inside")}</Badge>
            )}
          </p>
          <DetailList rows={rows} />
          {e.accessItemId ? (
            <p className="mt-3 text-sm">
              <Link to={`/badges/${e.accessItemId}`} className="text-brand-700 underline">
                {t("visitors.badgeInRegister", { badge: e.badgeNumber })}
              </Link>
            </p>
          ) : null}
          {canRecord && !e.signedOutAt ? (
            <div className="mt-4">
              <SignOutButton entryId={e.id} name={e.visitorName} redirectTo={`/visitors/${e.id}`} />
            </div>
          ) : null}
          {canRecord && e.signedOutAt ? (
            <p className="mt-4">
              <Link to={`/visitors/new?from=${e.id}`} className={buttonClass("secondary")}>
                {t("visitors.signInAgain")}
              </Link>
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
