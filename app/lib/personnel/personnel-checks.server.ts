import { and, desc, eq } from "drizzle-orm";
import { backgroundChecks, conductAcknowledgements, employees, evidenceFiles, prehireChecks, users } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { nextRunningNumber } from "../organizations/running-number.server";
import { getEmployee } from "./personnel-queries.server";
import { nextBackgroundCheckOn } from "./personnel-rules";
import { backgroundReference, employeeReference, prehireReference } from "./personnel-references";
import { linkEvidence } from "./personnel-writes.server";

// Pre-hire checks, background checks and code of conduct acknowledgements, with their scans.

export async function addPrehireCheck(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: {
    kind: "employment_history" | "reference" | "identity" | "education";
    source: string;
    checkedOn: string;
    result: "verified" | "discrepancy" | "unreachable";
    note?: string;
  },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.checkedOn > today) return refused({ checkedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    if (!(await getEmployee(tx, actor.organizationId, employeeId))) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, prehireChecks);
    const [row] = await tx
      .insert(prehireChecks)
      .values({
        organizationId: actor.organizationId,
        number,
        employeeId,
        kind: values.kind,
        source: values.source,
        checkedOn: values.checkedOn,
        result: values.result,
        note: values.note ?? "",
        fileId: stored?.id ?? null,
        checkedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "prehire_check",
      entityId: row!.id,
      after: { reference: prehireReference(row!.number), ...row },
    });
    await linkEvidence(tx, actor, "prehire_check", row!.id, row!.checkedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function addBackgroundCheck(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: {
    type: "criminal_record" | "identity" | "credit" | "other";
    provider: string;
    checkedOn: string;
    result: "clear" | "concern" | "failed";
    note?: string;
  },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.checkedOn > today) return refused({ checkedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    const employee = await getEmployee(tx, actor.organizationId, employeeId);
    if (!employee) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const number = await nextRunningNumber(tx, actor.organizationId, backgroundChecks);
    const nextCheckOn = nextBackgroundCheckOn(values.checkedOn, employee.securitySensitive);
    const [row] = await tx
      .insert(backgroundChecks)
      .values({
        organizationId: actor.organizationId,
        number,
        employeeId,
        type: values.type,
        provider: values.provider,
        checkedOn: values.checkedOn,
        result: values.result,
        nextCheckOn,
        note: values.note ?? "",
        fileId: stored?.id ?? null,
        recordedByUserId: actor.userId,
      })
      .returning();
    // An older check entered late does not pull the due date back.
    if (!employee.nextBackgroundCheckOn || nextCheckOn > employee.nextBackgroundCheckOn) {
      await tx
        .update(employees)
        .set({ nextBackgroundCheckOn: nextCheckOn, updatedAt: new Date() })
        .where(and(eq(employees.organizationId, actor.organizationId), eq(employees.id, employeeId)));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "background_check",
      entityId: row!.id,
      after: { reference: backgroundReference(row!.number), ...row },
    });
    await linkEvidence(tx, actor, "background_check", row!.id, row!.checkedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function addConductAcknowledgement(
  db: Database,
  actor: Actor,
  employeeId: string,
  values: { codeVersion: string; acknowledgedOn: string },
  file: CheckedUpload | null,
  today: string,
) {
  if (values.acknowledgedOn > today) return refused({ acknowledgedOn: message("personnel.inFuture") });
  return db.transaction(async (tx) => {
    const employee = await getEmployee(tx, actor.organizationId, employeeId);
    if (!employee) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const [row] = await tx
      .insert(conductAcknowledgements)
      .values({
        organizationId: actor.organizationId,
        employeeId,
        codeVersion: values.codeVersion,
        acknowledgedOn: values.acknowledgedOn,
        fileId: stored?.id ?? null,
        recordedByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "conduct_acknowledgement",
      entityId: row!.id,
      after: { reference: `${employeeReference(employee.number)} ${employee.name} · ${row!.codeVersion}`, ...row },
    });
    await linkEvidence(tx, actor, "conduct_acknowledgement", row!.id, row!.acknowledgedOn);
    return { ok: true as const, id: row!.id };
  });
}

export async function employeeRecords(db: Database, orgId: string, employeeId: string) {
  const fileCols = { fileName: evidenceFiles.originalName };
  const [prehire, background, conduct] = await Promise.all([
    db
      .select({ check: prehireChecks, byName: users.name, ...fileCols })
      .from(prehireChecks)
      .innerJoin(users, eq(users.id, prehireChecks.checkedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, prehireChecks.fileId))
      .where(and(eq(prehireChecks.organizationId, orgId), eq(prehireChecks.employeeId, employeeId)))
      .orderBy(desc(prehireChecks.checkedOn), desc(prehireChecks.number)),
    db
      .select({ check: backgroundChecks, byName: users.name, ...fileCols })
      .from(backgroundChecks)
      .innerJoin(users, eq(users.id, backgroundChecks.recordedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, backgroundChecks.fileId))
      .where(and(eq(backgroundChecks.organizationId, orgId), eq(backgroundChecks.employeeId, employeeId)))
      .orderBy(desc(backgroundChecks.checkedOn), desc(backgroundChecks.number)),
    db
      .select({ ack: conductAcknowledgements, byName: users.name, ...fileCols })
      .from(conductAcknowledgements)
      .innerJoin(users, eq(users.id, conductAcknowledgements.recordedByUserId))
      .leftJoin(evidenceFiles, eq(evidenceFiles.id, conductAcknowledgements.fileId))
      .where(and(eq(conductAcknowledgements.organizationId, orgId), eq(conductAcknowledgements.employeeId, employeeId)))
      .orderBy(desc(conductAcknowledgements.acknowledgedOn)),
  ]);
  return { prehire, background, conduct };
}

/**
 * Whether an evidence file is the scan of a personnel record (a pre-hire check, a 无犯罪记录证明, a
 * signed code of conduct): personal data, so /files serves it only to roles that read the employee list.
 */
export async function isPersonnelFile(db: Executor, orgId: string, fileId: string): Promise<boolean> {
  for (const table of [prehireChecks, backgroundChecks, conductAcknowledgements]) {
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.organizationId, orgId), eq(table.fileId, fileId)))
      .limit(1);
    if (row) return true;
  }
  return false;
}
