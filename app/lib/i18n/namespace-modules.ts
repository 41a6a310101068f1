import type { Locale } from "./config";
import type { Namespace } from "./namespaces";

// How a browser fetches one namespace in one language: each is its own module (its own file in the
// browser build), so a page downloads only its language and only its namespaces. Written out rather
// than globbed so that the type checker sees every pair and the build's manifest names each file
// (locale-modules.server.ts finds them there to list them in the page's <head>).

type Texts = Record<string, unknown>;
type Loader = () => Promise<Texts>;

export const namespaceModules: Record<Locale, Record<Namespace, Loader>> = {
  en: {
    core: () => import("./locales/en/core").then((m) => m.core),
    auth: () => import("./locales/en/auth").then((m) => m.auth),
    dashboard: () => import("./locales/en/dashboard").then((m) => m.dashboard),
    organizations: () => import("./locales/en/organizations").then((m) => m.organizations),
    audit: () => import("./locales/en/audit").then((m) => m.audit),
    criteria: () => import("./locales/en/criteria").then((m) => m.criteria),
    policies: () => import("./locales/en/policies").then((m) => m.policies),
    assessments: () => import("./locales/en/assessments").then((m) => m.assessments),
    actions: () => import("./locales/en/actions").then((m) => m.actions),
    inspections: () => import("./locales/en/inspections").then((m) => m.inspections),
    partners: () => import("./locales/en/partners").then((m) => m.partners),
    seals: () => import("./locales/en/seals").then((m) => m.seals),
    visitors: () => import("./locales/en/visitors").then((m) => m.visitors),
    incidents: () => import("./locales/en/incidents").then((m) => m.incidents),
    badges: () => import("./locales/en/badges").then((m) => m.badges),
    personnel: () => import("./locales/en/personnel").then((m) => m.personnel),
    training: () => import("./locales/en/training").then((m) => m.training),
    internalAudits: () => import("./locales/en/internal-audits").then((m) => m.internalAudits),
    riskAssessments: () => import("./locales/en/risk-assessments").then((m) => m.riskAssessments),
    continuity: () => import("./locales/en/continuity").then((m) => m.continuity),
    dossiers: () => import("./locales/en/dossiers").then((m) => m.dossiers),
    emails: () => import("./locales/en/emails").then((m) => m.emails),
    attention: () => import("./locales/en/attention").then((m) => m.attention),
    notifications: () => import("./locales/en/notifications").then((m) => m.notifications),
    search: () => import("./locales/en/search").then((m) => m.search),
    charts: () => import("./locales/en/charts").then((m) => m.charts),
    cargo: () => import("./locales/en/cargo").then((m) => m.cargo),
  },
  "zh-CN": {
    core: () => import("./locales/zh-CN/core").then((m) => m.core),
    auth: () => import("./locales/zh-CN/auth").then((m) => m.auth),
    dashboard: () => import("./locales/zh-CN/dashboard").then((m) => m.dashboard),
    organizations: () => import("./locales/zh-CN/organizations").then((m) => m.organizations),
    audit: () => import("./locales/zh-CN/audit").then((m) => m.audit),
    criteria: () => import("./locales/zh-CN/criteria").then((m) => m.criteria),
    policies: () => import("./locales/zh-CN/policies").then((m) => m.policies),
    assessments: () => import("./locales/zh-CN/assessments").then((m) => m.assessments),
    actions: () => import("./locales/zh-CN/actions").then((m) => m.actions),
    inspections: () => import("./locales/zh-CN/inspections").then((m) => m.inspections),
    partners: () => import("./locales/zh-CN/partners").then((m) => m.partners),
    seals: () => import("./locales/zh-CN/seals").then((m) => m.seals),
    visitors: () => import("./locales/zh-CN/visitors").then((m) => m.visitors),
    incidents: () => import("./locales/zh-CN/incidents").then((m) => m.incidents),
    badges: () => import("./locales/zh-CN/badges").then((m) => m.badges),
    personnel: () => import("./locales/zh-CN/personnel").then((m) => m.personnel),
    training: () => import("./locales/zh-CN/training").then((m) => m.training),
    internalAudits: () => import("./locales/zh-CN/internal-audits").then((m) => m.internalAudits),
    riskAssessments: () => import("./locales/zh-CN/risk-assessments").then((m) => m.riskAssessments),
    continuity: () => import("./locales/zh-CN/continuity").then((m) => m.continuity),
    dossiers: () => import("./locales/zh-CN/dossiers").then((m) => m.dossiers),
    emails: () => import("./locales/zh-CN/emails").then((m) => m.emails),
    attention: () => import("./locales/zh-CN/attention").then((m) => m.attention),
    notifications: () => import("./locales/zh-CN/notifications").then((m) => m.notifications),
    search: () => import("./locales/zh-CN/search").then((m) => m.search),
    charts: () => import("./locales/zh-CN/charts").then((m) => m.charts),
    cargo: () => import("./locales/zh-CN/cargo").then((m) => m.cargo),
  },
};

/** Where each namespace's source is, for the build manifest lookup. */
export function namespaceSource(locale: Locale, namespace: Namespace): string {
  return `app/lib/i18n/locales/${locale}/${namespace}.ts`;
}
