import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { Card } from "~/components/ui/card";
import { clientAddress } from "~/lib/auth/auth.server";
import { getDb } from "~/lib/db.server";
import { shareMissRefusal } from "~/lib/dossiers/dossier-share-misses.server";
import { logAccess, resolveShare } from "~/lib/dossiers/dossier-shares.server";
import { shareResponseHeaders } from "~/lib/dossiers/share-headers";
import { localeNames } from "~/lib/i18n/config";
import { formatDateTime } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { prefetchTranslationsOn } from "~/lib/i18n/page-translations";
import { createI18n } from "~/lib/i18n/translations.server";
import { useLocale } from "~/lib/i18n/use-locale";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["dossiers"] } satisfies PageHandle;

// /share/:token: a certifier's read-only view of one dossier, without an account. The token is the
// only key (kept hashed): the address names no dossier, so it can open nothing but its own share.
// Each visit is logged; an expired or revoked link answers 410 and that refusal is logged too. Links
// that open nothing are limited per address (dossier-share-misses.server.ts): then 429.

export const meta: MetaFunction = ({ matches }) => [
  ...titleFor(matches, (t) => t("shares.title")),
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export const headers: HeadersFunction = () => shareResponseHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const found = await resolveShare(db, params.token ?? "");
  const access = { ipAddress: clientAddress(request), userAgent: request.headers.get("User-Agent") };
  // A link that opens nothing counts against the address; past the limit, nothing more is logged.
  const wait = found?.state === "active" ? null : await shareMissRefusal(db, access.ipAddress);
  if (wait !== null) {
    throw data({ reason: "too_many", retryAfterMinutes: wait }, { status: 429, headers: { ...shareResponseHeaders, "Retry-After": String(wait * 60) } });
  }
  // No share to attach a log entry to: an unknown token is simply not found.
  if (!found) throw data({ reason: "not_found" }, { status: 404, headers: shareResponseHeaders });
  const organization = { nameZh: found.organization.nameZh, nameEn: found.organization.nameEn };
  if (found.state !== "active") {
    await logAccess(db, found.share, access, { action: "view", volume: null, outcome: found.state });
    // Told in both languages: whoever holds a dead link may not read the one it opened in. The page
    // itself only has its own language's texts, so the other one comes from here.
    const key = found.state === "revoked" ? "shares.gone.revokedTitle" : "shares.gone.expiredTitle";
    const zh = createI18n("zh-CN").t;
    const english = createI18n("en").t;
    const gone = {
      zh: { title: zh(key), body: zh("shares.gone.body", { organization: organization.nameZh || organization.nameEn }) },
      en: { title: english(key), body: english("shares.gone.body", { organization: organization.nameEn || organization.nameZh }) },
    };
    return data({ state: found.state, organization, gone, share: null }, { status: 410, headers: shareResponseHeaders });
  }
  await logAccess(db, found.share, access, { action: "view", volume: null, outcome: "allowed" });
  return data(
    {
      state: found.state,
      organization,
      share: {
        token: params.token ?? "",
        reference: found.dossier.reference,
        periodFrom: found.dossier.periodFrom,
        periodTo: found.dossier.periodTo,
        framework: found.framework,
        recipientName: found.share.recipientName,
        recipientOrganization: found.share.recipientOrganization,
        expiresAt: found.share.expiresAt,
        timeZone: found.organization.timeZone,
        copies: found.copies,
      },
    },
    { headers: shareResponseHeaders },
  );
}

export default function SharedDossierPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const other = en ? "zh-CN" : "en";
  const organization = en ? d.organization.nameEn || d.organization.nameZh : d.organization.nameZh || d.organization.nameEn;
  if (d.state !== "active" || !d.share) {
    const gone = "gone" in d ? d.gone : null;
    return (
      <main className="mx-auto max-w-xl px-4 py-16 text-center">
        <p className="text-sm font-semibold text-brand-700">410</p>
        <h1 className="mt-2 text-2xl font-bold" lang="zh-CN">
          {gone?.zh.title}
        </h1>
        <p className="mt-1 text-xl font-semibold text-slate-700" lang="en">
          {gone?.en.title}
        </p>
        <p className="mt-4 text-slate-600" lang="zh-CN">
          {gone?.zh.body}
        </p>
        <p className="mt-2 text-slate-600" lang="en">
          {gone?.en.body}
        </p>
      </main>
    );
  }
  const s = d.share;
  return (
    <div className="min-h-screen bg-slate-50">
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm font-semibold text-brand-800">{t("shares.page.sharedBy", { organization })}</p>
            <h1 className="text-2xl font-bold text-slate-900">{t("shares.page.title", { reference: s.reference })}</h1>
          </div>
          <Link
            to={`?lng=${other}`}
            {...prefetchTranslationsOn(other)}
            lang={other}
            className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 ring-1 ring-slate-300"
          >
            {localeNames[other]}
          </Link>
        </div>
        <Alert tone="info">{t("shares.page.note")}</Alert>
        <Card>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <dt className="text-slate-600">{t("shares.page.framework")}</dt>
            <dd className="col-span-2">
              {localized(s.framework, "name", i18n.language)} ({s.framework.version})
            </dd>
            <dt className="text-slate-600">{t("shares.page.period")}</dt>
            <dd className="col-span-2">
              {s.periodFrom} – {s.periodTo}
            </dd>
            <dt className="text-slate-600">{t("shares.page.recipient")}</dt>
            <dd className="col-span-2">
              {s.recipientName}
              {s.recipientOrganization ? ` · ${s.recipientOrganization}` : ""}
            </dd>
            <dt className="text-slate-600">{t("shares.page.expires")}</dt>
            <dd className="col-span-2">{formatDateTime(s.expiresAt, locale, s.timeZone)}</dd>
          </dl>
        </Card>
        <Card title={t("shares.page.files")}>
          <ul className="space-y-3">
            {s.copies.map((c) => (
              <li key={c.volume} className="text-sm">
                {/* A plain link: the download is a document request, and rel=noreferrer keeps the token out of any Referer. */}
                <a
                  href={`/share/${encodeURIComponent(s.token)}/${c.volume}.pdf`}
                  className="font-medium text-brand-700 underline"
                  rel="noreferrer"
                  download
                >
                  {t("shares.page.download", { volume: c.volume, size: (c.sizeBytes / 1024 / 1024).toFixed(1) })}
                </a>
                <p className="break-all font-mono text-xs text-slate-600">{t("shares.page.hash", { hash: c.sha256 })}</p>
              </li>
            ))}
          </ul>
        </Card>
      </main>
    </div>
  );
}
