import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseAccessItemFilter } from "~/lib/badges/badge-filter";
import { listAccessItems } from "~/lib/badges/badges.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";
import { localized } from "~/lib/i18n/localized";
import { formatReference } from "~/lib/references";

// /badges/export.csv?<the register's filters>: every item with its status and current holder.
// UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

const columns = ["kind", "code", "description", "site", "status", "holder", "holderNumber", "issuedAt"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "badges.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const filter = parseAccessItemFilter(new URL(request.url).searchParams);
  const { rows } = await listAccessItems(auth.db, auth.organization.id, filter, { limit: null, offset: 0 });
  const data = rows.map((r) => [
    t(`badges.kinds.${r.item.kind}`),
    r.item.code,
    r.item.description,
    localized(r, "siteName", locale) ?? "",
    t(`badges.status.${r.item.status}`),
    r.holderName ?? "",
    r.holderNumber ? formatReference("badgeHolder", r.holderNumber) : "",
    r.item.issuedAt ? localDateTimeInZone(r.item.issuedAt, timeZone).replace("T", " ") : "",
  ]);
  const heading = (c: (typeof columns)[number]) => (c === "issuedAt" ? `${t(`badges.csv.${c}`)} (${timeZone})` : t(`badges.csv.${c}`));
  return csvResponse(csvDocument(columns.map(heading), data), `badges-${todayInZone(timeZone)}.csv`);
}
