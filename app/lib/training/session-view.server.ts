import { can, type Role } from "~/lib/auth/permissions";
import type { criterionLabels } from "~/lib/inspections/templates.server";
import type { listSites } from "~/lib/organizations/organizations.server";
import type { AttendeeFilter } from "~/lib/training/training-filter";
import { sessionReference } from "~/lib/training/training-rules";
import type { attendeeCandidates, getSession } from "~/lib/training/training-queries.server";

// The training session page's data (app/routes/_app.training.$sessionId): the rows its loader read,
// mapped for the page, with what the viewer's role may do decided here rather than in the route.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export interface SessionRows {
  found: NonNullable<Rows<typeof getSession>>;
  /** The criteria the session is evidence for, by "framework/key". */
  labels: Rows<typeof criterionLabels>;
  sites: Pick<Rows<typeof listSites>[number], "id" | "nameZh" | "nameEn">[];
  /** The employees the picker offers: none unless the viewer may manage training. */
  candidates: Rows<typeof attendeeCandidates>;
  departments: string[];
}

/** What a role may do on the session page. */
export function sessionRights(role: Role) {
  return { canManage: can(role, "training.manage") };
}

export function sessionView(rows: SessionRows, role: Role, timeZone: string, picker: AttendeeFilter) {
  const { found, labels, sites, candidates, departments } = rows;
  const { session } = found;
  const { canManage } = sessionRights(role);
  return {
    canManage,
    timeZone,
    session: {
      id: session.id,
      reference: sessionReference(session.number),
      drill: session.category === "crisis_drill",
      category: session.category,
      topic: session.topic,
      heldOn: session.heldOn,
      startTime: session.startTime,
      durationMinutes: session.durationMinutes,
      siteId: session.siteId,
      siteNameZh: found.siteNameZh,
      siteNameEn: found.siteNameEn,
      trainer: session.trainer,
      provider: session.provider,
      testGiven: session.testGiven,
      notes: session.notes,
      scenario: session.scenario,
      observations: session.observations,
      lessonsLearned: session.lessonsLearned,
      followUp: session.followUp,
      recordedByName: found.recordedByName,
      createdAt: session.createdAt,
    },
    criteria: Object.entries(labels).map(([ref, label]) => {
      const [framework = "", key = ""] = ref.split("/");
      return { framework, key, ...label };
    }),
    materials: found.materials,
    attendance: found.attendance,
    picker,
    candidates: candidates.rows,
    moreCandidates: candidates.more,
    departments,
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export type SessionView = ReturnType<typeof sessionView>;
