import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "~/components/ui/badge";
import type { ReleaseState } from "~/lib/inspections/inspection-rules";

// How an inspection stands, as the list, the record page and the dashboard show it.

export function ResultBadge(props: { result: "pass" | "fail" | null; failedPoints: number }) {
  const { t } = useTranslation();
  if (props.result === "fail") return <Badge tone="bad">{t("inspections.result.failCount", { count: props.failedPoints })}</Badge>;
  if (props.result === "pass") return <Badge tone="good">{t("inspections.result.pass")}</Badge>;
  return null;
}

const releaseTone = { released: "good", awaiting_signoff: "warn", blocked: "bad", ready: "brand" } as const;

export function ReleaseBadge(props: { release: ReleaseState }) {
  const { t } = useTranslation();
  const { release } = props;
  if (release.state === "not_gated") return null;
  const label =
    release.state === "released" && release.overridden
      ? t("inspections.releaseBadge.overridden")
      : t(`inspections.releaseBadge.${release.state}`);
  return <Badge tone={releaseTone[release.state]}>{label}</Badge>;
}
