import { useTranslation } from "~/lib/i18n/use-translation";
import type { AccessItemStatus } from "~/lib/badges/access-item-rules";
import { Badge } from "../ui/badge";

const tones = { available: "good", issued: "brand", lost: "bad", revoked: "warn", retired: "neutral" } as const;

/** The status of a badge, card or key, as the register and the item page show it. */
export function AccessItemStatusBadge(props: { status: AccessItemStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[props.status]}>{t(`badges.status.${props.status}`)}</Badge>;
}
