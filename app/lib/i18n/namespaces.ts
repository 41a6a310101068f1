// The translation namespaces: one per feature, each a file in locales/en/ and locales/zh-CN/ with
// the same keys. A key keeps its feature's prefix (`seals.receive.title` lives in the seals
// namespace), so `t()` calls never name a namespace. The server has every namespace; a browser gets
// `core` plus the namespaces its page's routes declare in their handle (`i18n: [...]`), and
// tests/unit/i18n/route-namespaces.test.ts fails when a route uses keys of one it does not declare.

/** Each namespace and the top-level key sections its files hold (a test holds this equal to the files). */
export const namespaceSections = {
  core: ["app", "common", "shell", "nav", "roles", "permissions", "fields", "errors", "files", "errorPage"],
  auth: ["login", "signup", "reset", "invite", "account"],
  dashboard: ["dashboard"],
  organizations: ["organization", "aeoStatus", "enterpriseType", "siteKind", "sites", "members", "roleDescriptions", "outbox"],
  audit: ["audit"],
  criteria: ["criteria", "evidence"],
  policies: ["policies"],
  assessments: ["assessments"],
  actions: ["actions"],
  inspections: ["inspections", "schedules", "templates"],
  partners: ["partners", "clauses", "partnerRules", "questionnaire"],
  seals: ["seals"],
  visitors: ["visitors"],
  incidents: ["incidents", "customsContacts"],
  badges: ["badges"],
  personnel: ["personnel"],
  training: ["training"],
  internalAudits: ["internalAudits"],
  riskAssessments: ["riskAssessments"],
  continuity: ["continuity"],
  dossiers: ["dossiers", "shares", "signing"],
  emails: ["emails"],
  attention: ["attention"],
  notifications: ["notifications"],
  search: ["search"],
  charts: ["charts"],
  cargo: ["cargo"],
} as const;

export const namespaces = Object.keys(namespaceSections) as (keyof typeof namespaceSections)[];
export type Namespace = keyof typeof namespaceSections;

/** What every page needs: the shell, the menu, shared words, form fields, errors and the error page. */
export const alwaysLoaded: readonly Namespace[] = ["core"];

export function isNamespace(value: unknown): value is Namespace {
  return typeof value === "string" && (namespaces as readonly string[]).includes(value);
}

/** What a route module declares in `export const handle`: the namespaces its page reads besides `core`. */
export interface TranslationHandle {
  i18n?: readonly Namespace[];
}

/**
 * The namespaces a page needs, from its matched routes' handles, in a stable order (the order above),
 * so the server's render and the browser's agree.
 */
export function pageNamespaces(handles: readonly unknown[]): Namespace[] {
  const wanted = new Set<Namespace>(alwaysLoaded);
  for (const handle of handles) {
    const declared = (handle as TranslationHandle | undefined)?.i18n;
    if (Array.isArray(declared)) for (const name of declared) if (isNamespace(name)) wanted.add(name);
  }
  return namespaces.filter((name) => wanted.has(name));
}

const namespaceOfSection = new Map<string, Namespace>(
  namespaces.flatMap((namespace) => namespaceSections[namespace].map((section) => [section, namespace] as const)),
);

/** The namespace that holds a key (`seals.receive.title` → seals), or undefined for an unknown section. */
export function namespaceOfKey(key: string): Namespace | undefined {
  const dot = key.indexOf(".");
  return namespaceOfSection.get(dot === -1 ? key : key.slice(0, dot));
}
