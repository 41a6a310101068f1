import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { LanguageSwitch } from "~/components/language-switch";
import { SearchBox } from "~/components/search/search-box";
import { PhoneMenuItems, type NavFilter } from "~/components/shell/phone-menu";
import { DemoBanner } from "~/components/demo-banner";
import { requireAuth } from "~/lib/auth/auth.server";
import { can, type Permission } from "~/lib/auth/permissions";
import { useShell, type ShellData } from "~/lib/auth/use-session-user";
import { listUserOrganizations } from "~/lib/organizations/organizations.server";
import { unreadCount } from "~/lib/notifications/notifications.server";
import { NotificationBell } from "~/components/notifications/notification-bell";

export async function loader({ request }: LoaderFunctionArgs): Promise<ShellData> {
  const auth = await requireAuth(request);
  const { id, legalNameZh, legalNameEn, timeZone } = auth.organization;
  return {
    user: { id: auth.user.id, name: auth.user.name, email: auth.user.email },
    role: auth.membership.role,
    organization: { id, legalNameZh, legalNameEn, timeZone },
    organizations: await listUserOrganizations(auth.db, auth.user.id),
    unreadNotifications: await unreadCount(auth.db, id, auth.user.id),
    demo: auth.organization.isDemo,
  };
}

// The menu in groups, in the order of a working day: the gate and dock, people, partners, the
// certification work, then settings. A group with nothing the role may open is left out.
// `gate`: what a guard's phone menu shows first (components/shell/phone-menu.tsx).
type NavItem = { to: string; label: string; permission: Permission; end?: boolean; gate?: boolean };
const navigation: { group: string | null; items: NavItem[] }[] = [
  { group: null, items: [{ to: "/", label: "nav.dashboard", permission: "dashboard.read", end: true, gate: true }] },
  {
    group: "nav.groups.security",
    items: [
      { to: "/inspections", label: "nav.inspections", permission: "inspections.read", gate: true },
      { to: "/schedules", label: "nav.schedules", permission: "inspections.read" },
      { to: "/templates", label: "nav.templates", permission: "inspections.read" },
      { to: "/seals", label: "nav.seals", permission: "seals.read", gate: true },
      { to: "/cargo", label: "nav.cargo", permission: "cargo.read" },
      { to: "/visitors", label: "nav.visitors", permission: "visitors.read", gate: true },
      { to: "/badges", label: "nav.badges", permission: "badges.read", gate: true },
      { to: "/incidents", label: "nav.incidents", permission: "incidents.read", gate: true },
    ],
  },
  {
    group: "nav.groups.people",
    items: [
      { to: "/personnel", label: "nav.personnel", permission: "personnel.read" },
      { to: "/training", label: "nav.training", permission: "training.read" },
    ],
  },
  {
    group: "nav.groups.partners",
    items: [
      { to: "/partners", label: "nav.partners", permission: "partners.read" },
      { to: "/clauses", label: "nav.clauses", permission: "partners.read" },
    ],
  },
  {
    group: "nav.groups.compliance",
    items: [
      { to: "/assessments", label: "nav.assessments", permission: "assessments.read" },
      { to: "/actions", label: "nav.actions", permission: "actions.read", gate: true },
      { to: "/customs-contacts", label: "nav.customsContacts", permission: "incidents.read" },
      { to: "/policies", label: "nav.policies", permission: "policies.read" },
      { to: "/internal-audits", label: "nav.internalAudits", permission: "internalAudits.read" },
      { to: "/risk-assessments", label: "nav.riskAssessments", permission: "risk.read" },
      { to: "/continuity", label: "nav.continuity", permission: "continuity.read" },
      { to: "/criteria", label: "nav.criteria", permission: "criteria.read" },
      { to: "/dossiers", label: "nav.dossiers", permission: "dossiers.read" },
    ],
  },
  {
    group: "nav.groups.settings",
    items: [
      { to: "/settings/organization", label: "nav.organization", permission: "organization.read" },
      { to: "/settings/sites", label: "nav.sites", permission: "sites.read" },
      { to: "/settings/members", label: "nav.members", permission: "members.read" },
      { to: "/settings/partners", label: "nav.partnerRules", permission: "partners.read" },
      { to: "/settings/audit", label: "nav.audit", permission: "audit.read" },
      { to: "/settings/notifications", label: "nav.notificationSettings", permission: "notifications.manage" },
      { to: "/settings/outbox", label: "nav.outbox", permission: "outbox.read" },
      { to: "/settings/signing", label: "nav.signing", permission: "signing.manage" },
    ],
  },
];

function NavItems({ filter }: { filter?: NavFilter }) {
  const { t } = useTranslation();
  const { role } = useShell();
  return (
    <div className="space-y-3">
      {navigation.map(({ group, items }) => {
        const visible = items.filter((item) => can(role, item.permission) && (!filter || filter(item)));
        if (visible.length === 0) return null;
        return (
          <div key={group ?? "home"}>
            {group ? <p className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-500">{t(group as "nav.groups.security")}</p> : null}
            <ul className="space-y-1">
              {visible.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end={item.end}
                    className={({ isActive }) =>
                      `flex min-h-11 items-center rounded-md px-3 font-medium ${
                        isActive ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100"
                      }`
                    }
                  >
                    {t(item.label as "nav.dashboard")}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

export default function AppShell() {
  const { t, i18n } = useTranslation();
  const shell = useShell();
  const orgName = i18n.language === "en" ? shell.organization.legalNameEn : shell.organization.legalNameZh;
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // Client-side navigation keeps the shell mounted: close the phone menu once a page is chosen.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("shell.skipToContent")}
      </a>
      <aside className="hidden w-64 shrink-0 border-r border-slate-200 bg-white px-3 py-4 lg:block">
        <p className="px-3 text-lg font-bold text-brand-800">{t("app.name")}</p>
        <p className="mb-4 px-3 text-sm text-slate-600">{orgName}</p>
        <nav aria-label={t("shell.mainNavigation")}>
          <NavItems />
        </nav>
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2">
          {/* Phones get the menu as a disclosure: it opens without JavaScript. */}
          <details ref={menu} className="group relative lg:hidden">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md px-3 font-semibold text-brand-800 ring-1 ring-slate-300">
              ☰ {t("shell.menu")}
            </summary>
            <nav
              aria-label={t("shell.mainNavigation")}
              className="absolute left-0 z-20 mt-2 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg"
            >
              <p className="px-3 pb-2 text-sm text-slate-600">{orgName}</p>
              <PhoneMenuItems role={shell.role} renderItems={(filter) => <NavItems filter={filter} />} />
            </nav>
          </details>
          <SearchBox />
          <span className="hidden text-sm text-slate-600 lg:inline">
            {t(`roles.${shell.role}`)} · {shell.user.name}
          </span>
          <div className="flex flex-wrap items-center gap-1">
            <NotificationBell />
            <LanguageSwitch />
            <NavLink to="/account" className="flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {t("nav.account")}
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="min-h-11 rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100">
                {t("nav.logout")}
              </button>
            </Form>
          </div>
        </header>
        <DemoBanner />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
