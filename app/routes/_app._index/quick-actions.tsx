import { Link } from "@remix-run/react";
import { useShell } from "~/lib/auth/use-session-user";
import { can, type Permission } from "~/lib/auth/permissions";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { DashboardKind } from "~/lib/organizations/dashboard-view.server";

type QuickKey = "inspect" | "visitor" | "applySeal" | "reportSeal" | "issueSeals" | "inspections" | "newPartner" | "partners" | "newEmployee" | "training" | "newAssessment" | "newDossier";

// What each desk starts most often, one tap from the dashboard. The auditor and the manager get
// none: they read, or go through the menu.
const quick: Partial<Record<DashboardKind, readonly { key: QuickKey; to: string; permission: Permission }[]>> = {
  guard: [
    { key: "inspect", to: "/inspections/new", permission: "inspections.record" },
    { key: "visitor", to: "/visitors/new", permission: "visitors.record" },
    { key: "applySeal", to: "/seals/apply", permission: "seals.record" },
    { key: "reportSeal", to: "/seals/report", permission: "seals.record" },
  ],
  lead: [
    { key: "inspections", to: "/inspections", permission: "inspections.read" },
    { key: "issueSeals", to: "/seals/issue", permission: "seals.record" },
    { key: "reportSeal", to: "/seals/report", permission: "seals.record" },
  ],
  procurement: [
    { key: "newPartner", to: "/partners/new", permission: "partners.manage" },
    { key: "partners", to: "/partners", permission: "partners.read" },
  ],
  hr: [
    { key: "newEmployee", to: "/personnel/new", permission: "personnel.manage" },
    { key: "training", to: "/training/new", permission: "training.manage" },
  ],
  compliance: [
    { key: "newAssessment", to: "/assessments/new", permission: "assessments.manage" },
    { key: "newDossier", to: "/dossiers/new", permission: "dossiers.create" },
  ],
};

export function QuickActions(props: { kind: DashboardKind }) {
  const { t } = useTranslation();
  const { role } = useShell();
  const links = (quick[props.kind] ?? []).filter((q) => can(role, q.permission));
  if (!links.length) return null;
  return (
    <nav aria-label={t("attention.quick.title")} className="mb-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
      {links.map((q, i) => (
        <Link
          key={q.key}
          to={q.to}
          className={`inline-flex min-h-12 items-center justify-center rounded-md px-4 text-center font-semibold ${
            i === 0 ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-brand-700 bg-white text-brand-700 hover:bg-brand-50"
          }`}
        >
          {t(`attention.quick.${q.key}`)}
        </Link>
      ))}
    </nav>
  );
}
