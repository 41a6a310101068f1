import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { personnelCsv } from "~/lib/personnel/personnel-export.server";
import { parsePersonnelFilter } from "~/lib/personnel/personnel-filter";
import { listEmployees } from "~/lib/personnel/personnel.server";

// /personnel/export.csv?<the list's filters>: every employee the filtered list shows, ID numbers masked.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const today = todayInZone(auth.organization.timeZone);
  const filter = parsePersonnelFilter(new URL(request.url).searchParams);
  const { rows } = await listEmployees(auth.db, auth.organization.id, filter, today, { limit: null, offset: 0 });
  return new Response(personnelCsv(rows, locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="personnel-${today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
