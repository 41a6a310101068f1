import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { personnelCsv } from "~/lib/personnel/personnel-export.server";
import { parsePersonnelFilter } from "~/lib/personnel/personnel-filter";
import { listEmployees } from "~/lib/personnel/personnel-queries.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";

// /personnel/export.csv?<the list's filters>: every employee the filtered list shows, ID numbers masked.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const today = todayInZone(auth.organization.timeZone);
  const filter = parsePersonnelFilter(new URL(request.url).searchParams);
  const { rows } = await listEmployees(auth.db, auth.organization.id, filter, today, { limit: null, offset: 0 });
  return csvResponse(personnelCsv(rows, locale), `personnel-${today}.csv`);
}
