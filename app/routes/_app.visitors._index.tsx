import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { NotSignedOutBadge, SignOutButton } from "~/components/visitors/visitor-parts";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { RegisterList, RowDetails, RowLink } from "~/components/ui/register-list";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formatDateTime, startOfDayInZone, todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { listSites } from "~/lib/organizations/organizations.server";
import { listPage, listPaging } from "~/lib/list-filter";
import { isUuid } from "~/lib/value-checks";
import { parseVisitorFilter, visitorFilterSearch } from "~/lib/visitors/visitor-filter";
import { isNotSignedOut, visitorReference } from "~/lib/visitors/visitor-rules";
import { rememberedSite } from "~/lib/visitors/visitor-site-cookie.server";
import { getVisitorEntry, listOnSite, listVisitorLog, VISITORS_PAGE_SIZE } from "~/lib/visitors/visitors.server";
import { DateFilterField, SearchFilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterPanel } from "~/components/ui/filter-bar";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["criteria", "inspections", "visitors", "badges"] } satisfies PageHandle;

// /visitors: what a guard needs first (who is on site now, per site, each with a one-tap sign-out),
// then the log with its filters and the CSV export.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("visitors.title"));

type EntryRow = Awaited<ReturnType<typeof listOnSite>>[number];

function entryLine(r: EntryRow, startOfToday: Date) {
  return {
    id: r.entry.id,
    reference: visitorReference(r.entry.number),
    siteId: r.entry.siteId,
    siteNameZh: r.siteNameZh,
    siteNameEn: r.siteNameEn,
    visitorName: r.entry.visitorName,
    company: r.entry.company,
    hostName: r.entry.hostName,
    purpose: r.entry.purpose,
    badgeNumber: r.entry.badgeNumber,
    vehiclePlate: r.entry.vehiclePlate,
    signedInAt: r.entry.signedInAt,
    signedOutAt: r.entry.signedOutAt,
    notSignedOut: isNotSignedOut(r.entry, startOfToday),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "visitors.read");
  const orgId = auth.organization.id;
  const timeZone = auth.organization.timeZone;
  const url = new URL(request.url);
  const filter = parseVisitorFilter(url.searchParams);
  const { page, limit, offset } = listPage(url.searchParams, VISITORS_PAGE_SIZE);
  const signedIn = url.searchParams.get("signedIn");
  const signedOut = url.searchParams.get("signedOut");
  const [sites, onSite, log, justIn, justOut] = await Promise.all([
    listSites(auth.db, orgId),
    listOnSite(auth.db, orgId),
    listVisitorLog(auth.db, orgId, filter, timeZone, { limit, offset }),
    isUuid(signedIn) ? getVisitorEntry(auth.db, orgId, signedIn) : Promise.resolve(null),
    isUuid(signedOut) ? getVisitorEntry(auth.db, orgId, signedOut) : Promise.resolve(null),
  ]);
  const startOfToday = startOfDayInZone(todayInZone(timeZone), timeZone);
  // The gate's own site first: the one this phone signed its last visitor in at.
  const remembered = rememberedSite(request);
  const siteOrder = [...sites].sort((a, b) => Number(b.id === remembered) - Number(a.id === remembered));
  const onSiteLines = onSite.filter((r) => !filter.site || r.entry.siteId === filter.site).map((r) => entryLine(r, startOfToday));
  return {
    filter,
    ...listPaging(page, VISITORS_PAGE_SIZE, log),
    canRecord: can(auth.membership.role, "visitors.record"),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    onSite: siteOrder
      .map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, visitors: onSiteLines.filter((l) => l.siteId === s.id) }))
      .filter((s) => s.visitors.length > 0 || s.id === filter.site),
    onSiteTotal: onSiteLines.length,
    rows: log.rows.map((r) => entryLine(r, startOfToday)),
    justIn: justIn
      ? { name: justIn.entry.visitorName, reference: visitorReference(justIn.entry.number), badge: justIn.entry.badgeNumber }
      : null,
    justOut: justOut ? { name: justOut.entry.visitorName, reference: visitorReference(justOut.entry.number) } : null,
  };
}

export default function VisitorsPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const zone = shell.organization.timeZone;
  const search = visitorFilterSearch(d.filter);
  const here = `/visitors${search}`;
  return (
    <>
      <PageHeader
        title={t("visitors.title")}
        description={t("visitors.description")}
        actions={
          d.canRecord ? (
            <Link to="/visitors/new" className={buttonClass("primary", "min-h-14 px-6 text-lg")}>
              {t("visitors.signIn.start")}
            </Link>
          ) : null
        }
      />
      <div className="space-y-4">
        {d.justIn ? (
          <Alert tone="success">
            {d.justIn.badge
              ? t("visitors.signedInWithBadge", { name: d.justIn.name, reference: d.justIn.reference, badge: d.justIn.badge })
              : t("visitors.signedIn", { name: d.justIn.name, reference: d.justIn.reference })}
          </Alert>
        ) : null}
        {d.justOut ? (
          <Alert tone="success">{t("visitors.signedOut", { name: d.justOut.name, reference: d.justOut.reference })}</Alert>
        ) : null}

        <Card title={t("visitors.onSite.title", { count: d.onSiteTotal })}>
          {d.onSite.length === 0 ? (
            <p className="text-slate-600">{t("visitors.onSite.empty")}</p>
          ) : (
            <div className="space-y-4">
              {d.onSite.map((site) => (
                <section key={site.id} aria-label={localized(site, "name", i18n.language)}>
                  <h3 className="mb-1 font-semibold text-slate-800">
                    {t("visitors.onSite.site", { site: localized(site, "name", i18n.language), count: site.visitors.length })}
                  </h3>
                  {site.visitors.length === 0 ? <p className="text-slate-600">{t("visitors.onSite.emptySite")}</p> : null}
                  <ul className="divide-y divide-slate-100">
                    {site.visitors.map((v) => (
                      <li key={v.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
                        <div className="min-w-0">
                          <p className="text-lg font-medium">
                            <Link to={`/visitors/${v.id}`} className="text-brand-700 underline">
                              {v.visitorName}
                            </Link>
                            {v.company ? <span className="ml-2 text-base text-slate-600">{v.company}</span> : null}{" "}
                            {v.notSignedOut ? <NotSignedOutBadge /> : null}
                          </p>
                          <p className="text-sm text-slate-600">
                            {[
                              t("visitors.since", { at: formatDateTime(v.signedInAt, locale, zone) }),
                              t("visitors.hostLine", { host: v.hostName }),
                              v.badgeNumber ? t("visitors.badgeLine", { badge: v.badgeNumber }) : null,
                              v.vehiclePlate || null,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                          </p>
                        </div>
                        {d.canRecord ? <SignOutButton entryId={v.id} name={v.visitorName} redirectTo={here} /> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </Card>

        <RegisterList
          title={t(d.more ? "visitors.log.titleMore" : "visitors.log.title", { count: d.total })}
          exportLink={{ href: `/visitors/export.csv${search}`, label: t("visitors.log.exportCsv") }}
          filter={
            <FilterPanel
              label={t("visitors.log.filter")}
              apply={t("visitors.log.apply")}
              clear={t("visitors.log.clear")}
              clearTo="/visitors"
              search={search}
              className="sm:grid-cols-2 lg:grid-cols-4"
              buttonsClassName="sm:col-span-2 lg:col-span-4"
            >
              <SiteFilterField label={t("visitors.site")} sites={d.sites} value={d.filter.site} />
              <DateFilterField label={t("visitors.log.from")} name="from" value={d.filter.from} />
              <DateFilterField label={t("visitors.log.to")} name="to" value={d.filter.to} />
              <SearchFilterField label={t("visitors.log.search")} value={d.filter.q} />
            </FilterPanel>
          }
          rows={d.rows}
          empty={search ? t("visitors.log.emptyFilter") : t("visitors.log.empty")}
          pager={{ page: d.page, pages: d.pages, more: d.more, label: t("visitors.log.pages"), path: "/visitors", search }}
          row={(r) => (
            <>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="min-w-0">
                  <RowLink to={`/visitors/${r.id}`} reference={r.reference}>
                    {r.visitorName}
                  </RowLink>
                  {r.company ? <span className="ml-2 text-slate-600">{r.company}</span> : null}
                </p>
                <div className="flex flex-wrap items-center gap-2">
                  {r.signedOutAt ? (
                    <Badge tone="neutral">{t("visitors.left")}</Badge>
                  ) : r.notSignedOut ? (
                    <NotSignedOutBadge />
                  ) : (
                    <Badge tone="good">{t("visitors.inside")}</Badge>
                  )}
                  {d.canRecord && r.signedOutAt ? (
                    <Link to={`/visitors/new?from=${r.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
                      {t("visitors.signInAgain")}
                    </Link>
                  ) : null}
                </div>
              </div>
              <RowDetails
                parts={[
                  localized(r, "siteName", i18n.language),
                  t("visitors.inAt", { at: formatDateTime(r.signedInAt, locale, zone) }),
                  r.signedOutAt ? t("visitors.outAt", { at: formatDateTime(r.signedOutAt, locale, zone) }) : null,
                  t("visitors.hostLine", { host: r.hostName }),
                  t(`visitors.purposes.${r.purpose}`),
                ]}
              />
            </>
          )}
        />
      </div>
    </>
  );
}
