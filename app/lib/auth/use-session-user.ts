import { useRouteLoaderData } from "@remix-run/react";
import { can, type Permission, type Role } from "./permissions";

export interface ShellData {
  user: { id: string; name: string; email: string };
  role: Role;
  organization: { id: string; legalNameZh: string; legalNameEn: string; timeZone: string };
  organizations: { id: string; legalNameZh: string; legalNameEn: string; role: Role }[];
  /** The bell's count (notifications/notification-bell.tsx). */
  unreadNotifications?: number;
  /** The organisation is the demo seed's (organizations.is_demo): every page says its data is made up. */
  demo?: boolean;
}

/** What the signed-in shell (routes/_app.tsx) loaded: the user, their role and organisation. */
export function useShell(): ShellData {
  const data = useRouteLoaderData("routes/_app") as ShellData | undefined;
  if (!data) throw new Error("useShell is only for pages inside the signed-in shell");
  return data;
}

export function useCan(permission: Permission): boolean {
  return can(useShell().role, permission);
}
