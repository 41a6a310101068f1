import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";

// How a partner is shown in lists and headers: its status and tier badges and its name. Apart from
// the form's fields (partner-fields.tsx) so that a page that only lists partners does not download
// the form's schema, zod and the country list.

const statusTone = { pending: "warn", approved: "good", conditional: "brand", rejected: "bad" } as const;
/** The tones of a partner's risk tier, wherever one is shown. */
export const tierTone = { low: "good", medium: "warn", high: "bad" } as const;
/** A decision in the tone of the status it gives the partner. */
export const decisionTone = { approved: "good", approved_with_conditions: "brand", rejected: "bad" } as const;

/** Status and risk tier, as every list and page shows them; a rejected partner is marked in red. */
export function PartnerStatusBadges(props: { status: keyof typeof statusTone; tier: keyof typeof tierTone | null; exempt?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={statusTone[props.status]}>{t(`partners.status.${props.status}`)}</Badge>
      {props.tier ? <Badge tone={tierTone[props.tier]}>{t(`partners.tier.${props.tier}`)}</Badge> : null}
      {props.exempt ? <Badge tone="brand">{t("partners.exemptBadge")}</Badge> : null}
    </span>
  );
}

/** The partner's name in the reader's language, the other one after it when both exist. */
export function partnerName(p: { legalNameZh: string; legalNameEn: string }, en: boolean): string {
  return en ? p.legalNameEn || p.legalNameZh : p.legalNameZh || p.legalNameEn;
}
