import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { partnersXlsx } from "~/lib/partners/partner-export.server";
import { parsePartnerFilter, partnerQueryFilter } from "~/lib/partners/partner-filter";
import { listPartners } from "~/lib/partners/partners.server";

// /partners/export.xlsx?<the list's filters>: every partner the filtered list shows.

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const today = todayInZone(auth.organization.timeZone);
  const filter = parsePartnerFilter(new URL(request.url).searchParams);
  const { rows } = await listPartners(
    auth.db,
    auth.organization.id,
    partnerQueryFilter(filter, today),
    { limit: null, offset: 0 },
  );
  const bytes = await partnersXlsx(rows, locale);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="partners-${today}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
