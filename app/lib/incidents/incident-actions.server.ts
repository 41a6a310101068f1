import { and, eq } from "drizzle-orm";
import { incidents } from "../../../db/schema";
import { assignableMembers } from "../actions/actions.server";
import { raiseCorrectiveAction } from "../actions/raise-action.server";
import type { Actor } from "../auth/actor";
import type { Database } from "../db-types.server";
import { refused } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { incidentReference } from "./incident-rules";
import type { IncidentActionValues } from "./incident-schema";

// Raising a corrective action from an incident: apart from incidents.server.ts, so the pages and the
// dossier that only read incidents do not load the actions' and notifications' modules.

/** A corrective action (CA-) raised from an incident, as inspections and evaluations raise theirs. */
export async function raiseIncidentAction(
  db: Database,
  actor: Actor,
  incidentId: string,
  values: IncidentActionValues,
  timeZone: string,
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const [incident] = await tx
      .select()
      .from(incidents)
      .where(and(eq(incidents.organizationId, actor.organizationId), eq(incidents.id, incidentId)));
    if (!incident) return null;
    if (values.dueOn < todayInZone(timeZone, now)) return refused({ dueOn: message("incidents.errors.dueBeforeToday") });
    const members = await assignableMembers(tx, actor.organizationId);
    if (!members.some((m) => m.userId === values.ownerUserId)) return refused({ ownerUserId: message("errors.choose") });
    const action = await raiseCorrectiveAction(
      tx,
      actor,
      {
        sourceType: "incident",
        sourceId: incident.id,
        title: values.title,
        description: values.description ?? "",
        ownerUserId: values.ownerUserId,
        dueOn: values.dueOn,
      },
      { now, audited: { incident: incidentReference(incident.number) } },
    );
    return { ok: true as const, action };
  });
}
