import { and, eq, inArray } from "drizzle-orm";
import { employees, trainingAttendance, type TrainingAttendance, type TrainingSession } from "../../../db/schema";
import { recordAudit, recordAuditBatch } from "../audit/audit.server";
import type { Database } from "../db-types.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { employedOn, sessionReference } from "./training-rules";
import { lockSession } from "./training-writes.server";

// A session's attendance: adding and removing attendees, and their test results.

/** An attendance as the trail shows it: "TR-0001 张伟". */
function attendanceSnapshot(session: TrainingSession, row: TrainingAttendance, name: string) {
  return {
    reference: name ? `${sessionReference(session.number)} ${name}` : sessionReference(session.number),
    employeeName: name || undefined,
    ...row,
  };
}

/**
 * Adds attendees. Each must be an employee of the organisation who was employed on the session's day;
 * one already on the list is left as it is (a repeated post adds nobody twice).
 */
export async function addAttendance(db: Database, actor: Actor, sessionId: string, employeeIds: readonly string[]) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const wanted = [...new Set(employeeIds)];
    const people = await tx
      .select({ id: employees.id, name: employees.name, hireDate: employees.hireDate, leaveDate: employees.leaveDate })
      .from(employees)
      .where(and(eq(employees.organizationId, actor.organizationId), inArray(employees.id, wanted)));
    if (people.length !== wanted.length) return refused({ employeeIds: message("errors.choose") });
    const misfit = people.find((p) => !employedOn(p, session.heldOn));
    if (misfit) return refused({ employeeIds: message("training.errors.notEmployed", { name: misfit.name }) });
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const rows = await tx
      .insert(trainingAttendance)
      .values(wanted.map((employeeId) => ({ organizationId: actor.organizationId, sessionId, employeeId, recordedByUserId: actor.userId })))
      .onConflictDoNothing()
      .returning();
    await recordAuditBatch(
      tx,
      actor.organizationId,
      rows.map((row) => ({
        actorUserId: actor.userId,
        action: "create" as const,
        entityType: "training_attendance",
        entityId: row.id,
        after: attendanceSnapshot(session, row, nameOf.get(row.employeeId) ?? ""),
      })),
    );
    return { ok: true as const, added: rows.length };
  });
}

export async function removeAttendance(db: Database, actor: Actor, sessionId: string, attendanceId: string) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    const [row] = await tx
      .delete(trainingAttendance)
      .where(
        and(
          eq(trainingAttendance.organizationId, actor.organizationId),
          eq(trainingAttendance.sessionId, sessionId),
          eq(trainingAttendance.id, attendanceId),
        ),
      )
      .returning();
    if (!row) return null;
    const [employee] = await tx
      .select({ name: employees.name })
      .from(employees)
      .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, row.employeeId)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "delete",
      entityType: "training_attendance",
      entityId: row.id,
      before: attendanceSnapshot(session, row, employee?.name ?? ""),
    });
    return { ok: true as const };
  });
}

/** Records whether an attendee passed the session's test (CTPAT 12.4). */
export async function setTestResult(db: Database, actor: Actor, sessionId: string, attendanceId: string, passed: boolean | null) {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, actor.organizationId, sessionId);
    if (!session) return null;
    if (!session.testGiven) return refused({ form: message("training.errors.noTest") });
    const where = and(
      eq(trainingAttendance.organizationId, actor.organizationId),
      eq(trainingAttendance.sessionId, sessionId),
      eq(trainingAttendance.id, attendanceId),
    );
    const [before] = await tx.select().from(trainingAttendance).where(where);
    if (!before) return null;
    if (before.testPassed === passed) return { ok: true as const };
    const [after] = await tx.update(trainingAttendance).set({ testPassed: passed }).where(where).returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "training_attendance",
      entityId: attendanceId,
      before: attendanceSnapshot(session, before, ""),
      after: after ? attendanceSnapshot(session, after, "") : null,
    });
    return { ok: true as const };
  });
}
