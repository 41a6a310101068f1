import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";
import { useCan } from "~/lib/auth/use-session-user";
import { useTranslation } from "~/lib/i18n/use-translation";

/** How many people have an active account, with the way to the members' page. */
export function MembersCard({ members }: { members: number }) {
  const { t } = useTranslation();
  const canManageMembers = useCan("members.manage");
  return (
    <Card title={t("dashboard.members")} actions={<Link className="text-sm text-brand-700 underline" to="/settings/members">{t(canManageMembers ? "common.manage" : "common.view")}</Link>}>
      <p className="text-3xl font-bold">{members}</p>
      <p className="text-sm text-slate-600">{t("dashboard.activeMembers")}</p>
    </Card>
  );
}
