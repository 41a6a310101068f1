import { NavLink } from "@remix-run/react";
import { useShell } from "~/lib/auth/use-session-user";
import { useTranslation } from "~/lib/i18n/use-translation";

/** The shell header's bell: a link to /notifications with the unread count (no JavaScript needed). */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useShell().unreadNotifications ?? 0;
  const label = count ? t("shell.notificationsUnread", { count }) : t("shell.notifications");
  return (
    <NavLink
      to="/notifications"
      aria-label={label}
      title={label}
      className={({ isActive }) =>
        `relative flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-slate-700 hover:bg-slate-100 ${isActive ? "bg-slate-100" : ""}`
      }
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count ? (
        <span aria-hidden="true" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </NavLink>
  );
}
