import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";
import { attendanceCsv } from "~/lib/training/training-export.server";
import { parseTrainingFilter } from "~/lib/training/training-filter";

// /training/attendance.csv?<the list's filters>: one row per attendee of every session the list shows.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const filter = parseTrainingFilter(new URL(request.url).searchParams);
  const body = await attendanceCsv(auth.db, auth.organization.id, filter, locale);
  return csvResponse(body, `training-attendance-${todayInZone(auth.organization.timeZone)}.csv`);
}
