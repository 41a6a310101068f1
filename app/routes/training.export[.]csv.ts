import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { sessionsCsv } from "~/lib/training/training-export.server";
import { parseTrainingFilter } from "~/lib/training/training-filter";

// /training/export.csv?<the list's filters>: every session the filtered list shows, one row each.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const filter = parseTrainingFilter(new URL(request.url).searchParams);
  const body = await sessionsCsv(auth.db, auth.organization.id, filter, locale, appBaseUrl(request));
  return csvResponse(body, `training-${todayInZone(auth.organization.timeZone)}.csv`);
}
