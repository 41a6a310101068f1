// What the search finds and shows, shared by the server and the results page (pure, no queries).
import { can, type Permission, type Role } from "../auth/permissions";
import type { HighlightPart, SearchQuery } from "./search-query";

export const SEARCH_GROUP_SIZE = 10;

/** The kinds in the order the page shows them: the gate's registers first, as in the menu. */
export const searchKinds = [
  "inspection",
  "seal",
  "cargo",
  "visitor",
  "incident",
  "employee",
  "partner",
  "action",
  "customsContact",
  "internalAudit",
  "riskAssessment",
  "continuityPlan",
  "dossier",
] as const;
export type SearchKind = (typeof searchKinds)[number];

const kindPermission: Record<SearchKind, Permission> = {
  inspection: "inspections.read",
  seal: "seals.read",
  visitor: "visitors.read",
  employee: "personnel.read",
  partner: "partners.read",
  action: "actions.read",
  dossier: "dossiers.read",
  cargo: "cargo.read",
  incident: "incidents.read",
  // The customs-contact log is read with the incidents (its pages ask incidents.read).
  customsContact: "incidents.read",
  internalAudit: "internalAudits.read",
  riskAssessment: "risk.read",
  continuityPlan: "continuity.read",
};

/** The kinds a role's search looks in (and the page names). */
export function searchableKinds(role: Role): SearchKind[] {
  return searchKinds.filter((kind) => can(role, kindPermission[kind]));
}

/** What matched: the field, and its value with the matched characters marked. */
export interface SearchMatch {
  field: "legalNameZh" | "legalNameEn" | "uscc" | "reference" | "containerNumber" | "sealNumber" | "sealTarget" | "visitorName" | "company" | "name" | "description" | "location" | "documents" | "subject" | "title";
  parts: HighlightPart[];
}

interface HitBase {
  id: string;
  href: string;
  reference: string;
  match: SearchMatch;
}

export type SearchHit =
  | (HitBase & { kind: "partner"; legalNameZh: string; legalNameEn: string; uscc: string | null })
  | (HitBase & { kind: "inspection"; containerNumber: string | null; occurredAt: string; result: "pass" | "fail" | null })
  | (HitBase & { kind: "seal"; target: string | null; appliedAt: string | null })
  | (HitBase & { kind: "visitor"; visitorName: string; company: string; signedInAt: string })
  | (HitBase & { kind: "employee"; name: string; position: string; idNumberMasked: string | null; left: boolean })
  | (HitBase & { kind: "action"; title: string; dueOn: string })
  | (HitBase & { kind: "dossier"; periodFrom: string; periodTo: string })
  | (HitBase & { kind: "incident"; description: string; status: "open" | "investigating" | "closed"; discoveredAt: string })
  | (HitBase & { kind: "cargo"; containerNumber: string; documents: string; direction: "receiving" | "shipping"; reconciledOn: string; discrepancy: boolean })
  | (HitBase & { kind: "customsContact"; subject: string; customsOffice: string; contactedOn: string })
  | (HitBase & { kind: "internalAudit"; scope: string; auditedOn: string })
  | (HitBase & { kind: "riskAssessment"; subject: string; assessedOn: string; status: "draft" | "approved" })
  | (HitBase & { kind: "continuityPlan"; title: string; nextTestOn: string; status: "draft" | "approved" });

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** The kind's list filtered by the same text, when it has more hits than shown; else null. */
  moreHref: string | null;
}

export interface SearchResults {
  query: SearchQuery;
  /** The kinds looked in, whether or not they had hits. */
  searched: SearchKind[];
  /** Only the kinds with hits, in the order of searchKinds. */
  groups: SearchGroup[];
}

