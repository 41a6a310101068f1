import type { ReactNode } from "react";
import type { Role } from "~/lib/auth/permissions";
import { useTranslation } from "~/lib/i18n/use-translation";

// The phone menu of a guard: what the gate uses first (the entries marked `gate` in the shell's
// navigation: the dashboard, inspections, seals, visitors, badges and corrective actions), the rest
// one tap further under "More". Other roles, and every role on a wide screen, get the whole menu.

/** Roles whose phone menu is the short gate menu. */
export const shortMenuRoles: readonly Role[] = ["security"];

export type NavFilter = (item: { gate?: boolean }) => boolean;

export function PhoneMenuItems(props: { role: Role; renderItems: (filter?: NavFilter) => ReactNode }) {
  const { t } = useTranslation();
  if (!shortMenuRoles.includes(props.role)) return <>{props.renderItems()}</>;
  return (
    <>
      {props.renderItems((item) => !!item.gate)}
      {/* A disclosure: it opens without JavaScript, like the menu itself. */}
      <details className="group/more mt-3 border-t border-slate-200 pt-2">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between rounded-md px-3 font-medium text-slate-700 hover:bg-slate-100">
          {t("shell.more")}
          <span aria-hidden="true" className="text-slate-500 transition-transform group-open/more:rotate-90">
            ▸
          </span>
        </summary>
        <div className="mt-2">{props.renderItems((item) => !item.gate)}</div>
      </details>
    </>
  );
}
