import { Badge } from "~/components/ui/badge";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { KeyRole } from "~/lib/personnel/personnel-values";

/** Every key role a person holds, one badge each (nothing when none): lists, the person's pages, the training pages. */
export function KeyRoleBadges(props: { roles: readonly KeyRole[]; tone?: "brand" | "neutral" }) {
  const { t } = useTranslation();
  if (!props.roles.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {props.roles.map((role) => (
        <Badge key={role} tone={props.tone}>
          {t(`personnel.keyRole.${role}`)}
        </Badge>
      ))}
    </span>
  );
}
