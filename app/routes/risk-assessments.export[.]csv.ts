import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { riskAssessmentsCsv } from "~/lib/risk-assessments/risk-assessments.server";
import { csvResponse } from "~/lib/spreadsheet-cells.server";

// /risk-assessments/export.csv: every risk assessment, one row each.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "risk.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const body = await riskAssessmentsCsv(auth.db, auth.organization.id, locale, appBaseUrl(request));
  return csvResponse(body, `risk-assessments-${todayInZone(auth.organization.timeZone)}.csv`);
}
