import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { parseContinuityFilter } from "~/lib/continuity/continuity-filter";
import { continuityPlansCsv } from "~/lib/continuity/continuity-export.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";

// /continuity/export.csv: the continuity plans as filtered on the list, one row each.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "continuity.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const today = todayInZone(auth.organization.timeZone);
  const filter = parseContinuityFilter(new URL(request.url).searchParams);
  const body = await continuityPlansCsv(auth.db, auth.organization.id, filter, today, locale, appBaseUrl(request));
  return csvResponse(body, `continuity-plans-${today}.csv`);
}
