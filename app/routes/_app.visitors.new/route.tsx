import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { PageHeader } from "~/components/ui/card";
import { listAvailableVisitorBadges } from "~/lib/badges/badges.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { isUuid } from "~/lib/value-checks";
import { rememberedSite, rememberSiteCookie } from "~/lib/visitors/visitor-site-cookie.server";
import { visitorReference } from "~/lib/visitors/visitor-rules";
import { VisitorSignInSchema } from "~/lib/visitors/visitor-schema";
import { getVisitorEntry, hostSuggestions, recentVisitors, signInVisitor } from "~/lib/visitors/visitors.server";
import { ReturningCard } from "./returning-card";
import { SignInForm } from "./sign-in-form";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "visitors", "badges"] } satisfies PageHandle;

// /visitors/new: the gatehouse sign-in on a phone. The site is the one used last on this phone; a
// returning visitor is signed in again from a recent entry (?from=<entry id>) with name, company, ID
// type and host filled in, but the ID number is asked for again: only its masked form is kept, so the
// guard must look at the document once more and type its number for this visit.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("visitors.signIn.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "visitors.record");
  const orgId = auth.organization.id;
  const today = todayInZone(auth.organization.timeZone);
  const from = new URL(request.url).searchParams.get("from");
  const [sites, hosts, badges, recent, previous] = await Promise.all([
    listSites(auth.db, orgId),
    hostSuggestions(auth.db, orgId, today),
    listAvailableVisitorBadges(auth.db, orgId),
    recentVisitors(auth.db, orgId),
    isUuid(from) ? getVisitorEntry(auth.db, orgId, from) : Promise.resolve(null),
  ]);
  const remembered = rememberedSite(request);
  const siteId = sites.find((s) => s.id === remembered)?.id ?? (sites.length === 1 ? sites[0]?.id : undefined);
  const defaults: Record<string, string> = { idDocumentType: "cn_resident_id" };
  if (siteId) defaults.siteId = siteId;
  if (previous) {
    defaults.visitorName = previous.entry.visitorName;
    defaults.company = previous.entry.company;
    defaults.idDocumentType = previous.entry.idDocumentType;
    defaults.hostName = previous.entry.hostName;
  }
  return {
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    defaults,
    returning: previous ? { reference: visitorReference(previous.entry.number), idNumberMasked: previous.entry.idNumberMasked } : null,
    hosts,
    badges: badges.map((b) => ({ code: b.code, siteId: b.siteId })),
    recent: recent.map((r) => ({ id: r.id, visitorName: r.visitorName, company: r.company })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "visitors.record");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  // The typed ID number never travels back into the page.
  delete values.idNumber;
  const parsed = parseForm(formData, VisitorSignInSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const timeZone = auth.organization.timeZone;
  const now = new Date();
  const result = await signInVisitor(
    auth.db,
    auth.actor,
    parsed.data,
    now,
    todayInZone(timeZone, now),
  );
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/visitors?signedIn=${result.entry.id}`, { headers: { "Set-Cookie": rememberSiteCookie(result.entry.siteId) } });
}

export default function VisitorSignInPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  return (
    <>
      <PageHeader title={t("visitors.signIn.title")} description={t("visitors.signIn.description")} />
      <div className="space-y-4">
        {d.recent.length && !d.returning ? <ReturningCard recent={d.recent} /> : null}
        <SignInForm d={d} server={server} />
      </div>
    </>
  );
}
