import { and, eq } from "drizzle-orm";
import { employees, sites, trainingAttendance, trainingMaterials, trainingSessions, type TrainingSession } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { zonedDateTimeToUtc } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../auth/actor";
import { nextRunningNumber } from "../organizations/running-number.server";
import { employedOn, sessionCriteria, sessionRecordType, sessionReference, type TrainingCategory } from "./training-rules";
import type { DrillValues, SessionValues } from "./training-schema";
import { lockSession } from "./training-writes.server";

// Training sessions and drills: recording, correcting and deleting one, its materials and its
// evidence links. Attendance is in training-attendance, the lists in training-queries, the yearly
// requirement in training-requirements.

/** The stored fields of either form; a plain session has no drill fields. */
type SessionInput = (SessionValues & { kind: "session" }) | (DrillValues & { kind: "drill" });

function columnsOf(input: SessionInput) {
  const drill = input.kind === "drill";
  return {
    category: (drill ? "crisis_drill" : input.category) as TrainingCategory,
    topic: input.topic,
    heldOn: input.heldOn,
    startTime: input.startTime ?? null,
    durationMinutes: input.durationMinutes ?? null,
    siteId: input.siteId ?? null,
    trainer: input.trainer,
    provider: input.provider ?? null,
    testGiven: input.testGiven,
    notes: input.notes ?? null,
    scenario: drill ? input.scenario : null,
    observations: drill ? (input.observations ?? null) : null,
    lessonsLearned: drill ? (input.lessonsLearned ?? null) : null,
    followUp: drill ? (input.followUp ?? null) : null,
  };
}

/** The instant a session happened, for the evidence's 12-month window: its start, or noon of its day. */
export function sessionInstant(session: Pick<TrainingSession, "heldOn" | "startTime">, timeZone: string): Date {
  return zonedDateTimeToUtc(`${session.heldOn}T${session.startTime ?? "12:00"}`, timeZone);
}

/** What the audit trail keeps of a session: the row, with the reference it is known by. */
function sessionSnapshot(session: TrainingSession) {
  return { reference: sessionReference(session.number), ...session };
}

async function siteBelongs(tx: Executor, orgId: string, siteId: string | null) {
  if (!siteId) return true;
  const [row] = await tx
    .select({ id: sites.id })
    .from(sites)
    .where(and(eq(sites.organizationId, orgId), eq(sites.id, siteId)));
  return Boolean(row);
}

/** Makes the session's evidence links those of its category (and of its test), dated when it was held. */
async function writeSessionEvidence(tx: Executor, actor: Actor, session: TrainingSession, timeZone: string) {
  const resolved = await resolveCriterionRefs(tx, sessionCriteria(session.category, session.testGiven));
  await setEvidenceLinks(
    tx,
    { ...actor, recordType: sessionRecordType(session.category), recordId: session.id, occurredAt: sessionInstant(session, timeZone) },
    [...new Set(resolved.values())],
  );
}

async function attachMaterials(tx: Executor, actor: Actor, session: TrainingSession, files: readonly CheckedUpload[]) {
  const entity = session.category === "crisis_drill" ? "drill" : "training_session";
  for (const file of files) {
    const stored = await storeFile(tx, actor, file);
    const [row] = await tx
      .insert(trainingMaterials)
      .values({ organizationId: actor.organizationId, sessionId: session.id, fileId: stored.id, addedByUserId: actor.userId })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "update",
        entityType: entity,
        entityId: session.id,
        after: {
          reference: sessionReference(session.number),
          material: { fileId: stored.id, name: stored.originalName, sha256: stored.sha256 },
        },
      });
    }
  }
}

/** Records a session (or a drill) with its materials; links it to the criteria of its category. */
export async function createSession(
  db: Database,
  actor: Actor,
  input: SessionInput,
  files: readonly CheckedUpload[],
  timeZone: string,
  /** When it is recorded: the clock, or the demo seed's history. */
  now = new Date(),
) {
  const columns = columnsOf(input);
  return db.transaction(async (tx) => {
    if (!(await siteBelongs(tx, actor.organizationId, columns.siteId))) return refused({ siteId: message("errors.choose") });
    const number = await nextRunningNumber(tx, actor.organizationId, trainingSessions);
    const [session] = await tx
      .insert(trainingSessions)
      .values({ organizationId: actor.organizationId, number, ...columns, recordedByUserId: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    if (!session) throw new Error("createSession: insert returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: input.kind === "drill" ? "drill" : "training_session",
      entityId: session.id,
      after: sessionSnapshot(session),
    });
    await attachMaterials(tx, actor, session, files);
    await writeSessionEvidence(tx, actor, session, timeZone);
    return { ok: true as const, id: session.id };
  });
}

/**
 * Corrects a session's details. A drill stays a drill and a session a session (their forms differ);
 * a new category, date or test moves the evidence links with it. Attendees employed on the old day
 * but not on the new one would no longer fit, so such a date change is refused.
 */
export async function updateSession(db: Database, actor: Actor, sessionId: string, input: SessionInput, timeZone: string) {
  const columns = columnsOf(input);
  return db.transaction(async (tx) => {
    const before = await lockSession(tx, actor.organizationId, sessionId);
    if (!before) return null;
    if ((before.category === "crisis_drill") !== (input.kind === "drill")) return refused({ form: message("errors.invalid") });
    if (!(await siteBelongs(tx, actor.organizationId, columns.siteId))) return refused({ siteId: message("errors.choose") });
    if (columns.heldOn !== before.heldOn) {
      const attendees = await tx
        .select({ name: employees.name, hireDate: employees.hireDate, leaveDate: employees.leaveDate })
        .from(trainingAttendance)
        .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
        .where(and(eq(trainingAttendance.organizationId, actor.organizationId), eq(trainingAttendance.sessionId, sessionId)));
      const misfit = attendees.find((a) => !employedOn(a, columns.heldOn));
      if (misfit) return refused({ heldOn: message("training.errors.attendeeNotEmployed", { name: misfit.name }) });
    }
    const [after] = await tx
      .update(trainingSessions)
      .set({ ...columns, updatedAt: new Date() })
      .where(and(eq(trainingSessions.organizationId, actor.organizationId), eq(trainingSessions.id, sessionId)))
      .returning();
    if (!after) throw new Error("updateSession: update returned nothing");
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: after.category === "crisis_drill" ? "drill" : "training_session",
      entityId: sessionId,
      before: sessionSnapshot(before),
      after: sessionSnapshot(after),
    });
    await writeSessionEvidence(tx, actor, after, timeZone);
    return { ok: true as const };
  });
}

/**
 * Deletes a session recorded by mistake, with its attendance, its materials' links and its evidence
 * links (the files stay in the store). The trail keeps the whole record, attendees included.
 */
export async function deleteSession(db: Database, actor: Actor, sessionId: string) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const attendees = await tx
      .select({ employeeId: trainingAttendance.employeeId, name: employees.name, testPassed: trainingAttendance.testPassed })
      .from(trainingAttendance)
      .innerJoin(employees, eq(employees.id, trainingAttendance.employeeId))
      .where(and(eq(trainingAttendance.organizationId, actor.organizationId), eq(trainingAttendance.sessionId, sessionId)));
    const materials = await tx
      .select({ fileId: trainingMaterials.fileId })
      .from(trainingMaterials)
      .where(and(eq(trainingMaterials.organizationId, actor.organizationId), eq(trainingMaterials.sessionId, sessionId)));
    await setEvidenceLinks(
      tx,
      { ...actor, recordType: sessionRecordType(session.category), recordId: session.id, occurredAt: new Date() },
      [],
    );
    await tx
      .delete(trainingSessions)
      .where(and(eq(trainingSessions.organizationId, actor.organizationId), eq(trainingSessions.id, sessionId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: session.category === "crisis_drill" ? "drill" : "training_session",
      entityId: sessionId,
      before: { ...sessionSnapshot(session), attendees, materials: materials.map((m) => m.fileId) },
    });
    return { ok: true as const, drill: session.category === "crisis_drill" };
  });
}

export async function addMaterials(db: Database, actor: Actor, sessionId: string, files: readonly CheckedUpload[]) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    await attachMaterials(tx, actor, session, files);
    return { ok: true as const };
  });
}
