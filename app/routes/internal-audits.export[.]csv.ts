import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { internalAuditsCsv } from "~/lib/internal-audits/internal-audits.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";

// /internal-audits/export.csv: every internal audit, one row each.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "internalAudits.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const body = await internalAuditsCsv(auth.db, auth.organization.id, locale, appBaseUrl(request));
  return csvResponse(body, `internal-audits-${todayInZone(auth.organization.timeZone)}.csv`);
}
